import { Money } from '@tadamon/reference-data';
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

export interface ProgrammeTotal {
  currency: string;
  amount: Money;
  committed: Money;
  disbursed: Money;
  remaining: Money;
}

/** A programme's envelopes summed per currency (amounts of different currencies are never added). */
export const programmeTotals = (envelopes: readonly EnvelopeDoc[]): ProgrammeTotal[] => {
  const totals = new Map<string, ProgrammeTotal>();
  for (const envelope of envelopes) {
    const currency = envelope.amount.currency;
    const zero = { amountMinor: 0, currency };
    const total = totals.get(currency) ?? {
      currency,
      amount: zero,
      committed: zero,
      disbursed: zero,
      remaining: zero,
    };
    const add = (a: Money, b: Money): Money => ({ amountMinor: a.amountMinor + b.amountMinor, currency });
    totals.set(currency, {
      currency,
      amount: add(total.amount, envelope.amount),
      committed: add(total.committed, envelope.committed),
      disbursed: add(total.disbursed, envelope.disbursed),
      remaining: add(total.remaining, envelope.remaining),
    });
  }
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
};
