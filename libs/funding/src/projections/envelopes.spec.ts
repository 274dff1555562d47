import fc from 'fast-check';
import { EnvelopeDoc, programmeTotals } from './envelopes';

const money = (amountMinor: number, currency: 'USD' | 'EUR') => ({ amountMinor, currency });
const total = (amountMinor: number | bigint, currency: 'USD' | 'EUR') => ({
  amountMinor: amountMinor.toString(),
  currency,
});
const envelope = (currency: 'USD' | 'EUR', amount: number, committed: number, disbursed: number) =>
  ({
    amount: money(amount, currency),
    committed: money(committed, currency),
    disbursed: money(disbursed, currency),
    remaining: money(amount - committed, currency),
  }) as EnvelopeDoc;

describe('programme totals', () => {
  it('sums envelopes per currency and never adds amounts of different currencies', () => {
    expect(
      programmeTotals([
        envelope('USD', 500, 250, 100),
        envelope('EUR', 1000, 0, 0),
        envelope('USD', 100, 100, 100),
      ]),
    ).toEqual([
      {
        currency: 'EUR',
        amount: total(1000, 'EUR'),
        committed: total(0, 'EUR'),
        disbursed: total(0, 'EUR'),
        remaining: total(1000, 'EUR'),
      },
      {
        currency: 'USD',
        amount: total(600, 'USD'),
        committed: total(350, 'USD'),
        disbursed: total(200, 'USD'),
        remaining: total(250, 'USD'),
      },
    ]);
    expect(programmeTotals([])).toEqual([]);
  });

  it('sums exactly when totals pass 2^53, envelopes near the per-amount cap (property)', () => {
    const nearCap = fc.integer({ min: Number.MAX_SAFE_INTEGER - 2 ** 20, max: Number.MAX_SAFE_INTEGER });
    const anEnvelope = nearCap.chain((amount) =>
      fc
        .integer({ min: 0, max: amount })
        .chain((committed) =>
          fc.integer({ min: 0, max: committed }).map((disbursed) => ({ amount, committed, disbursed })),
        ),
    );
    fc.assert(
      fc.property(fc.array(anEnvelope, { minLength: 2, maxLength: 100 }), (figures) => {
        const sum = (pick: (f: (typeof figures)[number]) => number) =>
          figures.reduce((s, f) => s + BigInt(pick(f)), 0n);
        const [usd] = programmeTotals(
          figures.map((f) => envelope('USD', f.amount, f.committed, f.disbursed)),
        );
        expect(usd).toEqual({
          currency: 'USD',
          amount: total(
            sum((f) => f.amount),
            'USD',
          ),
          committed: total(
            sum((f) => f.committed),
            'USD',
          ),
          disbursed: total(
            sum((f) => f.disbursed),
            'USD',
          ),
          remaining: total(
            sum((f) => f.amount - f.committed),
            'USD',
          ),
        });
        expect(BigInt(usd.amount.amountMinor)).toBe(
          BigInt(usd.committed.amountMinor) + BigInt(usd.remaining.amountMinor),
        );
      }),
    );
  });
});
