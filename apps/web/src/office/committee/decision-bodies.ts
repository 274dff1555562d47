import type { AwardDto, MoneyDto } from '../../api/generated';
import { moneyBody, MoneyInputValue } from '../forms/MoneyInput';

const API_CURRENCIES: readonly MoneyDto['currency'][] = [
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
];

/** One entry per non-blank line (conditions, reasons). */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Committee member ids typed with commas, spaces or new lines between them. */
export const memberIds = (text: string): string[] => text.split(/[\s,،]+/).filter((id) => id !== '');

export interface AwardFormValues {
  amount: MoneyInputValue;
  conditions: string;
  rationale: string;
  derogationReason: string;
  derogationMembers: string;
}

/**
 * The body of POST /award. A blank amount leaves the platform's default (the amount requested);
 * a derogation is sent only when its reason is filled in (else the platform answers 409
 * OUTSIDE_FUNDED_SET for an application outside the funded set, and the form shows its fields).
 */
export function awardBody(values: AwardFormValues): AwardDto {
  const money = values.amount.text.trim() === '' ? null : moneyBody(values.amount);
  const currency = API_CURRENCIES.find((c) => c === money?.currency);
  return {
    ...(money && currency && { amount: { amountMinor: Number(money.amountMinor), currency } }),
    conditions: lines(values.conditions),
    rationale: values.rationale.trim(),
    ...(values.derogationReason.trim() && {
      derogation: {
        reason: values.derogationReason.trim(),
        committeeMembers: memberIds(values.derogationMembers),
      },
    }),
  };
}
