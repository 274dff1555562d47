import { commonErrors, DomainError } from '@tadamon/domain-kit';

export type { FieldIssue } from '@tadamon/domain-kit';

/** Base of every typed error of the Notifications domain: the kit's mapper answers each with its kind and code. */
export abstract class NotificationsError extends DomainError {}

export const { ValidationFailed, InvalidTransition, NotCreated, AlreadyCreated } =
  commonErrors(NotificationsError);
export type ValidationFailed = InstanceType<typeof ValidationFailed>;
export type InvalidTransition = InstanceType<typeof InvalidTransition>;
export type NotCreated = InstanceType<typeof NotCreated>;
export type AlreadyCreated = InstanceType<typeof AlreadyCreated>;
