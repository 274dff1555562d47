import Handlebars from 'handlebars';
import { formatMoney, isCurrencyCode, localized } from '@tadamon/reference-data';
import type { Language } from '../domain/notification/notification-messages';
import { reasonLabel } from './reason-labels';

export const TIME_ZONE = 'Africa/Casablanca';

/**
 * The reader's locale for dates: Moroccan Arabic and French conventions, and British English for
 * English (day before month, 24-hour clock, as the ministry writes). Money goes through
 * reference-data's formatMoney (ar-MA, fr-MA, en), the platform's one money formatter.
 */
export const DATE_LOCALES: Readonly<Record<Language, string>> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };

type Money = { amountMinor: number; currency: string };
type LocalizedText = { ar?: string; fr?: string; en?: string };

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
const cached = <F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F => {
  let format = formats.get(key);
  if (!format) formats.set(key, (format = make()));
  return format as F;
};

export const formatAmount = (value: Money, language: Language): string => {
  if (isCurrencyCode(value.currency)) return formatMoney({ ...value, currency: value.currency }, language);
  // A currency outside reference-data: its fraction digits are the ones ISO 4217 gives Intl.
  const format = cached(`money:${language}:${value.currency}`, () => {
    return new Intl.NumberFormat(DATE_LOCALES[language], { style: 'currency', currency: value.currency });
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(value.amountMinor / 10 ** digits);
};

export const formatDate = (iso: string, language: Language, withTime = false): string => {
  const format = cached(`date:${language}:${withTime}`, () => {
    return new Intl.DateTimeFormat(DATE_LOCALES[language], {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: TIME_ZONE,
    });
  });
  return format.format(new Date(iso));
};

/** A date and time on another clock (a training session's), with the zone's name so none is mistaken. */
export const formatDateTimeIn = (iso: string, language: Language, timeZone: string): string => {
  const format = cached(`dateIn:${language}:${timeZone}`, () => {
    return new Intl.DateTimeFormat(DATE_LOCALES[language], {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'long',
      timeZone,
    });
  });
  return format.format(new Date(iso));
};

/** A country's name in the reader's language (ISO 3166 code; the code itself if Intl has no name). */
export const countryName = (code: string, language: Language): string =>
  new Intl.DisplayNames([DATE_LOCALES[language]], { type: 'region' }).of(code) ?? code;

export const localText = (text: LocalizedText, language: Language): string => localized(text, language) ?? '';

/** The reader's language travels in the render's `data` (`template(model, { data: { language } })`). */
const languageOf = (options: Handlebars.HelperOptions): Language => options.data.language as Language;

/**
 * A Handlebars instance of its own with the message helpers: `money`, `date`, `dateTime` (Casablanca
 * time), `dateTimeIn` (on a given IANA zone, named), `country` (an ISO 3166 code's name), `local` (a LocalizedText in the reader's language, else fr, en, ar) and `reason` (a rule
 * or sector code's label). A missing value renders as nothing. The global instance is left alone.
 */
export const messageHandlebars = (): typeof Handlebars => {
  const hbs = Handlebars.create();
  hbs.registerHelper('money', (value: Money | null | undefined, options: Handlebars.HelperOptions) =>
    value ? formatAmount(value, languageOf(options)) : '',
  );
  hbs.registerHelper('date', (value: string | null | undefined, options: Handlebars.HelperOptions) =>
    value ? formatDate(value, languageOf(options)) : '',
  );
  hbs.registerHelper('dateTime', (value: string | null | undefined, options: Handlebars.HelperOptions) =>
    value ? formatDate(value, languageOf(options), true) : '',
  );
  hbs.registerHelper(
    'dateTimeIn',
    (value: string | null | undefined, zone: unknown, options: Handlebars.HelperOptions) =>
      value ? formatDateTimeIn(value, languageOf(options), typeof zone === 'string' ? zone : TIME_ZONE) : '',
  );
  hbs.registerHelper('country', (value: string | null | undefined, options: Handlebars.HelperOptions) =>
    value ? countryName(value, languageOf(options)) : '',
  );
  hbs.registerHelper('local', (value: LocalizedText | null | undefined, options: Handlebars.HelperOptions) =>
    value ? localText(value, languageOf(options)) : '',
  );
  hbs.registerHelper('reason', (value: string | null | undefined, options: Handlebars.HelperOptions) =>
    value ? reasonLabel(value, languageOf(options)) : '',
  );
  return hbs;
};
