import {
  checkId,
  checkInstant,
  checkObject,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
} from '../field-validation';

type LocalizedText = { ar?: string; fr?: string; en?: string };
type Money = { amountMinor: number; currency: string };

/**
 * What the source event says that the recipient is told: public facts only, copied from the
 * integration event (never a person's data, which is opened only to send). With the template
 * version and language of NotificationRendered, they are what the message said.
 */
export interface NoticeFacts {
  /** The record the notice is about (an application, an agreement, a need). */
  reference: string;
  title?: LocalizedText | null;
  amount?: Money | null;
  date?: string | null;
  deadline?: string | null;
  reasons?: string[] | null;
}

const LANGS = ['ar', 'fr', 'en'] as const;
const MAX_REASONS = 50;

const checkLocalized = (issues: FieldIssues, field: string, value: unknown): LocalizedText | null => {
  if (value === null || value === undefined) return null;
  const input = checkObject(issues, field, value);
  const out: LocalizedText = {};
  for (const key of Object.keys(input)) {
    if (!(LANGS as readonly string[]).includes(key)) issues.add(`${field}.${key}`, 'is not a language');
    else out[key as 'fr'] = checkText(issues, `${field}.${key}`, input[key], MAX_LONG_TEXT);
  }
  return out;
};

const checkMoney = (issues: FieldIssues, field: string, value: unknown): Money | null => {
  if (value === null || value === undefined) return null;
  const input = checkObject(issues, field, value);
  if (!Number.isSafeInteger(input['amountMinor'])) issues.add(`${field}.amountMinor`, 'must be an integer');
  if (typeof input['currency'] !== 'string' || !/^[A-Z]{3}$/.test(input['currency']))
    issues.add(`${field}.currency`, 'must be an ISO 4217 code');
  return { amountMinor: input['amountMinor'] as number, currency: input['currency'] as string };
};

const optionalInstant = (issues: FieldIssues, field: string, value: unknown): string | null =>
  value === null || value === undefined ? null : checkInstant(issues, field, value);

/** Checks the facts field by field into `issues` and returns them in their canonical form. */
export const checkNoticeFacts = (issues: FieldIssues, field: string, value: unknown): NoticeFacts => {
  const input = checkObject(issues, field, value);
  const reasons = input['reasons'];
  if (reasons !== null && reasons !== undefined) {
    if (!Array.isArray(reasons) || reasons.length > MAX_REASONS)
      issues.add(`${field}.reasons`, `must be a list of at most ${MAX_REASONS} codes`);
    else reasons.forEach((r, i) => checkId(issues, `${field}.reasons[${i}]`, r));
  }
  return {
    reference: checkId(issues, `${field}.reference`, input['reference']),
    title: checkLocalized(issues, `${field}.title`, input['title']),
    amount: checkMoney(issues, `${field}.amount`, input['amount']),
    date: optionalInstant(issues, `${field}.date`, input['date']),
    deadline: optionalInstant(issues, `${field}.deadline`, input['deadline']),
    reasons: Array.isArray(reasons) ? [...(reasons as string[])] : null,
  };
};
