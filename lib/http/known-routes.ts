/**
 * Every page route under `app/[locale]`, written as its folder path. The proxy
 * answers anything else with the localized 404 page itself, because a
 * `notFound()` thrown while rendering is not server-rendered in Next 16.3+
 * (https://github.com/vercel/next.js/issues/62228). A unit test keeps this list
 * equal to the folders in `app/[locale]`.
 */
export const localizedPageRoutes = [
  '/',
  '/article/[id]/[[...slug]]',
  '/search',
] as const;

/** The page the proxy rewrites unknown paths to, with status 404. */
export const notFoundPagePath = '/page-not-found';

function matchesTemplate(template: string, segments: string[]): boolean {
  const parts = template.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('[[...')) return true;
    if (part.startsWith('[...')) return segments.length > i;
    const segment = segments[i];
    if (segment === undefined) return false;
    if (part.startsWith('[')) continue;
    if (part !== segment) return false;
  }
  return segments.length === parts.length;
}

/** Whether the path after the locale prefix is one of our pages. */
export function isKnownLocalizedPath(segments: string[]): boolean {
  return localizedPageRoutes.some((template) => matchesTemplate(template, segments));
}
