import { describe, expect, it } from 'vitest';
import { budgetsOf, totalsOf } from './money-lines';

describe('the projects’ amounts', () => {
  it('read one figure of a project’s totals, per currency', () => {
    const record = {
      totals: [
        {
          currency: 'EUR',
          budget: { amountMinor: '1000', currency: 'EUR' },
          cofinancing: { amountMinor: '0', currency: 'EUR' },
        },
        { currency: 'MAD', budget: { amountMinor: '315000000', currency: 'MAD' } },
        'junk',
      ],
    };
    expect(totalsOf(record, 'budget')).toEqual([
      { amountMinor: '1000', currency: 'EUR' },
      { amountMinor: '315000000', currency: 'MAD' },
    ]);
    expect(totalsOf(record, 'cofinancing')).toEqual([{ amountMinor: '0', currency: 'EUR' }]);
    expect(totalsOf({}, 'budget')).toEqual([]);
  });

  it('read the public figures’ budgets per currency, in currency order, dropping what is not minor units', () => {
    expect(budgetsOf({ budget: { MAD: '315000000', EUR: '500', USD: 12, XOF: '1.5' } })).toEqual([
      { amountMinor: '500', currency: 'EUR' },
      { amountMinor: '315000000', currency: 'MAD' },
    ]);
    expect(budgetsOf({ budget: null })).toEqual([]);
  });
});
