import { describe, expect, it } from 'vitest';
import { readTrainingSearch, writeTrainingSearch } from './training-filters';
import {
  certificateVerdict,
  checkInAnswerOf,
  codeOfFragment,
  competencesIn,
  formatDays,
  formatHours,
  formatSpan,
  placeOf,
  presentedVerdict,
  readPendingCheckIn,
  readPresented,
  textIn,
  writePendingCheckIn,
} from './training-format';

const plain = (text: string) =>
  text.replace(/[\s\u202f\u00a0\u2009]+/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');

describe('texts in the reader’s language', () => {
  it('reads a string, a { ar, fr, en } record, language-tagged values and an achievement’s name', () => {
    expect(textIn('GP-101', 'ar')).toBe('GP-101');
    expect(textIn({ fr: 'Gouvernance', ar: 'حكامة' }, 'ar')).toBe('حكامة');
    expect(textIn({ fr: 'Gouvernance' }, 'en')).toBe('Gouvernance');
    expect(
      textIn(
        [
          { '@value': 'Fundraising', '@language': 'en' },
          { '@value': 'البحث عن التمويل', '@language': 'ar' },
        ],
        'ar',
      ),
    ).toBe('البحث عن التمويل');
    expect(textIn({ id: 'x', name: { fr: 'Rapports financiers' } }, 'fr')).toBe('Rapports financiers');
    expect(textIn(null, 'fr')).toBeUndefined();
    expect(textIn(42, 'fr')).toBeUndefined();
  });

  it('lists competences as codes or labels', () => {
    expect(
      competencesIn({ competences: ['PM-PLAN', { fr: 'Budgéter', ar: 'إعداد الميزانية' }] }, 'ar'),
    ).toEqual(['PM-PLAN', 'إعداد الميزانية']);
    expect(competencesIn({}, 'fr')).toEqual([]);
  });
});

describe('times of a session', () => {
  it('writes a sitting in the session’s own time zone, not the reader’s', () => {
    // 09:00Z is 10:00 in Paris in February.
    const text = plain(formatSpan('2027-02-13T09:00:00Z', '2027-02-13T13:00:00Z', 'Europe/Paris', 'fr-MA'));
    expect(text).toContain('13 février 2027');
    expect(text).toContain('10:00');
    expect(text).toContain('14:00');
  });

  it('writes the days in Arabic digits for an Arabic reader, and falls back on an unknown zone', () => {
    expect(
      formatDays('2027-02-13T09:00:00Z', '2027-02-14T13:00:00Z', 'Europe/Paris', 'ar-MA-u-nu-arab'),
    ).toMatch(/[١٣]/);
    expect(() =>
      formatSpan('2027-02-13T09:00:00Z', '2027-02-13T13:00:00Z', 'Nowhere/Else', 'fr'),
    ).not.toThrow();
  });

  it('writes a duration in hours', () => {
    expect(plain(formatHours(1260, 'fr-MA'))).toBe('21 heures');
    expect(plain(formatHours(90, 'en'))).toBe('1.5 hours');
  });

  it('reads a place: city and country, or online', () => {
    expect(placeOf({ place: { mode: 'in-person', city: 'Paris', country: 'FR' } })).toEqual({
      online: false,
      city: 'Paris',
      country: 'FR',
    });
    expect(placeOf({ place: { mode: 'online' } })).toEqual({ online: true });
  });
});

describe('the catalogue’s filters in the address', () => {
  it('keeps well-formed filters and drops the others', () => {
    const search = readTrainingSearch(
      new URLSearchParams('module=module-fundraising&country=fr&language=de&page=2'),
    );
    expect(search).toEqual({ page: 2, module: 'module-fundraising' });
    expect(writeTrainingSearch({ page: 1, country: 'FR', language: 'ar' }).toString()).toBe(
      'country=FR&language=ar',
    );
  });
});

describe('the verdict of a certificate’s public status', () => {
  const now = new Date('2026-12-08T00:00:00Z');
  const active = { status: 'active', validFrom: '2026-10-15T00:00:00Z', validUntil: '2029-10-15T00:00:00Z' };
  it('is valid only when active and within its dates', () => {
    expect(certificateVerdict(active, now)).toEqual({ verdict: 'valid', reasons: [] });
    expect(certificateVerdict({ ...active, validUntil: '2026-12-01T00:00:00Z' }, now)).toEqual({
      verdict: 'invalid',
      reasons: ['expired'],
    });
    expect(certificateVerdict({ ...active, validFrom: '2027-01-01T00:00:00Z' }, now).verdict).toBe('invalid');
  });
  it('says revoked or suspended whatever the dates, and invalid for an unknown certificate or status', () => {
    expect(certificateVerdict({ ...active, status: 'revoked' }, now)).toEqual({
      verdict: 'revoked',
      reasons: ['revoked'],
    });
    expect(certificateVerdict({ ...active, status: 'suspended' }, now).verdict).toBe('suspended');
    expect(certificateVerdict(null, now)).toEqual({ verdict: 'invalid', reasons: ['notFound'] });
    expect(certificateVerdict({ status: 'weird' }, now).verdict).toBe('invalid');
  });
});

describe('the verdict of a presented credential', () => {
  const checks = { signature: true, issuer: true, dates: true, revocation: true, suspension: true };
  it('is valid only when the API says valid and every check passed', () => {
    expect(presentedVerdict({ valid: true, checks })).toEqual({ verdict: 'valid', reasons: [] });
    expect(presentedVerdict({ valid: true, checks: { ...checks, dates: false } }).verdict).toBe('invalid');
    expect(presentedVerdict({ valid: false, checks }).verdict).toBe('invalid');
    expect(presentedVerdict({ valid: false }).reasons).toContain('signature');
  });
  it('says revoked before anything else failing, then suspended', () => {
    expect(
      presentedVerdict({ valid: false, checks: { ...checks, revocation: false, signature: false } }),
    ).toEqual({
      verdict: 'revoked',
      reasons: ['signature', 'revoked'],
    });
    expect(presentedVerdict({ valid: false, checks: { ...checks, suspension: false } }).verdict).toBe(
      'suspended',
    );
  });
  it('reads the pasted text as JSON or as a VC-JWT', () => {
    expect(readPresented('  ')).toEqual({ error: 'empty' });
    expect(readPresented('{"a":')).toEqual({ error: 'json' });
    expect(readPresented('{"proof":{}}')).toEqual({ credential: { proof: {} } });
    expect(readPresented('eyJh.eyJi\n.sig ')).toEqual({ jwt: 'eyJh.eyJi.sig' });
  });
});

describe('the answer of a check-in', () => {
  const problem = (status: number, code?: string) => ({ problem: { type: 'x', title: 'x', status, code } });
  it('is accepted as present or late, as the API says', () => {
    expect(checkInAnswerOf({ accepted: { outcome: 'accepted', status: 'present' } })).toBe('present');
    expect(checkInAnswerOf({ accepted: { outcome: 'accepted', status: 'late' } })).toBe('late');
    expect(checkInAnswerOf({ accepted: {} })).toBe('other');
  });
  it('names each refusal by its code', () => {
    expect(checkInAnswerOf(problem(409, 'CHECK_IN_TOO_EARLY'))).toBe('tooEarly');
    expect(checkInAnswerOf(problem(409, 'CHECK_IN_TOO_LATE'))).toBe('tooLate');
    expect(checkInAnswerOf(problem(409, 'CHECK_IN_WRONG_SITTING'))).toBe('wrongSitting');
    expect(checkInAnswerOf(problem(403, 'CHECK_IN_NOT_ENROLLED'))).toBe('notEnrolled');
    expect(checkInAnswerOf(problem(409, 'CHECK_IN_ALREADY_MARKED'))).toBe('alreadyMarked');
    expect(checkInAnswerOf(problem(400, 'CHECK_IN_CODE_INVALID'))).toBe('invalidCode');
    expect(checkInAnswerOf(problem(0))).toBe('network');
    expect(checkInAnswerOf(problem(401))).toBe('signIn');
    expect(checkInAnswerOf(problem(500))).toBe('other');
  });
  it('keeps the code and its answer in storage, and reads the code from the address’s fragment', () => {
    const storage = window.sessionStorage;
    writePendingCheckIn(storage, { code: 'abc' });
    expect(readPendingCheckIn(storage)).toEqual({ code: 'abc' });
    writePendingCheckIn(storage, { code: 'abc', answer: 'present' });
    expect(readPendingCheckIn(storage)).toEqual({ code: 'abc', answer: 'present' });
    writePendingCheckIn(storage, null);
    expect(readPendingCheckIn(storage)).toBeNull();
    storage.setItem('tadamon.training.checkIn', '{not json');
    expect(readPendingCheckIn(storage)).toBeNull();
    expect(codeOfFragment('#code=v1.abc-_')).toBe('v1.abc-_');
    expect(codeOfFragment('')).toBeUndefined();
  });
});
