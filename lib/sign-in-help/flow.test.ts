import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveAccountState, type AccountFacts } from '@/lib/accounts/lifecycle';
import { buildCatalog } from '@/lib/content/build/catalog';
import { readArticleSources } from '@/lib/content/build/read-sources';
import { locales } from '@/lib/i18n/locales';
import { chooseProblem, decideOutcome, factsFor, progressOf, unknownAccountFacts } from './engine';
import { signInHelpFlow, type Flow, type SignInHelpKey } from './flow';
import { validateFlow } from './validate';

type Tree = { [key: string]: string | Tree };
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const messageKeys = Object.fromEntries(
  locales.map((locale) => {
    const messages = JSON.parse(readFileSync(path.join(process.cwd(), 'locales', `${locale}.json`), 'utf8')) as Tree;
    return [locale, new Set(keysOf(messages.SignInHelp as Tree))];
  }),
);
const { catalog } = buildCatalog(readArticleSources());
const articleIds = Object.fromEntries(
  locales.map((locale) => [locale, new Set(catalog.ids.filter((id) => catalog.entries[id]?.[locale]))]),
);
const catalogs = { messageKeys, articleIds };

describe('the sign-in help flow', () => {
  it('is complete and safe: every path ends, every key and article exists in every locale', () => {
    expect(validateFlow(signInHelpFlow, catalogs)).toEqual([]);
  });

  it('walks: three problems ask for the email address, "something else" goes to search', () => {
    expect(chooseProblem(signInHelpFlow, 'deactivated')).toEqual({ step: 'email' });
    expect(chooseProblem(signInHelpFlow, 'forgot-password')).toEqual({ step: 'email' });
    expect(chooseProblem(signInHelpFlow, 'verification')).toEqual({ step: 'email' });
    expect(chooseProblem(signInHelpFlow, 'other')).toEqual({ outcome: 'search' });
    expect(progressOf(signInHelpFlow, 'problem')).toEqual({ current: 1, total: 3 });
    expect(progressOf(signInHelpFlow, 'site')).toEqual({ current: 2, total: 3 });
    expect(progressOf(signInHelpFlow, 'outcome')).toEqual({ current: 3, total: 3 });
  });

  const now = new Date('2026-11-21T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const site = { hasContactDetails: true, privacyMode: false };
  const outcomeFor = (facts: Partial<AccountFacts>, siteFacts = site) => {
    const account: AccountFacts = { status: 'active', deactivatedAt: null, isSiteAdmin: false, isDirectorySynced: false, directoryState: null, ...facts };
    return decideOutcome(signInHelpFlow, factsFor(deriveAccountState(account, now), account, siteFacts)).outcome;
  };

  it.each([
    ['active', {}, site, 'account-ok'],
    ['verified', { status: 'verified' }, site, 'account-ok'],
    ['unverified', { status: 'unverified' }, site, 'unverified'],
    ['deactivated, site with details', { status: 'inactive', deactivatedAt: daysAgo(10) }, site, 'site-admin-contact'],
    ['deactivated, site without details', { status: 'inactive', deactivatedAt: daysAgo(25) }, { hasContactDetails: false, privacyMode: false }, 'find-site-admin'],
    ['deactivated, site in privacy mode', { status: 'inactive', deactivatedAt: daysAgo(10) }, { hasContactDetails: true, privacyMode: true }, 'account-ok'],
    ['deactivated site administrator', { status: 'inactive', deactivatedAt: daysAgo(3), isSiteAdmin: true }, site, 'admin-locked-out'],
    ['removed from the directory', { status: 'inactive', deactivatedAt: daysAgo(2), isDirectorySynced: true, directoryState: 'removed' }, site, 'directory-removed'],
    ['disabled in the directory', { status: 'inactive', deactivatedAt: daysAgo(45), isDirectorySynced: true, directoryState: 'disabled' }, site, 'directory-disabled'],
  ] as const)('%s → %s', (_name, facts, siteFacts, expected) => {
    expect(outcomeFor(facts, siteFacts)).toBe(expected);
  });

  it('answers an unknown address exactly as an active account', () => {
    expect(decideOutcome(signInHelpFlow, unknownAccountFacts).outcome).toBe(outcomeFor({}));
  });
});

describe('validateFlow catches a broken flow', () => {
  const broken = (change: (flow: Flow) => void): Flow => {
    const flow = structuredClone(signInHelpFlow);
    change(flow);
    return flow;
  };

  it('an unknown address answered differently (account enumeration)', () => {
    const flow = broken((f) => f.rules.unshift({ when: { isKnown: false }, outcome: 'find-site-admin', note: 'leak' }));
    expect(validateFlow(flow, catalogs)).toContainEqual(expect.stringContaining('an unknown address gets "find-site-admin"'));
  });

  it('contact details shown in privacy mode', () => {
    const flow = broken((f) => f.rules.splice(1, 1));
    const problems = validateFlow(flow, catalogs);
    expect(problems.some((p) => p.includes('shows the site\'s contact card'))).toBe(true);
    expect(problems.some((p) => p.includes('privacy mode shows "directory-removed"'))).toBe(true);
  });

  it('a path with no outcome, an outcome nobody reaches, a missing article and a missing message', () => {
    const flow = broken((f) => {
      f.rules.pop();
      f.outcomes['directory-removed'].articles.push('NOPE1');
      // A key the compiler would refuse: the validator must still catch it in data that comes from elsewhere.
      f.outcomes.unverified.title = 'outcome.unverified.missing' as SignInHelpKey;
      if (f.steps.problem.kind === 'choice') f.steps.problem.choices[3]!.next = { step: 'email' };
    });
    const problems = validateFlow(flow, { ...catalogs });
    expect(problems).toEqual(
      expect.arrayContaining([
        'the last rule must match everything',
        expect.stringContaining('outcome "search" can never be reached'),
        expect.stringContaining('links to article NOPE1'),
        expect.stringContaining('SignInHelp.outcome.unverified.missing is missing'),
      ]),
    );
  });
});
