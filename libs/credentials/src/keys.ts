import { createPrivateKey, JsonWebKey as NodeJwk, KeyObject } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { Ed25519KeyPair, OkpJwk } from '@digitalbazaar/ed25519-multikey';

/**
 * An issuer's Ed25519 key pair as configuration stores it (a Multikey): `id` is the verification
 * method's URL, `controller` the issuer's id (the URL of its controller document).
 */
export interface IssuerKeyMaterial {
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

/** The public half, as the controller document and the document loader publish it. */
export interface VerificationMethod {
  '@context': string;
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

/** The key's id when configuration gives none: the controller's URL and a fragment. */
export const defaultKeyId = (controller: string) => `${controller}#key-1`;

/** A fresh key pair for an issuer (the embedded profile generates one, like the seal key); the caller stores it. */
export async function generateIssuerKey(
  controller: string,
  id = defaultKeyId(controller),
): Promise<IssuerKeyMaterial> {
  return materialOf(await Ed25519Multikey.generate({ id, controller }));
}

/** An issuer key from a private JWK (`{kty: 'OKP', crv: 'Ed25519', x, d}`). */
export async function issuerKeyFromJwk(
  jwk: OkpJwk,
  controller: string,
  id = defaultKeyId(controller),
): Promise<IssuerKeyMaterial> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d)
    throw new Error('An Ed25519 private JWK (OKP, with d) is required.');
  const seed = Buffer.from(jwk.d, 'base64url');
  const material = await materialOf(await Ed25519Multikey.generate({ seed, id, controller }));
  if (privateJwkFrom(await keyPairOf(material)).x !== jwk.x)
    throw new Error("The JWK's x is not the public half of its d.");
  return material;
}

/** An issuer key from a PKCS#8 PEM (`openssl genpkey -algorithm ed25519`). */
export async function issuerKeyFromPem(pem: string, controller: string, id = defaultKeyId(controller)) {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`An Ed25519 key is required, not ${key.asymmetricKeyType}.`);
  return issuerKeyFromJwk(key.export({ format: 'jwk' }) as NodeJwk as OkpJwk, controller, id);
}

/** Checks a stored key (both halves present and matching) and returns the library's key pair. */
export async function keyPairOf(material: IssuerKeyMaterial): Promise<Ed25519KeyPair> {
  const keyPair = await Ed25519Multikey.from({ ...material, type: 'Multikey' });
  const again = await Ed25519Multikey.generate({ seed: keyPair.secretKey?.slice(0, 32) });
  if (Buffer.compare(Buffer.from(again.publicKey), Buffer.from(keyPair.publicKey)) !== 0)
    throw new Error(`The secret and public halves of ${material.id} do not match.`);
  return keyPair;
}

/**
 * The private key as an RFC 8037 JWK (`d` the 32-byte seed), for signing VC-JWTs. The multikey
 * library's own toJwk puts the 64-byte seed-and-public-key in `d`, which node:crypto refuses.
 */
export function privateJwkFrom(keyPair: Ed25519KeyPair): OkpJwk {
  if (!keyPair.secretKey) throw new Error(`The key ${keyPair.id} has no secret half.`);
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: Buffer.from(keyPair.publicKey).toString('base64url'),
    d: Buffer.from(keyPair.secretKey.subarray(0, 32)).toString('base64url'),
  };
}

/** The public key as an RFC 8037 JWK. */
export function publicJwkOf(publicKeyMultibase: string): Promise<OkpJwk> {
  return Ed25519Multikey.from({ publicKeyMultibase, type: 'Multikey' }).then((keyPair) => ({
    kty: 'OKP',
    crv: 'Ed25519',
    x: Buffer.from(keyPair.publicKey).toString('base64url'),
  }));
}

export function verificationMethodOf(
  material: Pick<IssuerKeyMaterial, 'id' | 'controller' | 'publicKeyMultibase'>,
): VerificationMethod {
  return {
    '@context': MULTIKEY_CONTEXT,
    id: material.id,
    type: 'Multikey',
    controller: material.controller,
    publicKeyMultibase: material.publicKeyMultibase,
  };
}

export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const SECURITY_CONTEXT_V2 = 'https://w3id.org/security/v2';

/** The issuer's controller document: its verification methods, each allowed to assert (issue) credentials. */
export function controllerDocumentOf(
  controller: string,
  keys: Pick<IssuerKeyMaterial, 'id' | 'controller' | 'publicKeyMultibase'>[],
) {
  const methods = keys.map(verificationMethodOf).map(({ '@context': _context, ...method }) => method);
  return {
    '@context': [SECURITY_CONTEXT_V2, MULTIKEY_CONTEXT],
    id: controller,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

async function materialOf(keyPair: Ed25519KeyPair): Promise<IssuerKeyMaterial> {
  const exported = await keyPair.export({ publicKey: true, secretKey: true });
  if (!exported.secretKeyMultibase) throw new Error('The key pair has no secret key.');
  return {
    id: exported.id,
    controller: exported.controller,
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
  };
}

/**
 * An Ed25519 private key given as a PKCS#8 PEM or an RFC 8037 private JWK (JSON), as a PKCS#8 PEM.
 * Throws an Error saying what is wrong (never the key itself).
 */
export function ed25519PrivateKeyPem(text: string): string {
  let key: KeyObject;
  try {
    const trimmed = text.trim();
    key = trimmed.startsWith('{')
      ? createPrivateKey({ key: JSON.parse(trimmed) as NodeJwk, format: 'jwk' })
      : createPrivateKey(trimmed);
  } catch (error) {
    throw new Error(
      `must be an Ed25519 private key, PKCS#8 PEM (openssl genpkey -algorithm ed25519) or a private JWK (OKP, Ed25519, x, d): ${(error as Error).message}`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'another kind'}`);
  return key.export({ format: 'pem', type: 'pkcs8' }) as string;
}
