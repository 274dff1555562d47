import { DomainError, FieldIssue, validationFailedMessage } from '@tadamon/domain-kit';

export type { FieldIssue } from '@tadamon/domain-kit';

/** Base of every typed error of the Partnerships domain: the API layer maps `code` to a problem type. */
export abstract class PartnershipsError extends DomainError {}

/** The command's data breaks a rule of the domain; every refused field is listed, not only the first. */
export class ValidationFailed extends PartnershipsError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(validationFailedMessage(issues));
  }
}

/** The command is not allowed in the record's current status. */
export class InvalidTransition extends PartnershipsError {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly aggregate: string,
    readonly from: string,
    readonly command: string,
  ) {
    super(`${aggregate}: ${command} is not allowed when the status is ${from}`);
  }
}

/** A command other than the creating one, on a stream that holds no record yet. */
export class NotCreated extends PartnershipsError {
  readonly code = 'NOT_CREATED';
  constructor(
    readonly aggregate: string,
    readonly command: string,
  ) {
    super(`${aggregate}: ${command} on a record that does not exist`);
  }
}

/** The creating command again, with other data than the record was created with. */
export class AlreadyCreated extends PartnershipsError {
  readonly code = 'ALREADY_CREATED';
  constructor(
    readonly aggregate: string,
    readonly id: string,
  ) {
    super(`${aggregate} ${id} already exists with other data`);
  }
}

/** An amount in another currency than the record's (an envelope, a call, an application). */
export class CurrencyMismatch extends PartnershipsError {
  readonly code = 'CURRENCY_MISMATCH';
  constructor(
    readonly expected: string,
    readonly received: string,
  ) {
    super(`the amount is in ${received}, expected ${expected}`);
  }
}
