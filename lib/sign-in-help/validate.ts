import { userStatuses } from '@/lib/accounts/types';
import type { Facts, Flow, StepId } from './flow';
import type { OutcomeId } from './types';
import { actionTargets, matches } from './engine';

/**
 * Proves a flow is complete and safe, for the tests: every step and choice leads
 * somewhere; every combination of account facts reaches an outcome; an unknown
 * address is answered exactly like a working account; a site in privacy mode
 * shows no account's state; a contact card is only shown when there are details
 * and the site is not in privacy mode; every outcome
 * can be reached; and every message key and article exists in every locale.
 */

type Catalogs = {
  /** Per locale: every message key under the SignInHelp namespace. */
  messageKeys: Record<string, ReadonlySet<string>>;
  /** Per locale: every article ID with a real translation in that locale. */
  articleIds: Record<string, ReadonlySet<string>>;
};

const statuses = [null, ...userStatuses] as const;

/** Every combination of facts the lookup can produce. */
function allFacts(): Facts[] {
  const combinations: Facts[] = [];
  const bool = [false, true];
  for (const isKnown of bool)
    for (const status of statuses)
      for (const isSiteAdmin of bool)
        for (const isDirectoryManaged of bool)
          for (const isKeptIndefinitely of bool)
            for (const siteHasContactDetails of bool)
              for (const sitePrivacyMode of bool) {
                if ((status === null) !== !isKnown) continue;
                if (isKeptIndefinitely && !isDirectoryManaged) continue;
                combinations.push({ isKnown, status, isSiteAdmin, isDirectoryManaged, isKeptIndefinitely, siteHasContactDetails, sitePrivacyMode });
              }
  return combinations;
}

export function validateFlow(flow: Flow, catalogs: Catalogs): string[] {
  const problems: string[] = [];
  const outcomeExists = (id: string): id is OutcomeId => id in flow.outcomes;
  const keys = new Set<string>();
  const reached = new Set<OutcomeId>();

  if (!(flow.start in flow.steps)) problems.push(`start step "${flow.start}" does not exist`);
  for (const step of Object.values(flow.steps)) {
    keys.add(step.title);
    if (step.kind === 'choice') {
      for (const choice of step.choices) {
        keys.add(choice.label);
        keys.add(choice.hint);
        if ('step' in choice.next && !(choice.next.step in flow.steps)) {
          problems.push(`choice "${choice.value}" leads to a missing step "${choice.next.step}"`);
        }
        if ('outcome' in choice.next) {
          if (outcomeExists(choice.next.outcome)) reached.add(choice.next.outcome);
          else problems.push(`choice "${choice.value}" leads to a missing outcome "${choice.next.outcome}"`);
        }
      }
    } else {
      keys.add(step.intro);
    }
  }

  const lastRule = flow.rules[flow.rules.length - 1];
  if (!lastRule || Object.keys(lastRule.when).length > 0) problems.push('the last rule must match everything');
  for (const rule of flow.rules) {
    if (!outcomeExists(rule.outcome)) problems.push(`rule "${rule.note}" leads to a missing outcome "${rule.outcome}"`);
  }

  // Every path: each choice that needs a lookup, then every combination of facts.
  const lookupSteps: StepId[] = ['email', 'site'];
  for (const stepId of lookupSteps) if (!(stepId in flow.steps)) problems.push(`lookup step "${stepId}" is missing`);
  const outcomeOf = (facts: Facts) => flow.rules.find((rule) => matches(rule, facts))?.outcome;
  const workingAccount = outcomeOf(allFacts().find((f) => f.status === 'active')!);
  for (const facts of allFacts()) {
    const outcome = outcomeOf(facts);
    if (outcome === undefined) {
      problems.push(`no rule decides ${JSON.stringify(facts)}`);
      continue;
    }
    if (!outcomeExists(outcome)) continue;
    reached.add(outcome);
    const definition = flow.outcomes[outcome];
    if (!facts.isKnown && outcome !== workingAccount) {
      problems.push(`an unknown address gets "${outcome}", not what a working account gets ("${workingAccount}")`);
    }
    if (facts.sitePrivacyMode && facts.isKnown && outcome !== workingAccount) {
      problems.push(`privacy mode shows "${outcome}" for ${JSON.stringify(facts)}: the page must stay neutral`);
    }
    const showsSiteContact = definition.party === 'site-admin' || (definition.party === 'directory' && facts.siteHasContactDetails);
    if (showsSiteContact && (!facts.siteHasContactDetails || facts.sitePrivacyMode)) {
      problems.push(`"${outcome}" shows the site's contact card to ${JSON.stringify(facts)}`);
    }
  }

  for (const outcome of Object.values(flow.outcomes)) {
    for (const action of outcome.actions) {
      // Only the site's own administrator can act on a request: not the directory, not the CSM.
      if (action === 'ask-reactivation' && outcome.party !== 'site-admin' && outcome.party !== 'it-guidance') {
        problems.push(`"${outcome.id}" offers a reactivation request, but its party (${outcome.party}) is not the site administrator`);
      }
      const target = actionTargets[action as keyof typeof actionTargets];
      if (target) {
        if (outcomeExists(target)) reached.add(target);
        else problems.push(`action "${action}" leads to a missing outcome "${target}"`);
      }
    }
    keys.add(outcome.title);
    for (const key of [...outcome.explanation, ...outcome.nextSteps]) keys.add(key);
  }
  for (const id of Object.keys(flow.outcomes) as OutcomeId[]) {
    if (!reached.has(id)) problems.push(`outcome "${id}" can never be reached`);
  }

  for (const [locale, available] of Object.entries(catalogs.messageKeys)) {
    for (const key of keys) if (!available.has(key)) problems.push(`${locale}: message SignInHelp.${key} is missing`);
  }
  for (const [locale, available] of Object.entries(catalogs.articleIds)) {
    for (const outcome of Object.values(flow.outcomes)) {
      for (const id of outcome.articles) {
        if (!available.has(id)) problems.push(`${locale}: outcome "${outcome.id}" links to article ${id}, which is not translated`);
      }
    }
  }
  return problems;
}
