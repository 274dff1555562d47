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
  /** A digest's entries: each notice it gathers (by its notification id), what it was about, when. */
  items?: DigestItem[] | null;
  /** A training session's IANA time zone: its dates are told on that clock (absent: Casablanca's). */
  timezone?: string;
  /** Where a training session takes place: a city and country (ISO 3166 code), or online. */
  place?: NoticePlace;
}

export interface NoticePlace {
  mode: 'in-person' | 'online';
  city?: string;
  country?: string;
}

export interface DigestItem {
  notificationId: string;
  title: LocalizedText;
  reference: string;
  date: string;
}

const LANGS = ['ar', 'fr', 'en'] as const;
const MAX_REASONS = 50;
/** A digest gathers at most this many notices (the rest wait for the next one). */
export const MAX_DIGEST_ITEMS = 200;

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

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const checkTimeZone = (issues: FieldIssues, field: string, value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  const zone = checkText(issues, field, value, 64);
  if (typeof value === 'string' && !isTimeZone(value)) issues.add(field, 'is not an IANA time zone');
  return zone;
};

const checkPlace = (issues: FieldIssues, field: string, value: unknown): NoticePlace | undefined => {
  if (value === null || value === undefined) return undefined;
  const input = checkObject(issues, field, value);
  if (input['mode'] === 'online') return { mode: 'online' };
  if (input['mode'] !== 'in-person') issues.add(`${field}.mode`, 'must be in-person or online');
  if (typeof input['country'] !== 'string' || !/^[A-Z]{2}$/.test(input['country']))
    issues.add(`${field}.country`, 'must be an ISO 3166 code');
  return {
    mode: 'in-person',
    city: checkText(issues, `${field}.city`, input['city'], 200),
    country: input['country'] as string,
  };
};

/** Checks the facts field by field into `issues` and returns them in their canonical form. */
export const checkNoticeFacts = (issues: FieldIssues, field: string, value: unknown): NoticeFacts => {
  const input = checkObject(issues, field, value);
  const reasons = input['reasons'];
  if (reasons !== null && reasons !== undefined) {
    if (!Array.isArray(reasons) || reasons.length > MAX_REASONS)
      issues.add(`${field}.reasons`, `must be a list of at most ${MAX_REASONS} codes`);
    else reasons.forEach((r, i) => checkId(issues, `${field}.reasons[${i}]`, r));
  }
  const items = input['items'];
  if (items !== null && items !== undefined && (!Array.isArray(items) || items.length > MAX_DIGEST_ITEMS))
    issues.add(`${field}.items`, `must be a list of at most ${MAX_DIGEST_ITEMS} entries`);
  const checkedItems = Array.isArray(items)
    ? items.slice(0, MAX_DIGEST_ITEMS).map((item: unknown, i) => {
        const at = `${field}.items[${i}]`;
        const entry = checkObject(issues, at, item);
        return {
          notificationId: checkId(issues, `${at}.notificationId`, entry['notificationId']),
          title: checkLocalized(issues, `${at}.title`, entry['title']) ?? {},
          reference: checkId(issues, `${at}.reference`, entry['reference']),
          date: checkInstant(issues, `${at}.date`, entry['date']),
        };
      })
    : null;
  const timezone = checkTimeZone(issues, `${field}.timezone`, input['timezone']);
  const place = checkPlace(issues, `${field}.place`, input['place']);
  return {
    reference: checkId(issues, `${field}.reference`, input['reference']),
    title: checkLocalized(issues, `${field}.title`, input['title']),
    amount: checkMoney(issues, `${field}.amount`, input['amount']),
    date: optionalInstant(issues, `${field}.date`, input['date']),
    deadline: optionalInstant(issues, `${field}.deadline`, input['deadline']),
    reasons: Array.isArray(reasons) ? [...(reasons as string[])] : null,
    items: checkedItems,
    // Only when given: the facts of notices requested before these fields existed stay as they were.
    ...(timezone ? { timezone } : {}),
    ...(place ? { place } : {}),
  };
};
