import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { PlatformClient, problemType } from '../registry/testing/platform-client';
import {
  AttendanceScenario,
  CHECK_IN,
  OTHER_TRAINEE,
  ScenarioSession,
  sittingPath,
  TRAINEE,
  TRAINEE2,
} from './testing/attendance-scenario';

jest.setTimeout(60_000);

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

describe('Training API: attendance marks and self check-in', () => {
  let client: PlatformClient;
  let scenario: AttendanceScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('training-attendance-check-in', { demoData: 'registry' });
    scenario = new AttendanceScenario(client);
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  const codeOf = async (
    session: ScenarioSession,
    sittingId: string,
    who: 'trainer' | 'officer' = 'trainer',
  ) => {
    const reply = await client.get(who, `${sittingPath(session.sessionId, sittingId)}/check-in-code`);
    expect(reply.status).toBe(200);
    return reply.body as { code: string; validFrom: string; validUntil: string; checkInUrl: string };
  };

  it('gives the trainer the sitting’s code now, with its step and URL, and none outside the window', async () => {
    const session = await scenario.session('running');
    const issued = await codeOf(session, 'now');
    expect(issued.checkInUrl).toBe(`/training/check-in#code=${issued.code}`);
    expect(Date.parse(issued.validUntil) - Date.parse(issued.validFrom)).toBeLessThanOrEqual(MINUTE);
    expect(Date.parse(issued.validFrom)).toBeLessThanOrEqual(Date.now());
    expect((await codeOf(session, 'next', 'officer')).code).not.toBe(issued.code);
    const closed = await client.get('trainer', `${sittingPath(session.sessionId, 'past')}/check-in-code`);
    expect([closed.status, closed.body.code]).toEqual([409, 'CHECK_IN_WINDOW_CLOSED']);
    expect(closed.body.closesAt).toBe(session.sittings.past.endsAt);
    const unknown = await client.get('trainer', `${sittingPath(session.sessionId, 'nope')}/check-in-code`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'UNKNOWN_SITTING']);
    const noSession = await client.get('trainer', `${sittingPath('session-none', 'now')}/check-in-code`);
    expect(noSession.status).toBe(404);
  });

  it('refuses the code to a trainer of another session, and to trainees and associations', async () => {
    const session = await scenario.session('running', [TRAINEE], { trainers: ['user-other-trainer'] });
    const path = `${sittingPath(session.sessionId, 'now')}/check-in-code`;
    const notHis = await client.get('trainer', path);
    expect([notHis.status, notHis.body.code]).toEqual([403, 'NOT_A_TRAINER']);
    for (const who of ['trainee', 'association', 'auditor'] as const)
      expect((await client.get(who, path)).status).toBe(403);
    expect((await client.get('anonymous', path)).status).toBe(401);
  });

  it('checks a trainee in: late after 10 minutes, present before; then already marked', async () => {
    const session = await scenario.session('running');
    const late = await client.post('trainee', CHECK_IN, { code: (await codeOf(session, 'now')).code });
    expect([late.status, late.body]).toEqual([
      200,
      { outcome: 'accepted', status: 'late', sessionId: session.sessionId, sittingId: 'now' },
    ]);
    const present = await client.post('trainee', CHECK_IN, { code: (await codeOf(session, 'next')).code });
    expect([present.status, present.body.status]).toEqual([200, 'present']);
    const before = await scenario.revision(session.sessionId);
    const again = await client.post('trainee', CHECK_IN, { code: (await codeOf(session, 'now')).code });
    expect([again.status, again.body.code, again.body.sittingId]).toEqual([
      409,
      'CHECK_IN_ALREADY_MARKED',
      'now',
    ]);
    expect(await scenario.revision(session.sessionId)).toBe(before);
  });

  it('answers not enrolled to a trainee without a seat, and refuses the code of another session', async () => {
    const session = await scenario.session('running');
    const code = (await codeOf(session, 'now')).code;
    const stranger = await client.post('trainee2', CHECK_IN, { code });
    expect([stranger.status, stranger.body.code, stranger.body.type]).toEqual([
      403,
      'CHECK_IN_NOT_ENROLLED',
      problemType('forbidden'),
    ]);
    // The trainee's screen checks into its own session; the code shown belongs to another one.
    const mine = await scenario.session('running');
    const before = await scenario.revision(mine.sessionId);
    const wrong = await client.post('trainee', CHECK_IN, {
      code,
      sessionId: mine.sessionId,
      sittingId: 'now',
    });
    expect([wrong.status, wrong.body.code]).toEqual([409, 'CHECK_IN_WRONG_SITTING']);
    const otherSitting = await client.post('trainee', CHECK_IN, {
      code: (await codeOf(mine, 'next')).code,
      sessionId: mine.sessionId,
      sittingId: 'now',
    });
    expect([otherSitting.status, otherSitting.body.code]).toEqual([409, 'CHECK_IN_WRONG_SITTING']);
    expect(await scenario.revision(mine.sessionId)).toBe(before);
  });

  it('refuses a code with one character changed, a forged or malformed one, with 400 and nothing appended', async () => {
    const session = await scenario.session('running');
    const { code } = await codeOf(session, 'now');
    const before = await scenario.revision(session.sessionId);
    const swap = (c: string) => (c === 'A' ? 'B' : 'A');
    const [keyId, payload, tag] = code.split('.');
    const altered = [
      `${keyId}.${payload}.${swap(tag[0])}${tag.slice(1)}`,
      `${keyId}.${payload.slice(0, 5)}${swap(payload[5])}${payload.slice(6)}.${tag}`,
      `${keyId.slice(0, -1)}${swap(keyId[keyId.length - 1])}.${payload}.${tag}`,
      `${keyId}.${payload}.${tag.slice(0, -2)}${swap(tag[tag.length - 2])}${tag[tag.length - 1]}`,
      'not-a-code',
    ];
    for (const text of altered.filter((t) => t !== code)) {
      const reply = await client.post('trainee', CHECK_IN, { code: text });
      expect([text, reply.status, reply.body.code]).toEqual([text, 400, 'CHECK_IN_CODE_INVALID']);
    }
    for (const body of [{}, { code: '' }, { code: 42 }, { code, traineeId: TRAINEE2 }]) {
      const reply = await client.post('trainee', CHECK_IN, body);
      expect([JSON.stringify(body), reply.status]).toEqual([JSON.stringify(body), 400]);
    }
    expect(await scenario.revision(session.sessionId)).toBe(before);
  });

  it('answers too late for an expired code and too early for a code of a later step', async () => {
    const session = await scenario.session('running');
    const expired = scenario.codeAt(session.sessionId, session.sittings.now, ago(3));
    const late = await client.post('trainee', CHECK_IN, { code: expired });
    expect([late.status, late.body.code, late.body.closesAt]).toEqual([
      409,
      'CHECK_IN_TOO_LATE',
      session.sittings.now.endsAt,
    ]);
    const pastSitting = scenario.codeAt(session.sessionId, session.sittings.past, ago(25 * 60));
    expect((await client.post('trainee', CHECK_IN, { code: pastSitting })).body.code).toBe(
      'CHECK_IN_TOO_LATE',
    );
    const ahead = scenario.codeAt(session.sessionId, session.sittings.now, ago(-3));
    const early = await client.post('trainee', CHECK_IN, { code: ahead });
    expect([early.status, early.body.code]).toEqual([409, 'CHECK_IN_TOO_EARLY']);
    const roster = await client.get('officer', `/api/training/sessions/${session.sessionId}/roster`);
    expect(roster.body.trainees[0].attendance.map((a: { status: unknown }) => a.status)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('lets nobody check in for a trainee: the token’s person decides, and only trainees check in', async () => {
    const session = await scenario.session('running', [TRAINEE]);
    const { code } = await codeOf(session, 'now');
    const before = await scenario.revision(session.sessionId);
    // trainee2 holds no seat: sending the code answers for trainee2, never for the trainee.
    expect((await client.post('trainee2', CHECK_IN, { code })).body.code).toBe('CHECK_IN_NOT_ENROLLED');
    for (const who of ['trainer', 'officer', 'association'] as const)
      expect((await client.post(who, CHECK_IN, { code })).status).toBe(403);
    expect((await client.post('anonymous', CHECK_IN, { code })).status).toBe(401);
    const noPerson = await client.mint('minted:trainee-without-person', { id: 'user-x', roles: ['trainee'] });
    expect((await client.post(noPerson, CHECK_IN, { code })).status).toBe(403);
    expect(await scenario.revision(session.sessionId)).toBe(before);
  });

  it('takes the trainer’s marks and corrections, and refuses them to trainees and other trainers', async () => {
    const session = await scenario.session('running', [TRAINEE, OTHER_TRAINEE]);
    const mark = (
      who: Parameters<typeof client.put>[0],
      traineeId: string,
      body: unknown,
      sittingId = 'now',
    ) => client.put(who, `${sittingPath(session.sessionId, sittingId)}/attendance/${traineeId}`, body);
    expect((await mark('trainer', TRAINEE, { status: 'absent' })).body.events).toEqual(['AttendanceMarked']);
    expect((await mark('trainer', TRAINEE, { status: 'absent' })).body.events).toEqual([]);
    const corrected = await mark('officer', TRAINEE, { status: 'late', note: 'arrivé à 9 h 20' });
    expect(corrected.body.events).toEqual(['AttendanceCorrected']);
    const before = await scenario.revision(session.sessionId);
    expect((await mark('trainee', TRAINEE, { status: 'present' })).status).toBe(403);
    expect((await mark('association', TRAINEE, { status: 'present' })).status).toBe(403);
    expect((await mark('anonymous', TRAINEE, { status: 'present' })).status).toBe(401);
    for (const body of [
      {},
      { status: 'here' },
      { status: 'present', note: 'x'.repeat(501) },
      { status: 'present', extra: 1 },
    ])
      expect((await mark('trainer', TRAINEE, body)).status).toBe(400);
    const notConfirmed = await mark('trainer', TRAINEE2, { status: 'present' });
    expect([notConfirmed.status, notConfirmed.body.code]).toEqual([409, 'TRAINEE_NOT_CONFIRMED']);
    expect((await mark('trainer', TRAINEE, { status: 'present' }, 'nope')).body.code).toBe('UNKNOWN_SITTING');
    const other = await scenario.session('running', [TRAINEE], { trainers: ['user-other-trainer'] });
    const notHis = await client.put(
      'trainer',
      `${sittingPath(other.sessionId, 'now')}/attendance/${TRAINEE}`,
      {
        status: 'present',
      },
    );
    expect([notHis.status, notHis.body.code]).toEqual([403, 'NOT_A_TRAINER']);
    expect(await scenario.revision(session.sessionId)).toBe(before);
    // A self check-in after a trainer's mark is refused: the trainer's mark stands.
    expect(
      (await client.post('trainee', CHECK_IN, { code: (await codeOf(session, 'now')).code })).body.code,
    ).toBe('CHECK_IN_ALREADY_MARKED');
  });

  it('takes a sheet of marks one by one, answering each, and checks the caller and sitting once', async () => {
    const session = await scenario.session('running', [TRAINEE, OTHER_TRAINEE]);
    const sheet = `${sittingPath(session.sessionId, 'now')}/attendance`;
    const reply = await client.post('trainer', sheet, {
      marks: [
        { traineeId: TRAINEE, status: 'present' },
        { traineeId: TRAINEE2, status: 'present' },
        { traineeId: OTHER_TRAINEE, status: 'excused', note: 'malade' },
      ],
    });
    expect([reply.status, reply.body.accepted, reply.body.refused]).toEqual([200, 2, 1]);
    expect(reply.body.marks).toEqual([
      { traineeId: TRAINEE, outcome: 'accepted', events: ['AttendanceMarked'] },
      expect.objectContaining({ traineeId: TRAINEE2, outcome: 'refused', code: 'TRAINEE_NOT_CONFIRMED' }),
      { traineeId: OTHER_TRAINEE, outcome: 'accepted', events: ['AttendanceMarked'] },
    ]);
    const before = await scenario.revision(session.sessionId);
    for (const body of [{}, { marks: [] }, { marks: [{ traineeId: TRAINEE, status: 'gone' }] }])
      expect((await client.post('trainer', sheet, body)).status).toBe(400);
    expect(
      (await client.post('trainee', sheet, { marks: [{ traineeId: TRAINEE, status: 'present' }] })).status,
    ).toBe(403);
    const other = await scenario.session('running', [TRAINEE], { trainers: ['user-other-trainer'] });
    const notHis = await client.post('trainer', `${sittingPath(other.sessionId, 'now')}/attendance`, {
      marks: [{ traineeId: TRAINEE, status: 'present' }],
    });
    expect([notHis.status, notHis.body.code]).toEqual([403, 'NOT_A_TRAINER']);
    const unknown = await client.post('trainer', `${sittingPath(session.sessionId, 'nope')}/attendance`, {
      marks: [{ traineeId: TRAINEE, status: 'present' }],
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'UNKNOWN_SITTING']);
    expect(await scenario.revision(session.sessionId)).toBe(before);
  });
});
