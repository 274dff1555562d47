/**
 * Free-text search without text indexes (FerretDB has none): projections store names folded by
 * `foldSearchText`, queries fold the term the same way and match it with an escaped `$regex`.
 * Folding lower-cases and drops combining marks (French accents, Arabic harakat and the hamza
 * carried by alef), so "developpement" finds "Développement" and "اسرة" finds "أسرة".
 */
export const foldSearchText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The names of every language and the acronym, folded and joined (one string to search). */
export const foldNames = (names: Readonly<Record<string, string | undefined>>): string =>
  ['ar', 'fr', 'en']
    .map((lang) => names[lang])
    .filter((name): name is string => typeof name === 'string' && name !== '')
    .map(foldSearchText)
    .join(' | ');

/** A regex source that matches `text` literally. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The `$regex` condition for a free-text term, or undefined when the term is blank. */
export const textCondition = (term: string): { $regex: string } | undefined => {
  const folded = foldSearchText(term);
  return folded === '' ? undefined : { $regex: escapeRegex(folded) };
};
