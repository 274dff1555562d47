/** Plain-text renderings shared by the timeline, the replay's report and the dossier. */

export interface MoneyLike {
  amountMinor: number;
  currency: string;
}

const fractionDigits = new Map<string, number>();

/** Minor units per major unit of the currency (2 for USD, EUR, MAD; 0 for JPY), from ICU. */
function digitsOf(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      digits = 2;
    }
    fractionDigits.set(currency, digits);
  }
  return digits;
}

export function isMoney(value: unknown): value is MoneyLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as MoneyLike).amountMinor === 'number' &&
    typeof (value as MoneyLike).currency === 'string'
  );
}

/** `USD 250,000.00`: the currency code, then the amount with its minor units. */
export function formatMoney(money: MoneyLike | null | undefined): string {
  if (!isMoney(money)) return '-';
  const digits = digitsOf(money.currency);
  const major = money.amountMinor / 10 ** digits;
  return `${money.currency} ${major.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })}`;
}

/** The minor units as an exact decimal string (`300000000`, 2 digits: `3000000.00`), no float. */
export function decimalOf(amountMinor: number, digits: number): `${number}` {
  const negative = amountMinor < 0;
  const units = BigInt(Math.abs(Math.trunc(amountMinor)))
    .toString()
    .padStart(digits + 1, '0');
  const major = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return `${negative ? '-' : ''}${major}` as `${number}`;
}

/**
 * The locales the dossier formats money in: Morocco's French and Arabic (CLDR's fr-MA and ar-MA,
 * whose digits are the Latin ones Moroccan administrations print), English as the report does.
 */
export const MONEY_LOCALES = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-US' } as const;
export type MoneyLanguage = keyof typeof MONEY_LOCALES;

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Money in a language's own format, exactly (the minor units as a decimal string, the currency's
 * minor digits): `3.000.000,00 MAD` in French, `3.000.000,00 د.م.` in Arabic; English is
 * formatMoney's `MAD 3,000,000.00`. A currency ICU does not know is shown as code and number.
 */
export function formatMoneyIn(money: MoneyLike | null | undefined, lang: MoneyLanguage): string {
  if (!isMoney(money)) return '-';
  if (lang === 'en') return formatMoney(money);
  const digits = digitsOf(money.currency);
  const key = `${lang} ${money.currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(MONEY_LOCALES[lang], {
        style: 'currency',
        currency: money.currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      return formatMoney(money);
    }
    formatters.set(key, formatter);
  }
  // A decimal string is formatted exactly (Intl.NumberFormat v3), whatever its size.
  return formatter.format(decimalOf(money.amountMinor, digits));
}

/** Centipoints as points with two decimals: 8417 is `84.17`. */
export function formatPoints(centipoints: number | null | undefined): string {
  return typeof centipoints === 'number' ? (centipoints / 100).toFixed(2) : '-';
}

/** A short, single-line rendering of a value for differences: JSON, cut at 160 characters. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
