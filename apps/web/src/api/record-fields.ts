import type { Language } from '../i18n/languages';

/**
 * The OpenAPI document describes the items of the directory, the needs catalogue and the calls
 * as free-form records (`{ [key: string]: unknown }`): the generated client has no field types
 * for them. Rather than declare API types by hand, the pages read each field they show through
 * these narrowing readers, which give `undefined` (shown as a dash) when a field is not what
 * they expect. Once the API documents those schemas, the generated types replace these reads.
 */
export type ApiRecord = { [key: string]: unknown };

export const textField = (record: ApiRecord, key: string): string | undefined => {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
};

export const numberField = (record: ApiRecord, key: string): number | undefined => {
  const value = record[key];
  return typeof value === 'number' ? value : undefined;
};

export const textListField = (record: ApiRecord, key: string): string[] => {
  const value = record[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

export const recordField = (record: ApiRecord, key: string): ApiRecord | undefined => {
  const value = record[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as ApiRecord)
    : undefined;
};

/** A `{ ar, fr, en }` text in the reader's language, else the first language that has it. */
export const localizedField = (record: ApiRecord, key: string, language: Language): string | undefined => {
  const texts = recordField(record, key);
  if (!texts) return undefined;
  for (const candidate of [language, 'fr', 'ar', 'en']) {
    const text = textField(texts, candidate);
    if (text) return text;
  }
  return undefined;
};

/** A `{ amountMinor, currency }` amount (minor units as a number or a decimal string). */
export const moneyField = (
  record: ApiRecord,
  key: string,
): { amountMinor: string | number; currency: string } | undefined => {
  const money = recordField(record, key);
  const amountMinor = money?.['amountMinor'];
  const currency = money ? textField(money, 'currency') : undefined;
  if (!currency || (typeof amountMinor !== 'number' && typeof amountMinor !== 'string')) return undefined;
  return { amountMinor, currency };
};

/** A list of records (`documents`, `tranches`); items that are not records are left out. */
export const recordListField = (record: ApiRecord, key: string): ApiRecord[] => {
  const value = record[key];
  return Array.isArray(value)
    ? value.filter((v): v is ApiRecord => v !== null && typeof v === 'object' && !Array.isArray(v))
    : [];
};
