import { CurrencyCode } from './currencies';
import { InvalidAmount } from './money';

/**
 * A sum of amounts of one currency. Each amount is capped at 2^53 - 1 minor units, but a sum is not:
 * it is added in BigInt and carried as a decimal string of minor units, exact at any size.
 */
export type MoneyTotal = { readonly amountMinor: string; readonly currency: CurrencyCode };

/** The minor units of one amount, refused unless a safe integer (beyond it the number is already wrong). */
export const exactMinor = (amountMinor: number): bigint => {
  if (!Number.isSafeInteger(amountMinor))
    throw new InvalidAmount(amountMinor, 'minor units must be a safe integer to be added exactly');
  return BigInt(amountMinor);
};

/** The exact sum of amounts in minor units. */
export const sumMinor = (amounts: Iterable<number>): bigint => {
  let total = 0n;
  for (const amount of amounts) total += exactMinor(amount);
  return total;
};

export const moneyTotal = (minor: bigint, currency: CurrencyCode): MoneyTotal => ({
  amountMinor: minor.toString(),
  currency,
});
