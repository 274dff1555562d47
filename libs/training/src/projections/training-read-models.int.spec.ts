import { DocumentStore } from '@tadamon/read-store';
import { ModuleDetails } from '../domain/module/module-details';
import {
  catalogueProjection,
  ModuleDoc,
  modulesFilter,
  PathDoc,
  pathsFilter,
  TRAINING_MODULES,
  TRAINING_PATHS,
} from './catalogue';
import {
  EnrolmentDoc,
  enrolmentDocId,
  enrolmentsFilter,
  enrolmentsProjection,
  TRAINING_ENROLMENTS,
  waitingPosition,
} from './enrolments';
import { SessionDoc, sessionsFilter, sessionsProjection, TRAINING_SESSIONS } from './sessions';
import {
  CatalogueLog,
  expectReplaysChangeNothing,
  OpenedReadStore,
  projectLog,
  READ_STORES,
} from './testing/catalogue-log';
import { trainingFigures } from './training-figures';

const gp101: ModuleDetails = {
  code: 'GP-101',
  title: { fr: 'Gestion de projet associatif', en: 'Managing an association’s project' },
  description: { fr: 'Cadre logique, budget, suivi' },
  durationMinutes: 240,
  competences: ['PM-PLAN'],
  languages: ['fr', 'ar'],
  theme: 'project-management',
};
const trainer = { id: 'trainer-amina', roles: ['trainer'] };
const as = (id: string) => ({ id, roles: ['trainee'] });
const eligible = { associationVerified: true, contactOfAssociation: true };
const sitting = {
  sittingId: 'day-1',
  startsAt: '2026-03-10T08:00:00.000Z',
  endsAt: '2026-03-10T12:00:00.000Z',
};

/** Two modules, a path, a session in Agadir (2 seats, 4 asking, one cancelling, then closed) and one online. */
function scenario(): CatalogueLog {
  const log = new CatalogueLog();
  log.module('DefineModule', { moduleId: 'gp-101', ...gp101 });
  log.module('DefineModule', { moduleId: 'fr-201', ...gp101, code: 'FR-201', theme: 'fundraising' });
  log.path('DefinePath', {
    pathId: 'porteur',
    title: { fr: 'Porteur de projet' },
    moduleIds: ['gp-101', 'fr-201'],
  });
  log.session('ScheduleSession', {
    sessionId: 'agadir-1',
    moduleId: 'gp-101',
    language: 'fr',
    timezone: 'Africa/Casablanca',
    place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
    sittings: [sitting],
    trainers: ['trainer-amina'],
    capacity: 2,
  });
  log.session('ScheduleSession', {
    sessionId: 'online-1',
    moduleId: 'fr-201',
    language: 'ar',
    timezone: 'Europe/Paris',
    place: { mode: 'online', url: 'https://meet.example.org/fr-201' },
    sittings: [{ sittingId: 's1', startsAt: '2026-04-01T08:00:00.000Z', endsAt: '2026-04-01T10:00:00.000Z' }],
    trainers: ['trainer-amina'],
    capacity: 10,
  });
  log.session('OpenEnrolment', { sessionId: 'agadir-1' });
  for (const t of ['t-1', 't-2', 't-3', 't-4'])
    log.as(as(t), () =>
      log.session('RequestEnrolment', {
        sessionId: 'agadir-1',
        traineeId: t,
        associationId: 'assoc-md',
        eligibility: eligible,
      }),
    );
  log.as(as('t-1'), () => log.session('CancelEnrolment', { sessionId: 'agadir-1', traineeId: 't-1' }));
  log.module('ReviseModule', { moduleId: 'fr-201', changes: { durationMinutes: 120 } });
  log.module('RetireModule', { moduleId: 'fr-201', reason: 'remplacé' });
  log.now = '2026-03-10T09:00:00.000Z';
  log.as(trainer, () => {
    log.session('MarkAttendance', {
      sessionId: 'agadir-1',
      sittingId: 'day-1',
      traineeId: 't-2',
      status: 'present',
    });
    log.session('MarkAttendance', {
      sessionId: 'agadir-1',
      sittingId: 'day-1',
      traineeId: 't-3',
      status: 'absent',
    });
  });
  log.as(as('t-2'), () =>
    log.session('GiveFeedback', { sessionId: 'agadir-1', traineeId: 't-2', rating: 5 }),
  );
  log.now = '2026-03-10T13:00:00.000Z';
  log.as(trainer, () => log.session('CloseSession', { sessionId: 'agadir-1' }));
  return log;
}

describe.each(READ_STORES)('Training read models on $name', ({ open }) => {
  let store: OpenedReadStore;
  let docs: DocumentStore;
  beforeEach(async () => {
    store = await open();
    docs = store.docs;
  });
  afterEach(async () => {
    await store?.close();
  });

  it('keeps modules and paths as last revised, retired ones marked, filtered by status, theme and module', async () => {
    const log = scenario();
    const runner = await projectLog(log, catalogueProjection, docs);
    expect(await docs.collection<ModuleDoc>(TRAINING_MODULES).get('fr-201')).toMatchObject({
      moduleId: 'fr-201',
      code: 'FR-201',
      durationMinutes: 120,
      status: 'retired',
      retiringReason: 'remplacé',
      revisedAt: '2026-02-20T09:00:00.000Z',
    });
    const modules = (q: Parameters<typeof modulesFilter>[0]) =>
      docs.collection<ModuleDoc>(TRAINING_MODULES).find(modulesFilter(q), { sort: { _id: 1 } });
    expect((await modules({ status: 'active' })).map((m) => m.moduleId)).toEqual(['gp-101']);
    expect((await modules({ theme: 'fundraising' })).map((m) => m.moduleId)).toEqual(['fr-201']);
    expect(await docs.collection<PathDoc>(TRAINING_PATHS).find(pathsFilter({ moduleId: 'fr-201' }))).toEqual([
      expect.objectContaining({ pathId: 'porteur', moduleIds: ['gp-101', 'fr-201'], status: 'active' }),
    ]);
    await expectReplaysChangeNothing(docs, runner, log.events);
  });

  it('keeps each session’s plan, status and seat counts, and filters the catalogue', async () => {
    const log = scenario();
    const runner = await projectLog(log, sessionsProjection, docs);
    const sessions = docs.collection<SessionDoc>(TRAINING_SESSIONS);
    expect(await sessions.get('agadir-1')).toMatchObject({
      moduleId: 'gp-101',
      city: 'Agadir',
      country: 'MA',
      startsAt: sitting.startsAt,
      endsAt: sitting.endsAt,
      capacity: 2,
      status: 'closed',
      confirmed: 2,
      waiting: 1,
      completed: 1,
      notCompleted: 1,
    });
    expect(await sessions.get('online-1')).toMatchObject({ city: null, country: null, status: 'scheduled' });
    const ids = async (q: Parameters<typeof sessionsFilter>[0]) =>
      (await sessions.find(sessionsFilter(q), { sort: { _id: 1 } })).map((s) => s.sessionId);
    expect(await ids({ country: 'MA' })).toEqual(['agadir-1']);
    expect(await ids({ language: 'ar' })).toEqual(['online-1']);
    expect(await ids({ from: '2026-03-11' })).toEqual(['online-1']);
    expect(await ids({ to: '2026-03-10' })).toEqual(['agadir-1']);
    expect(await ids({ from: '2026-03-10', to: '2026-04-01' })).toEqual(['agadir-1', 'online-1']);
    expect(await ids({ moduleId: 'gp-101', status: 'closed' })).toEqual(['agadir-1']);
    await expectReplaysChangeNothing(docs, runner, log.events);
  });

  it('keeps each trainee’s enrolment: promoted, waiting with their current position, cancelled, completed or not', async () => {
    const log = scenario();
    const runner = await projectLog(log, enrolmentsProjection, docs);
    const enrolments = docs.collection<EnrolmentDoc>(TRAINING_ENROLMENTS);
    const doc = (t: string) => enrolments.get(enrolmentDocId('agadir-1', t));
    expect(await doc('t-1')).toMatchObject({ status: 'cancelled', completed: null });
    expect(await doc('t-2')).toMatchObject({ status: 'confirmed', completed: true, attendancePercent: 100 });
    expect(await doc('t-3')).toMatchObject({
      status: 'confirmed',
      completed: false,
      shortfalls: ['ATTENDANCE_BELOW_MINIMUM', 'FEEDBACK_MISSING'],
    });
    const t4 = await doc('t-4');
    if (!t4) throw new Error('no enrolment of t-4');
    expect(t4).toMatchObject({ status: 'waiting', associationId: 'assoc-md' });
    expect(await waitingPosition(enrolments, t4)).toBe(1);
    expect(
      (await enrolments.find(enrolmentsFilter({ associationId: 'assoc-md', completed: true }))).map(
        (e) => e.traineeId,
      ),
    ).toEqual(['t-2']);
    await expectReplaysChangeNothing(docs, runner, log.events);
  });

  it('counts sessions, seats, confirmed and completed per module and per place', async () => {
    const log = scenario();
    await projectLog(log, sessionsProjection, docs);
    expect(await trainingFigures(docs)).toEqual({
      sessions: 2,
      seats: 12,
      confirmed: 2,
      waiting: 1,
      completed: 1,
      byModule: [
        { moduleId: 'fr-201', sessions: 1, seats: 10, confirmed: 0, waiting: 0, completed: 0 },
        { moduleId: 'gp-101', sessions: 1, seats: 2, confirmed: 2, waiting: 1, completed: 1 },
      ],
      byPlace: [
        { country: 'MA', city: 'Agadir', sessions: 1, seats: 2, confirmed: 2, waiting: 1, completed: 1 },
        { country: null, city: null, sessions: 1, seats: 10, confirmed: 0, waiting: 0, completed: 0 },
      ],
    });
  });
});
