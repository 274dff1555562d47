import { commonErrors, DomainError } from '@tadamon/domain-kit';

export type { FieldIssue } from '@tadamon/domain-kit';

/** Base of every typed error of the Training domain: the kit's mapper answers each with its kind and code. */
export abstract class TrainingError extends DomainError {}

export const { ValidationFailed, InvalidTransition, NotCreated, AlreadyCreated, CurrencyMismatch } =
  commonErrors(TrainingError);
export type ValidationFailed = InstanceType<typeof ValidationFailed>;
export type InvalidTransition = InstanceType<typeof InvalidTransition>;
export type NotCreated = InstanceType<typeof NotCreated>;
export type AlreadyCreated = InstanceType<typeof AlreadyCreated>;
export type CurrencyMismatch = InstanceType<typeof CurrencyMismatch>;
