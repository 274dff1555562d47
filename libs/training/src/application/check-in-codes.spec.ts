import { createHmac } from 'node:crypto';
import {
  CHECK_IN_CLOCK_SKEW_MS,
  CheckInKeys,
  checkInCodes,
  checkInKeyFromSecret,
  checkInKeysFromSecrets,
  CheckInSitting,
  CheckInWindowClosed,
  generateCheckInSecret,
} from './check-in-codes';

const secretA = 'iYJ+S0QgPtOLGtzovZsmMp6TF5hZhe9qJqxJUxS4/1U=';
const secretB = generateCheckInSecret();
const morning: CheckInSitting = {
  sessionId: 'session-agadir-2026-06',
  sittingId: 'sitting-1',
  sittingStartsAt: '2026-06-10T08:00:00.000Z',
  sittingEndsAt: '2026-06-10T12:00:00.000Z',
};
const afternoon: CheckInSitting = {
  ...morning,
  sittingId: 'sitting-2',
  sittingStartsAt: '2026-06-10T13:30:00.000Z',
  sittingEndsAt: '2026-06-10T17:00:00.000Z',
};
const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs).toISOString();
const codes = checkInCodes(checkInKeysFromSecrets(secretA));

describe('check-in codes', () => {
  it('round-trips: the code issued during the sitting verifies with its claims', () => {
    const now = '2026-06-10T08:04:10.000Z';
    const issued = codes.issueCheckInCode(morning, now);
    expect(issued.validFrom).toBe('2026-06-10T08:04:00.000Z');
    expect(issued.validUntil).toBe('2026-06-10T08:05:00.000Z');
    expect(issued.code).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(codes.verifyCheckInCode(issued.code, at(now, 20_000))).toEqual({
      ok: true,
      claims: {
        sessionId: morning.sessionId,
        sittingId: 'sitting-1',
        validFrom: issued.validFrom,
        validUntil: issued.validUntil,
      },
    });
  });

  it('rotates: every step of the window has its own code, the same on every screen', () => {
    const a = codes.issueCheckInCode(morning, '2026-06-10T08:04:10.000Z');
    const sameStep = codes.issueCheckInCode(morning, '2026-06-10T08:04:59.999Z');
    const next = codes.issueCheckInCode(morning, '2026-06-10T08:05:00.000Z');
    expect(sameStep.code).toBe(a.code);
    expect(next.code).not.toBe(a.code);
    expect(next.validFrom).toBe(a.validUntil);
  });

  it('is issued from 30 minutes before the start until the end, the last step cut at the end', () => {
    expect(codes.issueCheckInCode(morning, '2026-06-10T07:30:00.000Z').validFrom).toBe(
      '2026-06-10T07:30:00.000Z',
    );
    const last = codes.issueCheckInCode(
      { ...morning, sittingEndsAt: '2026-06-10T11:59:30.000Z' },
      '2026-06-10T11:59:10.000Z',
    );
    expect([last.validFrom, last.validUntil]).toEqual([
      '2026-06-10T11:59:00.000Z',
      '2026-06-10T11:59:30.000Z',
    ]);
    for (const now of ['2026-06-10T07:29:59.999Z', '2026-06-10T12:00:00.000Z']) {
      expect(() => codes.issueCheckInCode(morning, now)).toThrow(CheckInWindowClosed);
      expect(() => codes.issueCheckInCode(morning, now)).toThrow(
        expect.objectContaining({
          code: 'CHECK_IN_WINDOW_CLOSED',
          opensAt: '2026-06-10T07:30:00.000Z',
          closesAt: morning.sittingEndsAt,
        }),
      );
    }
  });

  it('follows a configured step', () => {
    const slow = checkInCodes(checkInKeysFromSecrets(secretA), { stepSeconds: 30 });
    const issued = slow.issueCheckInCode(morning, '2026-06-10T08:04:40.000Z');
    expect([issued.validFrom, issued.validUntil]).toEqual([
      '2026-06-10T08:04:30.000Z',
      '2026-06-10T08:05:00.000Z',
    ]);
    expect(() => checkInCodes(checkInKeysFromSecrets(secretA), { stepSeconds: 5 })).toThrow(RangeError);
  });

  it('answers EXPIRED once the step and the clock skew tolerance have passed (a forwarded photo)', () => {
    const issued = codes.issueCheckInCode(morning, '2026-06-10T08:04:10.000Z');
    const end = issued.validUntil;
    expect(codes.verifyCheckInCode(issued.code, at(end, CHECK_IN_CLOCK_SKEW_MS - 1)).ok).toBe(true);
    expect(codes.verifyCheckInCode(issued.code, at(end, CHECK_IN_CLOCK_SKEW_MS))).toEqual({
      ok: false,
      reason: 'EXPIRED',
    });
    expect(codes.verifyCheckInCode(issued.code, at(end, 60_000))).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('answers NOT_YET_VALID before the step, beyond the clock skew tolerance', () => {
    const issued = codes.issueCheckInCode(morning, '2026-06-10T08:04:10.000Z');
    expect(codes.verifyCheckInCode(issued.code, at(issued.validFrom, -CHECK_IN_CLOCK_SKEW_MS)).ok).toBe(true);
    expect(codes.verifyCheckInCode(issued.code, at(issued.validFrom, -CHECK_IN_CLOCK_SKEW_MS - 1))).toEqual({
      ok: false,
      reason: 'NOT_YET_VALID',
    });
  });

  it('reports a code of another sitting with its own claims, for the domain to refuse', () => {
    const now = '2026-06-10T13:10:00.000Z';
    const verdict = codes.verifyCheckInCode(codes.issueCheckInCode(afternoon, now).code, now);
    expect(verdict.ok && verdict.claims.sittingId).toBe('sitting-2');
    expect(verdict.ok && verdict.claims.sittingId).not.toBe(morning.sittingId);
  });

  it('answers MALFORMED to what is not a code', () => {
    const issued = codes.issueCheckInCode(morning, '2026-06-10T08:04:10.000Z').code;
    const [keyId, payload, tag] = issued.split('.');
    for (const text of [
      '',
      'hello',
      `${keyId}.${payload}`,
      `${issued}.x`,
      `${keyId}.${payload}.${tag}=`,
      `${keyId}..${tag}`,
      `ke y.${payload}.${tag}`,
      42 as unknown as string,
    ]) {
      expect({ text, verdict: codes.verifyCheckInCode(text, '2026-06-10T08:04:10.000Z') }).toEqual({
        text,
        verdict: { ok: false, reason: 'MALFORMED' },
      });
    }
  });

  it('answers MALFORMED to a genuine signature over a payload that is not the claims', () => {
    const key = checkInKeyFromSecret(secretA);
    const payload = Buffer.from(JSON.stringify({ s: 'session', t: 'sitting' })).toString('base64url');
    const tag = createHmac('sha256', key.secret).update(`${key.id}.${payload}`).digest('base64url');
    expect(codes.verifyCheckInCode(`${key.id}.${payload}.${tag}`, '2026-06-10T08:04:10.000Z')).toEqual({
      ok: false,
      reason: 'MALFORMED',
    });
  });

  it('answers BAD_SIGNATURE to a code signed with another secret under the same key id', () => {
    const now = '2026-06-10T08:04:10.000Z';
    const forged = checkInCodes({
      current: () => ({ id: checkInKeyFromSecret(secretA).id, secret: Buffer.alloc(32, 7) }),
      byId: () => undefined,
    }).issueCheckInCode(morning, now);
    expect(codes.verifyCheckInCode(forged.code, now)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('answers UNKNOWN_KEY to a code signed with a key it does not hold', () => {
    const now = '2026-06-10T08:04:10.000Z';
    const other = checkInCodes(checkInKeysFromSecrets(secretB)).issueCheckInCode(morning, now);
    expect(codes.verifyCheckInCode(other.code, now)).toEqual({ ok: false, reason: 'UNKNOWN_KEY' });
  });

  it('refuses the code once any one character is changed', () => {
    const now = '2026-06-10T08:04:10.000Z';
    const { code } = codes.issueCheckInCode(morning, now);
    const flipped = (c: string) => (c === 'A' ? 'B' : 'A');
    const verdicts = [...code].map((c, i) =>
      codes.verifyCheckInCode(code.slice(0, i) + flipped(c) + code.slice(i + 1), now),
    );
    expect(verdicts.filter((v) => v.ok)).toEqual([]);
    expect(new Set(verdicts.map((v) => !v.ok && v.reason))).toEqual(
      new Set(['UNKNOWN_KEY', 'BAD_SIGNATURE', 'MALFORMED']),
    );
  });

  it('still verifies the codes of the previous key after a rotation, until they expire', () => {
    const now = '2026-06-10T08:04:10.000Z';
    const before = codes.issueCheckInCode(morning, now);
    const rotated = checkInCodes(checkInKeysFromSecrets(secretB, [secretA]));
    const after = rotated.issueCheckInCode(morning, now);
    expect(after.code.split('.')[0]).not.toBe(before.code.split('.')[0]);
    expect(rotated.verifyCheckInCode(before.code, at(now, 30_000)).ok).toBe(true);
    expect(rotated.verifyCheckInCode(after.code, at(now, 30_000)).ok).toBe(true);
    expect(rotated.verifyCheckInCode(before.code, at(before.validUntil, CHECK_IN_CLOCK_SKEW_MS))).toEqual({
      ok: false,
      reason: 'EXPIRED',
    });
    // Once the previous secret is dropped from the configuration, its codes are unknown.
    const dropped = checkInCodes(checkInKeysFromSecrets(secretB));
    expect(dropped.verifyCheckInCode(before.code, at(now, 30_000))).toEqual({
      ok: false,
      reason: 'UNKNOWN_KEY',
    });
  });

  describe('keys', () => {
    it('takes a secret of 32 bytes in base64, and derives a stable id from it', () => {
      const key = checkInKeyFromSecret(secretA);
      expect(key.secret).toHaveLength(32);
      expect(key.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
      expect(checkInKeyFromSecret(` ${secretA}\n`).id).toBe(key.id);
      expect(checkInKeyFromSecret(secretB).id).not.toBe(key.id);
    });
    it('refuses a secret of another length or not in base64', () => {
      for (const bad of [
        '',
        'c2VjcmV0',
        Buffer.alloc(31).toString('base64'),
        Buffer.alloc(33).toString('base64'),
      ])
        expect(() => checkInKeyFromSecret(bad)).toThrow(RangeError);
      expect(() => checkInKeyFromSecret(secretA.replace('+', '-'))).toThrow(RangeError);
    });
    it('generates a fresh 32-byte secret for the embedded profile', () => {
      const secrets = new Set(Array.from({ length: 20 }, generateCheckInSecret));
      expect(secrets.size).toBe(20);
      for (const s of secrets) expect(checkInKeyFromSecret(s).secret).toHaveLength(32);
    });
    it('signs with the current key and finds the previous ones by id', () => {
      const keys: CheckInKeys = checkInKeysFromSecrets(secretB, [secretA]);
      expect(keys.current().id).toBe(checkInKeyFromSecret(secretB).id);
      expect(
        keys.byId(checkInKeyFromSecret(secretA).id)?.secret.equals(checkInKeyFromSecret(secretA).secret),
      ).toBe(true);
      expect(keys.byId('nope')).toBeUndefined();
    });
  });
});
