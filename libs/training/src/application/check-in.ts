import { CheckInClaims, CheckInCodes } from './check-in-codes';
import { CheckInCodeInvalid } from './check-in-code-errors';

/** The check-in codes the API issues and verifies (keys and step from the module's options). */
export const TRAINING_CHECK_IN_CODES = Symbol('TRAINING_CHECK_IN_CODES');

/**
 * The claims of a genuine code, even out of its step: an expired or not yet valid code goes to the
 * session, which answers CHECK_IN_TOO_LATE or CHECK_IN_TOO_EARLY with the sitting's window (the
 * trainee is told when to come back). A code that is not ours is CheckInCodeInvalid (400).
 */
export const claimsOfCheckInCode = (codes: CheckInCodes, code: string, now: string): CheckInClaims => {
  const verdict = codes.verifyCheckInCode(code, now);
  if (verdict.ok) return verdict.claims;
  if (verdict.reason !== 'EXPIRED' && verdict.reason !== 'NOT_YET_VALID')
    throw new CheckInCodeInvalid(verdict.reason);
  // Only reached once the tag matched: the payload is ours, its times are what the step said.
  const payload = JSON.parse(Buffer.from(code.split('.')[1], 'base64url').toString('utf8')) as {
    s: string;
    t: string;
    f: number;
    u: number;
  };
  return {
    sessionId: payload.s,
    sittingId: payload.t,
    validFrom: new Date(payload.f).toISOString(),
    validUntil: new Date(payload.u).toISOString(),
  };
};
