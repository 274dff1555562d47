/**
 * npm run bench:training — Training's certificates (libs/credentials), one core, one operation at
 * a time, against the raw primitive in the same run (shared/BENCHMARKS.md):
 * - issuance: an OpenBadgeCredential built and signed with a Data Integrity proof (eddsa-rdfc-2022:
 *   RDF canonicalisation of the credential and of the proof options, two SHA-256, one Ed25519
 *   signature) per second, against node:crypto signing the credential's canonical N-Quads (the same
 *   canonicalised bytes) per second; VC-JWT issuance alongside;
 * - verification: verifyCredential per second, every check included: the credential's proof and
 *   both status list credentials' proofs verified on every call (nothing of a proof is cached; the
 *   document loader and jsonld's processed contexts are, as in production).
 * - the platform's verification path: the status lists served as VC-JWT (one Ed25519 check each),
 *   and remembered by their exact bytes (VerifiedStatusLists), so a VC-JWT credential costs one
 *   signature check and two bit reads; a credential's own signature is verified on every call.
 * Writes bench/results/training.json (the `enrolment` key is added by the enrolment bench).
 */
import { createPrivateKey, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {
  Credential,
  CredentialSigner,
  generateIssuerKey,
  openBadgeCredential,
  privateJwkFrom,
  keyPairOf,
  staticDocumentLoader,
  statusListCredential,
  verifyCredential,
  VerifiedStatusLists,
} from '@tadamon/credentials';
import { alternate, round, timeEach } from '../shared/measure';

const ROUNDS = 5;
const ISSUE_OPS = 300;
const VERIFY_OPS = 150;
const ISSUER = 'https://tadamon.example/issuers/ministry';
const listUrl = (purpose: string) => `${ISSUER}/status/${purpose}/1`;
const rate = async (ops: number, operation: (i: number) => unknown) =>
  (await timeEach(ops, operation)).perSec;

/** A trainee's credential; `i` changes the name, the index and the id, so no two documents are alike. */
function credentialFor(i: number): Credential {
  return openBadgeCredential({
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    language: i % 2 ? 'ar' : 'fr',
    issuer: {
      id: ISSUER,
      name: {
        fr: 'Ministère des MRE',
        ar: 'الوزارة المكلفة بالمغاربة المقيمين بالخارج',
        en: 'Ministry for Moroccans Abroad',
      },
    },
    achievement: {
      id: 'https://tadamon.example/training/modules/gestion-associative',
      name: { fr: 'Gestion associative', ar: 'تدبير الجمعيات', en: 'Running an association' },
      description: { fr: 'Module de 20 heures', ar: 'وحدة من 20 ساعة', en: 'A 20-hour module' },
      criteria: { fr: 'Présence à 80 %', ar: 'حضور 80 في المائة', en: '80 % attendance' },
    },
    recipient: { name: `فاطمة الزهراء بنعلي ${i}`, email: `trainee${i}@example.org` },
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2031-01-01T00:00:00Z',
    status: {
      index: i % 131_072,
      revocationList: listUrl('revocation'),
      suspensionList: listUrl('suspension'),
    },
  });
}

async function main() {
  const key = await generateIssuerKey(ISSUER);
  const lists = new Map<string, Record<string, unknown>>();
  const jwtLists = new Map<string, string>();
  const documentLoader = staticDocumentLoader({
    issuerKeys: [key],
    statusLists: async (url) => lists.get(url),
  });
  // The same lists served as VC-JWT, as GET /api/training/status-lists/... answers with Accept: application/vc+jwt.
  const jwtListLoader = staticDocumentLoader({
    issuerKeys: [key],
    statusLists: async (url) => jwtLists.get(url),
  });
  const signer = await CredentialSigner.create(key, documentLoader);
  for (const purpose of ['revocation', 'suspension'] as const) {
    // A realistic list: 1 % of 131072 credentials revoked or suspended, none of those the bench verifies.
    const setIndexes = Array.from({ length: 1_310 }, (_, k) => 50_000 + k * 61);
    const list = await statusListCredential({
      id: listUrl(purpose),
      issuer: ISSUER,
      purpose,
      setIndexes,
      validFrom: '2026-01-01T00:00:00Z',
    });
    lists.set(listUrl(purpose), await signer.signDataIntegrity(list));
    jwtLists.set(listUrl(purpose), await signer.signJwt(list));
  }
  const privateKey = createPrivateKey({ key: { ...privateJwkFrom(await keyPairOf(key)) }, format: 'jwk' });
  const canonical = Buffer.from(
    await cryptosuite.canonize(credentialFor(0), { documentLoader, safe: true, base: null }),
  );
  const verifier = { knownIssuers: [ISSUER], documentLoader };

  // Warm-up (JIT, jsonld's context cache), then the signed documents the verification rounds use.
  for (let i = 0; i < 30; i++)
    await verifyCredential(await signer.signDataIntegrity(credentialFor(i)), verifier);
  const signed = await Promise.all(
    Array.from({ length: VERIFY_OPS }, (_, i) => signer.signDataIntegrity(credentialFor(i))),
  );
  const jwts = await Promise.all(
    Array.from({ length: VERIFY_OPS }, (_, i) => signer.signJwt(credentialFor(i))),
  );
  for (const probe of [signed[0], jwts[0]]) {
    const result = await verifyCredential(probe, verifier);
    if (!result.valid) throw new Error(`The bench's credential does not verify: ${result.errors.join('; ')}`);
  }

  // Issuance against the raw signature, alternated round by round; `i` runs past the warm-up's documents.
  const issuance = await alternate(
    ROUNDS,
    ISSUE_OPS,
    (i) => signer.signDataIntegrity(credentialFor(1_000 + i)),
    () => sign(null, canonical, privateKey),
  );
  const issue = issuance.project.perSec;
  const raw = issuance.raw.perSec;
  const many = ROUNDS * ISSUE_OPS;
  const issueJwt = await rate(many, (i) => signer.signJwt(credentialFor(10_000 + i)));
  const canonize = await rate(many, (i) =>
    cryptosuite.canonize(credentialFor(20_000 + i), { documentLoader, safe: true, base: null }),
  );
  const verify = await rate(ROUNDS * VERIFY_OPS, (i) => verifyCredential(signed[i % VERIFY_OPS], verifier));
  const remembered = { ...verifier, verifiedStatusLists: new VerifiedStatusLists() };
  const verifyRemembered = await rate(ROUNDS * VERIFY_OPS, (i) =>
    verifyCredential(signed[i % VERIFY_OPS], remembered),
  );
  const verifyJwt = await rate(ROUNDS * VERIFY_OPS, (i) => verifyCredential(jwts[i % VERIFY_OPS], verifier));
  // The platform's verifier: lists as VC-JWT, remembered by their exact bytes (one per verifier).
  const jwtListVerifier = { knownIssuers: [ISSUER], documentLoader: jwtListLoader };
  const jwtListsRemembered = { ...jwtListVerifier, verifiedStatusLists: new VerifiedStatusLists() };
  for (const probe of [signed[0], jwts[0]]) {
    const result = await verifyCredential(probe, jwtListsRemembered);
    if (!result.valid) throw new Error(`Not valid with the VC-JWT lists: ${result.errors.join('; ')}`);
  }
  const verifyJwtJwtLists = await rate(ROUNDS * VERIFY_OPS, (i) =>
    verifyCredential(jwts[i % VERIFY_OPS], jwtListVerifier),
  );
  const verifyJwtJwtListsRemembered = await rate(ROUNDS * VERIFY_OPS, (i) =>
    verifyCredential(jwts[i % VERIFY_OPS], jwtListsRemembered),
  );
  const verifyDiJwtListsRemembered = await rate(ROUNDS * VERIFY_OPS, (i) =>
    verifyCredential(signed[i % VERIFY_OPS], jwtListsRemembered),
  );

  const result = {
    name: 'training',
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    setup: {
      rounds: ROUNDS,
      figures:
        'operations per second over the summed time of each operation, one at a time on one core; issuance and the raw signature alternate round by round',
      issueOpsPerRound: ISSUE_OPS,
      verifyOpsPerRound: VERIFY_OPS,
      credentialBytes: JSON.stringify(signed[0]).length,
      canonicalNQuadsBytes: canonical.length,
      statusListBits: 131_072,
      statusListSetBits: 1_310,
    },
    issue: {
      perSecond: round(issue, 1),
      rawEd25519SignPerSecond: round(raw, 1),
      ratio: round(issue / raw, 4),
      target: 0.3,
      jwtPerSecond: round(issueJwt, 1),
      jwtRatio: round(issueJwt / raw, 4),
      canonicalisationsPerSecond: round(canonize, 1),
    },
    verify: {
      perSecondIncludingStatusList: round(verify, 1),
      target: 500,
      jwtPerSecondIncludingStatusList: round(verifyJwt, 1),
      // The lists' proofs verified once per distinct list (VerifiedStatusLists), bits and dates read every time.
      perSecondStatusListProofsRemembered: round(verifyRemembered, 1),
      // Status lists served as VC-JWT: one Ed25519 check each, or none once remembered by their exact bytes.
      jwtPerSecondJwtStatusLists: round(verifyJwtJwtLists, 1),
      jwtPerSecondJwtStatusListsRemembered: round(verifyJwtJwtListsRemembered, 1),
      perSecondJwtStatusListsRemembered: round(verifyDiJwtListsRemembered, 1),
      path: 'verifyCredential: proof (RDFC + Ed25519), issuer, dates, two status list credentials loaded, verified (RDFC + Ed25519 each) and their bit read',
    },
  };
  console.table({
    'issue DI (eddsa-rdfc-2022)': { value: result.issue.perSecond, unit: 'credentials/s' },
    'raw Ed25519 sign (node:crypto)': { value: result.issue.rawEd25519SignPerSecond, unit: 'signatures/s' },
    'issue ratio': { value: result.issue.ratio, unit: 'target >= 0.3' },
    'issue VC-JWT': { value: result.issue.jwtPerSecond, unit: 'credentials/s' },
    'RDF canonicalisation alone': { value: result.issue.canonicalisationsPerSecond, unit: 'credentials/s' },
    'verify DI incl. status lists': {
      value: result.verify.perSecondIncludingStatusList,
      unit: 'credentials/s (target >= 500)',
    },
    'verify DI, list proofs remembered': {
      value: result.verify.perSecondStatusListProofsRemembered,
      unit: 'credentials/s',
    },
    'verify VC-JWT incl. status lists': {
      value: result.verify.jwtPerSecondIncludingStatusList,
      unit: 'credentials/s',
    },
    'verify VC-JWT, lists as VC-JWT': {
      value: result.verify.jwtPerSecondJwtStatusLists,
      unit: 'credentials/s',
    },
    'verify VC-JWT, lists as VC-JWT remembered': {
      value: result.verify.jwtPerSecondJwtStatusListsRemembered,
      unit: 'credentials/s (target >= 500)',
    },
    'verify DI, lists as VC-JWT remembered': {
      value: result.verify.perSecondJwtStatusListsRemembered,
      unit: 'credentials/s',
    },
  });
  const out = join(__dirname, '..', 'results');
  mkdirSync(out, { recursive: true });
  // Keeps what other training benches wrote (the enrolment figures).
  const file = join(out, 'training.json');
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, JSON.stringify({ ...previous, ...result }, null, 2) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
