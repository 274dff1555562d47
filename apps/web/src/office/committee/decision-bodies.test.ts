import { describe, expect, it } from 'vitest';
import { awardBody, lines, memberIds } from './decision-bodies';

const blank = {
  amount: { text: '', currency: 'MAD' },
  conditions: '',
  rationale: ' Premier du classement. ',
  derogationReason: '',
  derogationMembers: 'user-committee',
};

describe('the committee’s request bodies', () => {
  it('leaves the amount to the platform’s default (the request) when none is typed, and sends no derogation', () => {
    expect(awardBody(blank)).toEqual({ conditions: [], rationale: 'Premier du classement.' });
  });

  it('sends the amount in minor units, one condition per line, and a derogation once its reason is given', () => {
    expect(
      awardBody({
        ...blank,
        amount: { text: '2 500 000,50', currency: 'MAD' },
        conditions: 'Rapport financier semestriel\n\n  Visite de chantier ',
        derogationReason: 'Projet prioritaire de la région.',
        derogationMembers: 'user-committee, user-committee2',
      }),
    ).toEqual({
      amount: { amountMinor: 250000050, currency: 'MAD' },
      conditions: ['Rapport financier semestriel', 'Visite de chantier'],
      rationale: 'Premier du classement.',
      derogation: {
        reason: 'Projet prioritaire de la région.',
        committeeMembers: ['user-committee', 'user-committee2'],
      },
    });
  });

  it('splits lines and member ids (Arabic commas too)', () => {
    expect(lines(' a \n\nb')).toEqual(['a', 'b']);
    expect(memberIds('user-a، user-b\nuser-c')).toEqual(['user-a', 'user-b', 'user-c']);
  });
});
