import { decodeJwt, SignJWT } from 'jose';
import { TokenIssuer } from './token-issuer';
import { InvalidToken, MAX_PERSON_ID_LENGTH, TokenVerifier } from './token-verifier';

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

  it('carries the person a trainee account belongs to, in the short pid claim, only when set', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32));
    const verifier = new TokenVerifier({ verification: issuer.verification });
    const trainee = {
      id: 'user-trainee',
      roles: ['trainee' as const],
      organisationId: 'org-1',
      personId: 'person-1',
    };
    const token = await issuer.issue(trainee);
    expect(decodeJwt(token)).toMatchObject({ pid: 'person-1', org: 'org-1', roles: ['trainee'] });
    await expect(verifier.actorOf(token)).resolves.toEqual(trainee);
    // An actor without a person: no claim at all, and none read back.
    const plain = await issuer.issue(actor);
    expect(decodeJwt(plain)).not.toHaveProperty('pid');
    await expect(verifier.actorOf(plain)).resolves.not.toHaveProperty('personId');
  });

  it('reads the person from the claim it is told to, for another issuer', async () => {
    const secret = 's'.repeat(32);
    const verifier = new TokenVerifier({ verification: { kind: 'hs256', secret }, personClaim: 'person' });
    const token = await new SignJWT({ roles: ['trainer', 'trainee'], person: 'person-2' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('u')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(verifier.actorOf(token)).resolves.toEqual({
      id: 'u',
      roles: ['trainer', 'trainee'],
      personId: 'person-2',
    });
  });

  it.each([
    ['empty', ''],
    ['a number', 42],
    ['a list', ['person-1']],
    ['null', null],
    ['too long', 'p'.repeat(MAX_PERSON_ID_LENGTH + 1)],
  ])('refuses a well-signed token whose person claim is %s', async (_case, pid) => {
    const secret = 's'.repeat(32);
    const verifier = new TokenVerifier({ verification: { kind: 'hs256', secret } });
    const token = await new SignJWT({ roles: ['trainee'], pid })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('user-trainee')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(verifier.actorOf(token)).rejects.toThrow(/malformed person claim/);
  });

  it('accepts a person id of the longest length allowed', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32));
    const verifier = new TokenVerifier({ verification: issuer.verification });
    const personId = 'p'.repeat(MAX_PERSON_ID_LENGTH);
    const token = await issuer.issue({ id: 'u', roles: ['trainee'], personId });
    await expect(verifier.actorOf(token)).resolves.toEqual({ id: 'u', roles: ['trainee'], personId });
  });

  it('drops roles that are not ours', async () => {
    const issuer = TokenIssuer.hs256('s'.repeat(32));
    const verifier = new TokenVerifier({ verification: issuer.verification });
    const token = await issuer.issue({ id: 'u', roles: ['officer', 'root' as never] });
    await expect(verifier.actorOf(token)).resolves.toEqual({ id: 'u', roles: ['officer'] });
  });
});
