import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { ValidationFailed } from '../errors';
import { certificateDecider } from './certificate';
import {
  ReinstateCertificate,
  RevocationReason,
  RevokeCertificate,
  SuspendCertificate,
} from './certificate-commands';
import { CertificateRevocationIsFinal, NotAllowedToCertify } from './certificate-errors';
import { CertificateEvent } from './certificate-events';
import { Certificate } from './certificate-state';
import {
  certificateId,
  command,
  later,
  now,
  officer,
  issued,
  reinstated,
  revoked,
  suspended,
} from './certificate.fixtures';

const spec = DeciderSpecification.for(certificateDecider);
const suspend = (reason = 'Enquête sur la feuille de présence') =>
  command<SuspendCertificate>('SuspendCertificate', { reason });
const reinstate = command<ReinstateCertificate>('ReinstateCertificate', {}, { at: later });
const revocation: RevocationReason = { code: 'completion-annulled', text: 'Présences falsifiées' };
const revoke = (reason: RevocationReason = revocation) =>
  command<RevokeCertificate>('RevokeCertificate', { reason }, { at: later });

describe('training certificate: suspension, reinstatement, revocation', () => {
  describe('SuspendCertificate', () => {
    it('suspends an active certificate, naming its status list entry', () => {
      spec.given([issued]).when(suspend()).then([suspended]);
    });
    it('changes nothing when already suspended', () => {
      spec.given([issued, suspended]).when(suspend('autre motif')).thenNothingHappened();
    });
    it('refuses to suspend a revoked certificate', () => {
      spec
        .given([issued, revoked])
        .when(suspend())
        .thenThrows(
          CertificateRevocationIsFinal,
          (e) => e.code === 'CERTIFICATE_REVOKED' && e.revokedAt === later,
        );
    });
    it('refuses a suspension without a reason, or of another certificate', () => {
      const error = spec
        .given([issued])
        .when({ ...suspend(''), data: { certificateId: 'cert-other', reason: ' ' } })
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['certificateId', 'reason']);
    });
    it('refuses an actor who is neither a training officer nor the system', () => {
      spec
        .given([issued])
        .when(command<SuspendCertificate>('SuspendCertificate', { reason: 'x' }, { roles: ['trainer'] }))
        .thenThrows(NotAllowedToCertify);
    });
  });

  describe('ReinstateCertificate', () => {
    it('reinstates a suspended certificate and closes the suspension', () => {
      spec.given([issued, suspended]).when(reinstate).then([reinstated]);
      const state = foldEvents(certificateDecider, [issued, suspended, reinstated]) as Certificate;
      expect(state.status).toBe('active');
      expect(state.suspensions).toEqual([
        {
          reason: 'Enquête sur la feuille de présence',
          suspendedAt: now,
          suspendedBy: officer,
          reinstatedAt: later,
          reinstatedBy: officer,
        },
      ]);
    });
    it('changes nothing on an active certificate', () => {
      spec.given([issued]).when(reinstate).thenNothingHappened();
      spec.given([issued, suspended, reinstated]).when(reinstate).thenNothingHappened();
    });
    it('refuses to reinstate a revoked certificate, suspended before or not', () => {
      spec.given([issued, revoked]).when(reinstate).thenThrows(CertificateRevocationIsFinal);
      spec.given([issued, suspended, revoked]).when(reinstate).thenThrows(CertificateRevocationIsFinal);
    });
    it('refuses a reinstatement of another certificate', () => {
      const error = spec
        .given([issued, suspended])
        .when({ ...reinstate, data: { certificateId: 'cert-other' } })
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['certificateId']);
    });
    it('refuses an actor without the role', () => {
      spec
        .given([issued, suspended])
        .when(command<ReinstateCertificate>('ReinstateCertificate', {}, { roles: [] }))
        .thenThrows(NotAllowedToCertify);
    });
  });

  describe('RevokeCertificate', () => {
    it('revokes an active certificate, with the reason code and text', () => {
      spec.given([issued]).when(revoke()).then([revoked]);
      const state = foldEvents(certificateDecider, [issued, revoked]) as Certificate;
      expect(state).toMatchObject({
        status: 'revoked',
        revocation: { reason: revocation, revokedAt: later, revokedBy: officer },
      });
    });
    it('revokes a suspended certificate', () => {
      spec.given([issued, suspended]).when(revoke()).then([revoked]);
    });
    it('changes nothing when revoked again, whatever the reason', () => {
      spec.given([issued, revoked]).when(revoke()).thenNothingHappened();
      spec
        .given([issued, revoked])
        .when(revoke({ code: 'issued-in-error', text: 'Doublon' }))
        .thenNothingHappened();
    });
    it('refuses a reason without a known code or a text', () => {
      const error = spec
        .given([issued])
        .when(revoke({ code: 'bored' as RevocationReason['code'], text: '' }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['reason.code', 'reason.text']);
      const missing = spec
        .given([issued])
        .when(revoke('Présences falsifiées' as unknown as RevocationReason))
        .thenThrows(ValidationFailed);
      expect(missing.issues.map((i) => i.field)).toEqual(['reason', 'reason.code', 'reason.text']);
    });
    it('refuses an actor without the role', () => {
      spec
        .given([issued])
        .when(command<RevokeCertificate>('RevokeCertificate', { reason: revocation }, { roles: ['trainee'] }))
        .thenThrows(NotAllowedToCertify);
    });
  });

  it('keeps the history: suspended, reinstated, suspended again, revoked', () => {
    const again: CertificateEvent = {
      ...suspended,
      data: { ...suspended.data, reason: 'Nouvelle enquête', suspendedAt: later } as never,
    };
    const state = foldEvents(certificateDecider, [
      issued,
      suspended,
      reinstated,
      again,
      revoked,
    ]) as Certificate;
    expect(state.status).toBe('revoked');
    expect(state.suspensions.map((s) => [s.reason, s.reinstatedAt])).toEqual([
      ['Enquête sur la feuille de présence', later],
      ['Nouvelle enquête', null],
    ]);
    expect(certificateId).toBe(state.certificateId);
  });
});
