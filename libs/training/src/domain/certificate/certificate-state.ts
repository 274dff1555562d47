import { CertificateIssuance, RevocationReason, SealedCredential } from './certificate-commands';
import { CertificateEvent } from './certificate-events';

export type CertificateStatus = 'active' | 'suspended' | 'revoked';

/** A suspension, open (`reinstatedAt` null) or closed. */
export type CertificateSuspension = {
  readonly reason: string;
  readonly suspendedAt: string;
  readonly suspendedBy: string;
  readonly reinstatedAt: string | null;
  readonly reinstatedBy: string | null;
};

export type CertificateRevocation = {
  readonly reason: RevocationReason;
  readonly revokedAt: string;
  readonly revokedBy: string;
};

export type Certificate = {
  readonly status: CertificateStatus;
  readonly certificateId: string;
  readonly issuance: CertificateIssuance;
  /** The credential, sealed under the trainee's key (opened to hand it to its holder). */
  readonly sealedCredential: SealedCredential;
  readonly issuedAt: string;
  readonly issuedBy: string;
  /** Every suspension, oldest first: the last one is open while the status is suspended. */
  readonly suspensions: readonly CertificateSuspension[];
  readonly revocation: CertificateRevocation | null;
};

export type CertificateState = { readonly status: 'none' } | Certificate;

export const initialCertificateState = (): CertificateState => ({ status: 'none' });

const issued = (state: CertificateState): Certificate => {
  if (state.status === 'none') throw new Error('a certificate event on a certificate never issued');
  return state;
};

export const evolveCertificate = (state: CertificateState, event: CertificateEvent): CertificateState => {
  switch (event.type) {
    case 'CertificateIssued': {
      const { issuance, sealedCredential, issuedAt, by } = event.data;
      return {
        status: 'active',
        certificateId: issuance.certificateId,
        issuance,
        sealedCredential,
        issuedAt,
        issuedBy: by,
        suspensions: [],
        revocation: null,
      };
    }
    case 'CertificateSuspended': {
      const current = issued(state);
      const { reason, suspendedAt, by } = event.data;
      const suspension = { reason, suspendedAt, suspendedBy: by, reinstatedAt: null, reinstatedBy: null };
      return { ...current, status: 'suspended', suspensions: [...current.suspensions, suspension] };
    }
    case 'CertificateReinstated': {
      const current = issued(state);
      const { reinstatedAt, by } = event.data;
      const suspensions = current.suspensions.map((s) =>
        s.reinstatedAt === null ? { ...s, reinstatedAt, reinstatedBy: by } : s,
      );
      return { ...current, status: 'active', suspensions };
    }
    case 'CertificateRevoked': {
      const current = issued(state);
      const { reason, revokedAt, by } = event.data;
      return { ...current, status: 'revoked', revocation: { reason, revokedAt, revokedBy: by } };
    }
  }
};
