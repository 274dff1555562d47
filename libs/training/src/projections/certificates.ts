import { Document, Projection, ProjectionWrite, UpdateSpec } from '@tadamon/read-store';
import { LocalizedText } from '../domain/field-validation';
import { CERTIFICATE_CATEGORY } from '../domain/certificate/certificate';
import { CredentialFormat, RevocationReason } from '../domain/certificate/certificate-commands';
import { CertificateEvent } from '../domain/certificate/certificate-events';
import { CertificateStatus } from '../domain/certificate/certificate-state';

export const TRAINING_CERTIFICATES = 'training_certificates';

/**
 * One certificate as officers, its trainee and its association list it, and as the status lists
 * are built from (revoked: the revocation bit; suspended: the suspension bit). No name: the
 * credential that names the trainee stays sealed in the certificate's stream.
 */
export interface CertificateDoc extends Document {
  certificateId: string;
  traineeId: string;
  associationId: string;
  sessionId: string;
  moduleId: string;
  achievement: LocalizedText;
  completedOn: string;
  statusListId: string;
  statusListIndex: number;
  formats: CredentialFormat[];
  validFrom: string;
  validUntil: string | null;
  status: CertificateStatus;
  issuedAt: string;
  suspendedAt: string | null;
  suspensionReason: string | null;
  revokedAt: string | null;
  revocationReason: RevocationReason | null;
  /** The last change of status (issuance included): a list's version moves with it. */
  changedAt: string;
}

export const certificatesProjection: Projection = {
  name: 'training-certificates',
  version: 1,
  collections: [TRAINING_CERTIFICATES],
  categories: [CERTIFICATE_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as CertificateEvent;
    const write = (id: string, update: UpdateSpec): ProjectionWrite[] => [
      { collection: TRAINING_CERTIFICATES, upsert: { id, update } },
    ];
    switch (event.type) {
      case 'CertificateIssued': {
        const { issuance, issuedAt } = event.data;
        return write(issuance.certificateId, {
          $set: {
            certificateId: issuance.certificateId,
            traineeId: issuance.traineeId,
            associationId: issuance.associationId,
            sessionId: issuance.sessionId,
            moduleId: issuance.moduleId,
            achievement: issuance.achievement,
            completedOn: issuance.completedOn,
            statusListId: issuance.statusListId,
            statusListIndex: issuance.statusListIndex,
            formats: [...issuance.formats],
            validFrom: issuance.validFrom,
            validUntil: issuance.validUntil,
            status: 'active',
            issuedAt,
            suspendedAt: null,
            suspensionReason: null,
            revokedAt: null,
            revocationReason: null,
            changedAt: issuedAt,
          },
        });
      }
      case 'CertificateSuspended': {
        const { certificateId, reason, suspendedAt } = event.data;
        return write(certificateId, {
          $set: { status: 'suspended', suspendedAt, suspensionReason: reason, changedAt: suspendedAt },
        });
      }
      case 'CertificateReinstated': {
        const { certificateId, reinstatedAt } = event.data;
        return write(certificateId, {
          $set: { status: 'active', suspendedAt: null, suspensionReason: null, changedAt: reinstatedAt },
        });
      }
      case 'CertificateRevoked': {
        const { certificateId, reason, revokedAt } = event.data;
        return write(certificateId, {
          $set: { status: 'revoked', revokedAt, revocationReason: reason, changedAt: revokedAt },
        });
      }
      default:
        return [];
    }
  },
};
