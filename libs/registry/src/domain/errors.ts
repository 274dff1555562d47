import { commonErrors, DomainError } from '@tadamon/domain-kit';

export type { FieldIssue } from '@tadamon/domain-kit';

/** Base of every typed error of the Registry domain: the kit's mapper answers each with its kind and code. */
export abstract class RegistryError extends DomainError {}

// A record of the Registry is registered, not created: NOT_REGISTERED, ALREADY_REGISTERED.
const errors = commonErrors(RegistryError, {
  notCreated: 'NotRegistered',
  alreadyCreated: 'AlreadyRegistered',
});
export const { ValidationFailed, InvalidTransition } = errors;
export const NotRegistered = errors.NotCreated;
export const AlreadyRegistered = errors.AlreadyCreated;
export type ValidationFailed = InstanceType<typeof ValidationFailed>;
export type InvalidTransition = InstanceType<typeof InvalidTransition>;
export type NotRegistered = InstanceType<typeof NotRegistered>;
export type AlreadyRegistered = InstanceType<typeof AlreadyRegistered>;
