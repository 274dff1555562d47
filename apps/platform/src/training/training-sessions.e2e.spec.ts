import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import {
  eventually,
  expectRouteGate,
  Json,
  PlatformClient,
  problemType,
} from '../registry/testing/platform-client';
import {
  moduleBody,
  newTrainingId,
  seedTrainingCatalogue,
  sessionBody,
  T,
  TRAINING_SESSION_ROUTES,
} from './testing/catalogue-scenario';

// Seeding the demo users hashes their passwords with scrypt.
jest.setTimeout(120_000);

const MD = REGISTRY_DEMO_IDS.associations.migrationsEtDeveloppement;
const FIGUIG = REGISTRY_DEMO_IDS.associations.cooperativesFiguig;
const MD_PRESIDENT = REGISTRY_DEMO_IDS.contacts.migrationsEtDeveloppement;
const FIGUIG_MANAGER = REGISTRY_DEMO_IDS.contacts.cooperativesFiguig;

describe('Training on the embedded platform: catalogue, sessions and enrolment', () => {
  let client: PlatformClient;
  const params: Record<string, string> = {};
  beforeAll(async () => {
    client = await PlatformClient.start('training-sessions');
    await seedTrainingCatalogue(client, params);
    Object.assign(params, { associationId: MD, traineeId: MD_PRESIDENT });
  }, 90_000);
  afterAll(async () => {
    await client?.close();
  });

  const revisionOf = async (path: string) => (await client.get('officer', path)).headers.get('etag');

  it.each(
    TRAINING_SESSION_ROUTES.filter((r) => !r.roles.includes('public')).map((r) => [r.method, r.path, r]),
  )(
    '%s %s: refuses the other roles (403) and no token (401), changing nothing',
    async (_method, _path, route) => {
      const before = await revisionOf(`${T}/sessions/${params.sessionId}`);
      await expectRouteGate(client, route, params);
      expect(await revisionOf(`${T}/sessions/${params.sessionId}`)).toBe(before);
    },
  );

  describe('the catalogue', () => {
    it('defines, reads (ETag, If-None-Match 304), revises and retires a module; the list is public', async () => {
      const moduleId = newTrainingId('gov-101');
      const created = await client.post('officer', `${T}/modules`, {
        ...moduleBody(moduleId),
        code: 'GOV-101',
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`/${T.slice(1)}/modules/${moduleId}`);
      const read = await client.get('anonymous', `${T}/modules/${moduleId}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ moduleId, code: 'GOV-101', status: 'active' });
      const etag = read.headers.get('etag') as string;
      expect(
        (await client.get('anonymous', `${T}/modules/${moduleId}`, { 'if-none-match': etag })).status,
      ).toBe(304);
      const revised = await client.patch('officer', `${T}/modules/${moduleId}`, {
        changes: { durationMinutes: 480 },
      });
      expect(revised.status).toBe(200);
      expect(
        (await client.get('anonymous', `${T}/modules/${moduleId}`, { 'if-none-match': etag })).status,
      ).toBe(200);
      expect(
        (await client.post('officer', `${T}/modules/${moduleId}/retire`, { reason: 'remplacé' })).status,
      ).toBe(200);
      const listed = await eventually(
        () => client.get('anonymous', `${T}/modules?status=retired&pageSize=100`),
        (r) => r.body.items.some((m: Json) => m.moduleId === moduleId),
        'the retired module listed',
      );
      expect(listed.body.items.find((m: Json) => m.moduleId === moduleId)).toMatchObject({
        durationMinutes: 480,
      });
      expect(listed.body.items[0]._id).toBeUndefined();
    });

    it('refuses bad input with 400 and records nothing', async () => {
      const moduleId = newTrainingId('bad');
      const refused = [
        await client.post('officer', `${T}/modules`, { ...moduleBody(moduleId), durationMinutes: 0 }),
        await client.post('officer', `${T}/modules`, { ...moduleBody(moduleId), theme: 'astrology' }),
        await client.post('officer', `${T}/modules`, { ...moduleBody(moduleId), code: 'lower case' }),
        await client.post('officer', `${T}/modules`, { ...moduleBody(moduleId), extra: 1 }),
      ];
      expect(refused.map((r) => [r.status, r.body.type])).toEqual(
        refused.map(() => [400, problemType('validation')]),
      );
      expect((await client.get('anonymous', `${T}/modules/${moduleId}`)).status).toBe(404);
    });

    it('refuses a path of unknown modules with a 404 naming them, and defines one of known modules', async () => {
      const pathId = newTrainingId('path');
      const refused = await client.post('officer', `${T}/paths`, {
        pathId,
        title: { fr: 'Parcours' },
        moduleIds: [params.moduleId, 'no-such-module'],
      });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ code: 'UNKNOWN_MODULES', moduleIds: ['no-such-module'] });
      expect((await client.get('anonymous', `${T}/paths/${pathId}`)).status).toBe(404);
      const read = await client.get('anonymous', `${T}/paths/${params.pathId}`);
      expect(read.body).toMatchObject({ pathId: params.pathId, status: 'active' });
      const patched = await client.patch('officer', `${T}/paths/${params.pathId}`, {
        changes: { moduleIds: ['no-such-module', params.moduleId] },
      });
      expect(patched.status).toBe(404);
    });
  });

  describe('sessions', () => {
    it('refuses a session of an unknown module (404) or of a retired one (409), recording nothing', async () => {
      const retired = newTrainingId('old');
      await client.post('officer', `${T}/modules`, moduleBody(retired));
      await client.post('officer', `${T}/modules/${retired}/retire`, {});
      const unknown = newTrainingId('s');
      const onRetired = newTrainingId('s');
      const a = await client.post('officer', `${T}/sessions`, sessionBody(unknown, 'no-such-module'));
      const b = await client.post('officer', `${T}/sessions`, sessionBody(onRetired, retired));
      expect([a.status, a.body.code, b.status, b.body.code]).toEqual([
        404,
        'UNKNOWN_MODULES',
        409,
        'MODULE_RETIRED',
      ]);
      for (const id of [unknown, onRetired])
        expect((await client.get('anonymous', `${T}/sessions/${id}`)).status).toBe(404);
    });

    it('refuses bad plans and capacities with 400, the session unchanged', async () => {
      const before = await revisionOf(`${T}/sessions/${params.sessionId}`);
      const sessionId = newTrainingId('s');
      const bad = [
        await client.post(
          'officer',
          `${T}/sessions`,
          sessionBody(sessionId, params.moduleId, { capacity: 0 }),
        ),
        await client.post(
          'officer',
          `${T}/sessions`,
          sessionBody(sessionId, params.moduleId, { timezone: 'Mars/Olympus' }),
        ),
        await client.post(
          'officer',
          `${T}/sessions`,
          sessionBody(sessionId, params.moduleId, { place: { mode: 'online', url: 'http://x.org' } }),
        ),
        await client.put('officer', `${T}/sessions/${params.sessionId}/capacity`, { capacity: -1 }),
        await client.patch('officer', `${T}/sessions/${params.sessionId}`, { changes: { language: 'de' } }),
        await client.post('officer', `${T}/sessions/${params.sessionId}/enrolment/open`, { now: 1 }),
        await client.post('officer', `${T}/sessions/${params.sessionId}/enrolments`, {
          traineeId: 'not an id!',
        }),
        await client.get('anonymous', `${T}/sessions?from=yesterday`),
      ];
      expect(bad.map((r) => r.status)).toEqual(bad.map(() => 400));
      expect(await revisionOf(`${T}/sessions/${params.sessionId}`)).toBe(before);
      expect((await client.get('anonymous', `${T}/sessions/${sessionId}`)).status).toBe(404);
    });

    it('lists the catalogue publicly with seats free, never an online URL', async () => {
      const listed = await eventually(
        () => client.get('anonymous', `${T}/sessions?moduleId=${params.moduleId}&status=enrolment-open`),
        (r) => r.body.items.some((s: Json) => s.sessionId === params.sessionId),
        'the session listed',
      );
      const line = listed.body.items.find((s: Json) => s.sessionId === params.sessionId);
      expect(line).toMatchObject({ capacity: 20, seatsFree: expect.any(Number), place: { mode: 'online' } });
      expect(line.place.url).toBeUndefined();
      const page = await client.get('anonymous', `${T}/sessions/${params.sessionId}`);
      expect(page.body.place).toEqual({ mode: 'online' });
      expect((await client.get('officer', `${T}/sessions/${params.sessionId}`)).body.place.url).toBe(
        'https://meet.example.org/gp-101',
      );
      expect((await client.get('trainer', `${T}/sessions/${params.sessionId}`)).body.place.url).toBeDefined();
      expect(
        (await client.get('trainee2', `${T}/sessions/${params.sessionId}`)).body.place.url,
      ).toBeUndefined();
      const etag = page.headers.get('etag') as string;
      expect(
        (await client.get('anonymous', `${T}/sessions/${params.sessionId}`, { 'if-none-match': etag }))
          .status,
      ).toBe(304);
    });
  });

  describe('enrolment', () => {
    let sessionId: string;
    beforeAll(async () => {
      sessionId = newTrainingId('one-seat');
      await client.post('officer', `${T}/sessions`, sessionBody(sessionId, params.moduleId, { capacity: 1 }));
      await client.post('officer', `${T}/sessions/${sessionId}/enrolment/open`);
    });
    const enrolments = `/enrolments`;

    it('lets a trainee enrol only themselves, and an association only its own people', async () => {
      const before = await revisionOf(`${T}/sessions/${sessionId}`);
      const other = await client.post('trainee', `${T}/sessions/${sessionId}${enrolments}`, {
        traineeId: FIGUIG_MANAGER,
      });
      const notOurs = await client.post('association', `${T}/sessions/${sessionId}${enrolments}`, {
        traineeId: FIGUIG_MANAGER,
      });
      const unknown = await client.post('officer', `${T}/sessions/${sessionId}${enrolments}`, {
        traineeId: 'person-nobody',
      });
      const noSession = await client.post('trainee', `${T}/sessions/no-such-session${enrolments}`, {});
      expect([other.status, notOurs.status, unknown.status, unknown.body.code, noSession.status]).toEqual([
        403,
        403,
        404,
        'UNKNOWN_TRAINEE',
        404,
      ]);
      expect(await revisionOf(`${T}/sessions/${sessionId}`)).toBe(before);
    });

    it('answers confirmed, then waiting with the position; the online URL goes to the confirmed trainee only', async () => {
      const first = await client.post('trainee', `${T}/sessions/${sessionId}${enrolments}`, {});
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ traineeId: MD_PRESIDENT, status: 'confirmed' });
      const again = await client.post('association', `${T}/sessions/${sessionId}${enrolments}`, {
        traineeId: MD_PRESIDENT,
      });
      expect(again.body).toMatchObject({ status: 'confirmed', events: [] });
      const second = await client.post('trainee2', `${T}/sessions/${sessionId}${enrolments}`, {});
      expect(second.body).toMatchObject({ traineeId: FIGUIG_MANAGER, status: 'waiting', waitingPosition: 1 });
      expect((await client.get('trainee', `${T}/sessions/${sessionId}`)).body.place.url).toBeDefined();
      expect((await client.get('trainee2', `${T}/sessions/${sessionId}`)).body.place.url).toBeUndefined();
      const mine = await eventually(
        () => client.get('trainee2', `${T}/enrolments/mine`),
        (r) => r.body.items.some((e: Json) => e.sessionId === sessionId),
        'trainee2’s enrolment',
      );
      expect(mine.body.items.find((e: Json) => e.sessionId === sessionId)).toMatchObject({
        status: 'waiting',
        waitingPosition: 1,
        session: { sessionId, place: { mode: 'online' } },
      });
    });

    it('lets only the trainee or an officer cancel; a freed seat goes to the first waiting', async () => {
      const cancel = (traineeId: string) => `${T}/sessions/${sessionId}${enrolments}/${traineeId}/cancel`;
      expect((await client.post('trainee2', cancel(MD_PRESIDENT), {})).status).toBe(403);
      const cancelled = await client.post('trainee', cancel(MD_PRESIDENT), { reason: 'empêché' });
      expect(cancelled.body.events).toEqual(['EnrolmentCancelled', 'EnrolmentConfirmed']);
      const mine = await eventually(
        () => client.get('trainee2', `${T}/enrolments/mine`),
        (r) => r.body.items.some((e: Json) => e.sessionId === sessionId && e.status === 'confirmed'),
        'trainee2 promoted',
      );
      const line = mine.body.items.find((e: Json) => e.sessionId === sessionId);
      expect(line.session.place.url).toBe('https://meet.example.org/gp-101');
      expect(line.waitingPosition).toBeNull();
    });

    it('lets an association cancel its own people’s enrolments, not another association’s', async () => {
      const cancel = (traineeId: string) => `${T}/sessions/${sessionId}${enrolments}/${traineeId}/cancel`;
      const before = await revisionOf(`${T}/sessions/${sessionId}`);
      const notOurs = await client.post('association', cancel(FIGUIG_MANAGER), { reason: 'erreur' });
      expect([notOurs.status, notOurs.body.code]).toEqual([403, 'NOT_THE_TRAINEE']);
      expect(await revisionOf(`${T}/sessions/${sessionId}`)).toBe(before);
      const again = await client.post('association', `${T}/sessions/${sessionId}${enrolments}`, {
        traineeId: MD_PRESIDENT,
      });
      expect(again.body).toMatchObject({ status: 'waiting', waitingPosition: 1 });
      const ours = await client.post('association', cancel(MD_PRESIDENT), { reason: 'remplacé' });
      expect([ours.status, ours.body.events]).toEqual([200, ['EnrolmentCancelled']]);
    });

    it('shows an association its own people’s enrolments and trained managers, and refuses another’s', async () => {
      const seated = await client.post('association', `${T}/sessions/${params.sessionId}${enrolments}`, {
        traineeId: MD_PRESIDENT,
      });
      expect(seated.body).toMatchObject({ status: 'confirmed' });
      const own = await eventually(
        () => client.get('association', `${T}/associations/${MD}/enrolments`),
        (r) =>
          r.body.items.some((e: Json) => e.sessionId === sessionId) &&
          r.body.items.some((e: Json) => e.sessionId === params.sessionId && e.status === 'confirmed'),
        'M&D’s enrolments',
      );
      expect(own.body.items.every((e: Json) => e.associationId === MD)).toBe(true);
      // The association is not in the session: its people's online URL stays theirs.
      const line = own.body.items.find((e: Json) => e.sessionId === params.sessionId);
      expect(line.session.place).toEqual({ mode: 'online' });
      expect((await client.get('association', `${T}/associations/${FIGUIG}/enrolments`)).status).toBe(403);
      expect((await client.get('association', `${T}/associations/${FIGUIG}/trained-managers`)).status).toBe(
        403,
      );
      expect((await client.get('officer', `${T}/associations/${FIGUIG}/enrolments`)).status).toBe(200);
      // The demo's Agadir session: M&D's president completed project management.
      expect((await client.get('association', `${T}/associations/${MD}/trained-managers`)).body).toEqual([
        {
          traineeId: MD_PRESIDENT,
          moduleIds: ['module-project-management'],
          completed: [
            {
              sessionId: 'session-project-management-agadir-2026-10',
              moduleId: 'module-project-management',
              endedAt: '2026-10-15T12:00:00.000Z',
            },
          ],
        },
      ]);
    });

    it('serves several enrolments at once for two seats: two confirmed, the others waiting in order', async () => {
      const crowdSession = newTrainingId('crowd');
      await client.post(
        'officer',
        `${T}/sessions`,
        sessionBody(crowdSession, params.moduleId, { capacity: 2 }),
      );
      await client.post('officer', `${T}/sessions/${crowdSession}/enrolment/open`);
      const people = Object.values(REGISTRY_DEMO_IDS.contacts);
      const answers = await Promise.all(
        people.map((traineeId) =>
          client.post('officer', `${T}/sessions/${crowdSession}${enrolments}`, { traineeId }),
        ),
      );
      const told = answers.filter((a) => a.status === 201).map((a) => a.body);
      expect(told.filter((a: Json) => a.status === 'confirmed')).toHaveLength(2);
      expect(
        told
          .filter((a: Json) => a.status === 'waiting')
          .map((a: Json) => a.waitingPosition)
          .sort(),
      ).toEqual(Array.from({ length: told.length - 2 }, (_, i) => i + 1));
      // The contact of the demo's association left unverified is refused; the four others are answered.
      const refused = answers.filter((a) => a.status !== 201);
      expect(refused.map((a) => [a.status, a.body.code])).toEqual([[403, 'ASSOCIATION_NOT_VERIFIED']]);
      expect(told).toHaveLength(4);
      const page = await client.get('anonymous', `${T}/sessions/${crowdSession}`);
      expect(page.body).toMatchObject({ confirmed: 2, seatsFree: 0, waiting: told.length - 2 });
    });
  });

  it('publishes figures per module and per place', async () => {
    const figures = await eventually(
      () => client.get('anonymous', `${T}/figures`),
      (r) => r.body.byModule?.some((m: Json) => m.moduleId === params.moduleId && m.confirmed >= 3),
      'the figures',
    );
    expect(figures.body).toMatchObject({ sessions: expect.any(Number), seats: expect.any(Number) });
    expect(figures.body.byPlace).toContainEqual(expect.objectContaining({ country: null, city: null }));
  });
});
