import { TrainingError } from '../domain/errors';
import { CheckInCodeRefusal } from './check-in-codes';

/** A check-in code that is not one of ours (malformed, forged, or signed with a key we do not hold). */
export class CheckInCodeInvalid extends TrainingError {
  readonly code = 'CHECK_IN_CODE_INVALID';
  override readonly kind = 'validation';
  override readonly field = 'code';
  constructor(readonly reason: CheckInCodeRefusal) {
    super(`the check-in code was refused: ${reason}`);
  }
  override extensions() {
    return { reason: this.reason };
  }
}
