import { locales, type Locale } from '@/lib/i18n/locales';
import { formPostRoutes } from './known-routes';

/**
 * The proxy matcher: every path except Next's static assets, two fixed API
 * paths, the form-post route handlers and the exact canonical article URLs,
 * which are prerendered and get their headers from next.config.mjs. Any other
 * article URL (letter case, slug, unknown ID) goes through the proxy, which
 * redirects it or answers 404.
 *
 * Next refuses a matcher entry longer than 4,096 characters, and the canonical
 * URLs outgrow one entry at a few dozen articles. So the path space is split:
 * one entry for everything outside `/{locale}/article/`, and for each locale's
 * article URLs one entry excluding its canonical URLs, split further by the
 * next character of the path whenever an entry would be too long.
 */
export const maxMatcherLength = 4096;

export function buildProxyMatcher(canonicalPaths: Record<Locale, readonly string[]>): string[] {
  const articlePrefixes = `(?:${locales.join('|')})/article/`;
  // Form posts skip the proxy: each route handler validates its own segments, and the proxy
  // would cost a third of a sign-in help lookup (bench/sign-in-help.ts). A segment holding
  // anything unusual (a percent escape) still goes through the proxy, which answers it.
  const posts = formPostRoutes.map((route) => route.slice(1).replace(/\[[A-Za-z]+\]/g, '[A-Za-z0-9._-]+'));
  const postGroup = `(?:${locales.join('|')})/(?:${posts.join('|')})$`;
  // Fixed API paths skip it too: their path cannot be malformed, and each request it skips
  // is cheaper (the proxy's cost is most of a search request's: bench/search.ts).
  const general = `/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|api/search$|api/health$|${postGroup}|${articlePrefixes}).*)`;

  const entries = [general];
  for (const locale of locales) {
    const prefix = `${locale}/article/`;
    const rests = canonicalPaths[locale].map((p) => {
      if (!p.startsWith(`/${prefix}`) || !/^[A-Za-z0-9/-]+$/.test(p)) throw new Error(`"${p}" cannot go into the proxy matcher`);
      return p.slice(prefix.length + 1);
    });
    entries.push(...excluding(prefix, rests));
  }
  for (const entry of entries) {
    if (entry.length > maxMatcherLength) throw new Error(`a proxy matcher entry is ${entry.length} characters long`);
  }
  return entries;
}

/** Entries matching every path under `prefix` except exactly `prefix + rest` for each rest. */
function excluding(prefix: string, rests: string[]): string[] {
  const whole = `/${prefix}((?!(?:${rests.join('|')})$).*)`;
  if (rests.length === 0) return [`/${prefix}(.*)`];
  if (whole.length <= maxMatcherLength) return [whole];
  // Too long: one entry per next character, and one for paths going on with any other character.
  const byFirst = new Map<string, string[]>();
  for (const rest of rests) {
    if (!rest) continue;
    byFirst.set(rest[0]!, [...(byFirst.get(rest[0]!) ?? []), rest.slice(1)]);
  }
  const firsts = [...byFirst.keys()].sort();
  return [
    `/${prefix}((?![${firsts.join('')}]).*)`,
    ...firsts.flatMap((first) => excluding(prefix + first, byFirst.get(first)!)),
  ];
}

const begin = '// BEGIN GENERATED MATCHER: scripts/build-content.ts rewrites this block.';
const end = '// END GENERATED MATCHER';

/** proxy.ts with its generated block replaced. */
export function writeMatcherBlock(proxySource: string, matcher: string[]): string {
  const start = proxySource.indexOf(begin);
  const stop = proxySource.indexOf(end);
  if (start < 0 || stop < start) throw new Error('proxy.ts has lost its generated matcher markers');
  const lines = matcher.map((entry) => `    ${JSON.stringify(entry).replace(/^"|"$/g, "'")},`);
  const block = `${begin}\nexport const config = {\n  matcher: [\n${lines.join('\n')}\n  ],\n};\n`;
  return proxySource.slice(0, start) + block + proxySource.slice(stop);
}
