import fc from 'fast-check';
import { foldEvents } from '@tadamon/eventsourcing';
import { certificateDecider } from './certificate';
import { CertificateCommand, IssueCertificate } from './certificate-commands';
import { command, issuance, issued, later, sealedCredential } from './certificate.fixtures';

const { certificateId: _id, ...issuanceData } = issuance;
const issueData = { ...issuanceData, sealedCredential };
const pool: CertificateCommand[] = [
  command<IssueCertificate>('IssueCertificate', issueData),
  command<IssueCertificate>('IssueCertificate', { ...issueData, formats: ['ldp'] }),
  command('SuspendCertificate', { reason: 'Enquête' }),
  command('SuspendCertificate', { reason: 'Autre enquête' }, { at: later }),
  command('ReinstateCertificate', {}),
  command('RevokeCertificate', { reason: { code: 'issued-in-error', text: 'Doublon' } }),
  command('RevokeCertificate', { reason: { code: 'misconduct', text: 'Fraude' } }, { roles: ['system'] }),
];

describe('training certificate: a command that succeeded changes nothing when repeated', () => {
  it('holds for random sequences, from nothing and from an issued certificate', () => {
    const starts = [[], [issued]];
    fc.assert(
      fc.property(fc.nat(1), fc.array(fc.nat(pool.length - 1), { maxLength: 20 }), (start, picks) => {
        let state = foldEvents(certificateDecider, starts[start]);
        for (const c of picks.map((p) => pool[p])) {
          let events;
          try {
            events = certificateDecider.decide(c, state);
          } catch {
            continue;
          }
          state = foldEvents(certificateDecider, events, state);
          expect({ command: c.type, events: certificateDecider.decide(c, state) }).toEqual({
            command: c.type,
            events: [],
          });
        }
        // Revoked is final: whatever came after, the status never left it.
        if (state.status !== 'none' && state.revocation) expect(state.status).toBe('revoked');
      }),
      { numRuns: 500 },
    );
  });
});
