import { NotificationsError } from '../errors';

/** A notification's id is derived from its source event, recipient and channel (notificationIdFor). */
export class NotDerivedId extends NotificationsError {
  readonly code = 'NOT_DERIVED_ID';
  override readonly kind = 'validation';
  override readonly field = 'notificationId';
  constructor(
    readonly given: string,
    readonly expected: string,
  ) {
    super(
      `notification id ${given} is not the one derived from its source, recipient and channel (${expected})`,
    );
  }
  override params() {
    return { expected: this.expected };
  }
}

/** A delivery outcome for an attempt that is not the one in progress. */
export class NotTheCurrentAttempt extends NotificationsError {
  readonly code = 'NOT_THE_CURRENT_ATTEMPT';
  constructor(
    readonly attempt: number,
    readonly current: number,
  ) {
    super(`attempt ${attempt} is not the attempt in progress (${current})`);
  }
  override params() {
    return { attempt: String(this.attempt), current: String(this.current) };
  }
}

/** Only the user it was sent to marks an in-app notification read. */
export class NotTheRecipient extends NotificationsError {
  readonly code = 'NOT_THE_RECIPIENT';
  override readonly kind = 'forbidden';
  constructor(readonly actorId: string) {
    super(`${actorId} is not the recipient of this notification`);
  }
}
