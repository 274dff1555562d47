import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated, NotCreated, ValidationFailed } from '../errors';
import { certificateDecider, certificateStreamName } from './certificate';
import { IssueCertificate, SuspendCertificate } from './certificate-commands';
import { NotAllowedToCertify } from './certificate-errors';
import { CertificateEvent } from './certificate-events';
import { Certificate } from './certificate-state';
import {
  certificateId,
  command,
  issuance,
  issued,
  now,
  officer,
  sealedCredential,
} from './certificate.fixtures';

const spec = DeciderSpecification.for(certificateDecider);
const { certificateId: _id, ...issuanceData } = issuance;
const issueData = { ...issuanceData, sealedCredential };
const issue = (data: Partial<IssueCertificate['data']> = {}, as: { actor?: string; roles?: string[] } = {}) =>
  command<IssueCertificate>('IssueCertificate', { ...issueData, ...data }, as);

describe('training certificate: issuance', () => {
  it('names its stream after the credential id suffix', () => {
    expect(certificateStreamName(certificateId)).toBe('trainingCertificate-cert-7f3a9c21');
  });

  describe('IssueCertificate', () => {
    it('issues an active certificate that records the credential digest, not the credential', () => {
      spec.given([]).when(issue()).then([issued]);
      const state = foldEvents(certificateDecider, [issued]) as Certificate;
      expect(state).toMatchObject({ status: 'active', issuedAt: now, issuedBy: officer, revocation: null });
      expect(state.issuance.credentialSha256).toHaveLength(64);
    });
    it('is issued by the system actor too (issuance on completion)', () => {
      const event = { ...issued, data: { ...issued.data, by: 'training-certifier' } } as CertificateEvent;
      spec.when(issue({}, { actor: 'training-certifier', roles: ['system'] })).then([event]);
    });
    it('keeps the formats sorted and without duplicates, and an end of validity when given', () => {
      const validUntil = '2031-06-12T16:00:00.000Z';
      spec
        .when(issue({ formats: ['ldp', 'jwt', 'ldp'], validUntil }))
        .then([
          { ...issued, data: { ...issued.data, issuance: { ...issuance, validUntil } } } as CertificateEvent,
        ]);
    });
    it('changes nothing when the same certificate is issued again', () => {
      spec.given([issued]).when(issue()).thenNothingHappened();
    });
    it('refuses the same certificate id with another credential', () => {
      spec
        .given([issued])
        .when(issue({ credentialSha256: 'b'.repeat(64) }))
        .thenThrows(AlreadyCreated, (e) => e.id === certificateId);
    });
    it('refuses an actor who is neither a training officer nor the system', () => {
      spec
        .when(issue({}, { actor: 'trainer-3', roles: ['trainer'] }))
        .thenThrows(
          NotAllowedToCertify,
          (e) => e.code === 'NOT_ALLOWED_TO_CERTIFY' && e.kind === 'forbidden',
        );
    });
    it('lists every refused field', () => {
      const error = spec
        .when(
          issue({
            traineeId: '',
            associationId: 'md 1',
            sessionId: 7 as unknown as string,
            moduleId: '-x',
            achievement: { en: 'Project management' } as IssueCertificate['data']['achievement'],
            completedOn: '2026-13-01',
            statusListId: '',
            statusListIndex: 131_072,
            credentialSha256: 'A'.repeat(64),
            formats: [],
            validFrom: 'tomorrow',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual([
        'traineeId',
        'associationId',
        'sessionId',
        'moduleId',
        'achievement.fr',
        'completedOn',
        'statusListId',
        'statusListIndex',
        'credentialSha256',
        'formats',
        'validFrom',
      ]);
    });
    it('keeps the sealed credential beside the issuance, and in the state', () => {
      spec.when(issue()).then([issued]);
      const state = foldEvents(certificateDecider, [issued]) as Certificate;
      expect(state.sealedCredential).toEqual(sealedCredential);
      expect(state.issuance).not.toHaveProperty('sealedCredential');
    });
    it('changes nothing when the same credential comes sealed again (another IV)', () => {
      const resealed = { ...sealedCredential, iv: 'CwoJCAcGBQQDAgEA', ciphertext: 'b3RoZXIgY2lwaGVy' };
      spec
        .given([issued])
        .when(issue({ sealedCredential: resealed }))
        .thenNothingHappened();
    });
    it('refuses a sealed credential that is missing or malformed, field by field', () => {
      const missing = spec
        .when(issue({ sealedCredential: undefined as unknown as typeof sealedCredential }))
        .thenThrows(ValidationFailed);
      expect(missing.issues.map((i) => i.field)).toEqual([
        'sealedCredential',
        'sealedCredential.keyId',
        'sealedCredential.ciphertext',
        'sealedCredential.iv',
        'sealedCredential.tag',
      ]);
      const malformed = spec
        .when(
          issue({
            sealedCredential: {
              keyId: 'k1',
              ciphertext: 'not base64!',
              iv: 'AAEC',
              tag: sealedCredential.tag,
            },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(malformed.issues.map((i) => i.field)).toEqual([
        'sealedCredential.ciphertext',
        'sealedCredential.iv',
      ]);
    });
    it('refuses a format other than ldp or jwt, and a completion in the future', () => {
      const error = spec
        .when(issue({ formats: ['ldp', 'pdf' as 'ldp'], completedOn: '2026-06-13' }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['completedOn', 'formats[1]']);
    });
    it('refuses a validity that starts before the completion, or ends before it starts', () => {
      const early = spec.when(issue({ validFrom: '2026-06-11T10:00:00Z' })).thenThrows(ValidationFailed);
      expect(early.issues.map((i) => i.field)).toEqual(['validFrom']);
      const reversed = spec.when(issue({ validUntil: '2026-06-12T15:00:00Z' })).thenThrows(ValidationFailed);
      expect(reversed.issues.map((i) => i.field)).toEqual(['validUntil']);
    });
  });

  describe('before issuance', () => {
    it('refuses a suspension of a certificate never issued', () => {
      spec
        .when(command<SuspendCertificate>('SuspendCertificate', { reason: 'enquête' }))
        .thenThrows(NotCreated);
    });
  });
});
