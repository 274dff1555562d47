import {
  findSector,
  isSectorCode,
  parseSectorCode,
  SECTOR_CATEGORIES,
  SECTORS,
  sectorsIn,
  UnknownSector,
} from './sectors';

describe('sectors', () => {
  it('uses unique five-digit OECD DAC purpose codes', () => {
    expect(SECTORS.length).toBeGreaterThanOrEqual(20);
    expect(SECTORS.every((s) => /^\d{5}$/.test(s.code))).toBe(true);
    expect(new Set(SECTORS.map((s) => s.code)).size).toBe(SECTORS.length);
  });

  it('names every sector in ar, fr and en, the Arabic one in Arabic letters', () => {
    for (const { names } of SECTORS) {
      expect(names.ar).toMatch(/[\u0621-\u064A]/);
      expect(names.fr.trim()).not.toBe('');
      expect(names.en.trim()).not.toBe('');
    }
  });

  it('covers the fields of the source programme', () => {
    for (const code of ['14030', '14031', '23630', '23631', '12230', '12220', '11220', '11330', '21020']) {
      expect(isSectorCode(code)).toBe(true);
    }
    for (const code of ['31120', '31194', '16020', '25030', '15190', '15170', '43040']) {
      expect(isSectorCode(code)).toBe(true);
    }
    expect(findSector('14030')?.category).toBe('water');
    expect(findSector('15190')?.category).toBe('migration');
  });

  it('puts every category to use', () => {
    for (const category of SECTOR_CATEGORIES) expect(sectorsIn(category).length).toBeGreaterThan(0);
  });

  it('rejects a code outside the list', () => {
    expect(() => parseSectorCode('99999')).toThrow(UnknownSector);
    expect(() => parseSectorCode(14030)).toThrow(UnknownSector);
    expect(parseSectorCode('23631')).toBe('23631');
  });
});
