import { ReferenceDataError } from '../errors';
import { Lang } from '../languages/languages';
import { CURRENCIES, CurrencyCode, currency } from './currencies';

/** An amount in integer minor units (centimes, cents) of its currency: no floating point anywhere. */
export type Money = { readonly amountMinor: number; readonly currency: CurrencyCode };

/** A conversion keeps the rate and its date, so the converted amount can be explained and re-derived. */
export type Conversion = {
  readonly from: Money;
  readonly to: Money;
  /** Units of `to.currency` for one unit of `from.currency`, as a decimal string (e.g. "0.0921"). */
  readonly rate: string;
  /** The day the rate applies to, YYYY-MM-DD. */
  readonly rateDate: string;
};

export class InvalidAmount extends ReferenceDataError {
  readonly code = 'INVALID_AMOUNT';
  constructor(
    readonly amount: unknown,
    reason: string,
  ) {
    super(`invalid amount ${JSON.stringify(amount)}: ${reason}`);
  }
}

export class InvalidRate extends ReferenceDataError {
  readonly code = 'INVALID_RATE';
  constructor(readonly rate: unknown) {
    super(
      `invalid exchange rate ${JSON.stringify(rate)}: expected a positive decimal string such as "10.8523"`,
    );
  }
}

export class InvalidRateDate extends ReferenceDataError {
  readonly code = 'INVALID_RATE_DATE';
  constructor(readonly rateDate: unknown) {
    super(`invalid rate date ${JSON.stringify(rateDate)}: expected a calendar date YYYY-MM-DD`);
  }
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const RATE = /^(\d+)(?:\.(\d+))?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const toSafeInteger = (value: bigint, source: unknown): number => {
  if (value > MAX_SAFE || value < -MAX_SAFE) throw new InvalidAmount(source, 'beyond the safe integer range');
  return value === 0n ? 0 : Number(value);
};

/**
 * Money from a major-unit decimal string ("1234.5" MAD is 123450 centimes) or from an integer number of
 * minor units. More decimals than the currency has are rejected, never rounded away.
 */
export const money = (amount: string | number, currencyCode: string): Money => {
  const { code, minorUnits } = currency(currencyCode);
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount)) throw new InvalidAmount(amount, 'minor units must be a safe integer');
    return { amountMinor: amount === 0 ? 0 : amount, currency: code };
  }
  const match = typeof amount === 'string' ? DECIMAL.exec(amount) : null;
  if (!match) throw new InvalidAmount(amount, 'expected a decimal string such as "1234.50"');
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > minorUnits)
    throw new InvalidAmount(amount, `${code} has ${minorUnits} decimal places`);
  const minor = BigInt(whole + fraction.padEnd(minorUnits, '0'));
  return { amountMinor: toSafeInteger(sign ? -minor : minor, amount), currency: code };
};

/** Validates untrusted input as Money: a known currency and a safe integer amount. */
export const parseMoney = (input: unknown): Money => {
  const { amountMinor, currency: code } = (
    typeof input === 'object' && input !== null ? input : {}
  ) as Record<string, unknown>;
  const known = currency(code);
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor)) {
    throw new InvalidAmount(amountMinor, 'minor units must be a safe integer');
  }
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency: known.code };
};

/** The exact amount in major units as a decimal string: 123450 MAD -> "1234.50". */
export const toMajorString = (value: Money): string => {
  const { amountMinor, currency: code } = parseMoney(value);
  const { minorUnits } = CURRENCIES[code];
  const digits = String(Math.abs(amountMinor)).padStart(minorUnits + 1, '0');
  const whole = digits.slice(0, digits.length - minorUnits);
  const fraction = digits.slice(digits.length - minorUnits);
  return `${amountMinor < 0 ? '-' : ''}${whole}${minorUnits > 0 ? `.${fraction}` : ''}`;
};

export const MONEY_LOCALES: Readonly<Record<Lang, string>> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en' };

const formatters = new Map<string, Intl.NumberFormat>();

export const formatMoney = (value: Money, lang: Lang): string => {
  const major = toMajorString(value);
  const key = `${lang}:${value.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const { minorUnits } = CURRENCIES[value.currency];
    formatter = new Intl.NumberFormat(MONEY_LOCALES[lang], {
      style: 'currency',
      currency: value.currency,
      minimumFractionDigits: minorUnits,
      maximumFractionDigits: minorUnits,
    });
    formatters.set(key, formatter);
  }
  // A decimal string is formatted exactly (Intl.NumberFormat v3): no float round trip.
  return formatter.format(major as `${number}`);
};

/** n / d rounded half away from zero, for d > 0: deterministic, independent of banker's rules. */
const divideRoundingHalfAwayFromZero = (n: bigint, d: bigint): bigint => {
  const quotient = n / d;
  const remainder = n % d;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice < d) return quotient;
  return n < 0n ? quotient - 1n : quotient + 1n;
};

const parseRate = (rate: unknown): { units: bigint; scale: number } => {
  const match = typeof rate === 'string' ? RATE.exec(rate) : null;
  if (!match) throw new InvalidRate(rate);
  const [, whole, fraction = ''] = match;
  const units = BigInt(whole + fraction);
  if (units === 0n) throw new InvalidRate(rate);
  return { units, scale: fraction.length };
};

const checkRateDate = (rateDate: unknown): string => {
  if (typeof rateDate !== 'string' || !DATE.test(rateDate)) throw new InvalidRateDate(rateDate);
  const parsed = new Date(`${rateDate}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== rateDate) {
    throw new InvalidRateDate(rateDate);
  }
  return rateDate;
};

/**
 * Converts at `rate` (units of `toCurrency` per unit of the source currency) in integer arithmetic,
 * rounding the target minor units half away from zero.
 */
export const convert = (from: Money, rate: string, rateDate: string, toCurrency: string): Conversion => {
  const source = parseMoney(from);
  const target = currency(toCurrency);
  const { units, scale } = parseRate(rate);
  checkRateDate(rateDate);
  const numerator = BigInt(source.amountMinor) * units * 10n ** BigInt(target.minorUnits);
  const denominator = 10n ** BigInt(scale + CURRENCIES[source.currency].minorUnits);
  const amountMinor = toSafeInteger(divideRoundingHalfAwayFromZero(numerator, denominator), from);
  return { from: source, to: { amountMinor, currency: target.code }, rate, rateDate };
};
