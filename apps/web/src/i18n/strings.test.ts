import { describe, expect, it } from 'vitest';
import type { StringBundle } from './strings';

type Tree = { [key: string]: string | Tree };

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
const valuesOf = (tree: Tree): string[] =>
  Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : valuesOf(value)));

// Every area's bundle, found by its file name: a new area is checked without being listed here.
const BUNDLES = Object.entries(
  import.meta.glob<{ STRINGS: StringBundle }>('../**/strings.ts', { eager: true }),
).flatMap(([file, module]) => (module.STRINGS ? [{ file, bundle: module.STRINGS }] : []));

describe('each area’s strings', () => {
  it('are found (the session and the back office at least)', () => {
    const namespaces = BUNDLES.map((b) => b.bundle.namespace);
    expect(namespaces).toEqual(expect.arrayContaining(['session', 'office']));
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });

  it.each(BUNDLES.map((b) => [b.file, b.bundle] as const))(
    '%s: the same keys in ar, fr and en, none empty, the Arabic in Arabic',
    (_file, bundle) => {
      const french = keysOf(bundle.resources.fr).sort();
      expect(keysOf(bundle.resources.ar).sort()).toEqual(french);
      expect(keysOf(bundle.resources.en).sort()).toEqual(french);
      for (const tree of Object.values(bundle.resources))
        expect(valuesOf(tree).filter((v) => !v.trim())).toEqual([]);
      // Identifiers and sample values (ids, codes) may be Latin; a sentence in Latin letters is not.
      const latinSentences = valuesOf(bundle.resources.ar).filter(
        (v) => !/[\u0600-\u06FF]/.test(v) && /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(v),
      );
      expect(latinSentences).toEqual([]);
    },
  );
});
