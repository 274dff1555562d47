import { PARTNERSHIPS_PROGRAMMES, ProgrammeDoc, programmesFilter, programmesProjection } from './programmes';
import { eur, usd } from './testing/fixtures';
import { hashes, PartnershipsLog, projectLog, replayFromStart } from './testing/partnerships-log';
import { expectStaleDeliveriesIgnored } from './testing/projection-checks';
import { OpenedReadStore, READ_STORES } from './testing/read-stores';

function scenario(): PartnershipsLog {
  const log = new PartnershipsLog();
  log.programme('DefineProgramme', {
    programmeId: 'icmd.2',
    name: { fr: 'ICMD phase 2', en: 'JMDI phase 2' },
    partnerId: 'iom',
    funderIds: ['eu-delegation', 'sdc'],
    budget: [usd(5_000_000_00)],
    period: { start: '2025-01-01', end: '2027-12-31' },
  });
  log.programme('DefineProgramme', {
    programmeId: 'eu-mobility',
    name: { fr: 'Partenariat pour la mobilité' },
    description: { fr: 'Projet UE' },
    partnerId: 'eu-delegation',
    funderIds: ['eu-delegation'],
    budget: [eur(2_000_000_00)],
    period: { start: '2024-01-01', end: '2025-12-31' },
  });
  log.now = '2025-06-01T10:00:00.000Z';
  log.programme('ReviseProgramme', {
    programmeId: 'icmd.2',
    changes: { budget: [eur(1_000_000_00), usd(6_000_000_00)] },
  });
  log.programme('CloseProgramme', { programmeId: 'eu-mobility', reason: 'fin du projet' });
  return log;
}

describe.each(READ_STORES)('programmes read model on $name', ({ open }) => {
  let store: OpenedReadStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
  });
  const programmes = () => store.docs.collection<ProgrammeDoc>(PARTNERSHIPS_PROGRAMMES);

  it('keeps each programme’s details as last revised, and its closing', async () => {
    await projectLog(scenario(), programmesProjection, store.docs);
    expect(await programmes().get('icmd.2')).toEqual({
      _id: 'icmd.2',
      _position: expect.any(Number),
      programmeId: 'icmd.2',
      name: { fr: 'ICMD phase 2', en: 'JMDI phase 2' },
      description: null,
      partnerId: 'iom',
      funderIds: ['eu-delegation', 'sdc'],
      budget: [eur(1_000_000_00), usd(6_000_000_00)],
      period: { start: '2025-01-01', end: '2027-12-31' },
      status: 'active',
      definedAt: '2025-03-01T10:00:00.000Z',
      revisedAt: '2025-06-01T10:00:00.000Z',
      closedAt: null,
      closingReason: null,
    });
    expect(await programmes().get('eu-mobility')).toMatchObject({
      status: 'closed',
      closedAt: '2025-06-01T10:00:00.000Z',
      closingReason: 'fin du projet',
    });
  });

  it('filters by status and by the actor as partner or funder', async () => {
    await projectLog(scenario(), programmesProjection, store.docs);
    const ids = async (query: Parameters<typeof programmesFilter>[0]) =>
      (await programmes().find(programmesFilter(query), { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ status: 'active' })).toEqual(['icmd.2']);
    expect(await ids({ actorId: 'eu-delegation' })).toEqual(['eu-mobility', 'icmd.2']);
    expect(await ids({ actorId: 'iom' })).toEqual(['icmd.2']);
    expect(await ids({ actorId: 'sdc', status: 'closed' })).toEqual([]);
  });

  it('gives the same documents when the log is replayed, rebuilt, or delivered again out of order', async () => {
    const log = scenario();
    const runner = await projectLog(log, programmesProjection, store.docs);
    const { before, after } = await replayFromStart(store.docs, runner);
    expect(after).toEqual(before);
    await runner.rebuild();
    expect(await hashes(store.docs, programmesProjection)).toEqual(before);
    await expectStaleDeliveriesIgnored(store.docs, programmesProjection, log.events);
  });
});
