import type { SiteRecord } from '@/lib/accounts/types';
import { decideOutcome } from './engine';
import type { Facts, Flow, Outcome, OutcomeAction, Party, SignInHelpKey } from './flow';
import type { OutcomeId } from './types';

/**
 * The one answer for an account's situation, shared by sign-in help's result, forgot-password's
 * "deactivated" page and the guidance emails: what was found, the one party who can fix it (with
 * the card that reaches them), what to do next and the reference code. Every page and email
 * renders this and adds no sentence of its own about who can help, so no two can disagree.
 */

/** The card that reaches the party, when there is one to show. */
type GuidanceCard =
  /** The contact details the site published for site administration. */
  | { kind: 'site-contact'; title: SignInHelpKey }
  /** The organization's Customer Success Manager. */
  | { kind: 'csm-contact'; title: SignInHelpKey };

export type Guidance = {
  outcome: OutcomeId;
  title: SignInHelpKey;
  explanation: SignInHelpKey[];
  party: Party;
  card: GuidanceCard | null;
  nextSteps: SignInHelpKey[];
  showsRetention: boolean;
  articles: string[];
  actions: OutcomeAction[];
  referenceCode: string | null;
};

/** What the guidance needs to know about the account's site (nothing when no site is known). */
export type SiteFacts = { hasContactDetails: boolean; hasCsm: boolean };

function cardFor(party: Party, site: SiteFacts | undefined): GuidanceCard | null {
  if (!site) return null;
  switch (party) {
    case 'site-admin':
      return site.hasContactDetails ? { kind: 'site-contact', title: 'card.siteTitle' } : null;
    case 'directory':
      // IT must act in the directory; what the site published for account problems is how to reach them.
      return site.hasContactDetails ? { kind: 'site-contact', title: 'card.publishedTitle' } : null;
    case 'csm':
      return site.hasCsm ? { kind: 'csm-contact', title: 'card.csmTitle' } : null;
    case 'it-guidance':
    case 'none':
      return null;
  }
}

/** The guidance for an outcome already decided (a stored diagnosis), on the account's site. */
export function guidanceFor(outcome: Outcome, site: SiteFacts | undefined, referenceCode: string | null): Guidance {
  const card = cardFor(outcome.party, site);
  const missingCsm = outcome.party === 'csm' && site !== undefined && card === null;
  return {
    outcome: outcome.id,
    title: outcome.title,
    explanation: outcome.explanation,
    party: outcome.party,
    card,
    nextSteps: missingCsm ? [...outcome.nextSteps, 'card.noCsm'] : outcome.nextSteps,
    showsRetention: outcome.showsRetention ?? false,
    articles: outcome.articles,
    actions: outcome.actions,
    referenceCode,
  };
}

/** From the account's state (as the flow's facts) to its guidance: the flow's rules decide the outcome. */
export function guidanceForAccount(flow: Flow, facts: Facts, hasCsm: boolean, referenceCode: string | null): Guidance {
  const { outcome } = decideOutcome(flow, facts);
  const site = facts.isKnown ? { hasContactDetails: facts.siteHasContactDetails, hasCsm } : undefined;
  return guidanceFor(flow.outcomes[outcome], site, referenceCode);
}


export function siteFactsOf(site: SiteRecord): SiteFacts {
  return { hasContactDetails: site.hasContactDetails, hasCsm: Boolean(site.organization.csm.email || site.organization.csm.phone) };
}
