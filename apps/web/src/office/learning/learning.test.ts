import { describe, expect, it } from 'vitest';
import {
  canCancel,
  contactNames,
  credentialFileName,
  credentialMediaType,
  enrolmentLine,
  formatInZone,
  myAttendance,
  offersFeedback,
  openSessionsFor,
  sessionSummary,
  trainedManager,
  verificationPath,
} from './learning';

const brussels = {
  sessionId: 'session-governance-brussels-2027-03',
  moduleId: 'module-governance',
  timezone: 'Europe/Brussels',
  place: { mode: 'in-person', city: 'Bruxelles', country: 'BE' },
  startsAt: '2027-03-13T09:00:00.000Z',
  endsAt: '2027-03-14T13:00:00.000Z',
  status: 'enrolment-open',
  seatsFree: 24,
  waiting: 0,
};

describe('a trainee’s enrolment as the API lists it', () => {
  it('reads the session, the status and the place on the waiting list', () => {
    const line = enrolmentLine({
      sessionId: brussels.sessionId,
      traineeId: 'person-demo-md-president',
      status: 'waiting',
      waitingPosition: 3,
      requestedAt: '2026-11-25T19:00:00.000Z',
      completed: false,
      session: brussels,
    });
    expect(line).toMatchObject({
      status: 'waiting',
      waitingPosition: 3,
      completed: false,
      session: {
        city: 'Bruxelles',
        country: 'BE',
        online: false,
        seatsFree: 24,
        timezone: 'Europe/Brussels',
      },
    });
  });

  it('reads an unknown status or a missing session as absent, not as something else', () => {
    const line = enrolmentLine({ sessionId: 's', traineeId: 't', status: 'lost', session: null });
    expect(line.status).toBeUndefined();
    expect(line.session).toBeUndefined();
  });

  it('an online session shows its URL only when the API gave it (my confirmed seat)', () => {
    const online = sessionSummary({ ...brussels, place: { mode: 'online', url: 'https://meet.example/x' } });
    expect(online).toMatchObject({ online: true, url: 'https://meet.example/x', city: undefined });
    expect(sessionSummary({ ...brussels, place: { mode: 'online' } }).url).toBeUndefined();
  });
});

describe('what a trainee may do with an enrolment', () => {
  const line = (status: string, session: object = brussels, completed = false) =>
    enrolmentLine({ sessionId: 's', traineeId: 't', status, completed, session });

  it('cancels a confirmed seat or a waiting place of a session not yet held', () => {
    expect(canCancel(line('confirmed'))).toBe(true);
    expect(canCancel(line('waiting'))).toBe(true);
    expect(canCancel(line('cancelled'))).toBe(false);
    expect(canCancel(line('confirmed', { ...brussels, status: 'closed' }, true))).toBe(false);
    expect(canCancel(line('confirmed', { ...brussels, status: 'cancelled' }))).toBe(false);
  });

  it('is offered feedback on a confirmed seat not yet rated (the platform decides when)', () => {
    expect(offersFeedback(line('confirmed'), false)).toBe(true);
    expect(offersFeedback(line('confirmed'), true)).toBe(false);
    expect(offersFeedback(line('confirmed'), undefined)).toBe(false);
    expect(offersFeedback(line('waiting'), false)).toBe(false);
  });
});

describe('my attendance at a session', () => {
  it('gives each sitting its mark, none for a sitting not yet marked', () => {
    const mine = myAttendance({
      sittings: [
        { sittingId: 'day-1', startsAt: '2026-10-13T08:00:00.000Z', endsAt: '2026-10-13T12:00:00.000Z' },
        { sittingId: 'day-2', startsAt: '2026-10-14T08:00:00.000Z', endsAt: '2026-10-14T12:00:00.000Z' },
      ],
      attendance: [
        { sittingId: 'day-1', status: 'late' },
        { sittingId: 'day-2', status: null },
      ],
      feedbackGiven: true,
    });
    expect(mine.sittings.map((s) => [s.sittingId, s.status])).toEqual([
      ['day-1', 'late'],
      ['day-2', undefined],
    ]);
    expect(mine.feedbackGiven).toBe(true);
  });
});

describe('a sitting’s time', () => {
  it('is read where the session is held, in the reader’s locale', () => {
    // 09:00 UTC in March is 10:00 in Brussels; Casablanca (UTC+1 outside Ramadan) would also say 10:00,
    // so a summer date tells them apart: 08:00 UTC in June is 10:00 in Brussels, 09:00 in Casablanca.
    const june = '2027-06-12T08:00:00.000Z';
    expect(formatInZone(june, 'fr-FR', 'Europe/Brussels')).toMatch(/10:00/);
    expect(formatInZone(june, 'fr-FR', 'Africa/Casablanca')).toMatch(/09:00/);
    expect(formatInZone(june, 'ar-MA-u-nu-arab', 'Europe/Brussels')).toMatch(/١٠:٠٠/);
  });

  it('falls back to Casablanca for a zone the browser does not know', () => {
    expect(formatInZone('2027-06-12T08:00:00.000Z', 'fr-FR', 'Mars/Olympus')).toMatch(/09:00/);
  });
});

describe('the sessions an association may enrol a person into', () => {
  const paris = { ...sessionSummary(brussels), sessionId: 'paris' };
  const madrid = { ...sessionSummary(brussels), sessionId: 'madrid' };
  const closed = { ...sessionSummary(brussels), sessionId: 'closed', status: 'enrolment-closed' };
  const enrolled = (sessionId: string, traineeId: string, status: string) =>
    enrolmentLine({ sessionId, traineeId, status });

  it('are the open ones where the person holds no seat or place (a cancelled one may be asked again)', () => {
    const open = openSessionsFor(
      [paris, madrid, closed],
      [
        enrolled('paris', 'p1', 'confirmed'),
        enrolled('madrid', 'p1', 'cancelled'),
        enrolled('madrid', 'p2', 'waiting'),
      ],
      'p1',
    );
    expect(open.map((s) => s.sessionId)).toEqual(['madrid']);
  });
});

describe('names and files', () => {
  it('names the association’s contact persons, not the erased ones', () => {
    const names = contactNames([
      { subjectId: 'person-a', status: 'active', card: { fullName: 'Ahmed Exemple' } },
      { subjectId: 'person-b', status: 'erased', card: { erased: true } },
    ]);
    expect([...names]).toEqual([['person-a', 'Ahmed Exemple']]);
  });

  it('reads a trained manager’s completed modules', () => {
    expect(
      trainedManager({
        traineeId: 'person-a',
        moduleIds: ['module-x'],
        completed: [{ moduleId: 'module-x', sessionId: 'session-x', endedAt: '2026-10-15T12:00:00.000Z' }],
      }),
    ).toEqual({
      traineeId: 'person-a',
      completed: [{ moduleId: 'module-x', sessionId: 'session-x', endedAt: '2026-10-15T12:00:00.000Z' }],
    });
  });

  it('saves the credential as JSON or as a VC-JWT, and links to the public verification page', () => {
    expect(credentialFileName('cert-1', 'ldp')).toBe('cert-1.vc.json');
    expect(credentialFileName('cert-1', 'jwt')).toBe('cert-1.vc.jwt');
    expect(credentialMediaType('jwt')).toBe('application/vc+jwt');
    expect(credentialMediaType('ldp')).toBe('application/json');
    expect(verificationPath('cert 1')).toBe('/verify/cert%201');
  });
});
