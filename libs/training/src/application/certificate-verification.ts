import { Inject, Injectable } from '@nestjs/common';
import {
  Credential,
  issuerIdOf,
  Verification,
  VerificationChecks,
  verifyCredential,
  VerifiedStatusLists,
  VerifierOptions,
} from '@tadamon/credentials';
import { CredentialIssuer } from './credential-issuer';
import { TRAINING_CREDENTIAL_ISSUER } from './credential-ports';
import { StatusListPublication } from './status-list-publication';
import { TrainingCommands } from './training-commands';

export interface CredentialSummary {
  /** The credential's own name (the achievement), as language-tagged values or a string. */
  achievement: unknown;
  issuer: { id: string | undefined; name: unknown };
  validFrom: unknown;
  validUntil: unknown;
  /** The holder's name as the presented credential states it: the platform looks nothing up. */
  recipientName: unknown;
  certificateId: string | null;
}

export interface VerificationAnswer {
  valid: boolean;
  format: Verification['format'];
  checks: VerificationChecks;
  errors: string[];
  summary: CredentialSummary | null;
}

/**
 * Verifies a presented credential as anyone offline would (the library, the platform's published
 * documents only), with the status lists taken as VC-JWT (one Ed25519 check each, remembered by
 * their exact bytes for a while). The certificate's own stream is then read: a certificate revoked
 * or suspended a moment ago, before its list was rebuilt, never shows valid.
 */
@Injectable()
export class CertificateVerification {
  private readonly options: VerifierOptions;

  constructor(
    @Inject(TRAINING_CREDENTIAL_ISSUER) private readonly issuer: CredentialIssuer,
    publication: StatusListPublication,
    private readonly commands: TrainingCommands,
  ) {
    this.options = {
      knownIssuers: [issuer.issuerId],
      documentLoader: issuer.documentLoader((url) => publication.atUrl(url, 'jwt')),
      verifiedStatusLists: new VerifiedStatusLists(64),
    };
  }

  async verify(input: Credential | string): Promise<VerificationAnswer> {
    const result = await verifyCredential(input, this.options);
    const checks = { ...result.checks };
    const errors = [...result.errors];
    const certificateId = this.certificateIdOf(result.credential);
    if (certificateId && checks.signature) {
      const loaded = await this.commands.load('certificate', certificateId);
      const status = loaded && loaded.state.status;
      if (status === 'revoked' && checks.revocation) {
        checks.revocation = false;
        errors.push('The credential is revoked.');
      }
      if (status === 'suspended' && checks.suspension) {
        checks.suspension = false;
        errors.push('The credential is suspended.');
      }
    }
    return {
      valid: Object.values(checks).every(Boolean),
      format: result.format,
      checks,
      errors,
      summary: result.credential ? summaryOf(result.credential, certificateId) : null,
    };
  }

  private certificateIdOf(credential: Credential | undefined): string | null {
    const id = credential?.['id'];
    const prefix = this.issuer.credentialUrl('');
    if (typeof id !== 'string' || !id.startsWith(prefix)) return null;
    const rest = decodeURIComponent(id.slice(prefix.length));
    return /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/.test(rest) ? rest : null;
  }
}

function summaryOf(credential: Credential, certificateId: string | null): CredentialSummary {
  const subject = (credential['credentialSubject'] ?? {}) as { name?: unknown };
  const issuer = credential.issuer as { name?: unknown } | string;
  return {
    achievement: credential['name'] ?? null,
    issuer: { id: issuerIdOf(credential), name: typeof issuer === 'object' ? (issuer?.name ?? null) : null },
    validFrom: credential['validFrom'] ?? null,
    validUntil: credential['validUntil'] ?? null,
    recipientName: subject.name ?? null,
    certificateId,
  };
}
