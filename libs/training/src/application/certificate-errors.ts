import { TrainingError } from '../domain/errors';

/** The certificate's credential was sealed under a person's key that the Registry destroyed. */
export class CertificateCredentialErased extends TrainingError {
  readonly code = 'CERTIFICATE_CREDENTIAL_ERASED';
  override readonly kind = 'gone';
  constructor(readonly certificateId: string) {
    super(`the credential of certificate ${certificateId} was erased with its holder's personal data`);
  }
  override params() {
    return { certificateId: this.certificateId };
  }
}

/** A credential presented for verification that is neither a JSON object nor a compact VC-JWT. */
export class CredentialUnreadable extends TrainingError {
  readonly code = 'CREDENTIAL_UNREADABLE';
  override readonly kind = 'validation';
  constructor(override readonly field: string) {
    super('give either `credential` (a JSON object with a proof) or `jwt` (a compact VC-JWT), not both');
  }
}
