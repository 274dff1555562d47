import { Command } from '@tadamon/eventsourcing';
import { LocalizedText } from '../field-validation';

type Id = { certificateId: string };

/** The two securings of the same credential: Data Integrity (eddsa-rdfc-2022) and VC-JOSE (JWT). */
export const CREDENTIAL_FORMATS = ['ldp', 'jwt'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/** Why a certificate is revoked: a stable code for reports, and a text for the people concerned. */
export const REVOCATION_CODES = [
  'issued-in-error',
  'completion-annulled',
  'misconduct',
  'superseded',
  'other',
] as const;
export type RevocationCode = (typeof REVOCATION_CODES)[number];
export type RevocationReason = { readonly code: RevocationCode; readonly text: string };

/**
 * What a certificate records of its credential. The signed credential names the trainee, so it is
 * kept elsewhere, sealed; the stream keeps its SHA-256 (hex) to prove which one was issued.
 */
export type CertificateIssuance = {
  readonly certificateId: string;
  /** The Registry's contact person id of the trainee. */
  readonly traineeId: string;
  readonly associationId: string;
  readonly sessionId: string;
  readonly moduleId: string;
  /** The module's title, as the credential's achievement names it. */
  readonly achievement: LocalizedText;
  readonly completedOn: string;
  readonly statusListId: string;
  /** The same index in the list's revocation and suspension bitstrings. */
  readonly statusListIndex: number;
  readonly credentialSha256: string;
  readonly formats: readonly CredentialFormat[];
  readonly validFrom: string;
  readonly validUntil: string | null;
};

/**
 * The signed credential sealed under the trainee's own key (the shape of the platform's
 * SealedPersonalData, subject = the trainee): erasing the person shreds it, and the log keeps
 * only ciphertext. Sealing draws a fresh IV, so two seals of the same credential differ: the
 * credential is the one `credentialSha256` names.
 */
export type SealedCredential = {
  readonly keyId: string;
  readonly ciphertext: string;
  readonly iv: string;
  readonly tag: string;
};

/** `validUntil` may be left out: a certificate of completion does not expire by default. */
export type IssueCertificate = Command<
  'IssueCertificate',
  Omit<CertificateIssuance, 'validUntil'> & { validUntil?: string | null; sealedCredential: SealedCredential }
>;
export type SuspendCertificate = Command<'SuspendCertificate', Id & { reason: string }>;
export type ReinstateCertificate = Command<'ReinstateCertificate', Id>;
export type RevokeCertificate = Command<'RevokeCertificate', Id & { reason: RevocationReason }>;

export type CertificateCommand =
  IssueCertificate | SuspendCertificate | ReinstateCertificate | RevokeCertificate;
