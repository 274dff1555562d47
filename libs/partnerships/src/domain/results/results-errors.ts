import { PartnershipsError } from '../errors';
import { IndicatorTarget } from './results-events';

export class ResultNotFound extends PartnershipsError {
  readonly code = 'RESULT_NOT_FOUND';
  override readonly kind = 'not-found';
  constructor(readonly resultId: string) {
    super(`the results framework has no result ${resultId}`);
  }
}

export class IndicatorNotFound extends PartnershipsError {
  readonly code = 'INDICATOR_NOT_FOUND';
  override readonly kind = 'not-found';
  constructor(readonly indicatorId: string) {
    super(`the results framework has no indicator ${indicatorId}`);
  }
}

export class IndicatorUpdateNotFound extends PartnershipsError {
  readonly code = 'INDICATOR_UPDATE_NOT_FOUND';
  override readonly kind = 'not-found';
  constructor(readonly updateId: string) {
    super(`no indicator update ${updateId} was submitted`);
  }
}

/** Four eyes: whoever entered an update never approves or returns it. */
export class SameHand extends PartnershipsError {
  readonly code = 'FOUR_EYES_REQUIRED';
  override readonly kind = 'forbidden';
  constructor(
    readonly updateId: string,
    readonly actorId: string,
  ) {
    super(`${actorId} submitted update ${updateId}: another officer approves or returns it`);
  }
}

/** A revision of targets keeps every period that updates (pending or approved) report on. */
export class TargetPeriodInUse extends PartnershipsError {
  readonly code = 'TARGET_PERIOD_IN_USE';
  constructor(
    readonly indicatorId: string,
    readonly periods: readonly Pick<IndicatorTarget, 'periodStart' | 'periodEnd'>[],
  ) {
    super(
      `indicator ${indicatorId}: updates report on ${periods.map((p) => `${p.periodStart}..${p.periodEnd}`).join(', ')}`,
    );
  }
}
