const maxSlugLength = 60;

/**
 * An ASCII URL slug from a title: accents folded (`ä` → `a`), everything else
 * that is not a letter or digit becomes a hyphen, cut at a word boundary.
 * Returns '' when too little of the title is Latin script (Japanese, Arabic),
 * so the caller can fall back to the English slug.
 */
export function slugify(title: string): string {
  const folded = title
    .replace(/['’]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxSlugLength) break;
    slug = next;
  }
  return slug.length >= 3 ? slug : '';
}
