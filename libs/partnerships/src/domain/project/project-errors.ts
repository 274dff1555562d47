import { Money, MoneyTotal, toMajorString } from '@tadamon/reference-data';
import { PartnershipsError } from '../errors';
import { ProjectDetailField } from './project-details';
import { ActivityStatus } from './project-status';

const show = (amount: Money): string => `${toMajorString(amount)} ${amount.currency}`;

/** A status change the IATI transitions table does not allow (see PROJECT_STATUS_TRANSITIONS). */
export class ProjectStatusChangeNotAllowed extends PartnershipsError {
  readonly code = 'PROJECT_STATUS_CHANGE_NOT_ALLOWED';
  override params() {
    return { from: this.from, to: this.to };
  }
  override extensions() {
    return { from: this.from, to: this.to, allowed: this.allowed };
  }
  constructor(
    readonly projectId: string,
    readonly from: ActivityStatus,
    readonly to: ActivityStatus,
    readonly allowed: readonly ActivityStatus[],
  ) {
    super(
      `project ${projectId}: status ${from} cannot become ${to}` +
        (allowed.length > 0 ? `, only ${allowed.join(', ')}` : ', it is final'),
    );
  }
}

/** Implementation and publication need the details an award does not carry: the officer completes them. */
export class ProjectIncomplete extends PartnershipsError {
  readonly code = 'PROJECT_INCOMPLETE';
  override params() {
    return { missing: this.missing.join(', ') };
  }
  override extensions() {
    return { missing: this.missing };
  }
  constructor(
    readonly projectId: string,
    readonly missing: readonly ProjectDetailField[],
  ) {
    super(`project ${projectId} lacks ${missing.join(', ')}`);
  }
}

/** The co-financing shares of one currency add up to more than the budget lines of that currency. */
export class CofinancingExceedsBudget extends PartnershipsError {
  readonly code = 'COFINANCING_EXCEEDS_BUDGET';
  constructor(
    readonly cofinancing: MoneyTotal,
    readonly budget: MoneyTotal,
  ) {
    super(
      `co-financing of ${cofinancing.amountMinor} ${cofinancing.currency} minor units exceeds the budget of ${budget.amountMinor}`,
    );
  }
}

export class MilestoneNotFound extends PartnershipsError {
  readonly code = 'MILESTONE_NOT_FOUND';
  override readonly kind = 'not-found';
  constructor(
    readonly projectId: string,
    readonly milestoneId: string,
  ) {
    super(`project ${projectId} has no milestone ${milestoneId}`);
  }
}

/** The milestone was reached on another day: the first record stands. */
export class MilestoneAlreadyReached extends PartnershipsError {
  readonly code = 'MILESTONE_ALREADY_REACHED';
  constructor(
    readonly milestoneId: string,
    readonly reachedOn: string,
  ) {
    super(`milestone ${milestoneId} was reached on ${reachedOn}`);
  }
}

/** A revision may reschedule milestones, not drop one already reached. */
export class ReachedMilestoneRemoved extends PartnershipsError {
  readonly code = 'REACHED_MILESTONE_REMOVED';
  constructor(readonly milestoneIds: readonly string[]) {
    super(`reached milestones cannot be removed: ${milestoneIds.join(', ')}`);
  }
}

/** The tranche was recorded already, of another amount or source. */
export class TrancheAlreadyRecorded extends PartnershipsError {
  readonly code = 'TRANCHE_ALREADY_RECORDED';
  constructor(
    readonly trancheId: string,
    readonly recorded: Money,
  ) {
    super(`tranche ${trancheId} was already recorded (${show(recorded)})`);
  }
}

export class ExpenditureAlreadyRecorded extends PartnershipsError {
  readonly code = 'EXPENDITURE_ALREADY_RECORDED';
  constructor(readonly expenditureId: string) {
    super(`expenditure ${expenditureId} was already recorded with other data`);
  }
}

/** The same file (by SHA-256) is attached once, under one name and kind. */
export class ProjectDocumentAlreadyAttached extends PartnershipsError {
  readonly code = 'PROJECT_DOCUMENT_ALREADY_ATTACHED';
  constructor(
    readonly sha256: string,
    readonly attachedAs: string,
  ) {
    super(`the document ${sha256} is already attached as ${attachedAs}`);
  }
}

export class ReplicationAlreadyProposed extends PartnershipsError {
  readonly code = 'REPLICATION_ALREADY_PROPOSED';
  constructor(
    readonly replicaProjectId: string,
    readonly region: string,
  ) {
    super(`replica ${replicaProjectId} was already proposed for region ${region}`);
  }
}
