import { FieldIssue } from './field-issues';

/** How the API answers a refusal: one of the kit's problem kinds a domain may name. */
/** `gone`: what was there is no more, for good (a credential whose holder was erased). */
export type RefusalKind = 'validation' | 'not-found' | 'forbidden' | 'conflict' | 'gone';

/**
 * Base of a context's typed errors. Each context derives its own base (RegistryError,
 * FundingError) so that its problem mapper knows its errors; each error says how it is answered
 * (`kind`, `params`, `extensions`, `field`) so that one kit mapper serves every context.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** A refusal that depends on the record's state is a conflict (409) unless it says otherwise. */
  readonly kind: RefusalKind = 'conflict';
  /** The member of the body the refusal is about, when it is about one. */
  declare readonly field?: string;
  /** Every refused field of a command (a ValidationFailed): answered as the 400 validation problem. */
  declare readonly issues?: readonly FieldIssue[];

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  /** The values the context's localized message for `code` fills in. */
  params(): Readonly<Record<string, string>> {
    return {};
  }

  /** Members a client may act on, beyond the code (e.g. what is left of an envelope). */
  extensions(): Readonly<Record<string, unknown>> {
    return {};
  }
}
