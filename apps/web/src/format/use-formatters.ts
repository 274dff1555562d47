import { useMemo } from 'react';
import { usePreferences } from '../i18n/PreferencesProvider';
import { formatCountry } from './countries';
import { formatDate, formatDateTime } from './dates';
import { Currency, formatMoney } from './money';
import { formatCount, formatPercent } from './numbers';

/** The formatters bound to the reader's locale and digits. */
export function useFormatters() {
  const { locale } = usePreferences();
  return useMemo(
    () => ({
      count: (value: number) => formatCount(value, locale),
      money: (amountMinor: string | bigint | number, currency: Currency) =>
        formatMoney(amountMinor, currency, locale),
      date: (value: string | number | Date) => formatDate(value, locale),
      dateTime: (value: string | number | Date) => formatDateTime(value, locale),
      country: (code: string) => formatCountry(code, locale),
      percent: (wholePercent: number) => formatPercent(wholePercent, locale),
    }),
    [locale],
  );
}
