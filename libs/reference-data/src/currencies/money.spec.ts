import fc from 'fast-check';
import { CURRENCIES, CURRENCY_CODES, currency, UnknownCurrency } from './currencies';
import {
  convert,
  formatMoney,
  InvalidAmount,
  InvalidRate,
  InvalidRateDate,
  money,
  toMajorString,
} from './money';

describe('currencies', () => {
  it('knows the minor units and the names of every supported currency', () => {
    for (const code of CURRENCY_CODES) {
      expect(CURRENCIES[code].minorUnits).toBe(2);
      expect(CURRENCIES[code].names.ar).toMatch(/[\u0621-\u064A]/);
    }
    expect(currency('MAD').names.fr).toBe('dirham marocain');
    expect(() => currency('XYZ')).toThrow(UnknownCurrency);
  });
});

describe('money', () => {
  it('reads a major-unit decimal string into integer minor units', () => {
    expect(money('1234.5', 'MAD')).toEqual({ amountMinor: 123450, currency: 'MAD' });
    expect(money('0.07', 'EUR')).toEqual({ amountMinor: 7, currency: 'EUR' });
    expect(money('-12', 'USD')).toEqual({ amountMinor: -1200, currency: 'USD' });
    expect(money(250000, 'MAD')).toEqual({ amountMinor: 250000, currency: 'MAD' });
  });

  it('rejects floats, excess decimals, malformed strings and unknown currencies', () => {
    expect(() => money(12.5, 'MAD')).toThrow(InvalidAmount);
    expect(() => money(Number.NaN, 'MAD')).toThrow(InvalidAmount);
    expect(() => money(2 ** 53, 'MAD')).toThrow(InvalidAmount);
    expect(() => money('1.234', 'MAD')).toThrow(InvalidAmount);
    expect(() => money('1,50', 'MAD')).toThrow(InvalidAmount);
    expect(() => money('1e3', 'MAD')).toThrow(InvalidAmount);
    expect(() => money('99999999999999999', 'MAD')).toThrow(InvalidAmount);
    expect(() => money('10', 'XAU')).toThrow(UnknownCurrency);
  });

  it('writes the exact major amount back', () => {
    expect(toMajorString({ amountMinor: 123450, currency: 'MAD' })).toBe('1234.50');
    expect(toMajorString({ amountMinor: -5, currency: 'EUR' })).toBe('-0.05');
    expect(toMajorString({ amountMinor: Number.MAX_SAFE_INTEGER, currency: 'USD' })).toBe(
      '90071992547409.91',
    );
  });

  it('formats per language with the Moroccan locales', () => {
    const amount = money('1234.5', 'MAD');
    expect(formatMoney(amount, 'fr')).toMatch(/^1[.\s]?234,50\sMAD$/); // fr-MA groups with a dot in CLDR
    expect(formatMoney(amount, 'en')).toMatch(/^MAD\s1,234\.50$/);
    expect(formatMoney(amount, 'ar')).toMatch(/د\.م\./);
    expect(formatMoney(money('0.5', 'EUR'), 'en')).toBe('€0.50');
  });
});

describe('conversion', () => {
  it('converts MAD to EUR and back at a recorded rate and date', () => {
    const toEur = convert(money('1000', 'MAD'), '0.0921', '2025-03-14', 'EUR');
    expect(toEur).toEqual({
      from: { amountMinor: 100000, currency: 'MAD' },
      to: { amountMinor: 9210, currency: 'EUR' },
      rate: '0.0921',
      rateDate: '2025-03-14',
    });
    expect(convert(money('92.10', 'EUR'), '10.8523', '2025-03-14', 'MAD').to).toEqual({
      amountMinor: 99950,
      currency: 'MAD',
    });
  });

  it('rounds half away from zero', () => {
    // 0.05 EUR * 10.5 = 0.525 MAD -> 0.53 MAD; the negative mirrors it
    expect(convert(money(5, 'EUR'), '10.5', '2025-01-02', 'MAD').to.amountMinor).toBe(53);
    expect(convert(money(-5, 'EUR'), '10.5', '2025-01-02', 'MAD').to.amountMinor).toBe(-53);
    // 0.01 MAD * 0.0921 = 0.000921 EUR -> 0.00 EUR
    expect(convert(money(1, 'MAD'), '0.0921', '2025-01-02', 'EUR').to.amountMinor).toBe(0);
    // 0.15 * 0.1 = 0.015 -> 0.02 (a float product would give 0.01499...)
    expect(convert(money(15, 'USD'), '0.1', '2025-01-02', 'EUR').to.amountMinor).toBe(2);
  });

  it('rejects a float amount, a bad rate, a bad date and an unknown currency', () => {
    expect(() => convert({ amountMinor: 10.5, currency: 'MAD' }, '0.09', '2025-01-02', 'EUR')).toThrow(
      InvalidAmount,
    );
    expect(() => convert(money(100, 'MAD'), '0', '2025-01-02', 'EUR')).toThrow(InvalidRate);
    expect(() => convert(money(100, 'MAD'), '-0.09', '2025-01-02', 'EUR')).toThrow(InvalidRate);
    expect(() => convert(money(100, 'MAD'), '9e-2', '2025-01-02', 'EUR')).toThrow(InvalidRate);
    expect(() => convert(money(100, 'MAD'), '0.09', '2025-02-30', 'EUR')).toThrow(InvalidRateDate);
    expect(() => convert(money(100, 'MAD'), '0.09', '02/01/2025', 'EUR')).toThrow(InvalidRateDate);
    expect(() => convert(money(100, 'MAD'), '0.09', '2025-01-02', 'XYZ')).toThrow(UnknownCurrency);
    expect(() =>
      convert({ amountMinor: 100, currency: 'XYZ' as 'MAD' }, '0.09', '2025-01-02', 'EUR'),
    ).toThrow(UnknownCurrency);
  });

  it('always yields an integer within half a minor unit of the exact product', () => {
    const currencyCode = fc.constantFrom(...CURRENCY_CODES);
    const rate = fc
      .tuple(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 6 }),
      )
      .filter(([whole, fraction]) => whole + fraction > 0)
      .map(([whole, fraction, digits]) =>
        digits === 0 ? `${whole || 1}` : `${whole}.${String(fraction).padStart(6, '0').slice(0, digits)}`,
      )
      .filter((r) => Number(r) > 0);
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        currencyCode,
        currencyCode,
        rate,
        (amountMinor, from, to, r) => {
          const { to: converted } = convert(money(amountMinor, from), r, '2025-06-30', to);
          expect(Number.isSafeInteger(converted.amountMinor)).toBe(true);
          expect(converted.currency).toBe(to);
          // exact: |converted * 10^k - amount * rate * 10^k| <= 0.5 * 10^k, checked in BigInt
          const [whole, fraction = ''] = r.split('.');
          const exact = BigInt(amountMinor) * BigInt(whole + fraction);
          const scale = 10n ** BigInt(fraction.length);
          const diff = BigInt(converted.amountMinor) * scale - exact;
          expect((diff < 0n ? -diff : diff) * 2n <= scale).toBe(true);
          // half away from zero is symmetric
          expect(convert(money(-amountMinor, from), r, '2025-06-30', to).to.amountMinor).toBe(
            -converted.amountMinor || 0,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
