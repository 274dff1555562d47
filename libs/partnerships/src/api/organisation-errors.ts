import { PartnershipsError } from '../domain/errors';

/** An association or partner account that acts for no organisation acts for none. */
export class NoOrganisation extends PartnershipsError {
  readonly code = 'NO_ORGANISATION';
  override readonly kind = 'forbidden';
  constructor(readonly actorId: string) {
    super(`${actorId} acts for no organisation`);
  }
}

/** An organisation's account signs, asks and withdraws for its own organisation only. */
export class NotOwnOrganisation extends PartnershipsError {
  readonly code = 'NOT_OWN_ORGANISATION';
  override readonly kind = 'forbidden';
  constructor(
    override readonly field: string,
    readonly named: string,
    readonly organisationId: string,
  ) {
    super(`an account of ${organisationId} may not act for ${named}`);
  }
}
