import type { UserStatus } from '@/lib/accounts/types';
import type { MessageKey } from '@/lib/i18n/messages';
import type { OutcomeId, Problem } from './types';

/** A message key under SignInHelp in locales/*.json, checked by the compiler. */
export type SignInHelpKey = MessageKey<'SignInHelp'>;

/**
 * The sign-in help flow, as data. One engine (engine.ts) walks it, one component
 * renders it, and a validator (validate.ts) proves that every path ends in an
 * outcome and that every message key and article it names exists in every locale.
 *
 * Steps: 1. what happens when you sign in; 2. your email address (and your
 * site, only when the address is on several); 3. the outcome for the account found.
 */


/** What an outcome page offers besides its text. */
export type OutcomeAction =
  /** "I can't reach my administrator": the CSM route. */
  | 'cant-reach-admin'
  /** "Ask my administrator to reactivate my account": a confirmation link to the account, then a request (lib/reactivation). */
  | 'ask-reactivation'
  | 'resend-verification'
  | 'reset-password'
  | 'search';

type Choice = {
  value: Problem;
  /** Message keys under SignInHelp. */
  label: SignInHelpKey;
  hint: SignInHelpKey;
  /** The next step, or an outcome reached without looking anything up. */
  next: { step: StepId } | { outcome: OutcomeId };
};

export type StepId = 'problem' | 'email' | 'site';

type Step =
  | { id: 'problem'; kind: 'choice'; number: 1; title: SignInHelpKey; choices: Choice[] }
  | { id: 'email'; kind: 'email'; number: 2; title: SignInHelpKey; intro: SignInHelpKey }
  | { id: 'site'; kind: 'site'; number: 2; title: SignInHelpKey; intro: SignInHelpKey };

/**
 * Who can fix what an outcome found: the site administrator through the contact details the site
 * published; IT, who can say who the site administrator is (nothing published); IT through the
 * company directory (with the site's published contact, where there is one); the organization's
 * Customer Success Manager (a locked-out site administrator); or nobody (nothing is blocking).
 */
export type Party = 'site-admin' | 'it-guidance' | 'directory' | 'csm' | 'none';

export type Outcome = {
  id: OutcomeId;
  title: SignInHelpKey;
  /** What was found, in paragraphs. Names no party other than `party`. */
  explanation: SignInHelpKey[];
  party: Party;
  /** What to do now, after the party's contact card. */
  nextSteps: SignInHelpKey[];
  /** Shows when the account will be deleted (or that it is kept). */
  showsRetention?: boolean;
  articles: string[];
  actions: OutcomeAction[];
};

/** Facts the decision rules look at, gathered by the lookup. */
export type Facts = {
  /** False for an address no account has: it gets exactly what a working account gets. */
  isKnown: boolean;
  status: UserStatus | null;
  isSiteAdmin: boolean;
  /** Only the company directory can change this account. */
  isDirectoryManaged: boolean;
  /** Disabled in the directory: kept until IT enables it again. */
  isKeptIndefinitely: boolean;
  siteHasContactDetails: boolean;
  sitePrivacyMode: boolean;
};

/** A rule matches when every fact it names has that value; the first matching rule decides. */
export type Rule = { when: Partial<Facts>; outcome: OutcomeId; note: string };

export type Flow = {
  start: StepId;
  totalSteps: number;
  steps: Record<StepId, Step>;
  rules: Rule[];
  outcomes: Record<OutcomeId, Outcome>;
};

export const signInHelpFlow: Flow = {
  start: 'problem',
  totalSteps: 3,
  steps: {
    problem: {
      id: 'problem',
      kind: 'choice',
      number: 1,
      title: 'problem.title',
      choices: [
        { value: 'deactivated', label: 'problem.deactivated', hint: 'problem.deactivatedHint', next: { step: 'email' } },
        { value: 'forgot-password', label: 'problem.forgotPassword', hint: 'problem.forgotPasswordHint', next: { step: 'email' } },
        { value: 'verification', label: 'problem.verification', hint: 'problem.verificationHint', next: { step: 'email' } },
        { value: 'other', label: 'problem.other', hint: 'problem.otherHint', next: { outcome: 'search' } },
      ],
    },
    email: { id: 'email', kind: 'email', number: 2, title: 'email.title', intro: 'email.intro' },
    site: { id: 'site', kind: 'site', number: 2, title: 'site.title', intro: 'site.intro' },
  },
  rules: [
    { when: { isKnown: false }, outcome: 'account-ok', note: 'an unknown address looks exactly like a working account' },
    { when: { status: 'inactive', sitePrivacyMode: true }, outcome: 'account-ok', note: 'privacy mode: the guidance goes by email, the page stays neutral' },
    { when: { status: 'inactive', isDirectoryManaged: true, isKeptIndefinitely: true }, outcome: 'directory-disabled', note: 'disabled in the directory' },
    { when: { status: 'inactive', isDirectoryManaged: true }, outcome: 'directory-removed', note: 'removed from the directory' },
    { when: { status: 'inactive', isSiteAdmin: true }, outcome: 'admin-locked-out', note: 'nobody inside can reactivate a site administrator' },
    { when: { status: 'inactive', siteHasContactDetails: true }, outcome: 'site-admin-contact', note: 'the published contact details' },
    { when: { status: 'inactive' }, outcome: 'find-site-admin', note: 'no details published: through IT' },
    { when: { status: 'unverified', sitePrivacyMode: true }, outcome: 'account-ok', note: 'privacy mode: a new verification link goes by email, the page stays neutral' },
    { when: { status: 'unverified' }, outcome: 'unverified', note: 'send the verification email again' },
    { when: {}, outcome: 'account-ok', note: 'active or verified: the account is fine' },
  ],
  outcomes: {
    'site-admin-contact': {
      id: 'site-admin-contact',
      title: 'outcome.siteAdminContact.title',
      explanation: ['outcome.siteAdminContact.body'],
      party: 'site-admin',
      nextSteps: [],
      showsRetention: true,
      articles: ['WBX89094', 'WBX75907'],
      actions: ['ask-reactivation', 'cant-reach-admin'],
    },
    'find-site-admin': {
      id: 'find-site-admin',
      title: 'outcome.findSiteAdmin.title',
      explanation: ['outcome.findSiteAdmin.body'],
      party: 'it-guidance',
      nextSteps: ['outcome.findSiteAdmin.it'],
      showsRetention: true,
      articles: ['WBX75907', 'WBX89094'],
      actions: ['ask-reactivation', 'cant-reach-admin'],
    },
    'customer-success-manager': {
      id: 'customer-success-manager',
      title: 'outcome.customerSuccessManager.title',
      explanation: ['outcome.customerSuccessManager.body'],
      party: 'csm',
      nextSteps: [],
      showsRetention: true,
      articles: ['WBX15'],
      actions: [],
    },
    'admin-locked-out': {
      id: 'admin-locked-out',
      title: 'outcome.adminLockedOut.title',
      explanation: ['outcome.adminLockedOut.body'],
      party: 'csm',
      nextSteps: [],
      showsRetention: true,
      articles: ['WBX15', 'WBX89094'],
      actions: [],
    },
    'directory-removed': {
      id: 'directory-removed',
      title: 'outcome.directoryRemoved.title',
      explanation: ['outcome.directoryRemoved.body'],
      party: 'directory',
      nextSteps: ['outcome.directoryRemoved.it'],
      showsRetention: true,
      articles: ['ds8x4n'],
      actions: [],
    },
    'directory-disabled': {
      id: 'directory-disabled',
      title: 'outcome.directoryDisabled.title',
      explanation: ['outcome.directoryDisabled.body'],
      party: 'directory',
      nextSteps: ['outcome.directoryDisabled.it'],
      showsRetention: true,
      articles: ['ds8x4n'],
      actions: [],
    },
    unverified: {
      id: 'unverified',
      title: 'outcome.unverified.title',
      explanation: ['outcome.unverified.body'],
      party: 'none',
      nextSteps: [],
      articles: ['vf3m9q'],
      actions: ['resend-verification'],
    },
    'account-ok': {
      id: 'account-ok',
      title: 'outcome.accountOk.title',
      explanation: ['outcome.accountOk.body', 'outcome.accountOk.private'],
      party: 'none',
      nextSteps: [],
      articles: ['pw7r2k', 'WBX75907'],
      actions: ['reset-password'],
    },
    search: {
      id: 'search',
      title: 'outcome.search.title',
      explanation: ['outcome.search.body'],
      party: 'none',
      nextSteps: [],
      articles: ['WBX75907', 'pw7r2k'],
      actions: ['search'],
    },
  },
};
