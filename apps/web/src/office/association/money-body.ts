import type { MoneyDto } from '../../api/generated';
import { minorUnitDigits } from '../../format/money';
import { moneyBody, MoneyInputValue } from '../forms/MoneyInput';

export type Money = { amountMinor: number; currency: MoneyDto['currency'] };

/**
 * An amount as the API's MoneyDto takes it (an integer of minor units), or null when what was
 * typed is not an amount; the platform refuses what is out of its range with a field error.
 */
export function moneyDto(value: MoneyInputValue): Money | null {
  const money = moneyBody(value);
  if (!money) return null;
  return { amountMinor: Number(money.amountMinor), currency: money.currency as MoneyDto['currency'] };
}

/** What the reader typed back from minor units (for an edit form): "2500000.50". */
export function moneyText(amountMinor: string | number, currency: string): MoneyInputValue {
  const digits = minorUnitDigits(currency);
  const minor = BigInt(amountMinor);
  const scale = 10n ** BigInt(digits);
  const fraction = (minor % scale).toString().padStart(digits, '0');
  const text = `${minor / scale}${digits > 0 && /[1-9]/.test(fraction) ? `.${fraction}` : ''}`;
  return { text, currency };
}
