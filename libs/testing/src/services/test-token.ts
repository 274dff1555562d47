import { SignJWT } from 'jose';

/** An HS256 token as the issuer sharing the service's secret signs it, valid 10 minutes. */
export const signTestToken = (
  secret: string,
  roles: string[],
  claims: Record<string, unknown> = {},
  subject = `e2e-${roles.join('-')}`,
): Promise<string> =>
  new SignJWT({ roles, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
