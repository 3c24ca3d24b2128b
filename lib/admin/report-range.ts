import { dayFrom } from './audit-filter';

/**
 * The support report's date range and its charts' arithmetic. Pure. Days are
 * UTC calendar days, inclusive at both ends; a range is at most a year.
 */

const dayMs = 24 * 60 * 60 * 1000;
const maxReportDays = 366;
const presets = [7, 30, 90] as const;

export type ReportRange = { from: string; to: string; days: number; since: Date; until: Date };

const addDays = (day: string, days: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + days * dayMs).toISOString().slice(0, 10);

/** Every day from `from` to `to`, inclusive. */
export function daysIn(range: Pick<ReportRange, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to && days.length < maxReportDays; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The range in a query: `from` and `to` (either may be left out), or the older
 * `days=7|30|90` ending today; by default the last 30 days. A range given
 * backwards is turned round; one longer than a year keeps its last year.
 */
export function reportRangeFrom(query: { from?: string; to?: string; days?: string }, now: Date): ReportRange {
  const today = now.toISOString().slice(0, 10);
  let to = dayFrom(query.to) ?? today;
  const preset = presets.find((days) => String(days) === query.days) ?? 30;
  let from = dayFrom(query.from) ?? addDays(to, -(preset - 1));
  if (from > to) [from, to] = [to, from];
  if (daysIn({ from, to }).length >= maxReportDays) from = addDays(to, -(maxReportDays - 1));
  const days = daysIn({ from, to }).length;
  return { from, to, days, since: new Date(`${from}T00:00:00Z`), until: new Date(new Date(`${to}T00:00:00Z`).getTime() + dayMs) };
}

/** A round top for a chart's axis (1, 2 or 5 times a power of ten) at or above `max`, and its ticks. */
export function axisFor(max: number, tickCount = 4): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / tickCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power);
  const top = Math.ceil(max / step) * step;
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step) };
}
