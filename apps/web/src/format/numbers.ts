import { numberFormat } from './intl-cache';

/** A count in the reader's locale and digits (1234 → "1 234", "١٬٢٣٤"). */
export const formatCount = (value: number, locale: string): string => numberFormat(locale).format(value);

/** A whole percent (40 → "40 %", "٤٠٪؜") in the reader's locale and digits. */
export const formatPercent = (wholePercent: number, locale: string): string =>
  numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(wholePercent / 100);
