import { NotificationsError } from './errors';

/** An officer or the admin registers an endpoint for an organisation they must name. */
export class OrganisationRequired extends NotificationsError {
  readonly code = 'ORGANISATION_REQUIRED';
  override readonly kind = 'validation';
  override readonly field = 'organisationId';
  constructor() {
    super('organisationId is required: name the organisation the endpoint belongs to');
  }
}

/** An organisation's account acts for its own organisation only. */
export class NotOwnOrganisation extends NotificationsError {
  readonly code = 'NOT_OWN_ORGANISATION';
  override readonly kind = 'forbidden';
  constructor(
    readonly named: string,
    readonly organisationId: string | null,
  ) {
    super(`an account of ${organisationId ?? 'no organisation'} may not act for ${named}`);
  }
}
