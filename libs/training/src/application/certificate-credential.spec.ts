import { generateKeyPairSync } from 'node:crypto';
import { verifyCredential } from '@tadamon/credentials';
import { CertificateFacts, credentialSha256, signCertificateCredential } from './certificate-credential';
import { CredentialIssuer } from './credential-issuer';

const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
const facts: CertificateFacts = {
  certificateId: 'cert-0123456789abcdef0123456789abcdef',
  moduleId: 'gp-101',
  title: { fr: 'Gestion de projet associatif', ar: 'تدبير المشاريع الجمعوية' },
  description: { fr: 'Du besoin au rapport final' },
  completionRule: { minAttendancePercent: 80, feedbackRequired: true },
  completedAt: '2026-06-12T16:00:00.000Z',
  statusListId: 'sl-1',
  statusListIndex: 40_961,
  card: { fullName: 'فاطمة الزهراء بنعلي', email: 'Fatima@example.org', language: 'ar' },
  sessionLanguage: 'fr',
};

describe('a certificate’s credential', () => {
  let issuer: CredentialIssuer;
  beforeAll(async () => {
    issuer = await CredentialIssuer.create({ keyPem: pem, publicUrl: 'https://tadamon.example/' });
  });

  it('is the same bytes for the same facts: a retry issues the same credential', async () => {
    const first = await signCertificateCredential(issuer, facts);
    const second = await signCertificateCredential(issuer, facts);
    expect(second).toEqual(first);
    expect(credentialSha256(second)).toBe(credentialSha256(first));
    expect(credentialSha256(first)).toMatch(/^[0-9a-f]{64}$/);
    const other = await signCertificateCredential(issuer, { ...facts, statusListIndex: 7 });
    expect(credentialSha256(other)).not.toBe(credentialSha256(first));
  });

  it('is valid from the completion, its proof created then, under the platform’s URLs, in the trainee’s language', async () => {
    const { ldp, jwt } = await signCertificateCredential(issuer, facts);
    expect(ldp).toMatchObject({
      id: `https://tadamon.example/api/training/certificates/${facts.certificateId}`,
      issuer: { id: 'https://tadamon.example/api/training/issuer' },
      validFrom: facts.completedAt,
      credentialSubject: {
        name: facts.card.fullName,
        achievement: { name: 'تدبير المشاريع الجمعوية', inLanguage: 'ar' },
      },
      proof: { created: '2026-06-12T16:00:00Z' },
    });
    expect(JSON.stringify(ldp)).not.toContain('Fatima@example.org');
    const status = ldp['credentialStatus'] as { statusListCredential: string; statusListIndex: string }[];
    expect(status.map((s) => [s.statusListCredential, s.statusListIndex])).toEqual([
      ['https://tadamon.example/api/training/status-lists/sl-1/revocation', '40961'],
      ['https://tadamon.example/api/training/status-lists/sl-1/suspension', '40961'],
    ]);
    // The signatures hold (the status lists are checked in the platform's e2e).
    const options = { knownIssuers: [issuer.issuerId], documentLoader: issuer.documentLoader() };
    expect((await verifyCredential(ldp, options)).checks).toMatchObject({ signature: true, issuer: true });
    expect((await verifyCredential(jwt, options)).checks).toMatchObject({ signature: true, issuer: true });
  });

  it('names the list of one of its URLs, and nothing else', () => {
    expect(issuer.statusListOf(issuer.statusListUrl('sl-1', 'suspension'))).toEqual({
      statusListId: 'sl-1',
      purpose: 'suspension',
    });
    expect(
      issuer.statusListOf('https://tadamon.example/api/training/status-lists/sl-1/other'),
    ).toBeUndefined();
    expect(
      issuer.statusListOf('https://elsewhere.example/api/training/status-lists/sl-1/revocation'),
    ).toBeUndefined();
  });
});
