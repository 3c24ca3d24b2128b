import { describe, expect, it } from 'vitest';
import { axisFor, daysIn, reportRangeFrom } from './report-range';

const now = new Date('2026-12-04T15:00:00Z');

describe('the report range', () => {
  it('defaults to the last 30 days including today, and reads the older days presets', () => {
    expect(reportRangeFrom({}, now)).toMatchObject({ from: '2026-11-05', to: '2026-12-04', days: 30 });
    expect(reportRangeFrom({ days: '7' }, now)).toMatchObject({ from: '2026-11-28', to: '2026-12-04', days: 7 });
    expect(reportRangeFrom({ days: '8' }, now)).toMatchObject({ days: 30 });
  });

  it('takes a chosen range in whole UTC days, turned round when backwards, at most a year', () => {
    const range = reportRangeFrom({ from: '2026-12-03', to: '2026-12-01' }, now);
    expect(range).toMatchObject({ from: '2026-12-01', to: '2026-12-03', days: 3 });
    expect(range.since).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(range.until).toEqual(new Date('2026-12-04T00:00:00Z'));
    expect(reportRangeFrom({ from: '2020-01-01', to: '2026-12-04' }, now).days).toBe(366);
    expect(reportRangeFrom({ from: 'nonsense', to: '2026-02-30' }, now)).toMatchObject({ to: '2026-12-04', days: 30 });
    expect(daysIn({ from: '2026-02-27', to: '2026-03-01' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});

describe('chart axes', () => {
  it('rounds the top up to 1, 2 or 5 times a power of ten, with whole-number ticks', () => {
    expect(axisFor(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(axisFor(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(axisFor(17)).toEqual({ top: 20, ticks: [0, 5, 10, 15, 20] });
    expect(axisFor(230)).toEqual({ top: 300, ticks: [0, 100, 200, 300] });
  });
});
