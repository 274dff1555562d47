import type { SealedCredential } from '../domain/certificate/certificate-commands';

/** The platform as an issuer of credentials (CredentialIssuer, created from its settings). */
export const TRAINING_CREDENTIAL_ISSUER = Symbol('TRAINING_CREDENTIAL_ISSUER');
/** Seals a credential under its trainee's own key (the host's PersonalDataCipher). */
export const TRAINING_CREDENTIAL_SEALER = Symbol('TRAINING_CREDENTIAL_SEALER');

/**
 * The subset of the platform's PersonalDataCipher Training uses: data sealed under a subject's
 * key, opened while the key exists; once the person is erased, `open` answers `{erased: true}`.
 */
export interface CredentialSealer {
  seal(subjectId: string, data: unknown): Promise<SealedCredential & { subjectId: string }>;
  open<T = unknown>(
    sealed: SealedCredential & { subjectId: string },
  ): Promise<T | { erased: true; subjectId: string }>;
}
