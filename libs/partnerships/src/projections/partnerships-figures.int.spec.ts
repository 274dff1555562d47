import { partnershipsFigures } from './partnerships-figures';
import { projectsProjection } from './projects';
import { mad, projectData } from './testing/fixtures';
import { PartnershipsLog, projectLog } from './testing/partnerships-log';
import { projectScenario } from './testing/project-scenario';
import { OpenedReadStore, READ_STORES } from './testing/read-stores';

describe.each(READ_STORES)('public figures per region on $name', ({ open }) => {
  let store: OpenedReadStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
  });
  const figures = async (log: PartnershipsLog) => {
    await projectLog(log, projectsProjection, store.docs);
    const all = await partnershipsFigures(store.docs);
    return { ...all, byRegion: Object.fromEntries(all.regions.map((r) => [r.region, r])) };
  };

  it('gives every 2015 region, with zeros where nothing is public', async () => {
    const all = await partnershipsFigures(store.docs);
    expect(all).toMatchObject({ projects: 0, byStatus: {}, budget: {} });
    expect(all.regions.map((r) => r.region)).toEqual(
      Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`),
    );
    expect(all.regions[8]).toEqual({
      region: 'MA-09',
      names: expect.objectContaining({ fr: 'Souss-Massa' }),
      projects: 0,
      byStatus: {},
      budget: {},
      bySector: {},
    });
  });

  it('counts public projects by region and status, sums their budgets per currency, counts sectors', async () => {
    const all = await figures(projectScenario());
    // p.4 and the award-born project are internal.
    expect(all).toMatchObject({
      projects: 3,
      byStatus: { '1': 1, '3': 1, '5': 1 },
      budget: { EUR: '1000000', MAD: '70000000' },
    });
    expect(all.byRegion['MA-09']).toMatchObject({
      projects: 2,
      byStatus: { '3': 1, '5': 1 },
      budget: { EUR: '1000000', MAD: '45000000' },
      bySector: { '11220': 2, '14030': 1 },
    });
    expect(all.byRegion['MA-02']).toMatchObject({
      projects: 1,
      byStatus: { '1': 1 },
      budget: { MAD: '25000000' },
      bySector: { '14030': 1 },
    });
    expect(all.byRegion['MA-06'].projects).toBe(0);
  });

  it('follows publication: an unpublished project leaves the figures', async () => {
    const log = projectScenario();
    log.project('UnpublishProject', { projectId: 'p.2', reason: 'données à vérifier' });
    log.project('PublishProject', { projectId: 'p.4' });
    const all = await figures(log);
    expect(all.byRegion['MA-02'].projects).toBe(0);
    expect(all.byRegion['MA-09']).toMatchObject({ projects: 3, budget: { EUR: '1000000', MAD: '45100000' } });
  });

  it('sums budgets exactly past 2^53', async () => {
    const log = new PartnershipsLog();
    for (const id of ['q1', 'q2', 'q3']) {
      log.project('OpenProject', projectData(id, { area: 'MA-01', budget: [mad(Number.MAX_SAFE_INTEGER)] }));
      log.project('PublishProject', { projectId: id });
    }
    const all = await figures(log);
    const exact = (3n * BigInt(Number.MAX_SAFE_INTEGER)).toString();
    expect(all.budget).toEqual({ MAD: exact });
    expect(all.byRegion['MA-01'].budget).toEqual({ MAD: exact });
  });
});
