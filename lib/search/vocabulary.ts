const maxCachedCompletions = 10_000;

/**
 * The words of one locale's index with their document frequency, for prefix
 * checks and one-typo corrections ("deactivted" → "deactivated").
 */
export class Vocabulary {
  private readonly frequency: Map<string, number>;
  private readonly sorted: string[];
  private readonly alphabet: string[];
  private readonly completionCache = new Map<string, string[]>();

  constructor(entries: Iterable<[string, number]>, isCorrectable: (word: string) => boolean = () => true) {
    this.frequency = new Map(entries);
    this.sorted = [...this.frequency.keys()].sort();
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
    const found: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      found.push(this.sorted[i]!);
    }
    const result = found.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a)).slice(0, count);
    if (this.completionCache.size >= maxCachedCompletions) this.completionCache.clear();
    this.completionCache.set(key, result);
    return result;
  }

  /**
   * The most frequent indexed word one edit away (a letter missing, extra,
   * changed, or two letters swapped), or undefined.
   */
  correct(term: string): string | undefined {
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
    for (let i = 0; i <= chars.length; i++) {
      const head = chars.slice(0, i).join('');
      const tail = chars.slice(i).join('');
      if (i < chars.length) consider(head + chars.slice(i + 1).join(''));
      if (i + 1 < chars.length) consider(head + chars[i + 1]! + chars[i]! + chars.slice(i + 2).join(''));
      for (const letter of this.alphabet) {
        consider(head + letter + tail);
        if (i < chars.length && letter !== chars[i]) consider(head + letter + chars.slice(i + 1).join(''));
      }
    }
    return best;
  }
}
