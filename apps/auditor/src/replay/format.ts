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
