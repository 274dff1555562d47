import { DomainError } from './domain-error';
import { FieldIssue, validationFailedMessage } from './field-issues';

type ContextErrorBase = abstract new (message: string) => DomainError;

/** `NotRegistered` -> `NOT_REGISTERED`: the API code of a common error, from the name it is given. */
const codeOf = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

const named = <T extends abstract new (...args: never[]) => unknown>(type: T, name: string): T =>
  Object.defineProperty(type, 'name', { value: name });

/**
 * The errors every context's deciders throw, derived from the context's own base so its mapper
 * knows them. A context may name its creation in its own words (`NotRegistered`,
 * `AlreadyRegistered`); the code follows the name.
 */
export const commonErrors = (
  Base: ContextErrorBase,
  { notCreated = 'NotCreated', alreadyCreated = 'AlreadyCreated' } = {},
) => {
  /** The command's data breaks a rule of the domain; every refused field is listed, not only the first. */
  class ValidationFailed extends Base {
    readonly code = 'VALIDATION_FAILED';
    override readonly kind = 'validation';
    constructor(override readonly issues: readonly FieldIssue[]) {
      super(validationFailedMessage(issues));
    }
  }

  /** The command is not allowed in the record's current status. */
  class InvalidTransition extends Base {
    readonly code = 'INVALID_TRANSITION';
    constructor(
      readonly aggregate: string,
      readonly from: string,
      readonly command: string,
    ) {
      super(`${aggregate}: ${command} is not allowed when the status is ${from}`);
    }
    override params() {
      return { status: this.from };
    }
  }

  /** A command other than the creating one, on a stream that holds no record yet. */
  class NotCreated extends Base {
    readonly code = codeOf(notCreated);
    override readonly kind = 'not-found';
    constructor(
      readonly aggregate: string,
      readonly command: string,
    ) {
      super(`${aggregate}: ${command} on a record that does not exist`);
    }
  }

  /** The creating command again, with other data than the record was created with. */
  class AlreadyCreated extends Base {
    readonly code = codeOf(alreadyCreated);
    constructor(
      readonly aggregate: string,
      readonly id: string,
    ) {
      super(`${aggregate} ${id} already exists with other data`);
    }
  }

  /** An amount in another currency than the record's (an envelope, a call, an application). */
  class CurrencyMismatch extends Base {
    readonly code = 'CURRENCY_MISMATCH';
    constructor(
      readonly expected: string,
      readonly received: string,
    ) {
      super(`the amount is in ${received}, expected ${expected}`);
    }
    override params() {
      return { expected: this.expected };
    }
  }

  return {
    ValidationFailed,
    InvalidTransition,
    NotCreated: named(NotCreated, notCreated),
    AlreadyCreated: named(AlreadyCreated, alreadyCreated),
    CurrencyMismatch,
  };
};
