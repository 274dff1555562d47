import { direction, isLang, LANGUAGE_INFO, LANGUAGES, localized, PLANNED_LANGUAGES } from './languages';

describe('languages', () => {
  it('serves Arabic right to left, French and English left to right', () => {
    expect(LANGUAGES).toEqual(['ar', 'fr', 'en']);
    expect(direction('ar')).toBe('rtl');
    expect(direction('fr')).toBe('ltr');
    expect(direction('en')).toBe('ltr');
  });

  it('lists Tamazight as planned, not yet available', () => {
    expect(PLANNED_LANGUAGES).toEqual(['zgh']);
    expect(LANGUAGE_INFO.zgh.available).toBe(false);
    expect(isLang('zgh')).toBe(false);
    expect(isLang('ar')).toBe(true);
  });

  it('falls back from the asked language to French, then English, then Arabic', () => {
    const names = { ar: 'الرباط', fr: 'Rabat (fr)', en: 'Rabat (en)' };
    expect(localized(names, 'ar')).toBe('الرباط');
    expect(localized(names, 'zgh')).toBe('Rabat (fr)');
    expect(localized({ ar: 'الرباط', en: 'Rabat (en)' }, 'fr')).toBe('Rabat (en)');
    expect(localized({ ar: 'الرباط', fr: '' }, 'en')).toBe('الرباط');
    expect(localized({}, 'en')).toBeUndefined();
  });
});
