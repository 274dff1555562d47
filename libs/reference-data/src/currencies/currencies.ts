import { ReferenceDataError } from '../errors';
import { LocalizedNames } from '../languages/languages';

/** ISO 4217 currencies of Morocco and of the main host countries, with their minor units. */
export const CURRENCY_CODES = [
  'MAD',
  'EUR',
  'USD',
  'GBP',
  'CAD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'AED',
  'SAR',
  'QAR',
] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export type Currency = {
  readonly code: CurrencyCode;
  /** Number of decimal places of the minor unit (2: cents, santimat). */
  readonly minorUnits: number;
  readonly names: LocalizedNames;
};

export class UnknownCurrency extends ReferenceDataError {
  readonly code = 'UNKNOWN_CURRENCY';
  constructor(readonly currency: unknown) {
    super(`${JSON.stringify(currency)} is not a supported ISO 4217 currency (${CURRENCY_CODES.join(', ')})`);
  }
}

export const CURRENCIES: Readonly<Record<CurrencyCode, Currency>> = {
  MAD: {
    code: 'MAD',
    minorUnits: 2,
    names: { ar: 'الدرهم المغربي', fr: 'dirham marocain', en: 'Moroccan dirham' },
  },
  EUR: { code: 'EUR', minorUnits: 2, names: { ar: 'اليورو', fr: 'euro', en: 'euro' } },
  USD: {
    code: 'USD',
    minorUnits: 2,
    names: { ar: 'الدولار الأمريكي', fr: 'dollar des États-Unis', en: 'US dollar' },
  },
  GBP: {
    code: 'GBP',
    minorUnits: 2,
    names: { ar: 'الجنيه الإسترليني', fr: 'livre sterling', en: 'pound sterling' },
  },
  CAD: {
    code: 'CAD',
    minorUnits: 2,
    names: { ar: 'الدولار الكندي', fr: 'dollar canadien', en: 'Canadian dollar' },
  },
  CHF: {
    code: 'CHF',
    minorUnits: 2,
    names: { ar: 'الفرنك السويسري', fr: 'franc suisse', en: 'Swiss franc' },
  },
  SEK: {
    code: 'SEK',
    minorUnits: 2,
    names: { ar: 'الكرونة السويدية', fr: 'couronne suédoise', en: 'Swedish krona' },
  },
  NOK: {
    code: 'NOK',
    minorUnits: 2,
    names: { ar: 'الكرونة النرويجية', fr: 'couronne norvégienne', en: 'Norwegian krone' },
  },
  DKK: {
    code: 'DKK',
    minorUnits: 2,
    names: { ar: 'الكرونة الدنماركية', fr: 'couronne danoise', en: 'Danish krone' },
  },
  AED: {
    code: 'AED',
    minorUnits: 2,
    names: { ar: 'الدرهم الإماراتي', fr: 'dirham des Émirats arabes unis', en: 'UAE dirham' },
  },
  SAR: {
    code: 'SAR',
    minorUnits: 2,
    names: { ar: 'الريال السعودي', fr: 'riyal saoudien', en: 'Saudi riyal' },
  },
  QAR: {
    code: 'QAR',
    minorUnits: 2,
    names: { ar: 'الريال القطري', fr: 'riyal qatarien', en: 'Qatari riyal' },
  },
};

export const isCurrencyCode = (value: unknown): value is CurrencyCode =>
  typeof value === 'string' && (CURRENCY_CODES as readonly string[]).includes(value);

export const currency = (code: unknown): Currency => {
  if (!isCurrencyCode(code)) throw new UnknownCurrency(code);
  return CURRENCIES[code];
};
