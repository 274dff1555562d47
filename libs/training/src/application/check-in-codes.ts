import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { TrainingError } from '../domain/errors';

// Self check-in by QR: the trainer's screen shows a code that changes every step (60 s by default)
// during the sitting's check-in window; a trainee's phone sends it back with their own session.
// A photo of the QR forwarded to an absent friend stops working at the end of its step (60 s at
// most, plus the 5 s clock skew tolerance). The code proves "I saw this sitting's screen now", not who the trainee is: the trainee
// is the authenticated user, and the domain checks they are enrolled in the sitting.

/** How far a client's or server's clock may drift without refusing a genuine code (both ends). */
export const CHECK_IN_CLOCK_SKEW_MS = 5_000;
export const DEFAULT_CHECK_IN_STEP_SECONDS = 60;
/** The window opens this long before the sitting starts and closes when it ends. */
export const CHECK_IN_OPENS_BEFORE_MS = 30 * 60_000;

const SECRET_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;
/** 32 bytes: 43 characters and one `=` of padding. */
const SECRET_BASE64 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

export type CheckInKey = { readonly id: string; readonly secret: Buffer };

/** The key codes are signed with now, and every key a code still in its step may carry. */
export interface CheckInKeys {
  current(): CheckInKey;
  byId(id: string): CheckInKey | undefined;
}

export type CheckInSitting = {
  readonly sessionId: string;
  readonly sittingId: string;
  /** ISO instants. */
  readonly sittingStartsAt: string;
  readonly sittingEndsAt: string;
};

export type CheckInClaims = {
  readonly sessionId: string;
  readonly sittingId: string;
  readonly validFrom: string;
  readonly validUntil: string;
};

export type IssuedCheckInCode = {
  readonly code: string;
  readonly validFrom: string;
  readonly validUntil: string;
};

export type CheckInCodeRefusal = 'MALFORMED' | 'BAD_SIGNATURE' | 'UNKNOWN_KEY' | 'EXPIRED' | 'NOT_YET_VALID';

/**
 * ok: the code is genuine and current; the claims say for which sitting, and the domain refuses a
 * check-in into another one (CHECK_IN_WRONG_SITTING).
 */
export type CheckInCodeVerdict =
  | { readonly ok: true; readonly claims: CheckInClaims }
  | { readonly ok: false; readonly reason: CheckInCodeRefusal };

/** A code is only issued inside the sitting's check-in window. */
export class CheckInWindowClosed extends TrainingError {
  readonly code = 'CHECK_IN_WINDOW_CLOSED';
  constructor(
    readonly opensAt: string,
    readonly closesAt: string,
    readonly now: string,
  ) {
    super(`the check-in window runs from ${opensAt} to ${closesAt}; at ${now} no code is issued`);
  }
  override extensions() {
    return { opensAt: this.opensAt, closesAt: this.closesAt };
  }
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/**
 * A secret of 32 bytes in base64 (as `openssl rand -base64 32` prints it). Its id is derived from
 * it, so that rotating is replacing the secret and listing the old one as previous.
 */
export const checkInKeyFromSecret = (secretBase64: string): CheckInKey => {
  const text = secretBase64.trim();
  if (!SECRET_BASE64.test(text))
    throw new RangeError('a check-in secret must be 32 bytes in base64 (openssl rand -base64 32)');
  const secret = Buffer.from(text, 'base64');
  const id = base64url(createHash('sha256').update('tadamon-check-in-key').update(secret).digest()).slice(
    0,
    8,
  );
  return { id, secret };
};

/** Signs with `current`; still verifies the codes of the `previous` keys until they expire. */
export const checkInKeysFromSecrets = (current: string, previous: readonly string[] = []): CheckInKeys => {
  const signing = checkInKeyFromSecret(current);
  const all = new Map([signing, ...previous.map(checkInKeyFromSecret)].map((k) => [k.id, k]));
  return { current: () => signing, byId: (id) => all.get(id) };
};

/** For the embedded profile: a fresh secret, which the platform keeps in its data directory. */
export const generateCheckInSecret = (): string => randomBytes(SECRET_BYTES).toString('base64');

const instant = (value: string, name: string): number => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be an ISO 8601 instant, got ${value}`);
  return ms;
};

type Payload = { s: string; t: string; f: number; u: number };

const tagOf = (key: CheckInKey, signed: string): Buffer =>
  createHmac('sha256', key.secret).update(signed).digest();

/** `keyId.payload.tag`: the payload is base64url JSON, the tag HMAC-SHA256 of `keyId.payload`. */
const encode = (key: CheckInKey, payload: Payload): string => {
  const signed = `${key.id}.${base64url(Buffer.from(JSON.stringify(payload)))}`;
  return `${signed}.${base64url(tagOf(key, signed))}`;
};

const readPayload = (encoded: string): Payload | null => {
  try {
    const p = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Payload>;
    const ok =
      typeof p.s === 'string' &&
      typeof p.t === 'string' &&
      Number.isSafeInteger(p.f) &&
      Number.isSafeInteger(p.u) &&
      (p.f as number) < (p.u as number);
    return ok ? (p as Payload) : null;
  } catch {
    return null;
  }
};

export type CheckInCodes = {
  /** The code of the step `now` falls in; the screen shows a new one at `validUntil`. */
  issueCheckInCode(sitting: CheckInSitting, now: string): IssuedCheckInCode;
  verifyCheckInCode(code: string, now: string): CheckInCodeVerdict;
};

export const checkInCodes = (
  keys: CheckInKeys,
  { stepSeconds = DEFAULT_CHECK_IN_STEP_SECONDS }: { stepSeconds?: number } = {},
): CheckInCodes => {
  if (!Number.isSafeInteger(stepSeconds) || stepSeconds < 10 || stepSeconds > 600)
    throw new RangeError('stepSeconds must be a whole number from 10 to 600');
  const step = stepSeconds * 1000;
  return {
    issueCheckInCode({ sessionId, sittingId, sittingStartsAt, sittingEndsAt }, now) {
      const at = instant(now, 'now');
      const starts = instant(sittingStartsAt, 'sittingStartsAt');
      const closes = instant(sittingEndsAt, 'sittingEndsAt');
      const opens = starts - CHECK_IN_OPENS_BEFORE_MS;
      if (at < opens || at >= closes)
        throw new CheckInWindowClosed(new Date(opens).toISOString(), new Date(closes).toISOString(), now);
      // Steps count from the window's opening, so every screen of a sitting shows the same code.
      const from = opens + Math.floor((at - opens) / step) * step;
      const until = Math.min(from + step, closes);
      const key = keys.current();
      if (!KEY_ID.test(key.id)) throw new RangeError(`check-in key id ${key.id} is not base64url`);
      const code = encode(key, { s: sessionId, t: sittingId, f: from, u: until });
      return { code, validFrom: new Date(from).toISOString(), validUntil: new Date(until).toISOString() };
    },

    verifyCheckInCode(code, now) {
      const at = instant(now, 'now');
      const parts = typeof code === 'string' ? code.split('.') : [];
      if (parts.length !== 3 || !KEY_ID.test(parts[0]) || !parts.slice(1).every((p) => B64URL.test(p)))
        return { ok: false, reason: 'MALFORMED' };
      const [keyId, payload, tag] = parts;
      const key = keys.byId(keyId);
      if (!key) return { ok: false, reason: 'UNKNOWN_KEY' };
      const given = Buffer.from(tag, 'base64url');
      const expected = tagOf(key, `${keyId}.${payload}`);
      // Re-encoding must give the same text: two spellings of one tag are not both accepted.
      if (given.length !== expected.length || base64url(given) !== tag || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'BAD_SIGNATURE' };
      const claims = readPayload(payload);
      if (!claims) return { ok: false, reason: 'MALFORMED' };
      if (at < claims.f - CHECK_IN_CLOCK_SKEW_MS) return { ok: false, reason: 'NOT_YET_VALID' };
      if (at >= claims.u + CHECK_IN_CLOCK_SKEW_MS) return { ok: false, reason: 'EXPIRED' };
      return {
        ok: true,
        claims: {
          sessionId: claims.s,
          sittingId: claims.t,
          validFrom: new Date(claims.f).toISOString(),
          validUntil: new Date(claims.u).toISOString(),
        },
      };
    },
  };
};
