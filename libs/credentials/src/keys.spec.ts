import { generateKeyPairSync, verify } from 'node:crypto';
import { CredentialSigner } from './issuer';
import { generateIssuerKey, issuerKeyFromJwk, issuerKeyFromPem, keyPairOf, publicJwkOf } from './keys';
import { staticDocumentLoader } from './document-loader';
import { ISSUER, sampleInput } from './testing/sample-issuer';
import { openBadgeCredential } from './open-badge';
import { verifyCredential } from './verify';

describe('issuer keys', () => {
  it('generates a fresh Ed25519 Multikey pair each time, for the caller to store', async () => {
    const [a, b] = await Promise.all([generateIssuerKey(ISSUER), generateIssuerKey(ISSUER)]);
    expect(a).toMatchObject({ id: `${ISSUER}#key-1`, controller: ISSUER });
    expect(a.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(a.secretKeyMultibase).toMatch(/^zrv/);
    expect(a.publicKeyMultibase).not.toBe(b.publicKeyMultibase);
    await expect(keyPairOf(JSON.parse(JSON.stringify(a)))).resolves.toBeDefined();
  });

  it('loads a PKCS#8 PEM and a private JWK to the same public key, which signs verifiable credentials', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const fromPem = await issuerKeyFromPem(pem, ISSUER);
    const jwk = privateKey.export({ format: 'jwk' }) as { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string };
    const fromJwk = await issuerKeyFromJwk(jwk, ISSUER);
    expect(fromJwk).toEqual(fromPem);
    expect((await publicJwkOf(fromPem.publicKeyMultibase)).x).toBe(
      (publicKey.export({ format: 'jwk' }) as { x: string }).x,
    );

    const documentLoader = staticDocumentLoader({ issuerKeys: [fromPem] });
    const jwt = await (
      await CredentialSigner.create(fromPem, documentLoader)
    ).signJwt(openBadgeCredential(sampleInput()));
    const [header, payload, signature] = jwt.split('.');
    expect(
      verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url')),
    ).toBe(true);
  });

  it('refuses keys that are not Ed25519 or whose halves do not match', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    await expect(issuerKeyFromPem(rsa.toString(), ISSUER)).rejects.toThrow(
      /Ed25519 key is required, not rsa/,
    );
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as {
      kty: 'OKP';
      crv: 'Ed25519';
      x: string;
      d: string;
    };
    const otherX = (generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }) as { x: string }).x;
    await expect(issuerKeyFromJwk({ ...jwk, x: otherX }, ISSUER)).rejects.toThrow(/not the public half/);
    const [a, b] = [await generateIssuerKey(ISSUER), await generateIssuerKey(ISSUER)];
    await expect(keyPairOf({ ...a, publicKeyMultibase: b.publicKeyMultibase })).rejects.toThrow(
      /do not match/,
    );
  });

  it("signs with a stored key that verifies after a round trip through configuration's JSON", async () => {
    const key = JSON.parse(JSON.stringify(await generateIssuerKey(ISSUER)));
    const documentLoader = staticDocumentLoader({ issuerKeys: [key], statusLists: async () => undefined });
    const signed = await (
      await CredentialSigner.create(key, documentLoader)
    ).signDataIntegrity(openBadgeCredential(sampleInput()));
    const result = await verifyCredential(signed, { knownIssuers: [ISSUER], documentLoader });
    expect(result.checks.signature).toBe(true);
  });
});
