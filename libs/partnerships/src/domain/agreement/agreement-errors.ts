import { PartnershipsError } from '../errors';

/** Only a party to the version being signed signs it. */
export class NotAParty extends PartnershipsError {
  readonly code = 'NOT_A_PARTY';
  override readonly kind = 'forbidden';
  override readonly field = 'partyId';
  constructor(
    readonly partyId: string,
    readonly version: number,
  ) {
    super(`${partyId} is not a signatory of version ${version} of this agreement`);
  }
}

/** One amendment at a time: a second waits until the pending one enters into force or is withdrawn. */
export class AmendmentPending extends PartnershipsError {
  readonly code = 'AMENDMENT_PENDING';
  override extensions() {
    return { pendingAmendmentId: this.pendingAmendmentId, version: this.version };
  }
  constructor(
    readonly pendingAmendmentId: string,
    readonly version: number,
  ) {
    super(`amendment ${pendingAmendmentId} (version ${version}) is awaiting signatures`);
  }
}

export class NoAmendmentPending extends PartnershipsError {
  readonly code = 'NO_AMENDMENT_PENDING';
  override readonly kind = 'not-found';
  override readonly field = 'amendmentId';
  constructor(readonly amendmentId: string) {
    super(`amendment ${amendmentId} is not awaiting signatures`);
  }
}

/** Once a party has signed, the terms it signed no longer change: an amendment follows entry into force. */
export class TermsAlreadySigned extends PartnershipsError {
  readonly code = 'TERMS_ALREADY_SIGNED';
  constructor(readonly signedBy: readonly string[]) {
    super(`the draft was already signed by ${signedBy.join(', ')}`);
  }
}

export class AgreementNotEnded extends PartnershipsError {
  readonly code = 'AGREEMENT_NOT_ENDED';
  constructor(
    readonly endDate: string,
    readonly today: string,
  ) {
    super(`the agreement runs until ${endDate}; on ${today} it has not expired`);
  }
}

export class AgreementDocumentNotAttached extends PartnershipsError {
  readonly code = 'DOCUMENT_NOT_ATTACHED';
  override readonly kind = 'not-found';
  override readonly field = 'sha256';
  constructor(readonly sha256: string) {
    super(`no document ${sha256} is attached to this agreement`);
  }
}
