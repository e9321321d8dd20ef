/** A stable, human-readable id: lower-case words joined by single hyphens, e.g. `clicks-ad`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/**
 * Turns a name into a slug: `"Gaat door de kassa"` -> `"gaat-door-de-kassa"`.
 * Accents are folded (`ë` -> `e`, `ĳ` -> `ij`) so Dutch names give readable ids.
 */
export function slugify(name: string): string {
  const slug = name
    .replace(/ĳ/g, 'ij')
    .replace(/Ĳ/g, 'IJ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug : 'item';
}

/** Returns `base`, or `base-2`, `base-3` ... whichever is not yet in `taken`; adds it to `taken`. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}
