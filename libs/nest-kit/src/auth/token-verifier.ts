import { createRemoteJWKSet, JWTPayload, jwtVerify, KeyLike } from 'jose';
import { Actor, isRole } from './actor';
import type { DeniedAs } from './access';

/** How bearer tokens are checked: a shared secret, a public key, or an OIDC provider's JWKS. */
export type TokenVerification =
  | { kind: 'hs256'; secret: string }
  | { kind: 'public-key'; publicKey: KeyLike; algorithm: 'EdDSA' | 'RS256' | 'ES256' }
  | { kind: 'jwks'; jwksUrl: URL; algorithms?: string[] };

export interface AuthOptions {
  verification: TokenVerification;
  issuer?: string;
  audience?: string;
  /** Claim holding the roles (default `roles`); unknown roles are dropped. */
  rolesClaim?: string;
  /** Claim holding the organisation the actor acts for (default `org`). */
  organisationClaim?: string;
  /** Claim holding the Registry contact person the account belongs to (default `pid`). */
  personClaim?: string;
  /** What a failed @Authorize policy answers (default 404: existence is not revealed). */
  deniedAs?: DeniedAs;
}

export class InvalidToken extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidToken';
  }
}

/** Verified tokens kept, and for how long at most (a key withdrawn from a JWKS stops working within it). */
const CACHE_SIZE = 10_000;
const CACHE_TTL_MS = 60_000;
/** The longest person id accepted from a token (the Registry's subject ids are far shorter). */
export const MAX_PERSON_ID_LENGTH = 200;

export class TokenVerifier {
  private readonly verify: (token: string, currentDate: Date) => Promise<JWTPayload>;
  /**
   * Each request of a client carries the same token: its signature is checked once, then the
   * actor is taken from here until the token expires (or CACHE_TTL_MS passes).
   */
  private readonly verified = new Map<string, { actor: Actor; until: number }>();

  constructor(private readonly options: AuthOptions) {
    // A token that never expires would stay valid after its user left or its role changed.
    const claims = { issuer: options.issuer, audience: options.audience, requiredClaims: ['exp'] };
    const verification = options.verification;
    switch (verification.kind) {
      case 'hs256': {
        const secret = new TextEncoder().encode(verification.secret);
        this.verify = async (token, currentDate) =>
          (await jwtVerify(token, secret, { ...claims, currentDate, algorithms: ['HS256'] })).payload;
        break;
      }
      case 'public-key':
        this.verify = async (token, currentDate) =>
          (
            await jwtVerify(token, verification.publicKey, {
              ...claims,
              currentDate,
              algorithms: [verification.algorithm],
            })
          ).payload;
        break;
      case 'jwks': {
        // jose caches the key set and refetches it when a token names an unknown key id.
        const keys = createRemoteJWKSet(verification.jwksUrl);
        const algorithms = verification.algorithms ?? ['RS256', 'EdDSA', 'ES256'];
        this.verify = async (token, currentDate) =>
          (await jwtVerify(token, keys, { ...claims, currentDate, algorithms })).payload;
        break;
      }
    }
  }

  async actorOf(token: string, now = Date.now()): Promise<Actor> {
    const cached = this.verified.get(token);
    if (cached && cached.until > now) return { ...cached.actor, roles: [...cached.actor.roles] };
    if (cached) this.verified.delete(token);
    const { actor, expiresAt } = await this.verifyToken(token, now);
    // A token not valid before later is not cached.
    if (expiresAt !== undefined) {
      if (this.verified.size >= CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, { actor, until: Math.min(expiresAt, now + CACHE_TTL_MS) });
    }
    return { ...actor, roles: [...actor.roles] };
  }

  private async verifyToken(token: string, now: number): Promise<{ actor: Actor; expiresAt?: number }> {
    let payload: JWTPayload;
    try {
      payload = await this.verify(token, new Date(now));
    } catch (error) {
      throw new InvalidToken((error as Error).message);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidToken('no subject');
    const roles = payload[this.options.rolesClaim ?? 'roles'];
    const organisation = payload[this.options.organisationClaim ?? 'org'];
    const person = payload[this.options.personClaim ?? 'pid'];
    // Unlike an unknown role, a malformed person is not dropped: the token would then act for nobody
    // in particular, where its issuer meant one person.
    if (
      person !== undefined &&
      (typeof person !== 'string' || person === '' || person.length > MAX_PERSON_ID_LENGTH)
    )
      throw new InvalidToken('malformed person claim');
    const actor: Actor = {
      id: payload.sub,
      roles: Array.isArray(roles) ? [...new Set(roles.filter(isRole))] : [],
      ...(typeof organisation === 'string' && organisation !== '' ? { organisationId: organisation } : {}),
      ...(person !== undefined ? { personId: person } : {}),
    };
    const notBefore = typeof payload.nbf === 'number' ? payload.nbf * 1000 : undefined;
    const expiresAt =
      typeof payload.exp === 'number' && (notBefore === undefined || notBefore <= now)
        ? payload.exp * 1000
        : undefined;
    return { actor, expiresAt };
  }
}
