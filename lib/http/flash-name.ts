/**
 * The flash cookie for one page: its name is derived from the page's path (and
 * the cookie's Path is that page), so a form's state reaches only the page it
 * belongs to, and the proxy can find it without a lookup.
 */
export function flashCookieName(pathname: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pathname.length; i++) {
    hash ^= pathname.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `sp_flash_${hash.toString(36)}`;
}

/** The request header through which the proxy hands a page its flash state. */
export const flashHeader = 'x-signpost-flash';
