import { ApiRecord, recordListField, textField } from '../../api/record-fields';

export interface MoneyAmount {
  amountMinor: string;
  currency: string;
}

/**
 * A project's `totals` (one line per currency, each figure `{ amountMinor, currency }` with the
 * minor units as a decimal string) reduced to one of its figures, currencies in order.
 */
export function totalsOf(
  record: ApiRecord,
  figure: 'budget' | 'cofinancing' | 'granted' | 'disbursed',
): MoneyAmount[] {
  return recordListField(record, 'totals').flatMap((line) => {
    const value = line[figure];
    if (value === null || typeof value !== 'object') return [];
    const amount = value as ApiRecord;
    const currency = textField(amount, 'currency') ?? textField(line, 'currency');
    const minor = amount['amountMinor'];
    if (!currency || (typeof minor !== 'string' && typeof minor !== 'number')) return [];
    return [{ amountMinor: String(minor), currency }];
  });
}

/** The public figures' budgets (`{ MAD: "315000000" }`) as amounts, currencies in order. */
export function budgetsOf(record: ApiRecord, key = 'budget'): MoneyAmount[] {
  const value = record[key];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as ApiRecord)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /^\d+$/.test(entry[1]))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ amountMinor, currency }));
}
