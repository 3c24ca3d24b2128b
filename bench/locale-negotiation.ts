/**
 * The proxy's locale negotiation, ours (lib/i18n/negotiate.ts) against what
 * next-intl's middleware runs for the same request (Negotiator, then
 * @formatjs/intl-localematcher's `match`, as in next-intl/dist/.../resolveLocale.js).
 * Prerendered article pages never reach the proxy (see proxy.ts's matcher), so
 * this per-request cost is what either choice adds to the redirects and the
 * server-rendered pages. The figures are quoted in lib/i18n/negotiate.ts.
 *
 *   npx tsx bench/locale-negotiation.ts
 */
import { createRequire } from 'node:module';
import { defaultLocale, locales } from '../lib/i18n/locales';
import { negotiateLocale } from '../lib/i18n/negotiate';

const headers = [
  'sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7',
  'de-DE,de;q=0.9',
  'ja,en-US;q=0.9,en;q=0.8',
  'pt-BR,pt;q=0.9,es;q=0.8',
  'fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5',
  '',
];
// Both are next-intl's own dependencies, not ours: loaded by name, with the one call each used here typed.
const load = createRequire(import.meta.url);
const Negotiator = load('negotiator') as new (request: { headers: Record<string, string | undefined> }) => { languages(): string[] };
const { match } = load('@formatjs/intl-localematcher') as { match: (requested: string[], available: string[], fallback: string) => string };
const ordered = [...locales].sort((a, b) => b.length - a.length);

function nextIntl(acceptLanguage: string): string {
  const languages = new Negotiator({ headers: { 'accept-language': acceptLanguage || undefined } }).languages();
  try {
    const found = match(languages, ordered, defaultLocale);
    return locales.find((locale) => locale.toLowerCase() === found.toLowerCase()) ?? defaultLocale;
  } catch {
    return defaultLocale;
  }
}
const ours = (acceptLanguage: string) => negotiateLocale({ acceptLanguage });

function measure(name: string, negotiate: (header: string) => string): number {
  const iterations = 20_000;
  for (let i = 0; i < 2_000; i++) negotiate(headers[i % headers.length]!);
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) negotiate(headers[i % headers.length]!);
    samples.push(Number(process.hrtime.bigint() - start) / iterations / 1000);
  }
  const median = samples.sort((a, b) => a - b)[2]!;
  console.log(`${name.padEnd(10)} ${median.toFixed(2)} µs per request (median of 5 rounds of ${iterations})`);
  return median;
}

for (const header of headers) {
  const a = ours(header);
  const b = nextIntl(header);
  console.log(`${JSON.stringify(header).padEnd(50)} ours: ${a}  next-intl: ${b}`);
}
const oursTime = measure('ours', ours);
const theirs = measure('next-intl', nextIntl);
console.log(`next-intl / ours: ${(theirs / oursTime).toFixed(1)}×`);
