import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CREDENTIALS_V2_CONTEXT,
  DocumentNotAllowed,
  knownContextUrls,
  OPEN_BADGES_CONTEXT,
  staticDocumentLoader,
} from './document-loader';
import { ISSUER, sampleIssuer } from './testing/sample-issuer';
import { verifyCredential } from './verify';

describe('staticDocumentLoader', () => {
  let server: Server;
  let requests = 0;
  let base: string;
  beforeAll(async () => {
    // A context any loader that fetched would find: the tests assert it is never asked for.
    server = createServer((_request, response) => {
      requests++;
      response.setHeader('content-type', 'application/ld+json');
      response.end(JSON.stringify({ '@context': { extra: 'https://example.org/extra' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 10_000);
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves every context a credential, its proof, its keys and its status lists use', async () => {
    const loader = staticDocumentLoader({ issuerKeys: [] });
    expect(knownContextUrls()).toEqual(
      expect.arrayContaining([
        CREDENTIALS_V2_CONTEXT,
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        'https://w3id.org/security/data-integrity/v2',
        'https://w3id.org/security/multikey/v1',
        'https://w3id.org/security/v2',
      ]),
    );
    for (const url of knownContextUrls()) expect((await loader(url)).document).toHaveProperty('@context');
    expect(OPEN_BADGES_CONTEXT).toBe('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
  });

  it("serves the issuer's controller document and verification method, and the status lists it is handed", async () => {
    const issuer = await sampleIssuer();
    expect((await issuer.documentLoader(ISSUER)).document).toMatchObject({
      id: ISSUER,
      assertionMethod: [issuer.key.id],
    });
    expect((await issuer.documentLoader(issuer.key.id)).document).toEqual({
      '@context': 'https://w3id.org/security/multikey/v1',
      id: issuer.key.id,
      type: 'Multikey',
      controller: ISSUER,
      publicKeyMultibase: issuer.key.publicKeyMultibase,
    });
    expect(JSON.stringify((await issuer.documentLoader(issuer.key.id)).document)).not.toContain('secretKey');
    expect((await issuer.documentLoader(`${ISSUER}/status/revocation/1`)).document).toMatchObject({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    });
  });

  it('refuses any other URL, and nothing is fetched', async () => {
    const loader = staticDocumentLoader({ issuerKeys: [], statusLists: async () => undefined });
    for (const url of [
      `${base}/context.json`,
      'https://www.w3.org/2018/credentials/v1',
      `${ISSUER}#key-1`,
      'did:web:example.org',
    ])
      await expect(loader(url)).rejects.toThrow(DocumentNotAllowed);
    expect(requests).toBe(0);
  });

  it('makes signing or verifying a credential with an unknown context fail without fetching it', async () => {
    const issuer = await sampleIssuer();
    const credential = issuer.credential();
    const extended = { ...credential, '@context': [...credential['@context'], `${base}/context.json`] };
    const refusal = (await issuer.signer.signDataIntegrity(extended).catch((error: unknown) => error)) as {
      details?: { cause?: unknown };
    };
    expect(refusal.details?.cause).toBeInstanceOf(DocumentNotAllowed);

    const signed = await issuer.signer.signDataIntegrity(credential);
    const result = await verifyCredential(
      { ...signed, '@context': [...credential['@context'], `${base}/context.json`] },
      { knownIssuers: [ISSUER], documentLoader: issuer.documentLoader },
    );
    expect(result.checks.signature).toBe(false);
    expect(result.errors.join()).toMatch(/does not load http:\/\/127\.0\.0\.1/);
    expect(requests).toBe(0);
  });
});
