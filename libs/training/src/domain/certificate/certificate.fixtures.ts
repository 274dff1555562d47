// Shared by the certificate specs only: the certificate of a trainee of Migrations et Développement
// who completed the project-management module of the Agadir session.
import { CommandMetadata } from '@tadamon/eventsourcing';
import { CertificateCommand, CertificateIssuance, SealedCredential } from './certificate-commands';
import { CertificateEvent } from './certificate-events';

export const now = '2026-06-12T16:00:00.000Z';
export const later = '2026-07-01T09:00:00.000Z';
export const certificateId = 'cert-7f3a9c21';
export const officer = 'officer-training-1';

export const metadata = (actorId = officer, roles = ['officer'], time = now): CommandMetadata => ({
  commandId: 'cmd-1',
  actor: { id: actorId, roles },
  now: time,
});

export const command = <C extends CertificateCommand>(
  type: C['type'],
  data: Omit<C['data'], 'certificateId'>,
  { actor = officer, roles = ['officer'], at = now }: { actor?: string; roles?: string[]; at?: string } = {},
): C => ({ type, data: { certificateId, ...data }, metadata: metadata(actor, roles, at) }) as C;

export const issuance: CertificateIssuance = {
  certificateId,
  traineeId: 'person-0042',
  associationId: 'md-0001',
  sessionId: 'session-agadir-2026-06',
  moduleId: 'project-management',
  achievement: { fr: 'Gestion de projet', ar: 'تدبير المشاريع', en: 'Project management' },
  completedOn: '2026-06-12',
  statusListId: 'sl-2026-1',
  statusListIndex: 40_961,
  credentialSha256: 'a'.repeat(64),
  formats: ['jwt', 'ldp'],
  validFrom: '2026-06-12T16:00:00.000Z',
  validUntil: null,
};

export const sealedCredential: SealedCredential = {
  keyId: 'k-2026-06',
  ciphertext: 'c2VhbGVkIGNyZWRlbnRpYWw=',
  iv: 'AAECAwQFBgcICQoL',
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
};

export const entry = { certificateId, statusListId: 'sl-2026-1', statusListIndex: 40_961 };

export const issued: CertificateEvent = {
  type: 'CertificateIssued',
  data: { issuance, sealedCredential, issuedAt: now, by: officer },
};
export const suspended: CertificateEvent = {
  type: 'CertificateSuspended',
  data: { ...entry, reason: 'Enquête sur la feuille de présence', suspendedAt: now, by: officer },
};
export const reinstated: CertificateEvent = {
  type: 'CertificateReinstated',
  data: { ...entry, reinstatedAt: later, by: officer },
};
export const revoked: CertificateEvent = {
  type: 'CertificateRevoked',
  data: {
    ...entry,
    reason: { code: 'completion-annulled', text: 'Présences falsifiées' },
    revokedAt: later,
    by: officer,
  },
};
