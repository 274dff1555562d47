import { Money, toMajorString } from '@tadamon/reference-data';
import { FundingError } from './errors';

/**
 * A value of the request that names someone or something Funding may not accept there (an
 * unknown committee member, a made-up signatory, a funder that is not one): a 400 naming `field`.
 */
export abstract class RefusedField extends FundingError {
  abstract override readonly field: string;
  override readonly kind = 'validation';
}

export class UnknownCommitteeMember extends RefusedField {
  readonly code = 'UNKNOWN_COMMITTEE_MEMBER';
  constructor(
    readonly memberId: string,
    override readonly field: string,
  ) {
    super(`${memberId} is not a known committee user`);
  }
  override params() {
    return { member: this.memberId };
  }
}

/** Whoever records a collective decision sits on the committee that took it. */
export class CallerNotInCommittee extends RefusedField {
  readonly code = 'CALLER_NOT_IN_COMMITTEE';
  constructor(
    readonly callerId: string,
    override readonly field: string,
  ) {
    super(`the committee members named do not include the caller ${callerId}`);
  }
  override params() {
    return { caller: this.callerId };
  }
}

export class InvalidSignatory extends RefusedField {
  readonly code = 'INVALID_SIGNATORY';
  constructor(
    readonly signatory: string,
    override readonly field: string,
  ) {
    super(`${signatory} is not a party to this grant agreement`);
  }
  override params() {
    return { signatory: this.signatory };
  }
}

export class ApplicantMustSign extends RefusedField {
  readonly code = 'APPLICANT_MUST_SIGN';
  override readonly field = 'signatories';
  constructor(readonly associationId: string) {
    super(`the applicant ${associationId} is not among the signatories`);
  }
}

export class UnknownFunder extends RefusedField {
  readonly code = 'UNKNOWN_FUNDER';
  override readonly field = 'funderId';
  constructor(readonly funderId: string) {
    super(`the registry knows no actor ${funderId}`);
  }
  override params() {
    return { funder: this.funderId };
  }
}

export class FunderIsAssociation extends RefusedField {
  readonly code = 'FUNDER_IS_ASSOCIATION';
  override readonly field = 'funderId';
  constructor(readonly funderId: string) {
    super(`${funderId} is an association, not a funder`);
  }
  override params() {
    return { funder: this.funderId };
  }
}

export class AmountAboveCallBudget extends RefusedField {
  readonly code = 'AMOUNT_ABOVE_CALL_BUDGET';
  constructor(
    readonly budget: Money,
    readonly requested: Money,
    override readonly field: string,
  ) {
    super(
      `${toMajorString(requested)} requested exceeds the call's whole budget of ${toMajorString(budget)}`,
    );
  }
  override params() {
    return { budget: `${toMajorString(this.budget)} ${this.budget.currency}` };
  }
  override extensions() {
    return { budget: this.budget, requested: this.requested };
  }
}
