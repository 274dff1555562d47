import { createPublicKey } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import * as jsigs from 'jsonld-signatures';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { DocumentLoader } from './document-loader';
import { issuerIdOf, VC_JWT_TYPE } from './issuer';
import { publicJwkOf } from './keys';
import type { Credential } from './open-badge';
import { readStatusBit, StatusPurpose } from './status-list';
import { VerifiedStatusLists } from './verified-status-lists';

export interface VerifierOptions {
  /** Ids of the issuers whose credentials this platform accepts. */
  knownIssuers: readonly string[];
  /** Serves the contexts, the issuers' keys and the status list credentials (staticDocumentLoader). */
  documentLoader: DocumentLoader;
  now?: () => Date;
  /**
   * Remembers which status list credentials (by digest of their bytes) verified, so that a list
   * shared by many credentials is not verified again for each; without it every verification
   * verifies both lists' proofs. Bits and dates are read every time either way.
   */
  verifiedStatusLists?: VerifiedStatusLists;
}

export interface VerificationChecks {
  signature: boolean;
  issuer: boolean;
  dates: boolean;
  /** Not revoked, read from a verified status list credential of the same issuer. */
  revocation: boolean;
  suspension: boolean;
}

export interface Verification {
  valid: boolean;
  format: 'data-integrity' | 'jwt' | 'unknown';
  checks: VerificationChecks;
  errors: string[];
  /** The credential verified (a VC-JWT's payload), when it could be read. */
  credential?: Credential;
}

type Controller = { id: string; assertionMethod?: unknown };

/**
 * Verifies a credential offline: a Data Integrity one (an object with a `proof`) or a VC-JWT (a
 * compact JWS string). Every check runs whatever the others say, and `valid` is their conjunction;
 * the status bits are read from the status list credentials, themselves verified (a status
 * library's `verified` only says the status could be read, not that the bit is clear).
 */
export async function verifyCredential(
  input: Credential | string,
  options: VerifierOptions,
): Promise<Verification> {
  const errors: string[] = [];
  const now = options.now?.() ?? new Date();
  const checks: VerificationChecks = {
    signature: false,
    issuer: false,
    dates: false,
    revocation: false,
    suspension: false,
  };
  let credential: Credential | undefined;
  let format: Verification['format'] = 'unknown';
  if (typeof input === 'string') {
    format = 'jwt';
    ({ credential, signature: checks.signature } = await verifyJwt(input, options.documentLoader, errors));
  } else if (input && typeof input === 'object') {
    format = 'data-integrity';
    credential = input;
    checks.signature = await verifyDataIntegrity(input, options.documentLoader, errors);
  } else errors.push('A credential is an object with a proof or a VC-JWT string.');
  if (credential) {
    const issuer = issuerIdOf(credential);
    checks.issuer = issuer !== undefined && options.knownIssuers.includes(issuer);
    if (!checks.issuer) errors.push(`The issuer ${issuer ?? '(none)'} is not a known issuer.`);
    checks.dates = datesHold(credential, now, errors, 'The credential');
    for (const purpose of ['revocation', 'suspension'] as const)
      checks[purpose] = await statusClear(credential, purpose, options, now, errors);
  }
  const valid = Object.values(checks).every(Boolean);
  return { valid, format, checks, errors, credential };
}

async function verifyDataIntegrity(
  document: Record<string, unknown>,
  documentLoader: DocumentLoader,
  errors: string[],
) {
  try {
    if (!document.proof) throw new Error('The credential has no proof.');
    const controller = await controllerOfProof(document, documentLoader);
    const result = await jsigs.verify(document, {
      suite: new DataIntegrityProof({ cryptosuite }),
      purpose: new vc.CredentialIssuancePurpose({ controller }),
      documentLoader,
    });
    if (!result.verified) errors.push(`Signature: ${describe(result.error)}`);
    return result.verified;
  } catch (error) {
    errors.push(`Signature: ${describe(error)}`);
    return false;
  }
}

/** The controller document of the proof's key, loaded once (jsonld-signatures would frame it on every verification). */
async function controllerOfProof(
  document: Record<string, unknown>,
  documentLoader: DocumentLoader,
): Promise<Controller> {
  const proof = document.proof as { verificationMethod?: unknown } | undefined;
  if (!proof || Array.isArray(proof) || typeof proof.verificationMethod !== 'string')
    throw new Error('One proof with a verificationMethod is expected.');
  return (await authorisedKey(proof.verificationMethod, documentLoader)).controller;
}

/** The verification method at `keyId` and its controller's document, which must list it as an assertion method. */
async function authorisedKey(keyId: string, documentLoader: DocumentLoader) {
  const method = (await documentLoader(keyId)).document as {
    id?: string;
    controller?: string;
    publicKeyMultibase?: string;
  };
  if (
    method.id !== keyId ||
    typeof method.controller !== 'string' ||
    typeof method.publicKeyMultibase !== 'string'
  )
    throw new Error(`${keyId} is not a Multikey verification method.`);
  const controller = (await documentLoader(method.controller)).document as Controller;
  const allowed = ([] as unknown[]).concat(controller.assertionMethod ?? []);
  if (
    controller.id !== method.controller ||
    !allowed.some((m) => m === keyId || (m as { id?: string })?.id === keyId)
  )
    throw new Error(`${keyId} is not an assertion method of ${method.controller}.`);
  return { method: method as { id: string; controller: string; publicKeyMultibase: string }, controller };
}

async function verifyJwt(jwt: string, documentLoader: DocumentLoader, errors: string[]) {
  let credential: Credential | undefined;
  try {
    const header = decodeProtectedHeader(jwt);
    if (header.alg !== 'EdDSA' || header.typ !== VC_JWT_TYPE || typeof header.kid !== 'string')
      throw new Error(`A VC-JWT here has alg EdDSA, typ ${VC_JWT_TYPE} and a kid.`);
    const { method } = await authorisedKey(header.kid, documentLoader);
    const jwk = await publicJwkOf(method.publicKeyMultibase);
    const { payload } = await compactVerify(jwt, createPublicKey({ key: { ...jwk }, format: 'jwk' }), {
      algorithms: ['EdDSA'],
    });
    credential = JSON.parse(new TextDecoder().decode(payload)) as Credential;
    if (issuerIdOf(credential) !== method.controller)
      throw new Error(
        `The key ${method.id} belongs to ${method.controller}, not to the credential's issuer.`,
      );
    return { credential, signature: true };
  } catch (error) {
    errors.push(`Signature: ${describe(error)}`);
    return { credential, signature: false };
  }
}

function datesHold(credential: Record<string, unknown>, now: Date, errors: string[], what: string) {
  const { validFrom, validUntil } = credential;
  for (const [name, value] of [
    ['validFrom', validFrom],
    ['validUntil', validUntil],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
      errors.push(`${what}'s ${name} is not a date.`);
      return false;
    }
  }
  if (typeof validFrom === 'string' && Date.parse(validFrom) > now.getTime()) {
    errors.push(`${what} is not valid before ${validFrom}.`);
    return false;
  }
  if (typeof validUntil === 'string' && Date.parse(validUntil) < now.getTime()) {
    errors.push(`${what} expired at ${validUntil}.`);
    return false;
  }
  return true;
}

type StatusEntry = {
  type?: string;
  statusPurpose?: string;
  statusListIndex?: string;
  statusListCredential?: string;
};

/** True when the credential's status list of that purpose is verified and its bit is clear. */
async function statusClear(
  credential: Credential,
  purpose: StatusPurpose,
  { documentLoader, verifiedStatusLists: memo }: VerifierOptions,
  now: Date,
  errors: string[],
): Promise<boolean> {
  const entries = ([] as StatusEntry[]).concat(
    (credential.credentialStatus as StatusEntry | StatusEntry[]) ?? [],
  );
  const entry = entries.find((e) => e.type === 'BitstringStatusListEntry' && e.statusPurpose === purpose);
  try {
    if (!entry) throw new Error(`the credential has no BitstringStatusListEntry for ${purpose}.`);
    const index = Number(entry.statusListIndex);
    if (!Number.isInteger(index) || index < 0 || String(index) !== entry.statusListIndex)
      throw new Error(`statusListIndex ${entry.statusListIndex} is not an index.`);
    if (typeof entry.statusListCredential !== 'string') throw new Error('statusListCredential is missing.');
    const loaded = (await documentLoader(entry.statusListCredential)).document;
    const listErrors: string[] = [];
    const digest = memo && VerifiedStatusLists.digestOf(loaded);
    const remembered = Boolean(digest && memo.has(digest));
    // A list served as a VC-JWT is verified by one Ed25519 check of its bytes, no canonicalisation.
    let list = loaded as Credential;
    let jwtHolds = false;
    if (typeof loaded === 'string') {
      const decoded = remembered
        ? { credential: JSON.parse(jwtPayloadText(loaded)) as Credential, signature: true }
        : await verifyJwt(loaded, documentLoader, listErrors);
      if (!decoded.credential)
        throw new Error(`the status list VC-JWT does not verify (${listErrors.join(' ')})`);
      list = decoded.credential;
      jwtHolds = decoded.signature;
    }
    const subject = list.credentialSubject as { type?: string; statusPurpose?: string; encodedList?: string };
    if (
      !([] as unknown[]).concat(list.type).includes('BitstringStatusListCredential') ||
      subject?.type !== 'BitstringStatusList'
    )
      throw new Error(`${entry.statusListCredential} is not a BitstringStatusListCredential.`);
    if (list.id !== entry.statusListCredential)
      throw new Error(`${entry.statusListCredential} holds the list ${String(list.id)}.`);
    if (subject.statusPurpose !== purpose)
      throw new Error(`the list's purpose is ${subject.statusPurpose}, not ${purpose}.`);
    if (issuerIdOf(list) !== issuerIdOf(credential))
      throw new Error(`the list's issuer is not the credential's.`);
    const proofHolds =
      remembered ||
      (typeof loaded === 'string' ? jwtHolds : await verifyDataIntegrity(list, documentLoader, listErrors));
    if (proofHolds && digest) memo.add(digest);
    if (!proofHolds || !datesHold(list, now, listErrors, 'The list'))
      throw new Error(`the status list credential does not verify (${listErrors.join(' ')})`);
    if (typeof subject.encodedList !== 'string') throw new Error('the list has no encodedList.');
    if (await readStatusBit(subject.encodedList, index)) {
      errors.push(purpose === 'revocation' ? 'The credential is revoked.' : 'The credential is suspended.');
      return false;
    }
    return true;
  } catch (error) {
    errors.push(`Status (${purpose}): ${describe(error)}`);
    return false;
  }
}

function jwtPayloadText(jwt: string): string {
  return Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8');
}

/** The error's message and those of its causes (jsonld wraps the document loader's refusal in `details.cause`). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = (error as Error & { errors?: Error[] }).errors;
  if (inner?.length) return inner.map(describe).join('; ');
  const cause = (error as Error & { details?: { cause?: unknown } }).details?.cause ?? error.cause;
  return cause ? `${error.message} (${describe(cause)})` : error.message;
}
