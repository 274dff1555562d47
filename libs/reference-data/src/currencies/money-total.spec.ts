import fc from 'fast-check';
import { InvalidAmount } from './money';
import { exactMinor, moneyTotal, sumMinor } from './money-total';

const MAX = Number.MAX_SAFE_INTEGER;
const nearCap = fc.integer({ min: MAX - 2 ** 20, max: MAX });

describe('exact sums of money', () => {
  it('adds many amounts near the per-amount cap exactly (property)', () => {
    fc.assert(
      fc.property(nearCap, fc.integer({ min: 1, max: 500 }), (amount, count) => {
        const sum = sumMinor(Array.from({ length: count }, () => amount));
        expect(sum).toBe(BigInt(amount) * BigInt(count));
        expect(moneyTotal(sum, 'MAD').amountMinor).toBe((BigInt(amount) * BigInt(count)).toString());
      }),
    );
  });

  it('gives the same sum whatever the order of the amounts (property)', () => {
    fc.assert(
      fc.property(fc.array(nearCap, { minLength: 2, maxLength: 60 }), (amounts) => {
        expect(sumMinor([...amounts].reverse())).toBe(sumMinor(amounts));
        expect(sumMinor(amounts) - sumMinor(amounts.slice(1))).toBe(BigInt(amounts[0]));
      }),
    );
  });

  it('refuses an amount that is not a safe integer rather than add it wrongly', () => {
    expect(() => exactMinor(2 ** 53)).toThrow(InvalidAmount);
    expect(() => sumMinor([1, 0.5])).toThrow(InvalidAmount);
    expect(() => sumMinor([1, Number.NaN])).toThrow(InvalidAmount);
  });
});
