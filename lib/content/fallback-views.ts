/**
 * Views of article pages served in English for a missing translation, counted
 * in memory by the proxy (which must stay cheap and never waits on a database)
 * and written to the database in batches by the server (fallback-views-store.ts).
 * Only a count per day, locale and article: nothing about the reader is stored.
 * A reader counts once per page and day (on each server): twenty reloads, or a
 * script, from one client are one view. The reader is only a keyed hash held in
 * memory for the day, never written anywhere.
 */
type Counts = Map<string, number>;
type Seen = { day: string; keys: Set<string> };
const store = globalThis as typeof globalThis & { __signpostFallbackViews?: Counts; __signpostFallbackSeen?: Seen };

/** Past this many distinct readers and pages in a day, a server stops counting (memory stays bounded). */
const maxSeenPerDay = 200_000;

const keyOf = (day: string, locale: string, id: string) => `${day}\u0000${locale}\u0000${id}`;

export function countFallbackView(locale: string, id: string, reader: string, now: Date = new Date()): void {
  const day = now.toISOString().slice(0, 10);
  let seen = store.__signpostFallbackSeen;
  if (!seen || seen.day !== day) seen = store.__signpostFallbackSeen = { day, keys: new Set() };
  const readerKey = keyOf(reader, locale, id);
  if (seen.keys.has(readerKey) || seen.keys.size >= maxSeenPerDay) return;
  seen.keys.add(readerKey);
  const counts = (store.__signpostFallbackViews ??= new Map());
  const key = keyOf(day, locale, id);
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The counts so far, and a fresh start. */
export function takeFallbackViews(): Array<{ day: string; locale: string; articleId: string; count: number }> {
  const counts = store.__signpostFallbackViews;
  if (!counts || counts.size === 0) return [];
  store.__signpostFallbackViews = new Map();
  return [...counts].map(([key, count]) => {
    const [day, locale, articleId] = key.split('\u0000') as [string, string, string];
    return { day, locale, articleId, count };
  });
}

/** Puts counts back after a failed write, so none are lost. */
export function restoreFallbackViews(rows: Array<{ day: string; locale: string; articleId: string; count: number }>): void {
  const counts = (store.__signpostFallbackViews ??= new Map());
  for (const row of rows) {
    const key = keyOf(row.day, row.locale, row.articleId);
    counts.set(key, (counts.get(key) ?? 0) + row.count);
  }
}
