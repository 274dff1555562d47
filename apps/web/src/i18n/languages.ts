export const LANGUAGES = ['ar', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Arabic-Indic (٠١٢) or Latin (012) digits: Arabic readers choose; French and English use Latin. */
export const DIGITS = ['arab', 'latn'] as const;
export type Digits = (typeof DIGITS)[number];

export type Direction = 'rtl' | 'ltr';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);
export const isDigits = (value: unknown): value is Digits => DIGITS.includes(value as Digits);

export const directionOf = (language: Language): Direction => (language === 'ar' ? 'rtl' : 'ltr');

/** The Intl locale the formatters use: Moroccan conventions, and the digits the reader chose. */
export function intlLocale(language: Language, digits: Digits): string {
  switch (language) {
    case 'ar':
      return `ar-MA-u-nu-${digits}`;
    case 'fr':
      return 'fr-MA';
    case 'en':
      return 'en-GB';
  }
}
