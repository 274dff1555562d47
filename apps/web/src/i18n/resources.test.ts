import { describe, expect, it } from 'vitest';
import { RESOURCES } from './i18n';

type Tree = { [key: string]: string | Tree };

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

const valuesOf = (tree: Tree): string[] =>
  Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : valuesOf(value)));

describe('the UI strings', () => {
  it('have the same keys in Arabic, French and English', () => {
    const french = keysOf(RESOURCES.fr).sort();
    expect(keysOf(RESOURCES.ar).sort()).toEqual(french);
    expect(keysOf(RESOURCES.en).sort()).toEqual(french);
  });

  it('are never empty, and the Arabic ones are written in Arabic', () => {
    for (const tree of Object.values(RESOURCES)) expect(valuesOf(tree).filter((v) => !v.trim())).toEqual([]);
    // Language autonyms and digit samples are the same in every file; everything else is Arabic.
    const latinOnly = valuesOf(RESOURCES.ar).filter((v) => !/[\u0600-\u06FF]/.test(v));
    expect(latinOnly.sort()).toEqual(['012', 'English', 'Français']);
  });
});
