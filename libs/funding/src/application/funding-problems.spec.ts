import { BudgetEnvelopeExceeded } from '../domain/budget-envelope/budget-envelope-errors';
import { CallStillOpen } from '../domain/call-for-proposals/call-for-proposals';
import { InvalidTransition, NotCreated, ValidationFailed } from '../domain/errors';
import {
  AssociationNotVerified,
  CommitteeMemberHasConflict,
  EvaluatorNotAssigned,
  NotTheEvaluator,
  OutsideFundedSet,
} from '../domain/grant-application/grant-application-errors';
import { UnknownCommitteeMember } from '../domain/refused-fields';
import { FUNDING_MESSAGES } from './funding-messages';
import { fundingProblems } from './funding-problems';

const context = (language: 'ar' | 'fr' | 'en') => ({ language, instance: '/x', ifMatchSent: false });
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' as const });

describe('funding problems', () => {
  it('turns a domain validation failure into a 400 listing every field as a JSON pointer', () => {
    const problem = fundingProblems(
      new ValidationFailed([
        { field: 'terms.awardCriteria.criteria[1].weight', reason: 'must be a whole number from 1 to 100' },
        { field: 'period.end', reason: 'must not be before period.start' },
      ]),
      context('en'),
    );
    expect(problem?.kind).toBe('validation');
    expect(problem?.extensions['errors']).toEqual([
      { pointer: '/terms/awardCriteria/criteria/1/weight', detail: 'must be a whole number from 1 to 100' },
      { pointer: '/period/end', detail: 'must not be before period.start' },
    ]);
  });

  it('says what is left of the envelope, in the caller’s language, with the amounts for clients', () => {
    const error = new BudgetEnvelopeExceeded('env-1', usd(25_000_000), usd(5_000_000));
    const fr = fundingProblems(error, context('fr'));
    const ar = fundingProblems(error, context('ar'));
    expect(fr?.kind).toBe('conflict');
    expect(fr?.detail).toBe(
      "L'enveloppe budgétaire ne dispose plus d'assez de fonds pour ce montant (reste 50000.00 USD).",
    );
    expect(ar?.detail).toMatch(/[\u0600-\u06FF]/);
    expect(fr?.extensions).toMatchObject({
      code: 'BUDGET_ENVELOPE_EXCEEDED',
      remaining: usd(5_000_000),
      requested: usd(25_000_000),
    });
  });

  it('maps a missing record or assignment to 404, acting for another evaluator to 403, a state refusal to 409', () => {
    expect(fundingProblems(new NotCreated('grantApplication', 'Submit'), context('en'))?.kind).toBe(
      'not-found',
    );
    expect(fundingProblems(new EvaluatorNotAssigned('ev-1'), context('en'))?.kind).toBe('not-found');
    expect(fundingProblems(new NotTheEvaluator('ev-1', 'ev-2'), context('en'))?.kind).toBe('forbidden');
    const refused = fundingProblems(new AssociationNotVerified('a1', 'suspended'), context('en'));
    expect([refused?.kind, refused?.detail]).toEqual([
      'conflict',
      'Only an association verified by the registry may apply (its status is suspended).',
    ]);
    expect(
      fundingProblems(new InvalidTransition('callForProposals', 'draft', 'Close'), context('en'))?.detail,
    ).toContain('(draft)');
    expect(
      fundingProblems(new CallStillOpen('c1', '2026-01-01T00:00:00.000Z'), context('en'))?.extensions[
        'deadline'
      ],
    ).toBe('2026-01-01T00:00:00.000Z');
  });

  it('has a detail in Arabic, French and English for every code', () => {
    for (const [code, messages] of Object.entries(FUNDING_MESSAGES)) {
      expect([code, Object.keys(messages).sort()]).toEqual([code, ['ar', 'en', 'fr']]);
      expect([code, /[\u0600-\u06FF]/.test(messages.ar)]).toEqual([code, true]);
    }
  });

  it('names the field of a refused committee member, signatory, funder or amount (400), and of a ranking refusal (409)', () => {
    const unknown = fundingProblems(new UnknownCommitteeMember('x-1', 'committeeMembers[2]'), context('fr'));
    expect([unknown?.kind, unknown?.extensions['code']]).toEqual(['validation', 'UNKNOWN_COMMITTEE_MEMBER']);
    expect(unknown?.extensions['errors']).toEqual([
      { pointer: '/committeeMembers/2', detail: unknown?.detail },
    ]);
    expect(unknown?.detail).toContain('x-1');
    const outside = fundingProblems(new OutsideFundedSet('app-1', 4), context('ar'));
    expect([outside?.kind, outside?.extensions['rank']]).toEqual(['conflict', 4]);
    expect(outside?.extensions['errors']).toEqual([{ pointer: '/derogation', detail: outside?.detail }]);
    expect(outside?.detail).toMatch(/[\u0600-\u06FF]/);
    const conflict = fundingProblems(
      new CommitteeMemberHasConflict('ev-1', 'committeeMembers[0]'),
      context('en'),
    );
    expect(conflict?.kind).toBe('conflict');
    expect(conflict?.extensions['errors']).toEqual([
      { pointer: '/committeeMembers/0', detail: conflict?.detail },
    ]);
  });

  it('leaves errors of other origins to the kit', () => {
    expect(fundingProblems(new Error('boom'), context('en'))).toBeUndefined();
  });
});
