import { Money, toMajorString } from '@tadamon/reference-data';
import { FundingError } from '../errors';

/** Only an association the Registry verified applies; a suspended one cannot submit. */
export class AssociationNotVerified extends FundingError {
  readonly code = 'ASSOCIATION_NOT_VERIFIED';
  constructor(
    readonly associationId: string,
    readonly status: string,
  ) {
    super(`association ${associationId} is ${status}, not verified`);
  }
  override params() {
    return { status: this.status };
  }
}

export class CallNotOpenForSubmissions extends FundingError {
  readonly code = 'CALL_NOT_OPEN';
  constructor(
    readonly callId: string,
    readonly reason: 'not-published' | 'closed' | 'deadline-passed',
  ) {
    super(`call ${callId} does not accept applications: ${reason}`);
  }
  override params() {
    return { reason: this.reason };
  }
}

/** An evaluator's declaration and scores are theirs alone: the actor must be the evaluator. */
export class NotTheEvaluator extends FundingError {
  readonly code = 'NOT_THE_EVALUATOR';
  override readonly kind = 'forbidden';
  constructor(
    readonly evaluatorId: string,
    readonly actorId: string,
  ) {
    super(`${actorId} may not act for evaluator ${evaluatorId}`);
  }
}

export class EvaluatorNotAssigned extends FundingError {
  readonly code = 'EVALUATOR_NOT_ASSIGNED';
  override readonly kind = 'not-found';
  constructor(readonly evaluatorId: string) {
    super(`${evaluatorId} is not an evaluator of this application`);
  }
}

/** Removed or excluded (conflict of interest, or removed by an officer): never assigned again. */
export class EvaluatorExcluded extends FundingError {
  readonly code = 'EVALUATOR_EXCLUDED';
  constructor(readonly evaluatorId: string) {
    super(`${evaluatorId} was removed from or excluded for this application`);
  }
}

/** The dossier stays closed to an evaluator until they declare they have no conflict of interest. */
export class DeclarationRequired extends FundingError {
  readonly code = 'CONFLICT_DECLARATION_REQUIRED';
  constructor(readonly evaluatorId: string) {
    super(`${evaluatorId} must declare any conflict of interest before opening the dossier`);
  }
}

export class DossierNotOpened extends FundingError {
  readonly code = 'DOSSIER_NOT_OPENED';
  constructor(readonly evaluatorId: string) {
    super(`${evaluatorId} has not opened the dossier`);
  }
}

export class EvaluationIncomplete extends FundingError {
  readonly code = 'EVALUATION_INCOMPLETE';
  constructor(
    readonly required: number,
    readonly missing: readonly string[],
    readonly scored: number,
  ) {
    super(
      `a consensus needs ${required} evaluators, all of them scored: ${scored} scored` +
        (missing.length > 0 ? `, waiting for ${missing.join(', ')}` : ''),
    );
  }
  override params() {
    return { required: String(this.required) };
  }
  override extensions() {
    return { required: this.required, missing: this.missing };
  }
}

export class BelowThresholds extends FundingError {
  readonly code = 'BELOW_THRESHOLDS';
  constructor(readonly failed: readonly string[]) {
    super(`the application failed the thresholds of ${failed.join(', ')}`);
  }
  override params() {
    return { failed: this.failed.join(', ') };
  }
  override extensions() {
    return { failedThresholds: this.failed };
  }
}

export class AwardExceedsRequest extends FundingError {
  readonly code = 'AWARD_EXCEEDS_REQUEST';
  constructor(
    readonly requested: Money,
    readonly awarded: Money,
  ) {
    super(`an award of ${toMajorString(awarded)} exceeds the ${toMajorString(requested)} requested`);
  }
}

/**
 * A committee member with a declared or detected conflict, an evaluator of the dossier or the
 * applicant's own account takes no part in the decision. `field`: where the member is named.
 */
export class CommitteeMemberHasConflict extends FundingError {
  readonly code = 'COMMITTEE_MEMBER_HAS_CONFLICT';
  constructor(
    readonly memberId: string,
    override readonly field = 'committeeMembers',
  ) {
    super(`${memberId} has a conflict of interest with this application`);
  }
  override params() {
    return { member: this.memberId };
  }
}

/**
 * The award is outside the call's funded set (beyond the budget in ranking order, or not ranked)
 * and carries no derogation: the committee must say why, and who decided it.
 */
export class OutsideFundedSet extends FundingError {
  readonly code = 'OUTSIDE_FUNDED_SET';
  override readonly field = 'derogation';
  constructor(
    readonly applicationId: string,
    readonly rank: number | null,
  ) {
    super(
      `application ${applicationId} (rank ${rank ?? 'none'}) is outside the call's funded set: an award needs a derogation`,
    );
  }
  override params() {
    return { rank: this.rank === null ? '—' : String(this.rank) };
  }
  override extensions() {
    return { rank: this.rank };
  }
}

/** The applicant association is suspended: no award, agreement or payment until it is reinstated. */
export class ApplicationFlagged extends FundingError {
  readonly code = 'APPLICATION_FLAGGED';
  constructor(
    readonly applicationId: string,
    readonly reason: string,
  ) {
    super(`application ${applicationId} is flagged: ${reason}`);
  }
}

export class AppealWindowClosed extends FundingError {
  readonly code = 'APPEAL_WINDOW_CLOSED';
  constructor(readonly appealDeadline: string) {
    super(`appeals were accepted until ${appealDeadline}`);
  }
  override params() {
    return { deadline: this.appealDeadline };
  }
  override extensions() {
    return { appealDeadline: this.appealDeadline };
  }
}

export class AppealAlreadyLodged extends FundingError {
  readonly code = 'APPEAL_ALREADY_LODGED';
  constructor(readonly applicationId: string) {
    super(`an appeal against the decision on ${applicationId} was already lodged`);
  }
}

/** Amendments are not modelled yet: an agreement is signed once. */
export class AgreementAlreadySigned extends FundingError {
  readonly code = 'AGREEMENT_ALREADY_SIGNED';
  constructor(readonly agreementId: string) {
    super(`grant agreement ${agreementId} is already signed`);
  }
}

export class TrancheNotFound extends FundingError {
  readonly code = 'TRANCHE_NOT_FOUND';
  override readonly kind = 'not-found';
  constructor(readonly trancheId: string) {
    super(`the agreement schedules no tranche ${trancheId}`);
  }
}

/** Tranches are released in order, each after the report on the previous one was approved. */
export class TrancheGated extends FundingError {
  readonly code = 'TRANCHE_GATED';
  constructor(
    readonly trancheId: string,
    readonly reason: 'not-next' | 'report-not-approved',
  ) {
    super(`tranche ${trancheId} cannot be released: ${reason}`);
  }
}
