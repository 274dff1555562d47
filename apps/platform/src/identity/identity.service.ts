import { randomBytes } from 'node:crypto';
import { Actor, hashPassword, TokenIssuer, verifyPassword } from '@tadamon/nest-kit';
import { DEMO_USERS } from './demo-users';
import { SqliteUserStore } from './user-store';

/** The issuer named in (and required of) every token of the embedded profile. */
export const PLATFORM_TOKEN_ISSUER = 'tadamon-platform';
/** Token lifetime: a working day. */
export const TOKEN_TTL_SECONDS = 8 * 3600;

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  actor: { id: string; roles: Actor['roles']; organisationId: string | null; personId: string | null };
}

/** Checks passwords against the users store and issues HS256 tokens the kit's AuthGuard accepts. */
export class IdentityService {
  private readonly issuer: TokenIssuer;
  /** Verified against when the username is unknown, so both failures cost one scrypt. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly users: SqliteUserStore,
    jwtSecret: string,
  ) {
    this.issuer = TokenIssuer.hs256(jwtSecret, {
      issuer: PLATFORM_TOKEN_ISSUER,
      ttlSeconds: TOKEN_TTL_SECONDS,
    });
  }

  /** Seeds the demo users while the store is empty (the first start); true if it did. */
  async seedDemoUsers(password: string): Promise<boolean> {
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    if (this.users.count() > 0) return false;
    const users = await Promise.all(
      DEMO_USERS.map(async (user) => ({ ...user, passwordHash: await hashPassword(password) })),
    );
    return this.users.seedIfEmpty(users);
  }

  /** The token for a username and password, or undefined for either a wrong username or password. */
  async issueToken(username: string, password: string): Promise<IssuedToken | undefined> {
    const user = this.users.findByUsername(username);
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    const hash = user?.passwordHash ?? (await this.dummyHash);
    const valid = await verifyPassword(password, hash);
    if (!user || !valid || user.roles.length === 0) return undefined;
    const actor: Actor = {
      id: user.id,
      roles: user.roles,
      ...(user.organisationId ? { organisationId: user.organisationId } : {}),
      ...(user.personId ? { personId: user.personId } : {}),
    };
    return {
      access_token: await this.issuer.issue(actor),
      token_type: 'Bearer',
      expires_in: TOKEN_TTL_SECONDS,
      actor: {
        id: actor.id,
        roles: actor.roles,
        organisationId: user.organisationId,
        personId: user.personId,
      },
    };
  }
}
