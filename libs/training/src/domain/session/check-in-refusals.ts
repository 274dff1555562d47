import { RefusalKind } from '@tadamon/domain-kit';
import { TrainingError } from '../errors';

/** The stable answers a refused check-in gives; the screen shows each in the trainee's language. */
export const CHECK_IN_REFUSALS = [
  'CHECK_IN_TOO_EARLY',
  'CHECK_IN_TOO_LATE',
  'CHECK_IN_WRONG_SITTING',
  'CHECK_IN_NOT_ENROLLED',
  'CHECK_IN_ALREADY_MARKED',
] as const;
export type CheckInRefusal = (typeof CHECK_IN_REFUSALS)[number];

/** When a sitting accepts check-ins: 30 minutes before it starts until it ends (and the code expires). */
export type CheckInWindow = { opensAt: string; closesAt: string };

export class CheckInRefused extends TrainingError {
  override readonly kind: RefusalKind;
  override extensions() {
    return { sittingId: this.sittingId, ...this.window };
  }
  constructor(
    readonly code: CheckInRefusal,
    readonly sittingId: string,
    readonly window: CheckInWindow,
  ) {
    super(`check-in refused for sitting ${sittingId}: ${code}`);
    this.kind = code === 'CHECK_IN_NOT_ENROLLED' ? 'forbidden' : 'conflict';
  }
}
