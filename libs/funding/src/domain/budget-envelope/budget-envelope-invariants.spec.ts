import fc from 'fast-check';
import { CommandMetadata, foldEvents } from '@tadamon/eventsourcing';
import { CurrencyCode } from '@tadamon/reference-data';
import { FundingError } from '../errors';
import {
  BudgetEnvelopeCommand,
  budgetEnvelopeDecider,
  BudgetEnvelopeState,
  envelopeBalance,
  OpenedEnvelope,
} from './budget-envelope';
import { awardTerms } from './budget-envelope.fixtures';

const metadata: CommandMetadata = {
  commandId: 'cmd-1',
  actor: { id: 'officer-1', roles: ['officer'] },
  now: '2025-03-01T10:00:00.000Z',
};
const envelopeId = 'env-1';
const AMOUNT = 1_000_000;

const applicationId = fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5');
const currency = fc.constantFrom<CurrencyCode>('EUR', 'EUR', 'EUR', 'USD');
// Few decision ids: repeated decisions, and new decisions after a release, both come up.
const awardCommandId = fc.constantFrom('award-1', 'award-2', 'award-3', 'award-4');
/** Commands on an envelope of `total` minor units, amounts up to the whole envelope and a few beyond. */
const commandsOn = (total: number): fc.Arbitrary<BudgetEnvelopeCommand> => {
  const amountMinor = fc.oneof(
    fc.integer({ min: 1, max: total }),
    fc.integer({ min: Math.max(1, total - 2 ** 20), max: total }),
    fc.integer({ min: 1, max: Math.ceil(total / 3) }),
    fc.constantFrom(0, -1, Math.min(total + 1, Number.MAX_SAFE_INTEGER)),
  );
  return fc.oneof(
    fc
      .record({ applicationId, amountMinor, currency, awardCommandId })
      .map(({ applicationId, amountMinor, currency, awardCommandId }): BudgetEnvelopeCommand => ({
        type: 'CommitFunds',
        data: {
          envelopeId,
          applicationId,
          amount: { amountMinor, currency },
          award: awardTerms(`${applicationId}:${awardCommandId}`),
        },
        metadata,
      })),
    applicationId.map((applicationId): BudgetEnvelopeCommand => ({
      type: 'ReleaseCommitment',
      data: { envelopeId, applicationId, reason: 'withdrawn' },
      metadata,
    })),
    fc
      .record({ applicationId, trancheId: fc.constantFrom('t1', 't2', 't3'), amountMinor, currency })
      .map(({ applicationId, trancheId, amountMinor, currency }): BudgetEnvelopeCommand => ({
        type: 'RecordDisbursement',
        data: { envelopeId, applicationId, trancheId, amount: { amountMinor, currency } },
        metadata,
      })),
    fc.constant<BudgetEnvelopeCommand>({
      type: 'CloseBudgetEnvelope',
      data: { envelopeId, reason: 'ended' },
      metadata,
    }),
  );
};

const holdsInvariants = (state: OpenedEnvelope): void => {
  // Replaced commitments count too: what a released commitment had paid stays committed.
  const commitments = [...Object.values(state.commitments), ...state.superseded];
  const sum = (f: (c: (typeof commitments)[number]) => number) => commitments.reduce((t, c) => t + f(c), 0);
  expect(state.committedMinor).toBeLessThanOrEqual(state.terms.amount.amountMinor);
  expect(state.committedMinor).toBeGreaterThanOrEqual(0);
  expect(state.disbursedMinor).toBeLessThanOrEqual(state.committedMinor);
  expect(state.committedMinor).toBe(sum((c) => c.committedMinor - c.releasedMinor));
  expect(state.disbursedMinor).toBe(sum((c) => c.disbursedMinor));
  // Every figure is bounded by the envelope's own (capped) amount, so plain numbers stay exact.
  const balance = envelopeBalance(state);
  for (const figure of Object.values(balance)) expect(Number.isSafeInteger(figure.amountMinor)).toBe(true);
  expect(BigInt(balance.committed.amountMinor) + BigInt(balance.remaining.amountMinor)).toBe(
    BigInt(balance.amount.amountMinor),
  );
  const exactCommitted = commitments.reduce(
    (t, c) => t + BigInt(c.committedMinor) - BigInt(c.releasedMinor),
    0n,
  );
  expect(BigInt(state.committedMinor)).toBe(exactCommitted);
  for (const c of commitments) {
    expect(c.disbursedMinor).toBeLessThanOrEqual(c.committedMinor);
    expect(c.disbursedMinor).toBe(Object.values(c.tranches).reduce((t, v) => t + v, 0));
    expect(Number.isSafeInteger(c.committedMinor)).toBe(true);
    if (c.status === 'active') expect(c.releasedMinor).toBe(0);
  }
  for (const s of state.superseded) expect(s.status).toBe('released');
};

const runOn = (total: number, commands: BudgetEnvelopeCommand[]): void => {
  let state: BudgetEnvelopeState = foldEvents(budgetEnvelopeDecider, [
    {
      type: 'BudgetEnvelopeOpened',
      data: {
        envelopeId,
        programmeId: 'p',
        name: { fr: 'Enveloppe' },
        funderId: 'eu',
        amount: { amountMinor: total, currency: 'EUR' },
        period: { start: '2014-01-01', end: '2017-12-31' },
        openedAt: metadata.now,
        by: 'officer-1',
      },
    },
  ]);
  for (const command of commands) {
    try {
      state = foldEvents(budgetEnvelopeDecider, budgetEnvelopeDecider.decide(command, state), state);
    } catch (error) {
      // Refusals are typed domain errors, never a crash.
      expect(error).toBeInstanceOf(FundingError);
    }
    holdsInvariants(state as OpenedEnvelope);
  }
};

describe('budget envelope invariants', () => {
  it('no sequence of commit, release and disburse makes committed > amount or disbursed > committed', () => {
    fc.assert(
      fc.property(fc.array(commandsOn(AMOUNT), { maxLength: 40 }), (commands) => runOn(AMOUNT, commands)),
      { numRuns: 500 },
    );
  });

  it('keeps every balance exact with an envelope and amounts near the per-amount cap (property)', () => {
    const nearCap = fc.integer({ min: Number.MAX_SAFE_INTEGER - 2 ** 20, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(
        nearCap.chain((total) =>
          fc.tuple(fc.constant(total), fc.array(commandsOn(total), { maxLength: 40 })),
        ),
        ([total, commands]) => runOn(total, commands),
      ),
      { numRuns: 300 },
    );
  });

  it('a released commitment never blocks a later decision: a new one commits while the envelope holds it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: AMOUNT }), { minLength: 1, maxLength: 12 }),
        (amounts) => {
          let state = foldEvents(budgetEnvelopeDecider, [
            {
              type: 'BudgetEnvelopeOpened',
              data: {
                envelopeId,
                programmeId: 'p',
                name: { fr: 'Enveloppe' },
                funderId: 'eu',
                amount: { amountMinor: AMOUNT, currency: 'EUR' },
                period: { start: '2014-01-01', end: '2017-12-31' },
                openedAt: metadata.now,
                by: 'officer-1',
              },
            },
          ]) as OpenedEnvelope;
          const run = (command: BudgetEnvelopeCommand) => {
            const events = budgetEnvelopeDecider.decide(command, state);
            state = foldEvents(budgetEnvelopeDecider, events, state) as OpenedEnvelope;
            return events;
          };
          // One application, decided again and again: each decision commits, then is released.
          amounts.forEach((amountMinor, i) => {
            const award = awardTerms(`award-${i}`);
            const amount = { amountMinor, currency: 'EUR' as const };
            const commit: BudgetEnvelopeCommand = {
              type: 'CommitFunds',
              data: { envelopeId, applicationId: 'a1', amount, award },
              metadata,
            };
            expect(run(commit).map((e) => e.type)).toEqual(['FundsCommitted']);
            expect(run(commit)).toEqual([]);
            run({
              type: 'ReleaseCommitment',
              data: { envelopeId, applicationId: 'a1', reason: 'r' },
              metadata,
            });
            // The same decision repeated after its release commits nothing.
            expect(run(commit)).toEqual([]);
            holdsInvariants(state);
          });
          expect(state.committedMinor).toBe(0);
          expect(state.superseded).toHaveLength(amounts.length - 1);
          expect(state.commitments['a1'].awardCommandIds).toEqual(amounts.map((_, i) => `award-${i}`));
        },
      ),
      { numRuns: 200 },
    );
  });
});
