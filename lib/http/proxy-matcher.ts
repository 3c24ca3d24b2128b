import { locales, type Locale } from '@/lib/i18n/locales';

/**
 * The proxy matcher: every path except Next's static assets and the exact
 * canonical article URLs, which are prerendered and get their headers from
 * next.config.mjs. Any other article URL (letter case, slug, unknown ID) goes
 * through the proxy, which redirects it or answers 404.
 */
export function buildProxyMatcher(canonicalPaths: Record<Locale, readonly string[]>): string {
  const groups = locales.map((locale) => {
    const rest = canonicalPaths[locale].map((p) => {
      const prefix = `/${locale}/`;
      if (!p.startsWith(prefix) || !/^[A-Za-z0-9/-]+$/.test(p)) throw new Error(`"${p}" cannot go into the proxy matcher`);
      return p.slice(prefix.length);
    });
    return `${locale}/(?:${rest.join('|')})`;
  });
  // Fixed API paths skip it too: their path cannot be malformed, and each request it skips
  // is cheaper (the proxy's cost is most of a search request's: bench/search.ts).
  return `/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|api/search$|api/health$|(?:${groups.join('|')})$).*)`;
}

const begin = '// BEGIN GENERATED MATCHER: scripts/build-content.ts rewrites this block.';
const end = '// END GENERATED MATCHER';

/** proxy.ts with its generated block replaced. */
export function writeMatcherBlock(proxySource: string, matcher: string): string {
  const start = proxySource.indexOf(begin);
  const stop = proxySource.indexOf(end);
  if (start < 0 || stop < start) throw new Error('proxy.ts has lost its generated matcher markers');
  const block = `${begin}\nexport const config = {\n  matcher: [${JSON.stringify(matcher).replace(/^"|"$/g, "'")}],\n};\n`;
  return proxySource.slice(0, start) + block + proxySource.slice(stop);
}
