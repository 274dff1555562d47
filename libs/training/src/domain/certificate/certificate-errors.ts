import { TrainingError } from '../errors';

/** Only a training officer, or the platform itself (role `system`), issues and changes certificates. */
export class NotAllowedToCertify extends TrainingError {
  readonly code = 'NOT_ALLOWED_TO_CERTIFY';
  override readonly kind = 'forbidden';
  constructor(
    readonly actorId: string,
    readonly command: string,
  ) {
    super(`${actorId} is neither a training officer nor the system: ${command} refused`);
  }
}

/** A revocation is final: the certificate is neither suspended nor reinstated after it. */
export class CertificateRevocationIsFinal extends TrainingError {
  readonly code = 'CERTIFICATE_REVOKED';
  constructor(
    readonly certificateId: string,
    readonly revokedAt: string,
    readonly command: string,
  ) {
    super(`certificate ${certificateId} was revoked at ${revokedAt}: ${command} refused`);
  }
  override params() {
    return { revokedAt: this.revokedAt };
  }
}
