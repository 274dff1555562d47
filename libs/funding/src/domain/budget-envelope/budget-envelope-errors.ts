import { Money, toMajorString } from '@tadamon/reference-data';
import { FundingError } from '../errors';

const show = (amount: Money): string => `${toMajorString(amount)} ${amount.currency}`;

/** A commitment larger than what the envelope has left: the envelope is never over-committed. */
export class BudgetEnvelopeExceeded extends FundingError {
  readonly code = 'BUDGET_ENVELOPE_EXCEEDED';
  constructor(
    readonly envelopeId: string,
    readonly requested: Money,
    readonly remaining: Money,
  ) {
    super(`envelope ${envelopeId}: ${show(requested)} requested, only ${show(remaining)} remain`);
  }
  override params() {
    return { remaining: show(this.remaining) };
  }
  override extensions() {
    return { envelopeId: this.envelopeId, requested: this.requested, remaining: this.remaining };
  }
}

/** The application already has a commitment on this envelope, of another amount. */
export class CommitmentAlreadyMade extends FundingError {
  readonly code = 'COMMITMENT_ALREADY_MADE';
  constructor(
    readonly applicationId: string,
    readonly existing: Money,
  ) {
    super(`application ${applicationId} already has a commitment of ${show(existing)}`);
  }
}

export class CommitmentNotFound extends FundingError {
  readonly code = 'COMMITMENT_NOT_FOUND';
  override readonly kind = 'not-found';
  constructor(
    readonly envelopeId: string,
    readonly applicationId: string,
  ) {
    super(`envelope ${envelopeId} holds no commitment for application ${applicationId}`);
  }
}

/** A released commitment pays nothing more. */
export class CommitmentNoLongerActive extends FundingError {
  readonly code = 'COMMITMENT_RELEASED';
  constructor(readonly applicationId: string) {
    super(`the commitment for application ${applicationId} was released`);
  }
}

/** A disbursement larger than what is committed and not yet paid to that application. */
export class DisbursementExceedsCommitment extends FundingError {
  readonly code = 'DISBURSEMENT_EXCEEDS_COMMITMENT';
  constructor(
    readonly applicationId: string,
    readonly requested: Money,
    readonly undisbursed: Money,
  ) {
    super(
      `application ${applicationId}: ${show(requested)} to disburse, only ${show(undisbursed)} committed and unpaid`,
    );
  }
}

/** The tranche was already disbursed, of another amount. */
export class TrancheAlreadyDisbursed extends FundingError {
  readonly code = 'TRANCHE_ALREADY_DISBURSED';
  constructor(
    readonly trancheId: string,
    readonly disbursed: Money,
  ) {
    super(`tranche ${trancheId} was already disbursed (${show(disbursed)})`);
  }
}
