import { EnvelopeDoc, programmeTotals } from './envelopes';

const money = (amountMinor: number, currency: 'USD' | 'EUR') => ({ amountMinor, currency });
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
        amount: money(1000, 'EUR'),
        committed: money(0, 'EUR'),
        disbursed: money(0, 'EUR'),
        remaining: money(1000, 'EUR'),
      },
      {
        currency: 'USD',
        amount: money(600, 'USD'),
        committed: money(350, 'USD'),
        disbursed: money(200, 'USD'),
        remaining: money(250, 'USD'),
      },
    ]);
    expect(programmeTotals([])).toEqual([]);
  });
});
