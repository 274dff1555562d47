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
  /** What a failed @Authorize policy answers (default 404: existence is not revealed). */
  deniedAs?: DeniedAs;
}

export class InvalidToken extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidToken';
  }
}

export class TokenVerifier {
  private readonly verify: (token: string) => Promise<JWTPayload>;

  constructor(private readonly options: AuthOptions) {
    const claims = { issuer: options.issuer, audience: options.audience };
    const verification = options.verification;
    switch (verification.kind) {
      case 'hs256': {
        const secret = new TextEncoder().encode(verification.secret);
        this.verify = async (token) =>
          (await jwtVerify(token, secret, { ...claims, algorithms: ['HS256'] })).payload;
        break;
      }
      case 'public-key':
        this.verify = async (token) =>
          (
            await jwtVerify(token, verification.publicKey, {
              ...claims,
              algorithms: [verification.algorithm],
            })
          ).payload;
        break;
      case 'jwks': {
        // jose caches the key set and refetches it when a token names an unknown key id.
        const keys = createRemoteJWKSet(verification.jwksUrl);
        const algorithms = verification.algorithms ?? ['RS256', 'EdDSA', 'ES256'];
        this.verify = async (token) => (await jwtVerify(token, keys, { ...claims, algorithms })).payload;
        break;
      }
    }
  }

  async actorOf(token: string): Promise<Actor> {
    let payload: JWTPayload;
    try {
      payload = await this.verify(token);
    } catch (error) {
      throw new InvalidToken((error as Error).message);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidToken('no subject');
    const roles = payload[this.options.rolesClaim ?? 'roles'];
    const organisation = payload[this.options.organisationClaim ?? 'org'];
    return {
      id: payload.sub,
      roles: Array.isArray(roles) ? [...new Set(roles.filter(isRole))] : [],
      ...(typeof organisation === 'string' && organisation !== '' ? { organisationId: organisation } : {}),
    };
  }
}
