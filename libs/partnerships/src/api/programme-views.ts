import { Money } from '@tadamon/reference-data';
import { Document } from '@tadamon/read-store';
import { ProgrammeDoc } from '../projections/programmes';

/**
 * Funding's read model of budget envelopes, which the embedded profile keeps in the same document
 * store. Read by name, as a contract: a context does not import another's code. Each envelope
 * names its programme (`programmeId`); under a separate Partnerships service the collection is
 * absent and the page lists no envelopes.
 */
export const FUNDING_ENVELOPES_OF_PROGRAMMES = 'funding_envelopes';

export interface ProgrammeEnvelopeDoc extends Document {
  envelopeId: string;
  programmeId: string;
  funderId: string;
  name: unknown;
  amount: Money;
  period: { start: string; end: string };
  status: 'open' | 'closed';
  openedAt: string;
}

/** An envelope on a programme's public page: what it holds and for when, not what it committed. */
export const programmeEnvelopeView = (doc: ProgrammeEnvelopeDoc) => ({
  envelopeId: doc.envelopeId,
  name: doc.name,
  funderId: doc.funderId,
  amount: doc.amount,
  period: doc.period,
  status: doc.status,
});

/** A programme as anyone reads it: its framework, without the closing reason (free text). */
export const publicProgrammeView = (doc: ProgrammeDoc) => ({
  programmeId: doc.programmeId,
  status: doc.status,
  name: doc.name,
  description: doc.description,
  partnerId: doc.partnerId,
  funderIds: doc.funderIds,
  budget: doc.budget,
  period: doc.period,
  definedAt: doc.definedAt,
  revisedAt: doc.revisedAt,
  closedAt: doc.closedAt,
});
