/** A count in the reader's locale and digits (1234 → "1 234", "١٬٢٣٤"). */
export const formatCount = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale).format(value);
