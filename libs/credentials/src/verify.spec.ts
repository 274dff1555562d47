import { sampleIssuer, ISSUER } from './testing/sample-issuer';
import { verifyCredential } from './verify';

describe('verifyCredential', () => {
  it('accepts a Data Integrity credential it issued', async () => {
    const issuer = await sampleIssuer();
    const signed = await issuer.signer.signDataIntegrity(issuer.credential());
    const result = await verifyCredential(signed, {
      knownIssuers: [ISSUER],
      documentLoader: issuer.documentLoader,
    });
    expect(result).toMatchObject({ valid: true, errors: [] });
  });
  it('accepts a JWT', async () => {
    const issuer = await sampleIssuer();
    const jwt = await issuer.signer.signJwt(issuer.credential());
    const result = await verifyCredential(jwt, {
      knownIssuers: [ISSUER],
      documentLoader: issuer.documentLoader,
    });
    expect(result).toMatchObject({ valid: true, errors: [] });
  });
});
