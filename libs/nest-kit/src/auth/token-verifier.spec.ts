import { SignJWT } from 'jose';
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

  it('checks a token once, then answers from its cache until the token expires', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32), { ttlSeconds: 30 });
    const verifier = new TokenVerifier({ verification: issuer.verification });
    const token = await issuer.issue(actor);
    const now = Date.now();
    const first = await verifier.actorOf(token, now);
    first.roles.push('admin');
    // A caller changing its copy changes nothing for the next request.
    await expect(verifier.actorOf(token, now + 1000)).resolves.toEqual(actor);
    // Past the token's expiry the cached actor is dropped and the token checked again: refused.
    await expect(verifier.actorOf(token, now + 31_000)).rejects.toThrow(InvalidToken);
  });

  it('never caches a refused token', async () => {
    const verifier = new TokenVerifier({ verification: { kind: 'hs256', secret: 't'.repeat(32) } });
    const token = await TokenIssuer.hs256('s'.repeat(32)).issue(actor);
    await expect(verifier.actorOf(token)).rejects.toThrow(InvalidToken);
    await expect(verifier.actorOf(token)).rejects.toThrow(InvalidToken);
  });

  it('rejects an expired token', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32), { ttlSeconds: -10 });
    const verifier = new TokenVerifier({ verification: issuer.verification });
    await expect(verifier.actorOf(await issuer.issue(actor))).rejects.toThrow(InvalidToken);
  });

  it('rejects a well-signed token that has no expiry, every time it is presented', async () => {
    const secret = 's'.repeat(32);
    const verifier = new TokenVerifier({ verification: { kind: 'hs256', secret } });
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('user-admin')
      .setIssuedAt()
      .sign(new TextEncoder().encode(secret));
    await expect(verifier.actorOf(token)).rejects.toThrow(InvalidToken);
    await expect(verifier.actorOf(token)).rejects.toThrow(/exp/);
  });

  it('drops roles that are not ours', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32));
    const verifier = new TokenVerifier({ verification: issuer.verification });
    const token = await issuer.issue({ id: 'u', roles: ['officer', 'root' as never] });
    await expect(verifier.actorOf(token)).resolves.toEqual({ id: 'u', roles: ['officer'] });
  });
});
