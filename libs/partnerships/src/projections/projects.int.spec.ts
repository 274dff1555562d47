import { documentKey } from './document-keys';
import { projectsGeoJson } from './project-map';
import { projectPage } from './project-page';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsFilter, projectsProjection } from './projects';
import { publicProjectView } from './public-project-view';
import { geo } from './testing/fixtures';
import { hashes, projectLog, replayFromStart } from './testing/partnerships-log';
import { projectScenario } from './testing/project-scenario';
import { expectStaleDeliveriesIgnored } from './testing/projection-checks';
import { OpenedReadStore, READ_STORES } from './testing/read-stores';

describe.each(READ_STORES)('projects read model on $name', ({ open }) => {
  let store: OpenedReadStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
  });
  const projects = () => store.docs.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS);
  const get = async (id: string) => (await projects().get(id)) as ProjectDoc;

  it('holds what a project page shows, with totals per currency from the domain', async () => {
    await projectLog(projectScenario(), projectsProjection, store.docs);
    const doc = await get('p.1');
    expect(doc).toMatchObject({
      projectId: 'p.1',
      carrierId: 'md.0001',
      origin: { kind: 'agreement', agreementId: 'agr.1' },
      agreementId: 'agr.1',
      programmeId: 'icmd2',
      status: '3',
      visibility: 'public',
      publishedAt: '2025-06-02T09:00:00.000Z',
      partyIds: ['iom', 'md.0001', 'mre-ministry'],
      regionCodes: ['MA-09'],
      provinceCodes: ['MA-TIZ'],
      sectorCodes: ['11220', '14030'],
      replicationOf: null,
    });
    expect(doc.locations).toEqual([
      { area: geo('MA-TIZ'), region: 'MA-09', commune: 'Tafraout', point: { lat: 29.723146, lon: -8.975 } },
    ]);
    expect(Object.keys(doc.disbursements)).toEqual([documentKey('t.1'), documentKey('t.2')]);
    const page = projectPage(doc);
    expect(page.totals).toEqual([
      {
        currency: 'EUR',
        budget: { amountMinor: '1000000', currency: 'EUR' },
        granted: { amountMinor: '0', currency: 'EUR' },
        cofinancing: { amountMinor: '0', currency: 'EUR' },
        disbursed: { amountMinor: '0', currency: 'EUR' },
        spent: { amountMinor: '0', currency: 'EUR' },
      },
      {
        currency: 'MAD',
        budget: { amountMinor: '20000000', currency: 'MAD' },
        granted: { amountMinor: '0', currency: 'MAD' },
        cofinancing: { amountMinor: '20000000', currency: 'MAD' },
        disbursed: { amountMinor: '10000000', currency: 'MAD' },
        spent: { amountMinor: '4500000', currency: 'MAD' },
      },
    ]);
    expect(page.milestones.map((m) => [m.milestoneId, m.reachedOn])).toEqual([
      ['m.1', '2025-08-30'],
      ['m.2', null],
    ]);
    expect(page.sectorPercentages).toEqual([
      { code: '14030', percentage: '50' },
      { code: '11220', percentage: '50' },
    ]);
    expect(page.disbursements.map((d) => [d.trancheId, d.source])).toEqual([
      ['t.1', 'funding-tranche'],
      ['t.2', 'manual'],
    ]);
    expect(page.replicas).toEqual([
      {
        replicaProjectId: 'p.2',
        region: geo('MA-02'),
        originalRegions: ['MA-09'],
        at: '2025-09-01T09:00:00.000Z',
        by: 'officer-1',
      },
    ]);
    expect(doc.statusHistory.map((s) => [s.from, s.to])).toEqual([
      ['1', '2'],
      ['2', '3'],
    ]);
    expect(await get('p.2')).toMatchObject({ replicationOf: 'p.1', origin: { kind: 'replication' } });
    const award = projectPage(await get('award-app.17'));
    expect(award).toMatchObject({ title: null, locations: [], regionCodes: [], partyIds: ['md.0042'] });
    expect(award.totals).toEqual([
      expect.objectContaining({ currency: 'MAD', granted: { amountMinor: '30000000', currency: 'MAD' } }),
    ]);
  });

  it('follows a revision: locations moved, codes recomputed, the revision logged', async () => {
    await projectLog(projectScenario(), projectsProjection, store.docs);
    const doc = await get('p.4');
    expect(doc).toMatchObject({ regionCodes: ['MA-09'], provinceCodes: ['MA-TIZ'], visibility: 'internal' });
    expect(doc.revisions).toEqual([
      { fields: ['locations'], at: '2025-09-01T09:00:00.000Z', by: 'officer-1' },
    ]);
  });

  it('filters by region, province, sector, status, party, publication and replication', async () => {
    await projectLog(projectScenario(), projectsProjection, store.docs);
    const ids = async (query: Parameters<typeof projectsFilter>[0]) =>
      (await projects().find(projectsFilter(query), { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ regionCode: 'MA-09' })).toEqual(['p.1', 'p.3', 'p.4']);
    expect(await ids({ regionCode: 'MA-09', publicOnly: true })).toEqual(['p.1', 'p.3']);
    expect(await ids({ provinceCode: 'MA-TIZ' })).toEqual(['p.1', 'p.4']);
    expect(await ids({ provinceCode: 'MA-CAS' })).toEqual([]);
    expect(await ids({ regionCode: 'MA-02' })).toEqual(['p.2']);
    expect(await ids({ sectorCode: '11220' })).toEqual(['p.1', 'p.3']);
    expect(await ids({ status: '5' })).toEqual(['p.3']);
    expect(await ids({ status: ['1', '2', '3'], publicOnly: true })).toEqual(['p.1', 'p.2']);
    expect(await ids({ partyId: 'md.0042' })).toEqual(['award-app.17']);
    expect(await ids({ partyId: 'iom', regionCode: 'MA-02' })).toEqual(['p.2']);
    expect(await ids({ replicationOf: 'p.1' })).toEqual(['p.2']);
    expect(await ids({ agreementId: 'agr.1' })).toEqual(['p.1', 'p.3', 'p.4']);
  });

  it('shows the public only published projects, without user ids, internal notes or internal documents', async () => {
    await projectLog(projectScenario(), projectsProjection, store.docs);
    expect(publicProjectView(await get('p.4'))).toBeNull();
    const view = publicProjectView(await get('p.1'));
    expect(view).toMatchObject({
      projectId: 'p.1',
      carrierId: 'md.0001',
      partyIds: ['iom', 'md.0001', 'mre-ministry'],
    });
    expect(view?.documents.map((d) => d.name)).toEqual(['chantier.jpg']);
    expect(view?.expenditures).toEqual([
      {
        expenditureId: 'e.1',
        amount: { amountMinor: 4_500_000, currency: 'MAD' },
        on: '2025-08-20',
        at: '2025-09-01T09:00:00.000Z',
      },
    ]);
    const cancelled = publicProjectView(await get('p.3'));
    expect(cancelled?.statusHistory).toEqual([{ from: '1', to: '5', at: '2025-09-01T09:00:00.000Z' }]);
    const json = JSON.stringify([view, cancelled]);
    for (const secret of ['officer-1', 'note interne', 'budget-detaille', '"by"', 'openedBy', 'revisions'])
      expect(json).not.toContain(secret);
  });

  it('draws the public map: a point where a location has one, else the area codes to group by', async () => {
    await projectLog(projectScenario(), projectsProjection, store.docs);
    const published = await projects().find(projectsFilter({ publicOnly: true }), { sort: { _id: 1 } });
    const map = projectsGeoJson(published);
    expect(map.type).toBe('FeatureCollection');
    expect(
      map.features.map((f) => [
        f.properties.projectId,
        f.geometry,
        f.properties.regionCode,
        f.properties.provinceCode,
      ]),
    ).toEqual([
      ['p.1', { type: 'Point', coordinates: [-8.975, 29.723146] }, 'MA-09', 'MA-TIZ'],
      ['p.2', null, 'MA-02', null],
      ['p.3', { type: 'Point', coordinates: [-9.6, 30.42] }, 'MA-09', null],
    ]);
    expect(map.features[1].properties).toMatchObject({
      areaCode: 'MA-02',
      status: '1',
      sectorCodes: ['14030'],
    });
  });

  it('gives the same documents when the log is replayed, rebuilt, or delivered again out of order', async () => {
    const log = projectScenario();
    const runner = await projectLog(log, projectsProjection, store.docs);
    const { before, after, replayed } = await replayFromStart(store.docs, runner);
    expect(replayed).toBe(log.events.length);
    expect(after).toEqual(before);
    await runner.rebuild();
    expect(await hashes(store.docs, projectsProjection)).toEqual(before);
    await expectStaleDeliveriesIgnored(store.docs, projectsProjection, log.events);
  });
});
