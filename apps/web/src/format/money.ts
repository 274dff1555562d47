/** The currencies the programme handles (ISO 4217): each with its own minor units. */
export type Currency = 'MAD' | 'EUR' | 'USD' | (string & {});

/** Digits after the decimal point in the currency's minor unit, as Intl (CLDR) knows them. */
export function minorUnitDigits(currency: Currency): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * An amount in minor units (the API sends a decimal string, exact past 2^53) as money in the
 * reader's locale: 125000050 MAD → "1.250.000,50 MAD" in fr-MA, "١٬٢٥٠٬٠٠٠٫٥٠ د.م.‏" in ar-MA-u-nu-arab.
 * The decimal is built from the integer (no floating point) and formatted as a string, which
 * Intl.NumberFormat formats exactly.
 */
export function formatMoney(
  amountMinor: string | bigint | number,
  currency: Currency,
  locale: string,
): string {
  const minor = BigInt(amountMinor);
  const digits = minorUnitDigits(currency);
  const negative = minor < 0n;
  const magnitude = negative ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  const whole = (magnitude / scale).toString();
  const fraction = (magnitude % scale).toString().padStart(digits, '0');
  const decimal = `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // The string overload (exact decimals) is ES2023's; TypeScript's lib types only `number | bigint`.
  return format.format(decimal as unknown as number);
}
