import { TokenIssuer } from './token-issuer';
import { InvalidToken, TokenVerifier } from './token-verifier';

describe('bearer tokens', () => {
  const actor = { id: 'user-1', roles: ['association' as const], organisationId: 'org-1' };

  it('verifies what the HS256 issuer signs, into the same actor', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32), { issuer: 'tadamon', audience: 'api' });
    const verifier = new TokenVerifier({
      verification: issuer.verification,
      issuer: 'tadamon',
      audience: 'api',
    });
    await expect(verifier.actorOf(await issuer.issue(actor))).resolves.toEqual(actor);
  });

  it('verifies what the EdDSA issuer signs, and publishes its public key', async () => {
    const issuer = await TokenIssuer.eddsa();
    const verifier = new TokenVerifier({ verification: issuer.verification });
    await expect(verifier.actorOf(await issuer.issue(actor))).resolves.toEqual(actor);
    expect(issuer.jwks().keys).toEqual([
      expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' }),
    ]);
  });

  it('rejects a token of another issuer, audience or key', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32), { issuer: 'elsewhere' });
    const verifier = new TokenVerifier({ verification: issuer.verification, issuer: 'tadamon' });
    await expect(verifier.actorOf(await issuer.issue(actor))).rejects.toThrow(InvalidToken);
    const other = new TokenVerifier({ verification: { kind: 'hs256', secret: 't'.repeat(32) } });
    await expect(other.actorOf(await TokenIssuer.hs256('s'.repeat(32)).issue(actor))).rejects.toThrow(
      InvalidToken,
    );
  });

  it('rejects an expired token', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32), { ttlSeconds: -10 });
    const verifier = new TokenVerifier({ verification: issuer.verification });
    await expect(verifier.actorOf(await issuer.issue(actor))).rejects.toThrow(InvalidToken);
  });

  it('drops roles that are not ours', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32));
    const verifier = new TokenVerifier({ verification: issuer.verification });
    const token = await issuer.issue({ id: 'u', roles: ['officer', 'root' as never] });
    await expect(verifier.actorOf(token)).resolves.toEqual({ id: 'u', roles: ['officer'] });
  });
});
