import { numberFormat } from './intl-cache';

/** The currencies the programme handles (ISO 4217): each with its own minor units. */
export type Currency = 'MAD' | 'EUR' | 'USD' | (string & {});

/** Digits after the decimal point in the currency's minor unit, as Intl (CLDR) knows them. */
export function minorUnitDigits(currency: Currency): number {
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * An amount in minor units (the API sends a decimal string, exact past 2^53) as money in the
 * reader's locale: 125000050 MAD → "1.250.000,50 MAD" in fr-MA, "١٬٢٥٠٬٠٠٠٫٥٠ د.م.‏" in ar-MA-u-nu-arab.
 * The decimal is built from the integer (no floating point) and formatted as a string, which
 * Intl.NumberFormat formats exactly.
 */
export function formatMoney(
  amountMinor: string | bigint | number,
  currency: Currency,
  locale: string,
): string {
  const minor = BigInt(amountMinor);
  const digits = minorUnitDigits(currency);
  const negative = minor < 0n;
  const magnitude = negative ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  const whole = (magnitude / scale).toString();
  const fraction = (magnitude % scale).toString().padStart(digits, '0');
  const decimal = `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
  const format = numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // The string overload (exact decimals) is ES2023's; TypeScript's lib types only `number | bigint`.
  return format.format(decimal as unknown as number);
}

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;

/**
 * What a user typed as an amount of `currency` (major units: "1 250 000,50", "1250000.5",
 * "١٢٥٠٠٠٠٫٥٠") as minor units, exactly (no floating point); null when it is not an amount or has
 * more decimals than the currency's minor unit. The last "," "." or "٫" is the decimal separator
 * when at most the minor unit's digits follow it; spaces, "'" and "٬" group digits.
 */
export function parseMoneyInput(text: string, currency: Currency): bigint | null {
  const digits = minorUnitDigits(currency);
  const latin = text
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - ARABIC_INDIC_ZERO))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - EXTENDED_ARABIC_INDIC_ZERO))
    .replace(/[\s\u00A0\u202F'\u066C]/g, '')
    .replace(/\u066B/g, '.');
  const match = /^(\d+(?:[.,]\d{3})*|\d+)(?:[.,](\d+))?$/.exec(latin);
  if (!match) return null;
  let [whole, fraction = ''] = [match[1], match[2]];
  const decimalSeparator = match[2] === undefined ? null : latin[latin.length - fraction.length - 1];
  if (decimalSeparator && whole.includes(decimalSeparator)) return null;
  // "1.250" in a currency of two decimals is ambiguous only with three digits after: a group.
  if (fraction.length > digits) {
    if (fraction.length === 3 && /[.,]/.test(latin.slice(0, -4)) === false) {
      whole = `${whole}${fraction}`;
      fraction = '';
    } else return null;
  }
  const wholeDigits = whole.replace(/[.,]/g, '');
  return BigInt(wholeDigits) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
}
