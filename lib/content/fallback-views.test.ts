import { describe, expect, it } from 'vitest';
import { countFallbackView, restoreFallbackViews, takeFallbackViews } from './fallback-views';

describe('fallback view counts', () => {
  it('count per day, locale and article, and start afresh once taken', () => {
    takeFallbackViews();
    const day = new Date('2026-11-21T23:59:00Z');
    countFallbackView('ja', 'rc5t1h', 'reader-1', day);
    countFallbackView('ja', 'rc5t1h', 'reader-2', day);
    countFallbackView('ar', 'rc5t1h', 'reader-1', day);
    countFallbackView('ja', 'rc5t1h', 'reader-1', new Date('2026-11-22T00:01:00Z'));
    expect(takeFallbackViews().sort((a, b) => (a.day + a.locale).localeCompare(b.day + b.locale))).toEqual([
      { day: '2026-11-21', locale: 'ar', articleId: 'rc5t1h', count: 1 },
      { day: '2026-11-21', locale: 'ja', articleId: 'rc5t1h', count: 2 },
      { day: '2026-11-22', locale: 'ja', articleId: 'rc5t1h', count: 1 },
    ]);
    expect(takeFallbackViews()).toEqual([]);
  });

  it('lose nothing when a write fails and the counts are put back', () => {
    countFallbackView('fr', 'rc5t1h', 'reader-1', new Date('2026-11-21T10:00:00Z'));
    const taken = takeFallbackViews();
    countFallbackView('fr', 'rc5t1h', 'reader-2', new Date('2026-11-21T11:00:00Z'));
    restoreFallbackViews(taken);
    expect(takeFallbackViews()).toEqual([{ day: '2026-11-21', locale: 'fr', articleId: 'rc5t1h', count: 2 }]);
  });

  it('count a reader once per page and day, however often they (or a script) load it', () => {
    takeFallbackViews();
    const day = new Date('2026-11-23T09:00:00Z');
    for (let i = 0; i < 20; i++) countFallbackView('sv', 'rc5t1h', 'same-reader', day);
    countFallbackView('sv', 'rc5t1h', 'another-reader', day);
    countFallbackView('sv', 'rc5t1h', 'same-reader', new Date('2026-11-24T09:00:00Z'));
    expect(takeFallbackViews().sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: '2026-11-23', locale: 'sv', articleId: 'rc5t1h', count: 2 },
      { day: '2026-11-24', locale: 'sv', articleId: 'rc5t1h', count: 1 },
    ]);
  });
});
