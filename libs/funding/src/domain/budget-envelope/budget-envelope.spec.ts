import { CommandMetadata, DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { Money } from '@tadamon/reference-data';
import { AlreadyCreated, CurrencyMismatch, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import {
  AwardTerms,
  BudgetEnvelopeCommand,
  budgetEnvelopeDecider,
  BudgetEnvelopeEvent,
  budgetEnvelopeStreamName,
  BudgetEnvelopeTerms,
  envelopeBalance,
  OpenedEnvelope,
} from './budget-envelope';
import {
  BudgetEnvelopeExceeded,
  CommitmentAlreadyMade,
  CommitmentNoLongerActive,
  CommitmentNotFound,
  DisbursementExceedsCommitment,
  TrancheAlreadyDisbursed,
} from './budget-envelope-errors';
import { awardTerms } from './budget-envelope.fixtures';

const now = '2025-03-01T10:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'cmd-1', actor: { id: 'officer-1', roles: ['officer'] }, now };
const envelopeId = 'icmd2-ma';
const spec = DeciderSpecification.for(budgetEnvelopeDecider);
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

const terms: BudgetEnvelopeTerms = {
  programmeId: 'icmd-phase-2',
  name: { fr: 'ICMD phase 2 — Maroc', en: 'ICMD phase 2 — Morocco' },
  funderId: 'iom',
  amount: usd(50_000_000),
  period: { start: '2025-01-01', end: '2026-12-31' },
};

const command = <C extends BudgetEnvelopeCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, metadata }) as C;
const opened: BudgetEnvelopeEvent = {
  type: 'BudgetEnvelopeOpened',
  data: { envelopeId, ...terms, openedAt: now, by: 'officer-1' },
};
const committed = (
  applicationId: string,
  amountMinor: number,
  before: number,
  awardCommandId = `award-${applicationId}`,
): BudgetEnvelopeEvent => ({
  type: 'FundsCommitted',
  data: {
    envelopeId,
    applicationId,
    amount: usd(amountMinor),
    remainingBefore: usd(before),
    remainingAfter: usd(before - amountMinor),
    committedAt: now,
    by: 'officer-1',
    award: awardTerms(awardCommandId),
  },
});
const mdCommitted = committed('app-md', 25_000_000, 50_000_000);
const withAward = (event: BudgetEnvelopeEvent, award: AwardTerms): BudgetEnvelopeEvent =>
  event.type === 'FundsCommitted' ? { ...event, data: { ...event.data, award } } : event;
const disbursed = (trancheId: string, amountMinor: number): BudgetEnvelopeEvent => ({
  type: 'DisbursementRecorded',
  data: {
    envelopeId,
    applicationId: 'app-md',
    trancheId,
    amount: usd(amountMinor),
    disbursedAt: now,
    by: 'officer-1',
  },
});
const released: BudgetEnvelopeEvent = {
  type: 'CommitmentReleased',
  data: {
    envelopeId,
    applicationId: 'app-md',
    released: usd(15_000_000),
    remainingAfter: usd(40_000_000),
    reason: 'application withdrawn',
    releasedAt: now,
    by: 'officer-1',
  },
};
const closed: BudgetEnvelopeEvent = {
  type: 'BudgetEnvelopeClosed',
  data: { envelopeId, reason: 'programme ended', closedAt: now, by: 'officer-1' },
};

const commit = (applicationId: string, amount: Money, awardCommandId = `award-${applicationId}`) =>
  command('CommitFunds', { envelopeId, applicationId, amount, award: awardTerms(awardCommandId) });
const disburse = (trancheId: string, amount: Money) =>
  command('RecordDisbursement', { envelopeId, applicationId: 'app-md', trancheId, amount });
const release = command('ReleaseCommitment', {
  envelopeId,
  applicationId: 'app-md',
  reason: 'application withdrawn',
});

describe('budget envelope', () => {
  it('lives in streams of the budgetEnvelope category', () => {
    expect(budgetEnvelopeStreamName(envelopeId)).toBe('budgetEnvelope-icmd2-ma');
  });

  describe('OpenBudgetEnvelope', () => {
    it('opens an envelope with its programme, funder, amount and period', () => {
      spec.when(command('OpenBudgetEnvelope', { envelopeId, ...terms })).then([opened]);
    });

    it('is idempotent: the same opening again changes nothing', () => {
      spec
        .given([opened])
        .when(command('OpenBudgetEnvelope', { envelopeId, ...terms }))
        .thenNothingHappened();
    });

    it('refuses to open it again with another amount', () => {
      spec
        .given([opened])
        .when(command('OpenBudgetEnvelope', { envelopeId, ...terms, amount: usd(60_000_000) }))
        .thenThrows(AlreadyCreated);
    });

    it('lists every bad field: ids, French name, float amount, period', () => {
      const error = spec
        .when(
          command('OpenBudgetEnvelope', {
            envelopeId: 'bad id',
            programmeId: '',
            name: { en: 'no French' } as BudgetEnvelopeTerms['name'],
            funderId: 'iom',
            amount: { amountMinor: 12.5, currency: 'USD' },
            period: { start: '2025-02-30', end: '2025-01-01' },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual([
        'envelopeId',
        'programmeId',
        'name.fr',
        'amount',
        'period.start',
      ]);
    });

    it('refuses a period that ends before it starts', () => {
      const error = spec
        .when(
          command('OpenBudgetEnvelope', {
            envelopeId,
            ...terms,
            period: { start: '2017-01-01', end: '2014-01-01' },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues).toEqual([{ field: 'period.end', reason: 'must not be before period.start' }]);
    });

    it('refuses any other command before the envelope is opened', () => {
      spec.when(commit('app-md', usd(1))).thenThrows(NotCreated);
    });
  });

  describe('CommitFunds', () => {
    it('reserves the amount for the application and records what remains', () => {
      spec
        .given([opened])
        .when(commit('app-md', usd(25_000_000)))
        .then([mdCommitted]);
    });

    it('commits exactly the remaining amount', () => {
      spec
        .given([opened, mdCommitted])
        .when(commit('app-figuig', usd(25_000_000)))
        .then([committed('app-figuig', 25_000_000, 25_000_000)]);
    });

    it('rejects an award that exceeds the remaining envelope', () => {
      const error = spec
        .given([opened, mdCommitted])
        .when(commit('app-figuig', usd(25_000_001)))
        .thenThrows(BudgetEnvelopeExceeded);
      expect(error.remaining).toEqual(usd(25_000_000));
    });

    it('refuses an award in another currency', () => {
      spec
        .given([opened])
        .when(commit('app-md', { amountMinor: 100, currency: 'EUR' }))
        .thenThrows(CurrencyMismatch);
    });

    it('is idempotent: the same commitment again changes nothing', () => {
      spec
        .given([opened, mdCommitted])
        .when(commit('app-md', usd(25_000_000)))
        .thenNothingHappened();
    });

    it('refuses a second commitment of another amount for the same application', () => {
      spec
        .given([opened, mdCommitted])
        .when(commit('app-md', usd(1)))
        .thenThrows(CommitmentAlreadyMade);
    });

    it('records the award the commitment is for, so that it can be finished from this stream', () => {
      const award = awardTerms('award-7', {
        rationale: 'Premier du classement.',
        committeeMembers: ['c1', 'c2'],
      });
      spec
        .given([opened])
        .when(command('CommitFunds', { envelopeId, applicationId: 'app-md', amount: usd(1), award }))
        .then([withAward(committed('app-md', 1, 50_000_000), award)]);
    });

    it('does not commit the same decision again after its commitment was released', () => {
      spec
        .given([opened, mdCommitted, disbursed('t1', 10_000_000), released])
        .when(commit('app-md', usd(25_000_000)))
        .thenNothingHappened();
    });

    it('commits a later decision for an application whose commitment was released', () => {
      const releasedAll: BudgetEnvelopeEvent = {
        type: 'CommitmentReleased',
        data: {
          envelopeId,
          applicationId: 'app-md',
          released: usd(25_000_000),
          remainingAfter: usd(50_000_000),
          reason: 'award not recorded: APPLICATION_FLAGGED',
          releasedAt: now,
          by: 'officer-1',
        },
      };
      spec
        .given([opened, mdCommitted, releasedAll])
        .when(commit('app-md', usd(20_000_000), 'award-again'))
        .then([committed('app-md', 20_000_000, 50_000_000, 'award-again')]);
    });

    it('commits a later decision after a release of a commitment recorded without its award', () => {
      const { award: _none, ...legacy } = (
        mdCommitted as Extract<BudgetEnvelopeEvent, { type: 'FundsCommitted' }>
      ).data;
      const releasedAll: BudgetEnvelopeEvent = {
        type: 'CommitmentReleased',
        data: { ...(released.data as object), released: usd(25_000_000), remainingAfter: usd(50_000_000) },
      } as BudgetEnvelopeEvent;
      spec
        .given([opened, { type: 'FundsCommitted', data: legacy }, releasedAll])
        .when(commit('app-md', usd(25_000_000)))
        .then([mdCommitted]);
    });

    it('keeps what a released commitment paid committed when a later decision commits again', () => {
      const state = foldEvents(budgetEnvelopeDecider, [
        opened,
        mdCommitted,
        disbursed('t1', 10_000_000),
        released,
        committed('app-md', 40_000_000, 40_000_000, 'award-again'),
      ]) as OpenedEnvelope;
      expect(envelopeBalance(state)).toEqual({
        amount: usd(50_000_000),
        committed: usd(50_000_000),
        disbursed: usd(10_000_000),
        remaining: usd(0),
      });
      expect(state.commitments['app-md']).toMatchObject({ status: 'active', committedMinor: 40_000_000 });
      expect(state.superseded).toMatchObject([{ status: 'released', disbursedMinor: 10_000_000 }]);
    });

    it('never over-commits with a later decision: it must fit in what remains', () => {
      spec
        .given([opened, mdCommitted, released, committed('app-figuig', 40_000_000, 40_000_000)])
        .when(commit('app-md', usd(10_000_001), 'award-again'))
        .thenThrows(BudgetEnvelopeExceeded);
    });

    it('refuses a second decision while the commitment is active, whatever its id', () => {
      spec
        .given([opened, mdCommitted])
        .when(commit('app-md', usd(1), 'award-other'))
        .thenThrows(CommitmentAlreadyMade);
    });

    it('refuses a commitment without its award terms, or with bad ones, naming the field', () => {
      const error = spec
        .given([opened])
        .when(
          command('CommitFunds', {
            envelopeId,
            applicationId: 'app-md',
            amount: usd(1),
            award: {
              ...awardTerms('x'),
              commandId: '',
              rationale: ' ',
              decidedAt: 'yesterday',
              committeeMembers: [],
            },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual([
        'award.commandId',
        'award.rationale',
        'award.committeeMembers',
        'award.decidedAt',
      ]);
      spec
        .given([opened])
        .when(command('CommitFunds', { envelopeId, applicationId: 'app-md', amount: usd(1) } as never))
        .thenThrows(ValidationFailed);
    });

    it('refuses new commitments once the envelope is closed', () => {
      spec
        .given([opened, closed])
        .when(commit('app-md', usd(1)))
        .thenThrows(InvalidTransition);
    });

    it('refuses a zero amount, a float amount and a bad application id', () => {
      spec
        .given([opened])
        .when(commit('app-md', usd(0)))
        .thenThrows(ValidationFailed);
      spec
        .given([opened])
        .when(commit('app-md', usd(0.5)))
        .thenThrows(ValidationFailed);
      spec
        .given([opened])
        .when(commit('app md', usd(1)))
        .thenThrows(ValidationFailed);
    });

    it('refuses a command for another envelope', () => {
      spec
        .given([opened])
        .when(
          command('CommitFunds', {
            envelopeId: 'other',
            applicationId: 'app-md',
            amount: usd(1),
            award: awardTerms('award-other'),
          }),
        )
        .thenThrows(ValidationFailed);
    });
  });

  describe('RecordDisbursement', () => {
    it('records a tranche paid against the commitment', () => {
      spec
        .given([opened, mdCommitted])
        .when(disburse('t1', usd(10_000_000)))
        .then([disbursed('t1', 10_000_000)]);
    });

    it('is idempotent per tranche', () => {
      spec
        .given([opened, mdCommitted, disbursed('t1', 10_000_000)])
        .when(disburse('t1', usd(10_000_000)))
        .thenNothingHappened();
    });

    it('refuses the same tranche with another amount', () => {
      spec
        .given([opened, mdCommitted, disbursed('t1', 10_000_000)])
        .when(disburse('t1', usd(5)))
        .thenThrows(TrancheAlreadyDisbursed);
    });

    it('never pays more than was committed', () => {
      spec
        .given([opened, mdCommitted, disbursed('t1', 20_000_000)])
        .when(disburse('t2', usd(5_000_001)))
        .thenThrows(DisbursementExceedsCommitment);
    });

    it('refuses a disbursement without commitment, in another currency, or after release', () => {
      spec
        .given([opened])
        .when(disburse('t1', usd(1)))
        .thenThrows(CommitmentNotFound);
      spec
        .given([opened, mdCommitted])
        .when(disburse('t1', { amountMinor: 1, currency: 'MAD' }))
        .thenThrows(CurrencyMismatch);
      spec
        .given([opened, mdCommitted, disbursed('t1', 10_000_000), released])
        .when(disburse('t2', usd(1)))
        .thenThrows(CommitmentNoLongerActive);
    });

    it('still pays existing commitments after the envelope is closed', () => {
      spec
        .given([opened, mdCommitted, closed])
        .when(disburse('t1', usd(10_000_000)))
        .then([disbursed('t1', 10_000_000)]);
    });
  });

  describe('ReleaseCommitment', () => {
    it('gives back the part of the commitment not yet disbursed', () => {
      spec
        .given([opened, mdCommitted, disbursed('t1', 10_000_000)])
        .when(release)
        .then([released]);
    });

    it('is idempotent', () => {
      spec
        .given([opened, mdCommitted, disbursed('t1', 10_000_000), released])
        .when(release)
        .thenNothingHappened();
    });

    it('refuses to release a commitment that does not exist, or without a reason', () => {
      spec.given([opened]).when(release).thenThrows(CommitmentNotFound);
      spec
        .given([opened, mdCommitted])
        .when(command('ReleaseCommitment', { envelopeId, applicationId: 'app-md', reason: ' ' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('CloseBudgetEnvelope', () => {
    const close = command('CloseBudgetEnvelope', { envelopeId, reason: 'programme ended' });
    it('closes the envelope', () => {
      spec.given([opened]).when(close).then([closed]);
    });
    it('is idempotent', () => {
      spec.given([opened, closed]).when(close).thenNothingHappened();
    });
    it('refuses to close another envelope', () => {
      spec
        .given([opened])
        .when(command('CloseBudgetEnvelope', { envelopeId: 'other', reason: 'x' }))
        .thenThrows(ValidationFailed);
    });
  });

  it('tells the amount, committed, disbursed and remaining balance', () => {
    const state = foldEvents(budgetEnvelopeDecider, [
      opened,
      mdCommitted,
      committed('app-figuig', 25_000_000, 25_000_000),
      disbursed('t1', 10_000_000),
      released,
    ]) as OpenedEnvelope;
    expect(envelopeBalance(state)).toEqual({
      amount: usd(50_000_000),
      committed: usd(35_000_000),
      disbursed: usd(10_000_000),
      remaining: usd(15_000_000),
    });
  });
});
