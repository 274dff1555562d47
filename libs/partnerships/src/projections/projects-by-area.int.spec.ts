import { projectsByArea, ProjectsByAreaQuery } from './projects-by-area';
import { projectsProjection } from './projects';
import { projectLog } from './testing/partnerships-log';
import { projectScenario } from './testing/project-scenario';
import { OpenedReadStore, READ_STORES } from './testing/read-stores';

describe.each(READ_STORES)('published projects as a GeoJSON layer of areas on $name', ({ open }) => {
  let store: OpenedReadStore;
  beforeAll(async () => {
    store = await open();
    await projectLog(projectScenario(), projectsProjection, store.docs);
  });
  afterAll(async () => {
    await store?.close();
  });
  const layer = async (query: ProjectsByAreaQuery) => {
    const collection = await projectsByArea(store.docs, query);
    return { collection, byCode: Object.fromEntries(collection.features.map((f) => [f.id, f.properties])) };
  };

  it('gives every region with its outline and its public projects (p.4 and the award’s are internal)', async () => {
    const { collection, byCode } = await layer({ level: 'region' });
    expect(collection).toMatchObject({
      type: 'FeatureCollection',
      attribution: expect.stringMatching(/ODbL/),
    });
    expect(collection.features).toHaveLength(12);
    expect(byCode['MA-09']).toMatchObject({
      level: 'region',
      names: { fr: 'Souss-Massa' },
      projects: 2,
      byStatus: { '3': 1, '5': 1 },
      budget: { EUR: '1000000', MAD: '45000000' },
    });
    expect(byCode['MA-02']).toMatchObject({ projects: 1, byStatus: { '1': 1 } });
    expect(byCode['MA-06']).toEqual(
      expect.objectContaining({ projects: 0, byStatus: {}, budget: {}, bySector: {} }),
    );
  });

  it('gives every province, counting the projects located there (a region-wide one in none)', async () => {
    const { collection, byCode } = await layer({ level: 'province' });
    expect(collection.features).toHaveLength(75);
    expect(byCode['MA-TIZ']).toMatchObject({
      region: 'MA-09',
      projects: 1,
      bySector: { '14030': 1, '11220': 1 },
    });
    expect(collection.features.reduce((sum, f) => sum + f.properties.projects, 0)).toBe(1);
    expect(byCode['MA-CAS'].projects).toBe(0); // p.4 is internal
  });

  it('narrows to a status and a sector', async () => {
    expect((await layer({ level: 'region', status: '5' })).byCode['MA-09']).toMatchObject({
      projects: 1,
      byStatus: { '5': 1 },
    });
    const bySector = await layer({ level: 'region', sector: '14030' });
    expect(bySector.byCode['MA-09'].projects).toBe(1);
    expect(bySector.byCode['MA-02'].projects).toBe(1);
  });
});
