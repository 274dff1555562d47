import { describe, expect, it } from 'vitest';
import { formatMoney, minorUnitDigits, parseMoneyInput } from './money';

// Intl separates with narrow or no-break spaces and marks direction in Arabic: compare without them.
const plain = (text: string) => text.replace(/[\u00a0\u202f\u200e\u200f\u061c]/g, ' ');

describe('money', () => {
  it('knows the minor units of the programme’s currencies', () => {
    expect(['MAD', 'EUR', 'USD'].map(minorUnitDigits)).toEqual([2, 2, 2]);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('TND')).toBe(3);
  });

  it('formats minor units in the reader’s locale', () => {
    expect(plain(formatMoney('125000050', 'MAD', 'fr-MA'))).toBe('1.250.000,50 MAD');
    expect(plain(formatMoney(1999, 'EUR', 'fr-MA'))).toBe('19,99 €');
    expect(plain(formatMoney(1999n, 'USD', 'en-GB'))).toBe('US$19.99');
    expect(plain(formatMoney(5, 'EUR', 'en-GB'))).toBe('€0.05');
    expect(plain(formatMoney('-250', 'MAD', 'fr-MA'))).toBe('-2,50 MAD');
  });

  it('writes Arabic-Indic or Latin digits as the Arabic reader chose', () => {
    expect(plain(formatMoney('125000050', 'MAD', 'ar-MA-u-nu-arab')).trim()).toBe('١٬٢٥٠٬٠٠٠٫٥٠ د.م.');
    expect(plain(formatMoney('125000050', 'MAD', 'ar-MA-u-nu-latn')).trim()).toBe('1.250.000,50 د.م.');
  });

  it('stays exact past 2^53 minor units (budgets are summed as integers)', () => {
    expect(plain(formatMoney('900719925474099399', 'MAD', 'en-GB'))).toBe('MAD 9,007,199,254,740,993.99');
  });
});

describe('parseMoneyInput', () => {
  it.each([
    ['1250000', 'MAD', 125000000n],
    ['1 250 000,50', 'MAD', 125000050n],
    ['1.250.000,50', 'EUR', 125000050n],
    ['1,250,000.50', 'USD', 125000050n],
    ['1250000.5', 'MAD', 125000050n],
    ['١٢٥٠٠٠٠٫٥٠', 'MAD', 125000050n],
    ['1.250', 'MAD', 125000n],
    ['0', 'MAD', 0n],
  ])('%s %s is %s minor units', (text, currency, minor) => {
    expect(parseMoneyInput(text, currency)).toBe(minor);
  });

  it.each(['', 'abc', '-5', '1,2,3', '12.345.6', '1.5e3', '1,250,000,50'])('%s is not an amount', (text) => {
    expect(parseMoneyInput(text, 'MAD')).toBeNull();
  });
});
