import { countryName, hostCountries, isCountryCode, parseCountryCode, UnknownCountry } from './countries';

describe('countries', () => {
  it('names a host country in Arabic, French and English', () => {
    expect(countryName('FR', 'fr')).toBe('France');
    expect(countryName('BE', 'en')).toBe('Belgium');
    expect(countryName('ES', 'fr')).toBe('Espagne');
    expect(countryName('NL', 'ar')).toMatch(/[\u0621-\u064A]/);
    expect(countryName('DE', 'ar')).toBe('ألمانيا');
  });

  it('accepts only ISO 3166-1 alpha-2 codes', () => {
    expect(isCountryCode('IT')).toBe(true);
    expect(isCountryCode('ITA')).toBe(false);
    expect(isCountryCode('it')).toBe(false);
    expect(isCountryCode('380')).toBe(false);
    expect(() => parseCountryCode('XX')).toThrow(UnknownCountry);
    expect(() => countryName('XX', 'en')).toThrow(UnknownCountry);
  });

  it('lists every host country but Morocco, sorted by name in each language', () => {
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const list = hostCountries(lang);
      expect(list.length).toBeGreaterThan(240);
      expect(list.some((c) => c.code === 'MA')).toBe(false);
      const collator = new Intl.Collator(lang);
      for (let i = 1; i < list.length; i++)
        expect(collator.compare(list[i - 1].name, list[i].name)).toBeLessThanOrEqual(0);
    }
    expect(hostCountries('fr')[0].name).toBe('Afghanistan');
  });
});
