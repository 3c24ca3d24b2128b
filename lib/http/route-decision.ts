import { getLocaleFromRegionCode, isLocale, type Locale } from '@/lib/i18n/locales';
import type { LiveRoute, RouteTable } from '@/lib/content/types';
import { isKnownLocalizedPath } from './known-routes';

/**
 * What the proxy does with a page path. Pure, so every public URL rule (support
 * teams paste these URLs) is unit-tested.
 */
export type RouteDecision =
  /** A permanent move: region code, ID letter case, missing or different slug. */
  | { kind: 'redirect'; location: string }
  /** `/{ID}` or `/article/{ID}`: send to the article in the negotiated locale. */
  | { kind: 'negotiated-article'; id: string; slugs: Record<Locale, string> }
  /** A path with no locale: the same path in the negotiated locale. */
  | { kind: 'negotiate'; path: string }
  /** A retired article: the localized 410 page (in `locale` when the path names one). */
  | { kind: 'gone'; locale?: Locale; articleId: string }
  /** Nothing lives here: the localized 404 (in `locale` when the path names one). */
  | { kind: 'not-found'; locale?: Locale; articleId?: string }
  /** One of our pages: carry on (an article page served in English for a missing translation says so, to be counted). */
  | { kind: 'pass'; fallbackView?: { locale: Locale; id: string } };

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

type FoundRoute = { kind: 'live' | 'alias'; route: LiveRoute } | { kind: 'gone'; id: string };

/**
 * What an article ID in any letter case names: a live article, an old ID (alias) of
 * one, or a retired article. Own keys only: `/__proto__` must not find Object.prototype.
 */
function findRoute(routes: RouteTable, segment: string): FoundRoute | undefined {
  const key = segment.toLowerCase();
  if (!Object.hasOwn(routes, key)) return undefined;
  const route = routes[key]!;
  if ('gone' in route) return { kind: 'gone', id: route.id };
  return { kind: route.id.toLowerCase() === key ? 'live' : 'alias', route };
}

const looksLikeLanguageCode = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/i;

export function decideRoute(pathname: string, routes: RouteTable, options: { development: boolean } = { development: true }): RouteDecision {
  const raw = pathname.split('/').filter(Boolean);
  const segments = raw.map(decodeSegment);
  if (segments.some((s) => s === undefined)) {
    const first = raw[0];
    return { kind: 'not-found', locale: isLocale(first) ? first : undefined };
  }
  const decoded = segments as string[];
  const first = decoded[0];

  let locale: Locale | undefined;
  let moved = false;
  if (first !== undefined && isLocale(first)) {
    locale = first;
  } else if (first !== undefined) {
    locale = getLocaleFromRegionCode(first);
    moved = locale !== undefined;
  }

  if (locale) {
    const rest = decoded.slice(1);
    if (rest[0] === 'article' && rest[1] !== undefined) {
      const found = findRoute(routes, rest[1]);
      if (!found) return { kind: 'not-found', locale, articleId: rest[1].slice(0, 64) };
      if (found.kind === 'gone') return { kind: 'gone', locale, articleId: found.id };
      const { route } = found;
      const canonical = `/${locale}/article/${route.id}/${route.slugs[locale]}`;
      if (canonical !== pathname) return { kind: 'redirect', location: canonical };
      return route.fallbacks.includes(locale) ? { kind: 'pass', fallbackView: { locale, id: route.id } } : { kind: 'pass' };
    }
    if (isKnownLocalizedPath(rest, options)) {
      return moved ? { kind: 'redirect', location: `/${[locale, ...raw.slice(1)].join('/')}` } : { kind: 'pass' };
    }
    // `/{locale}/{ID}`: the language is chosen, so the move to the article is permanent.
    const found = rest.length === 1 ? findRoute(routes, rest[0]!) : undefined;
    if (found?.kind === 'gone') return { kind: 'gone', locale, articleId: found.id };
    if (found) return { kind: 'redirect', location: `/${locale}/article/${found.route.id}/${found.route.slugs[locale]}` };
    return { kind: 'not-found', locale };
  }

  const articleSegment =
    decoded.length === 1 ? decoded[0] : decoded[0] === 'article' && decoded.length <= 3 ? decoded[1] : undefined;
  if (articleSegment !== undefined) {
    const found = findRoute(routes, articleSegment);
    if (found?.kind === 'gone') return { kind: 'gone', articleId: found.id };
    // An old ID moves for good to the new one, which then goes to the reader's language.
    if (found?.kind === 'alias') return { kind: 'redirect', location: `/${found.route.id}` };
    if (found) return { kind: 'negotiated-article', id: found.route.id, slugs: found.route.slugs };
    if (decoded[0] === 'article') return { kind: 'not-found', articleId: articleSegment.slice(0, 64) };
  }
  // `/xx/…` where xx is a language we do not ship: there is nothing to negotiate towards.
  if (first !== undefined && looksLikeLanguageCode.test(first) && decoded.length > 1) return { kind: 'not-found' };
  if (!isKnownLocalizedPath(decoded, options)) return { kind: 'not-found' };
  return { kind: 'negotiate', path: pathname === '/' ? '' : pathname };
}
