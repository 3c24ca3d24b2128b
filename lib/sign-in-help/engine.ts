import type { AccountState } from '@/lib/accounts/lifecycle';
import type { Facts, Flow, Rule, StepId } from './flow';
import { problems, type OutcomeId, type Problem } from './types';

/** The one engine that walks a flow: which step comes next, which outcome the facts lead to. */

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'string' && (problems as readonly string[]).includes(value);
}

export function chooseProblem(flow: Flow, value: Problem): { step: StepId } | { outcome: OutcomeId } {
  const step = flow.steps.problem;
  if (step.kind !== 'choice') throw new Error('the problem step must be a choice');
  const choice = step.choices.find((c) => c.value === value);
  if (!choice) throw new Error(`no choice "${value}" in the problem step`);
  return choice.next;
}

export function matches(rule: Rule, facts: Facts): boolean {
  return (Object.keys(rule.when) as Array<keyof Facts>).every((key) => rule.when[key] === facts[key]);
}

/** The first rule whose facts all hold decides the outcome. */
export function decideOutcome(flow: Flow, facts: Facts): { outcome: OutcomeId; rule: Rule } {
  const rule = flow.rules.find((candidate) => matches(candidate, facts));
  if (!rule) throw new Error('no rule matched: the flow needs a last rule that matches everything');
  return { outcome: rule.outcome, rule };
}

/** Facts for an address no account has. */
export const unknownAccountFacts: Facts = {
  isKnown: false,
  status: null,
  isSiteAdmin: false,
  isDirectoryManaged: false,
  isKeptIndefinitely: false,
  siteHasContactDetails: false,
  sitePrivacyMode: false,
};

export function factsFor(
  state: AccountState,
  account: { isSiteAdmin: boolean },
  site: { hasContactDetails: boolean; privacyMode: boolean },
): Facts {
  return {
    isKnown: true,
    status: state.status,
    isSiteAdmin: account.isSiteAdmin,
    isDirectoryManaged: state.routes.includes('company-directory'),
    isKeptIndefinitely: state.retention?.policy === 'disabled-in-directory',
    siteHasContactDetails: site.hasContactDetails,
    sitePrivacyMode: site.privacyMode,
  };
}

/** "Step N of M" for a position in the flow: a step, or the outcome (the last step). */
export function progressOf(flow: Flow, position: StepId | 'outcome'): { current: number; total: number } {
  return { current: position === 'outcome' ? flow.totalSteps : flow.steps[position].number, total: flow.totalSteps };
}

/** The outcome behind an outcome page's action, where it has one. */
export const actionTargets = { 'cant-reach-admin': 'customer-success-manager' } as const satisfies Partial<
  Record<string, OutcomeId>
>;
