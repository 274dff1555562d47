import { PartnershipsError } from '../errors';

/** The answer is the assigned officer's: another officer first takes the request (re-assignment). */
export class NotTheAssignedOfficer extends PartnershipsError {
  readonly code = 'NOT_THE_ASSIGNED_OFFICER';
  override readonly kind = 'forbidden';
  constructor(
    readonly officerId: string | null,
    readonly actorId: string,
  ) {
    super(`${actorId} may not answer a request assigned to ${officerId ?? 'nobody'}`);
  }
}

/** Only the organisation that asked withdraws its request. */
export class NotTheRequester extends PartnershipsError {
  readonly code = 'NOT_THE_REQUESTER';
  override readonly kind = 'forbidden';
  override readonly field = 'requesterId';
  constructor(
    readonly requesterId: string,
    readonly expected: string,
  ) {
    super(`${requesterId} did not make this request`);
  }
}
