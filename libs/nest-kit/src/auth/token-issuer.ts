import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import type { Actor } from './actor';
import type { TokenVerification } from './token-verifier';

export interface IssuerOptions {
  issuer?: string;
  audience?: string;
  /** Token lifetime in seconds (default 8 hours, a working day). */
  ttlSeconds?: number;
}

/** The embedded profile's built-in issuer for its seeded users; the distributed one uses OIDC. */
export class TokenIssuer {
  private constructor(
    private readonly key: KeyLike | Uint8Array,
    private readonly algorithm: 'HS256' | 'EdDSA',
    /** What a TokenVerifier needs to accept this issuer's tokens. */
    readonly verification: TokenVerification,
    private readonly options: IssuerOptions,
    private readonly publicJwk?: JWK,
  ) {}

  static hs256(secret: string, options: IssuerOptions = {}): TokenIssuer {
    if (secret.length < 32) throw new RangeError('an HS256 secret needs at least 32 characters');
    return new TokenIssuer(new TextEncoder().encode(secret), 'HS256', { kind: 'hs256', secret }, options);
  }

  /** A fresh Ed25519 key pair per process: tokens do not survive a restart, which suits a demo. */
  static async eddsa(options: IssuerOptions = {}): Promise<TokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const jwk = { ...(await exportJWK(publicKey)), alg: 'EdDSA', use: 'sig' };
    return new TokenIssuer(
      privateKey,
      'EdDSA',
      { kind: 'public-key', publicKey, algorithm: 'EdDSA' },
      options,
      jwk,
    );
  }

  /** The public key as a JWKS document (EdDSA only), for an `/.well-known/jwks.json` route. */
  jwks(): { keys: JWK[] } {
    return { keys: this.publicJwk ? [this.publicJwk] : [] };
  }

  async issue(actor: Actor): Promise<string> {
    let jwt = new SignJWT({
      roles: actor.roles,
      ...(actor.organisationId ? { org: actor.organisationId } : {}),
      ...(actor.personId ? { pid: actor.personId } : {}),
    })
      .setProtectedHeader({ alg: this.algorithm, typ: 'JWT' })
      .setSubject(actor.id)
      .setIssuedAt()
      .setExpirationTime(`${this.options.ttlSeconds ?? 8 * 3600}s`);
    if (this.options.issuer) jwt = jwt.setIssuer(this.options.issuer);
    if (this.options.audience) jwt = jwt.setAudience(this.options.audience);
    return jwt.sign(this.key);
  }
}
