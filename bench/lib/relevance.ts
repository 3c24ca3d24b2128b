import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { locales, type Locale } from '../../lib/i18n/locales';

/**
 * The relevance set (bench/relevance/<locale>.yaml) and its measures, shared by
 * `bench/relevance.ts` (ours against the peers) and the Vitest gate.
 */

const questionKinds = ['question', 'short', 'plain', 'typo', 'error', 'id', 'admin', 'off-topic'] as const;

const questionSchema = z.object({
  q: z.string().min(1),
  a: z.array(z.string()),
  kind: z.enum(questionKinds),
});
const setSchema = z.object({ locale: z.enum(locales), questions: z.array(questionSchema).min(40) });

type RelevanceQuestion = z.infer<typeof questionSchema>;
export type RelevanceSet = z.infer<typeof setSchema>;

const setDirectory = path.join(import.meta.dirname, '..', 'relevance');

export function readRelevanceSet(locale: Locale): RelevanceSet {
  const set = setSchema.parse(parse(readFileSync(path.join(setDirectory, `${locale}.yaml`), 'utf8')));
  if (set.locale !== locale) throw new Error(`${locale}.yaml says locale ${set.locale}`);
  for (const question of set.questions) {
    if ((question.kind === 'off-topic') !== (question.a.length === 0)) {
      throw new Error(`${locale}.yaml: "${question.q}" must list answers unless it is off-topic, and only then`);
    }
  }
  return set;
}

/** Article IDs in rank order for a question (at most ten are looked at). */
export type SearchFunction = (query: string) => string[] | Promise<string[]>;

export type QuestionOutcome = {
  question: RelevanceQuestion;
  /** 1-based rank of the first answer in the top ten; 0 when none is there (or, off-topic, when something was found). */
  rank: number;
  found: string[];
};

export type Measures = {
  questions: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  offTopic: number;
  /** Share of off-topic questions that found nothing. */
  offTopicEmpty: number;
};

export const resultDepth = 10;

export async function evaluate(set: RelevanceSet, search: SearchFunction): Promise<QuestionOutcome[]> {
  const outcomes: QuestionOutcome[] = [];
  for (const question of set.questions) {
    const found = (await search(question.q)).slice(0, resultDepth);
    const rank =
      question.kind === 'off-topic'
        ? found.length === 0
          ? 1
          : 0
        : found.findIndex((id) => question.a.some((answer) => answer.toLowerCase() === id.toLowerCase())) + 1;
    outcomes.push({ question, rank, found });
  }
  return outcomes;
}

/** hit@1, hit@3 and MRR over the answerable questions; off-topic ones count only toward `offTopicEmpty`. */
export function measure(outcomes: QuestionOutcome[]): Measures {
  const answerable = outcomes.filter((o) => o.question.kind !== 'off-topic');
  const offTopic = outcomes.filter((o) => o.question.kind === 'off-topic');
  const share = (count: number, total: number) => (total === 0 ? 0 : count / total);
  return {
    questions: answerable.length,
    hitAt1: share(answerable.filter((o) => o.rank === 1).length, answerable.length),
    hitAt3: share(answerable.filter((o) => o.rank >= 1 && o.rank <= 3).length, answerable.length),
    mrr: share(answerable.reduce((sum, o) => sum + (o.rank > 0 ? 1 / o.rank : 0), 0), answerable.length),
    offTopic: offTopic.length,
    offTopicEmpty: share(offTopic.filter((o) => o.rank === 1).length, offTopic.length),
  };
}

/** Questions answered wrongly: answerable ones whose first answer is not at rank 1, off-topic ones that found something. */
export function failures(outcomes: QuestionOutcome[]): QuestionOutcome[] {
  return outcomes.filter((o) => o.rank !== 1);
}

/** The committed floor the Vitest gate holds our search to: hit@1 and MRR per locale and overall. */
export type Baseline = Record<Locale | 'all', { hitAt1: number; mrr: number }>;

export const baselineFile = path.join(setDirectory, 'baseline.json');

export function readBaseline(): Baseline {
  return JSON.parse(readFileSync(baselineFile, 'utf8')) as Baseline;
}

/** Figures rounded down to three decimals, so the floor never sits above what was measured. */
export function toBaseline(perLocale: Record<Locale, Measures>, all: Measures): Baseline {
  const floor = (value: number) => Math.floor(value * 1000) / 1000;
  const pick = (m: Measures) => ({ hitAt1: floor(m.hitAt1), mrr: floor(m.mrr) });
  return { ...(Object.fromEntries(locales.map((l) => [l, pick(perLocale[l])])) as Record<Locale, { hitAt1: number; mrr: number }>), all: pick(all) };
}
