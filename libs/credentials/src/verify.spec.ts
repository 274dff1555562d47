import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { CredentialSigner } from './issuer';
import { generateIssuerKey, keyPairOf } from './keys';
import type { Credential } from './open-badge';
import { encodeStatusList, statusListCredential } from './status-list';
import { ARABIC_NAME, ISSUER, sampleIssuer } from './testing/sample-issuer';
import { verifyCredential, VerifierOptions } from './verify';
import { VerifiedStatusLists } from './verified-status-lists';

type Issuer = Awaited<ReturnType<typeof sampleIssuer>>;
const options = (issuer: Issuer, more: Partial<VerifierOptions> = {}): VerifierOptions => ({
  knownIssuers: [ISSUER],
  documentLoader: issuer.documentLoader,
  now: () => new Date('2026-12-07T12:00:00Z'),
  ...more,
});
const allChecks = { signature: true, issuer: true, dates: true, revocation: true, suspension: true };

/** The string with the character at `at` replaced by another of the same alphabet. */
const flip = (text: string, at: number) =>
  text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

/** What the VC library itself answers, with the Bitstring Status List library's checkStatus. */
const libraryVerdict = (credential: Credential, issuer: Issuer) =>
  vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: issuer.documentLoader,
    checkStatus,
  });

describe('verifyCredential', () => {
  let issuer: Issuer;
  beforeEach(async () => {
    issuer = await sampleIssuer();
  });

  describe('round trip', () => {
    it('accepts a Data Integrity (eddsa-rdfc-2022) credential it issued, every check passing', async () => {
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      expect(signed.proof).toMatchObject({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
        verificationMethod: `${ISSUER}#key-1`,
      });
      const result = await verifyCredential(signed, options(issuer));
      expect(result).toMatchObject({ valid: true, format: 'data-integrity', checks: allChecks, errors: [] });
      expect((result.credential?.credentialSubject as { name: string }).name).toBe(ARABIC_NAME);
    });

    it('accepts a VC-JWT it issued and returns its credential', async () => {
      const jwt = await issuer.signer.signJwt(issuer.credential());
      const [header] = jwt.split('.');
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
        alg: 'EdDSA',
        typ: 'vc+jwt',
        cty: 'vc',
        kid: `${ISSUER}#key-1`,
      });
      const result = await verifyCredential(jwt, options(issuer));
      expect(result).toMatchObject({ valid: true, format: 'jwt', checks: allChecks, errors: [] });
      expect(result.credential).toEqual(issuer.credential());
    });
  });

  describe('one changed character fails the signature', () => {
    it("in the trainee's name", async () => {
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      const subject = signed.credentialSubject as { name: string };
      const tampered = { ...signed, credentialSubject: { ...subject, name: subject.name.replace('ف', 'ق') } };
      const result = await verifyCredential(tampered, options(issuer));
      expect(result.valid).toBe(false);
      expect(result.checks).toEqual({ ...allChecks, signature: false });
    });

    it('in the proofValue', async () => {
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      const proof = signed.proof as { proofValue: string };
      const tampered = { ...signed, proof: { ...proof, proofValue: flip(proof.proofValue, 20) } };
      const result = await verifyCredential(tampered, options(issuer));
      expect(result.checks.signature).toBe(false);
      expect(result.valid).toBe(false);
    });

    it("in the JWT's payload and in its signature", async () => {
      const jwt = await issuer.signer.signJwt(issuer.credential());
      const [header, payload, signature] = jwt.split('.');
      for (const tampered of [
        `${header}.${flip(payload, 30)}.${signature}`,
        `${header}.${payload}.${flip(signature, 10)}`,
      ]) {
        const result = await verifyCredential(tampered, options(issuer));
        expect(result.checks.signature).toBe(false);
        expect(result.valid).toBe(false);
      }
    });
  });

  describe('issuer', () => {
    it('refuses a well-signed credential of an issuer that is not configured as known', async () => {
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      const result = await verifyCredential(
        signed,
        options(issuer, { knownIssuers: ['https://other.example/issuer'] }),
      );
      expect(result.checks).toEqual({ ...allChecks, issuer: false });
      expect(result.valid).toBe(false);
      expect(result.errors).toContain(`The issuer ${ISSUER} is not a known issuer.`);
    });

    it('refuses a credential, naming a known issuer, signed by a key that is not among its published keys', async () => {
      const unpublished = await generateIssuerKey(ISSUER, `${ISSUER}#key-2`);
      const forged = await (
        await CredentialSigner.create(unpublished, issuer.documentLoader)
      ).signDataIntegrity(issuer.credential());
      const result = await verifyCredential(forged, options(issuer));
      expect(result.checks).toEqual({ ...allChecks, signature: false });
      expect(result.errors.join()).toContain(`does not load ${ISSUER}#key-2`);

      const impostor = { ...(await generateIssuerKey(ISSUER)), id: issuer.key.id };
      const forgedAsKey1 = await (
        await CredentialSigner.create(impostor, issuer.documentLoader)
      ).signDataIntegrity(issuer.credential());
      const asKey1 = await verifyCredential(forgedAsKey1, options(issuer));
      expect(asKey1.checks).toEqual({ ...allChecks, signature: false });
      expect(asKey1.valid).toBe(false);
    });

    it("refuses a Data Integrity credential naming one issuer and signed with another's published key", async () => {
      const other = await sampleIssuer({ issuer: 'https://other.example/issuer' });
      const both = await sampleIssuer({ otherKeys: [other.key] });
      // CredentialSigner refuses to do this; the VC library, given the other key, does not.
      const forged = await vc.issue({
        credential: both.credential(),
        suite: new DataIntegrityProof({ signer: (await keyPairOf(other.key)).signer(), cryptosuite }),
        documentLoader: both.documentLoader,
      });
      const result = await verifyCredential(forged as Credential, options(both));
      expect(result.checks).toEqual({ ...allChecks, signature: false });
      expect(result.errors.join()).toMatch(/issuer/i);
    });

    it('refuses a JWT whose key belongs to another issuer than the credential names', async () => {
      const other = await sampleIssuer({ issuer: 'https://other.example/issuer' });
      const both = await sampleIssuer({ otherKeys: [other.key] });
      const otherSigner = await CredentialSigner.create(other.key, both.documentLoader);
      await expect(otherSigner.signJwt(both.credential())).rejects.toThrow(/not https:\/\/other.example/);
      const jwt = await otherSigner.signJwt(other.credential());
      const result = await verifyCredential(jwt, options(both, { knownIssuers: [ISSUER] }));
      expect(result.checks.issuer).toBe(false);
      expect(result.valid).toBe(false);
    });
  });

  describe('dates', () => {
    it('refuses an expired credential and one not yet valid', async () => {
      const signed = await issuer.signer.signDataIntegrity(
        issuer.credential({ validFrom: '2026-02-01T00:00:00Z', validUntil: '2026-07-01T00:00:00Z' }),
      );
      const expired = await verifyCredential(signed, options(issuer));
      expect(expired.checks).toEqual({ ...allChecks, dates: false });
      expect(expired.errors).toContain('The credential expired at 2026-07-01T00:00:00Z.');
      const early = await verifyCredential(
        signed,
        options(issuer, { now: () => new Date('2026-01-15T00:00:00Z') }),
      );
      expect(early.checks.dates).toBe(false);
      const inTime = await verifyCredential(
        signed,
        options(issuer, { now: () => new Date('2026-03-01T00:00:00Z') }),
      );
      expect(inTime.valid).toBe(true);
    });
  });

  describe('status', () => {
    it("shows a revoked credential as revoked, though the VC library's own `verified` is true", async () => {
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      await issuer.setStatus('revocation', 42, true);

      const library = await libraryVerdict(signed, issuer);
      expect(library.verified).toBe(true);
      expect(library.statusResult).toMatchObject({
        verified: true,
        results: [{ status: true }, { status: false }],
      });

      const result = await verifyCredential(signed, options(issuer));
      expect(result.valid).toBe(false);
      expect(result.checks).toEqual({ ...allChecks, revocation: false });
      expect(result.errors).toEqual(['The credential is revoked.']);
      const jwt = await verifyCredential(await issuer.signer.signJwt(issuer.credential()), options(issuer));
      expect(jwt.checks).toEqual({ ...allChecks, revocation: false });
    });

    it('shows a suspended credential as suspended, then valid again once reinstated', async () => {
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      await issuer.setStatus('suspension', 42, true);
      const suspended = await verifyCredential(signed, options(issuer));
      expect(suspended.checks).toEqual({ ...allChecks, suspension: false });
      expect(suspended.errors).toEqual(['The credential is suspended.']);

      await issuer.setStatus('suspension', 42, false);
      expect(await verifyCredential(signed, options(issuer))).toMatchObject({
        valid: true,
        checks: allChecks,
      });
    });

    it("ignores other credentials' bits", async () => {
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      await issuer.setStatus('revocation', 41, true);
      await issuer.setStatus('revocation', 43, true);
      expect((await verifyCredential(signed, options(issuer))).valid).toBe(true);
    });

    it('refuses a status list whose bits were changed after signing (an un-revocation)', async () => {
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      await issuer.setStatus('revocation', 42, true);
      const url = `${ISSUER}/status/revocation/1`;
      const list = issuer.lists.get(url) as { credentialSubject: Record<string, unknown> };
      issuer.lists.set(url, {
        ...list,
        credentialSubject: { ...list.credentialSubject, encodedList: await encodeStatusList([]) },
      });
      const result = await verifyCredential(signed, options(issuer));
      expect(result.checks.revocation).toBe(false);
      expect(result.valid).toBe(false);
      expect(result.errors.join()).toMatch(/status list credential does not verify/);
    });

    it('refuses a status list signed by another issuer', async () => {
      const other = await sampleIssuer({ issuer: 'https://other.example/issuer' });
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      const url = `${ISSUER}/status/suspension/1`;
      issuer.lists.set(url, {
        ...(other.lists.get('https://other.example/issuer/status/suspension/1') as Record<string, unknown>),
        id: url,
      });
      const result = await verifyCredential(signed, options(issuer));
      expect(result.checks).toEqual({ ...allChecks, suspension: false });
    });
  });

  describe('with verified status lists remembered', () => {
    it('verifies a list once while its bytes stay the same, and again, failing, once they change', async () => {
      const signed = await issuer.signer.signDataIntegrity(issuer.credential());
      const keyLoads: string[] = [];
      const documentLoader = (url: string) => (
        url === issuer.key.id && keyLoads.push(url),
        issuer.documentLoader(url)
      );
      const remembered = options(issuer, { documentLoader, verifiedStatusLists: new VerifiedStatusLists() });

      expect(await verifyCredential(signed, remembered)).toMatchObject({ valid: true, checks: allChecks });
      expect(keyLoads).toHaveLength(6); // twice per proof: the credential's and both lists'
      expect(await verifyCredential(signed, remembered)).toMatchObject({ valid: true, checks: allChecks });
      expect(keyLoads).toHaveLength(8); // the credential's proof only
      expect(remembered.verifiedStatusLists?.size).toBe(2);

      await issuer.setStatus('revocation', 42, true); // a new list, signed: verified, and its bit read
      expect((await verifyCredential(signed, remembered)).checks).toEqual({
        ...allChecks,
        revocation: false,
      });
      const url = `${ISSUER}/status/revocation/1`;
      const list = issuer.lists.get(url) as { credentialSubject: Record<string, unknown> };
      issuer.lists.set(url, {
        ...list,
        credentialSubject: { ...list.credentialSubject, encodedList: await encodeStatusList([]) },
      });
      const forged = await verifyCredential(signed, remembered);
      expect(forged.checks.revocation).toBe(false);
      expect(forged.errors.join()).toMatch(/status list credential does not verify/);
    });

    it('keeps at most the given number of lists, the oldest leaving first', () => {
      const lists = new VerifiedStatusLists(2);
      for (const digest of ['a', 'b', 'a', 'c']) lists.add(digest);
      expect([lists.has('a'), lists.has('b'), lists.has('c'), lists.size]).toEqual([true, false, true, 2]);
    });
  });

  describe('with status lists served as VC-JWT', () => {
    it('reads the bits of a list verified as a JWT: valid, then revoked, for both formats', async () => {
      const jwtIssuer = await sampleIssuer({ listFormat: 'jwt' });
      const jwt = await jwtIssuer.signer.signJwt(jwtIssuer.credential());
      const signed = await jwtIssuer.signer.signDataIntegrity(jwtIssuer.credential());
      expect(await verifyCredential(jwt, options(jwtIssuer))).toMatchObject({
        valid: true,
        checks: allChecks,
      });
      expect((await verifyCredential(signed, options(jwtIssuer))).valid).toBe(true);
      await jwtIssuer.setStatus('revocation', 42, true);
      expect((await verifyCredential(jwt, options(jwtIssuer))).checks).toEqual({
        ...allChecks,
        revocation: false,
      });
    });

    it('refuses a JWT list whose payload was changed after signing, remembered or not', async () => {
      const jwtIssuer = await sampleIssuer({ listFormat: 'jwt' });
      const jwt = await jwtIssuer.signer.signJwt(jwtIssuer.credential());
      const remembered = options(jwtIssuer, { verifiedStatusLists: new VerifiedStatusLists() });
      expect((await verifyCredential(jwt, remembered)).valid).toBe(true);
      await jwtIssuer.setStatus('revocation', 42, true);
      const url = `${ISSUER}/status/revocation/1`;
      const [header, , signature] = String(jwtIssuer.lists.get(url)).split('.');
      const clearList = await statusListCredential({
        id: url,
        issuer: ISSUER,
        purpose: 'revocation',
        setIndexes: [],
        validFrom: '2026-01-01T00:00:00Z',
      });
      const forgedPayload = Buffer.from(JSON.stringify(clearList)).toString('base64url');
      jwtIssuer.lists.set(url, `${header}.${forgedPayload}.${signature}`);
      const forged = await verifyCredential(jwt, remembered);
      expect(forged.checks.revocation).toBe(false);
      expect(forged.valid).toBe(false);
    });

    it('remembers a JWT list by its exact bytes: the second verification checks one signature', async () => {
      const jwtIssuer = await sampleIssuer({ listFormat: 'jwt' });
      const jwt = await jwtIssuer.signer.signJwt(jwtIssuer.credential());
      const keyLoads: string[] = [];
      const documentLoader = (url: string) => (
        url === jwtIssuer.key.id && keyLoads.push(url),
        jwtIssuer.documentLoader(url)
      );
      const remembered = options(jwtIssuer, {
        documentLoader,
        verifiedStatusLists: new VerifiedStatusLists(),
      });
      expect((await verifyCredential(jwt, remembered)).valid).toBe(true);
      expect(keyLoads).toHaveLength(3); // the credential's and both lists' signatures
      expect((await verifyCredential(jwt, remembered)).valid).toBe(true);
      expect(keyLoads).toHaveLength(4); // the credential's only
    });
  });
});
