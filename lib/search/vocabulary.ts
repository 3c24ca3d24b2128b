const maxCachedCompletions = 10_000;
const maxCachedCorrections = 10_000;

/**
 * The words of one locale's index with their document frequency, for prefix
 * checks and one-typo corrections ("deactivted" → "deactivated").
 */
export class Vocabulary {
  private readonly frequency: Map<string, number>;
  private readonly sorted: string[];
  /** The frequency of each word of `sorted`, at the same index. */
  private readonly sortedFrequency: Float64Array;
  private readonly alphabet: string[];
  private readonly completionCache = new Map<string, string[]>();
  /** Corrections found (null: none), by the word as typed. */
  private readonly correctionCache = new Map<string, string | null>();

  constructor(entries: Iterable<[string, number]>, isCorrectable: (word: string) => boolean = () => true) {
    this.frequency = new Map(entries);
    this.sorted = [...this.frequency.keys()].sort();
    this.sortedFrequency = Float64Array.from(this.sorted, (word) => this.frequency.get(word)!);
    // Corrections draw letters from correctable words only: not from thousands of kanji.
    const letters = new Set<string>();
    for (const word of this.sorted) if (isCorrectable(word)) for (const char of word) letters.add(char);
    this.alphabet = [...letters];
  }

  /** In how many documents the word appears (0 when it is not indexed as a whole word). */
  documentFrequency(word: string): number {
    return this.frequency.get(word) ?? 0;
  }

  entries(): Array<[string, number]> {
    return [...this.frequency];
  }

  get size(): number {
    return this.frequency.size;
  }

  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Whether some indexed word starts with `prefix` (what forward matching will find). */
  hasPrefix(prefix: string): boolean {
    return this.sorted[this.lowerBound(prefix)]?.startsWith(prefix) ?? false;
  }

  /** The `count` most frequent words starting with `prefix` (the word itself included). */
  completions(prefix: string, count: number): string[] {
    // Short prefixes have long ranges to scan, and people type the same ones over and over.
    const key = `${count}:${prefix}`;
    const cached = this.completionCache.get(key);
    if (cached) return cached;
    // The most frequent `count` in one pass (a one-letter prefix spans thousands of words); among
    // words as frequent, the first in alphabetical order.
    const top: number[] = [];
    for (let i = this.lowerBound(prefix); i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      const frequency = this.sortedFrequency[i]!;
      if (top.length === count && frequency <= this.sortedFrequency[top[count - 1]!]!) continue;
      let at = top.length;
      while (at > 0 && this.sortedFrequency[top[at - 1]!]! < frequency) at--;
      top.splice(at, 0, i);
      if (top.length > count) top.pop();
    }
    const result = top.map((i) => this.sorted[i]!);
    if (this.completionCache.size >= maxCachedCompletions) this.completionCache.clear();
    this.completionCache.set(key, result);
    return result;
  }

  /**
   * The most frequent indexed word one edit away (a letter missing, extra,
   * changed, or two letters swapped), or undefined.
   */
  correct(term: string): string | undefined {
    // Each try builds hundreds of spellings (tens of kB of garbage for a long word), and
    // people make the same typos: remember the answer.
    const cached = this.correctionCache.get(term);
    if (cached !== undefined) return cached ?? undefined;
    const best = this.findCorrection(term);
    if (this.correctionCache.size >= maxCachedCorrections) this.correctionCache.clear();
    this.correctionCache.set(term, best ?? null);
    return best;
  }

  private findCorrection(term: string): string | undefined {
    const chars = [...term];
    let best: string | undefined;
    let bestFrequency = 0;
    const consider = (candidate: string) => {
      const frequency = this.frequency.get(candidate);
      if (frequency !== undefined && frequency > bestFrequency) {
        best = candidate;
        bestFrequency = frequency;
      }
    };
    // The word's ends after each character, made once: the loop below tries hundreds of spellings.
    const tails = chars.map((_, i) => chars.slice(i).join(''));
    tails.push('');
    for (let i = 0; i <= chars.length; i++) {
      const head = chars.slice(0, i).join('');
      const tail = tails[i]!;
      const rest = tails[i + 1] ?? '';
      if (i < chars.length) consider(head + rest);
      if (i + 1 < chars.length) consider(head + chars[i + 1]! + chars[i]! + tails[i + 2]!);
      for (const letter of this.alphabet) {
        consider(head + letter + tail);
        if (i < chars.length && letter !== chars[i]) consider(head + letter + rest);
      }
    }
    return best;
  }
}
