import { createHash } from 'node:crypto';
import { hashedEmail, openBadgeCredential } from './open-badge';
import { ARABIC_NAME, ISSUER, sampleInput } from './testing/sample-issuer';

describe('openBadgeCredential', () => {
  it('is an OpenBadgeCredential on the VC 2.0 and OB 3.0.3 contexts, with two status entries at one index', () => {
    const credential = openBadgeCredential(sampleInput({}, 'fr'));
    expect(credential).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: ISSUER, type: ['Profile'] },
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2031-01-01T00:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        name: ARABIC_NAME,
        achievement: {
          type: ['Achievement'],
          name: 'Gestion associative',
          criteria: { narrative: 'Présence à 80 %' },
          inLanguage: 'fr',
        },
      },
      credentialStatus: [
        {
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: '42',
          statusListCredential: `${ISSUER}/status/revocation/1`,
        },
        {
          type: 'BitstringStatusListEntry',
          statusPurpose: 'suspension',
          statusListIndex: '42',
          statusListCredential: `${ISSUER}/status/suspension/1`,
        },
      ],
    });
    expect((credential.issuer as { name: unknown }).name).toEqual([
      { '@value': 'Ministère des MRE', '@language': 'fr' },
      { '@value': 'الوزارة المكلفة بالمغاربة المقيمين بالخارج', '@language': 'ar' },
      { '@value': 'Ministry for Moroccans Abroad', '@language': 'en' },
    ]);
  });

  it('identifies the trainee by a salted SHA-256 of the email, never the email itself', () => {
    const credential = openBadgeCredential(sampleInput());
    expect(JSON.stringify(credential).toLowerCase()).not.toContain('fatima@example.org');
    expect((credential.credentialSubject as { identifier: unknown }).identifier).toEqual([
      {
        type: 'IdentityObject',
        identityType: 'emailAddress',
        hashed: true,
        salt: 'c0ffee',
        identityHash: `sha256$${createHash('sha256').update('fatima@example.orgc0ffee').digest('hex')}`,
      },
    ]);
    expect(hashedEmail('a@b.org').salt).not.toBe(hashedEmail('a@b.org').salt);
    const anonymous = openBadgeCredential(sampleInput({ recipient: { name: 'X' } }));
    expect(anonymous.credentialSubject).not.toHaveProperty('identifier');
  });

  it('refuses an achievement without text in the asked language', () => {
    const input = sampleInput({}, 'en');
    expect(() =>
      openBadgeCredential({ ...input, achievement: { ...input.achievement, name: { fr: 'Seulement' } } }),
    ).toThrow(/name has no text in "en"/);
  });
});
