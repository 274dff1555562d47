import { exactMinor, Money, moneyTotal, MoneyTotal } from '@tadamon/reference-data';
import { Document, Projection, ProjectionWrite, UpdateSpec } from '@tadamon/read-store';
import {
  BUDGET_ENVELOPE_CATEGORY,
  BudgetEnvelopeEvent,
  EnvelopePeriod,
} from '../domain/budget-envelope/budget-envelope';
import { LocalizedText } from '../domain/field-validation';

export const FUNDING_ENVELOPES = 'funding_envelopes';

/** An envelope's status: what it holds, has committed (paid included), has paid and has left. */
export interface EnvelopeDoc extends Document {
  envelopeId: string;
  programmeId: string;
  funderId: string;
  name: LocalizedText;
  amount: Money;
  period: EnvelopePeriod;
  status: 'open' | 'closed';
  committed: Money;
  disbursed: Money;
  remaining: Money;
  /** Applications with an active commitment. */
  commitments: number;
  openedAt: string;
  closedAt: string | null;
}

export const envelopesProjection: Projection = {
  name: 'funding-envelopes',
  version: 1,
  collections: [FUNDING_ENVELOPES],
  categories: [BUDGET_ENVELOPE_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as BudgetEnvelopeEvent;
    const id = event.data.envelopeId;
    const write = (update: UpdateSpec): ProjectionWrite[] => [
      { collection: FUNDING_ENVELOPES, upsert: { id, update } },
    ];
    switch (event.type) {
      case 'BudgetEnvelopeOpened': {
        const { envelopeId, programmeId, funderId, name, amount, period, openedAt } = event.data;
        const zero = { amountMinor: 0, currency: amount.currency };
        return write({
          $set: {
            envelopeId,
            programmeId,
            funderId,
            name,
            amount,
            period,
            status: 'open',
            committed: zero,
            disbursed: zero,
            remaining: amount,
            commitments: 0,
            openedAt,
            closedAt: null,
          },
        });
      }
      case 'FundsCommitted':
        return write({
          $set: { remaining: event.data.remainingAfter },
          $inc: { 'committed.amountMinor': event.data.amount.amountMinor, commitments: 1 },
        });
      case 'CommitmentReleased':
        return write({
          $set: { remaining: event.data.remainingAfter },
          $inc: { 'committed.amountMinor': -event.data.released.amountMinor, commitments: -1 },
        });
      case 'DisbursementRecorded':
        return write({ $inc: { 'disbursed.amountMinor': event.data.amount.amountMinor } });
      case 'BudgetEnvelopeClosed':
        return write({ $set: { status: 'closed', closedAt: event.data.closedAt } });
      default:
        return [];
    }
  },
};

/** Sums over a programme's envelopes: exact at any size, minor units as decimal strings. */
export interface ProgrammeTotal {
  currency: string;
  amount: MoneyTotal;
  committed: MoneyTotal;
  disbursed: MoneyTotal;
  remaining: MoneyTotal;
}

const FIGURES = ['amount', 'committed', 'disbursed', 'remaining'] as const;

/** A programme's envelopes summed per currency (amounts of different currencies are never added). */
export const programmeTotals = (envelopes: readonly EnvelopeDoc[]): ProgrammeTotal[] => {
  const sums = new Map<Money['currency'], Record<(typeof FIGURES)[number], bigint>>();
  for (const envelope of envelopes) {
    const currency = envelope.amount.currency;
    const sum = sums.get(currency) ?? { amount: 0n, committed: 0n, disbursed: 0n, remaining: 0n };
    for (const figure of FIGURES) sum[figure] += exactMinor(envelope[figure].amountMinor);
    sums.set(currency, sum);
  }
  return [...sums]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, sum]) => ({
      currency,
      amount: moneyTotal(sum.amount, currency),
      committed: moneyTotal(sum.committed, currency),
      disbursed: moneyTotal(sum.disbursed, currency),
      remaining: moneyTotal(sum.remaining, currency),
    }));
};
