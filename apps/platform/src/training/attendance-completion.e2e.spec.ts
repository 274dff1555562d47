import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import {
  AttendanceScenario,
  CHECK_IN,
  OTHER_TRAINEE,
  SESSIONS,
  sittingPath,
  TRAINEE,
  TRAINEE2,
} from './testing/attendance-scenario';

jest.setTimeout(60_000);

const COMMENT = 'Très utile pour monter notre prochain projet.';

describe('Training API: feedback, remarks, completion and the session’s roster', () => {
  let client: PlatformClient;
  let scenario: AttendanceScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('training-attendance-completion', { demoData: 'registry' });
    scenario = new AttendanceScenario(client);
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  const of = (sessionId: string, what: string) => `${SESSIONS}/${encodeURIComponent(sessionId)}/${what}`;
  const mark = (sessionId: string, sittingId: string, traineeId: string, status: string) =>
    client.put('trainer', `${sittingPath(sessionId, sittingId)}/attendance/${traineeId}`, { status });
  const roster = (sessionId: string, who: Parameters<typeof client.get>[0], until: (r: Json) => boolean) =>
    eventually(
      () => client.get(who, of(sessionId, 'roster')),
      (r) => r.status === 200 && until(r.body),
      'the roster up to date',
    );

  it('takes the trainee’s feedback once, for themselves, and refuses bad ratings with nothing appended', async () => {
    const { sessionId } = await scenario.session('ended', [TRAINEE]);
    const before = await scenario.revision(sessionId);
    for (const body of [
      {},
      { rating: 0 },
      { rating: 6 },
      { rating: 3.5 },
      { rating: '4' },
      { rating: 4, comment: 'x'.repeat(2001) },
      { rating: 4, traineeId: TRAINEE2 },
    ])
      expect([
        JSON.stringify(body).slice(0, 40),
        (await client.post('trainee', of(sessionId, 'feedback'), body)).status,
      ]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
    for (const who of ['trainer', 'officer', 'association'] as const)
      expect((await client.post(who, of(sessionId, 'feedback'), { rating: 4 })).status).toBe(403);
    expect((await client.post('anonymous', of(sessionId, 'feedback'), { rating: 4 })).status).toBe(401);
    const stranger = await client.post('trainee2', of(sessionId, 'feedback'), { rating: 2 });
    expect([stranger.status, stranger.body.code]).toEqual([409, 'TRAINEE_NOT_CONFIRMED']);
    expect((await client.post('trainee', of('session-none', 'feedback'), { rating: 4 })).status).toBe(404);
    expect(await scenario.revision(sessionId)).toBe(before);
    const given = await client.post('trainee', of(sessionId, 'feedback'), { rating: 4, comment: COMMENT });
    expect([given.status, given.body.events]).toEqual([200, ['FeedbackGiven']]);
    expect(
      (await client.post('trainee', of(sessionId, 'feedback'), { rating: 4, comment: COMMENT })).body.events,
    ).toEqual([]);
    const other = await client.post('trainee', of(sessionId, 'feedback'), { rating: 1 });
    expect([other.status, other.body.code]).toEqual([409, 'FEEDBACK_ALREADY_GIVEN']);
  });

  it('records a trainer’s remark on a confirmed trainee, and refuses it to others', async () => {
    const { sessionId } = await scenario.session('ended', [TRAINEE]);
    const remark = { traineeId: TRAINEE, remark: 'Participe activement, à encourager.' };
    expect((await client.post('trainer', of(sessionId, 'remarks'), remark)).body.events).toEqual([
      'RemarkRecorded',
    ]);
    expect((await client.post('trainer', of(sessionId, 'remarks'), remark)).body.events).toEqual([]);
    const before = await scenario.revision(sessionId);
    for (const body of [
      {},
      { traineeId: TRAINEE },
      { traineeId: TRAINEE, remark: '' },
      { traineeId: '', remark: 'x' },
    ])
      expect((await client.post('officer', of(sessionId, 'remarks'), body)).status).toBe(400);
    for (const who of ['trainee', 'association', 'auditor'] as const)
      expect((await client.post(who, of(sessionId, 'remarks'), remark)).status).toBe(403);
    const waiting = await client.post('officer', of(sessionId, 'remarks'), {
      traineeId: TRAINEE2,
      remark: 'x',
    });
    expect([waiting.status, waiting.body.code]).toEqual([409, 'TRAINEE_NOT_CONFIRMED']);
    const other = await scenario.session('ended', [TRAINEE], { trainers: ['user-other-trainer'] });
    const notHis = await client.post('trainer', of(other.sessionId, 'remarks'), remark);
    expect([notHis.status, notHis.body.code]).toEqual([403, 'NOT_A_TRAINER']);
    expect(await scenario.revision(sessionId)).toBe(before);
  });

  it('marks a session held and closes it after its last sitting, answering each trainee’s outcome', async () => {
    const running = await scenario.session('running', [TRAINEE]);
    for (const what of ['held', 'close']) {
      const early = await client.post('trainer', of(running.sessionId, what), {});
      expect([what, early.status, early.body.code, early.body.endsAt]).toEqual([
        what,
        409,
        'SESSION_NOT_ENDED',
        running.sittings.next.endsAt,
      ]);
    }
    const { sessionId } = await scenario.session('ended', [TRAINEE, OTHER_TRAINEE]);
    await mark(sessionId, 'first', TRAINEE, 'present');
    await mark(sessionId, 'second', TRAINEE, 'late');
    await mark(sessionId, 'first', OTHER_TRAINEE, 'absent');
    await mark(sessionId, 'second', OTHER_TRAINEE, 'present');
    expect((await client.post('trainee', of(sessionId, 'feedback'), { rating: 5 })).status).toBe(200);
    const other = await scenario.session('ended', [TRAINEE], { trainers: ['user-other-trainer'] });
    for (const what of ['held', 'close']) {
      expect((await client.post('trainer', of(other.sessionId, what), {})).body.code).toBe('NOT_A_TRAINER');
      for (const who of ['trainee', 'association'] as const)
        expect((await client.post(who, of(sessionId, what), {})).status).toBe(403);
      expect((await client.post('anonymous', of(sessionId, what), {})).status).toBe(401);
      expect((await client.post('officer', of(sessionId, what), { now: 'x' })).status).toBe(400);
    }
    expect((await client.post('trainer', of(sessionId, 'held'), {})).body.events).toEqual(['SessionHeld']);
    const closed = await client.post('trainer', of(sessionId, 'close'), {});
    expect(closed.status).toBe(200);
    expect(closed.body.events).toEqual(['SessionClosed', 'TraineeCompleted', 'TraineeNotCompleted']);
    const outcomes = [
      {
        traineeId: TRAINEE,
        completed: true,
        attendedMinutes: 240,
        totalMinutes: 240,
        attendancePercent: 100,
      },
      {
        traineeId: OTHER_TRAINEE,
        completed: false,
        reasons: ['FEEDBACK_MISSING'],
        figures: {
          attendedMinutes: 120,
          totalMinutes: 240,
          attendancePercent: 50,
          minAttendancePercent: 50,
          feedbackGiven: false,
        },
      },
    ];
    expect(closed.body.outcomes).toEqual(outcomes);
    const again = await client.post('officer', of(sessionId, 'close'), {});
    expect([again.body.events, again.body.outcomes]).toEqual([[], outcomes]);
    // Repeated, the close still answers only the session's trainers and officers.
    const outsider = await scenario.session('ended', [TRAINEE], { trainers: ['user-other-trainer'] });
    await client.post('officer', of(outsider.sessionId, 'close'), {});
    expect((await client.post('trainer', of(outsider.sessionId, 'close'), {})).status).toBe(403);
    const lines = await roster(sessionId, 'trainer', (body) => body.trainees.every((t: Json) => t.outcome));
    expect(lines.body.trainees.map((t: Json) => [t.traineeId, t.outcome.completed])).toEqual(
      [
        [TRAINEE, true],
        [OTHER_TRAINEE, false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('shows the roster to the session’s trainers and officers, an association its own people, never feedback text', async () => {
    const session = await scenario.session('running', [TRAINEE, OTHER_TRAINEE]);
    const { sessionId } = session;
    const code = (await client.get('trainer', `${sittingPath(sessionId, 'now')}/check-in-code`)).body.code;
    expect((await client.post('trainee', CHECK_IN, { code })).body.status).toBe('late');
    await mark(sessionId, 'now', TRAINEE, 'present');
    await mark(sessionId, 'past', OTHER_TRAINEE, 'absent');
    expect(
      (await client.post('trainee', of(sessionId, 'feedback'), { rating: 4, comment: COMMENT })).status,
    ).toBe(200);
    const full = await roster(sessionId, 'trainer', (b) =>
      b.trainees.some((t: Json) => t.feedbackGiven && t.attendance[1].corrected),
    );
    expect(full.body.sittings.map((s: Json) => s.sittingId)).toEqual(['past', 'now', 'next']);
    const line = (body: Json, id: string) => body.trainees.find((t: Json) => t.traineeId === id);
    expect(line(full.body, TRAINEE)).toMatchObject({
      associationId: await scenario.associationOf(TRAINEE),
      erased: false,
      enrolment: 'confirmed',
      feedbackGiven: true,
      outcome: null,
      attendance: [
        { sittingId: 'past', status: null, source: null, corrected: false },
        { sittingId: 'now', status: 'present', source: 'trainer', corrected: true, previousStatus: 'late' },
        { sittingId: 'next', status: null },
      ],
    });
    expect(typeof line(full.body, TRAINEE).fullName).toBe('string');
    expect(line(full.body, TRAINEE).fullName.length).toBeGreaterThan(0);
    expect(line(full.body, OTHER_TRAINEE)).toMatchObject({
      feedbackGiven: false,
      attendance: [{ status: 'absent', source: 'trainer' }, { status: null }, { status: null }],
    });
    expect(JSON.stringify(full.body)).not.toContain(COMMENT);
    expect((await client.get('officer', of(sessionId, 'roster'))).body.trainees).toHaveLength(2);
    const own = await client.get('association', of(sessionId, 'roster'));
    expect(own.body.trainees.map((t: Json) => t.traineeId)).toEqual([TRAINEE]);
    const other = await scenario.session('running', [TRAINEE], { trainers: ['user-other-trainer'] });
    const notHis = await client.get('trainer', of(other.sessionId, 'roster'));
    expect([notHis.status, notHis.body.code]).toEqual([403, 'NOT_A_TRAINER']);
    for (const who of ['trainee', 'auditor', 'partner'] as const)
      expect((await client.get(who, of(sessionId, 'roster'))).status).toBe(403);
    expect((await client.get('anonymous', of(sessionId, 'roster'))).status).toBe(401);
    expect((await client.get('officer', of('session-none', 'roster'))).status).toBe(404);
  });

  it('shows a trainee their own line only, and the feedback summary to trainers and officers, unsigned', async () => {
    const { sessionId } = await scenario.session('ended', [TRAINEE, OTHER_TRAINEE]);
    await mark(sessionId, 'first', TRAINEE, 'present');
    expect(
      (await client.post('trainee', of(sessionId, 'feedback'), { rating: 3, comment: COMMENT })).status,
    ).toBe(200);
    const mine = await eventually(
      () => client.get('trainee', of(sessionId, 'attendance/mine')),
      (r) => r.status === 200 && r.body.feedbackGiven,
      'the trainee’s line',
    );
    expect(mine.body).toMatchObject({
      sessionId,
      traineeId: TRAINEE,
      enrolment: 'confirmed',
      attendance: [
        { sittingId: 'first', status: 'present', source: 'trainer' },
        { sittingId: 'second', status: null },
      ],
    });
    expect(mine.body).not.toHaveProperty('fullName');
    expect((await client.get('trainee2', of(sessionId, 'attendance/mine'))).status).toBe(404);
    for (const who of ['trainer', 'officer', 'association'] as const)
      expect((await client.get(who, of(sessionId, 'attendance/mine'))).status).toBe(403);
    const summary = await client.get('trainer', of(sessionId, 'feedback'));
    expect(summary.body).toEqual({
      sessionId,
      count: 1,
      averageRating: 3,
      ratings: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 0 },
      comments: [{ rating: 3, comment: COMMENT, givenAt: expect.any(String) }],
    });
    expect(JSON.stringify(summary.body)).not.toContain(TRAINEE);
    expect((await client.get('officer', of(sessionId, 'feedback'))).body.count).toBe(1);
    for (const who of ['trainee', 'association', 'auditor'] as const)
      expect((await client.get(who, of(sessionId, 'feedback'))).status).toBe(403);
    const other = await scenario.session('ended', [TRAINEE], { trainers: ['user-other-trainer'] });
    expect((await client.get('trainer', of(other.sessionId, 'feedback'))).body.code).toBe('NOT_A_TRAINER');
  });

  it('answers odd ids and bodies on every route with a 4xx, never a 5xx', async () => {
    const { sessionId } = await scenario.session('running', [TRAINEE]);
    const ids = ['x y', '..', 'é', 'a'.repeat(300), '%00', sessionId];
    const seen: string[] = [];
    for (const id of ids) {
      const s = encodeURIComponent(id);
      const calls = [
        client.put('trainer', `${SESSIONS}/${s}/sittings/${s}/attendance/${s}`, { status: 'present' }),
        client.post('trainer', `${SESSIONS}/${s}/sittings/${s}/attendance`, {
          marks: [{ traineeId: id, status: 'late' }],
        }),
        client.get('trainer', `${SESSIONS}/${s}/sittings/${s}/check-in-code`),
        client.post('trainee', CHECK_IN, { code: id, sessionId: id, sittingId: id }),
        client.post('trainee', of(id, 'feedback'), { rating: 3 }),
        client.post('trainer', of(id, 'remarks'), { traineeId: id, remark: 'r' }),
        client.post('trainer', of(id, 'held'), {}),
        client.post('officer', of(id, 'close'), []),
        client.get('trainer', of(id, 'roster')),
        client.get('trainee', of(id, 'attendance/mine')),
        client.get('officer', of(id, 'feedback')),
      ];
      for (const reply of await Promise.all(calls))
        if (reply.status >= 500) seen.push(`${id}: ${reply.status}`);
    }
    expect(seen).toEqual([]);
  });

  it('names a trainee from the Registry’s card and shows an erased person as erased', async () => {
    const added = await client.post('officer', '/api/registry/associations/assoc-amdam/contacts', {
      role: 'treasurer',
      card: { fullName: 'Nadia Ait Lahcen', email: 'nadia@example.org' },
      consents: [{ purpose: 'registry-contact', legalBasis: 'law-09-08' }],
    });
    expect(added.status).toBe(201);
    const personId = added.body.subjectId as string;
    await eventually(
      () => client.get('officer', `/api/registry/contacts/${personId}`),
      (r) => r.status === 200,
      'the contact in the Registry',
    );
    const { sessionId } = await scenario.session('running', [TRAINEE]);
    await eventually(
      async () => {
        try {
          await scenario.enrol(sessionId, personId);
          return true;
        } catch {
          return false;
        }
      },
      (enrolled) => enrolled,
      'the new contact enrolled',
    );
    const named = await roster(sessionId, 'officer', (b) => b.trainees.length === 2);
    expect(named.body.trainees.find((t: Json) => t.traineeId === personId)).toMatchObject({
      fullName: 'Nadia Ait Lahcen',
      erased: false,
    });
    expect((await client.post('officer', `/api/registry/contacts/${personId}/erase`, {})).status).toBe(200);
    const erased = await roster(sessionId, 'officer', (b) =>
      b.trainees.some((t: Json) => t.traineeId === personId && t.erased),
    );
    expect(erased.body.trainees.find((t: Json) => t.traineeId === personId)).toMatchObject({
      fullName: null,
      erased: true,
    });
    expect(JSON.stringify(erased.body)).not.toContain('Nadia');
  });
});
