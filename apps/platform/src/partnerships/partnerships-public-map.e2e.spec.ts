import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { areaLayer } from '../registry/testing/area-layer';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import {
  area,
  AREAS,
  expectStatus,
  FIGURES,
  MAP,
  PROJECTS,
  ProjectsScenario,
  PUBLIC_PROJECTS,
} from './testing/projects-scenario';

// Seeding the demo users hashes ten passwords with scrypt.
jest.setTimeout(60_000);

describe('Partnerships API: the public portal, the map and the figures', () => {
  let client: PlatformClient;
  let scenario: ProjectsScenario;
  let published: string;
  let internal: string;
  let withdrawn: string;
  beforeAll(async () => {
    // The Registry's demo only (the organisations it names): the portal, the map and the figures
    // then show this spec's projects only.
    client = await PlatformClient.start('partnerships-public', { demoData: 'registry' });
    scenario = new ProjectsScenario(client);
    await scenario.ready();
    published = await scenario.published();
    await scenario.attach('officer', published, 'Rapport public', 'progress-report');
    await scenario.attach('officer', published, 'Budget détaillé', 'budget');
    await client.post('officer', `${PROJECTS}/${published}/expenditures`, {
      amount: { amountMinor: 10_000, currency: 'MAD' },
      on: '2026-02-01',
      description: 'Facture de M. Alaoui, 06 12 34 56 78',
    });
    internal = await scenario.open({
      locations: [{ area: area('MA-02'), commune: 'Figuig' }],
      sectors: [{ code: '31194', percentageHundredths: 10_000 }],
    });
    withdrawn = await scenario.published({ locations: [{ area: area('MA-TIZ') }] });
    expectStatus(
      await client.post('officer', `${PROJECTS}/${withdrawn}/unpublish`, { reason: 'Données à corriger' }),
      200,
      'unpublish',
    );
    await scenario.page('officer', published, (p) => p.documents.length === 2 && p.expenditures.length === 1);
    await scenario.page('officer', withdrawn, (p) => p.visibility === 'internal');
    await scenario.page('officer', internal);
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  const publicIds = async (query = '') =>
    (await client.get('anonymous', `${PUBLIC_PROJECTS}?pageSize=100${query}`)).body.items.map(
      (p: Json) => p.projectId,
    );

  it('lists published projects only, to anyone, with filters', async () => {
    const ids = await publicIds();
    expect(ids).toEqual([published]);
    expect(await publicIds('&region=MA-09&province=MA-TAR&sector=14030&status=1')).toEqual([published]);
    expect(await publicIds('&region=MA-02')).toEqual([]);
    expect(await publicIds('&status=2')).toEqual([]);
    expect((await client.get('anonymous', `${PUBLIC_PROJECTS}?status=x`)).status).toBe(400);
  });

  it('shows a published project without user ids, internal notes nor non-public documents', async () => {
    const reply = await client.get('anonymous', `${PUBLIC_PROJECTS}/${published}`);
    expect(reply.status).toBe(200);
    const text = JSON.stringify(reply.body);
    expect(text).not.toContain('user-officer');
    expect(text).not.toContain('Alaoui');
    expect(text).not.toContain('"by"');
    expect(reply.body.documents.map((d: Json) => d.kind)).toEqual(['progress-report']);
    expect(reply.body.expenditures).toEqual([
      expect.not.objectContaining({ description: expect.anything() }),
    ]);
    expect(reply.body).not.toHaveProperty('revisions');
    expect(reply.body).not.toHaveProperty('unpublished');
  });

  it('answers 404 for an unpublished, a withdrawn or an unknown project', async () => {
    for (const id of [internal, withdrawn, 'no-such-project'])
      expect((await client.get('anonymous', `${PUBLIC_PROJECTS}/${id}`)).status).toBe(404);
  });

  it('draws the published projects on the map as GeoJSON, filtered, never the unpublished ones', async () => {
    const reply = await client.get('anonymous', MAP);
    expect(reply.status).toBe(200);
    expect(reply.type).toContain('application/geo+json');
    const geo = typeof reply.body === 'string' ? JSON.parse(reply.body) : reply.body;
    expect(geo).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-7.9239, 30.5317] },
          properties: expect.objectContaining({
            projectId: published,
            regionCode: 'MA-09',
            provinceCode: 'MA-TAR',
            sectorCodes: ['14030'],
          }),
        },
      ],
    });
    const filtered = await client.get('anonymous', `${MAP}?region=MA-02`);
    const empty = typeof filtered.body === 'string' ? JSON.parse(filtered.body) : filtered.body;
    expect(empty.features).toEqual([]);
    expect((await client.get('anonymous', `${MAP}?sector=1`)).status).toBe(400);
  });

  it('draws the published projects as a GeoJSON layer of areas, by region and by province', async () => {
    const layer = async (query: string) =>
      Object.fromEntries(
        Object.entries(await areaLayer(client, AREAS, query)).map(([code, f]) => [code, f.properties]),
      );
    const regions = await layer('');
    expect(Object.keys(regions)).toHaveLength(12);
    expect(regions['MA-09']).toMatchObject({
      level: 'region',
      names: { fr: 'Souss-Massa' },
      projects: 1,
      byStatus: { '1': 1 },
      bySector: { '14030': 1 },
      budget: { MAD: '100000000' },
    });
    expect(regions['MA-02'].projects).toBe(0); // the internal project
    const provinces = await layer('level=province');
    expect(Object.keys(provinces)).toHaveLength(75);
    expect(provinces['MA-TAR']).toMatchObject({ region: 'MA-09', projects: 1 });
    expect(provinces['MA-TIZ'].projects).toBe(0); // unpublished
    expect((await layer('level=province&status=2'))['MA-TAR'].projects).toBe(0);
    expect((await layer('sector=14030'))['MA-09'].projects).toBe(1);
    for (const bad of ['level=commune', 'status=9', 'sector=1', 'level='])
      expect((await client.get('anonymous', `${AREAS}?${bad}`)).status).toBe(400);
  });

  it('counts published projects per region in the figures', async () => {
    const figures = (await client.get('anonymous', FIGURES)).body;
    expect(figures).toMatchObject({ projects: 1, byStatus: { '1': 1 }, budget: { MAD: '100000000' } });
    expect(figures.regions).toHaveLength(12);
    expect(figures.regions.find((r: Json) => r.region === 'MA-09')).toMatchObject({
      projects: 1,
      bySector: { '14030': 1 },
    });
    expect(figures.regions.find((r: Json) => r.region === 'MA-02')).toMatchObject({ projects: 0 });
  });

  it('drops a project from the portal, the map and the figures once unpublished', async () => {
    const other = await scenario.published({ locations: [{ area: area('MA-02'), commune: 'Figuig' }] });
    await eventually(
      () => publicIds(),
      (ids) => ids.includes(other),
      'the second published project',
    );
    expectStatus(
      await client.post('officer', `${PROJECTS}/${other}/unpublish`, { reason: 'Erreur de saisie' }),
      200,
      'unpublish',
    );
    await eventually(
      () => publicIds(),
      (ids) => !ids.includes(other),
      'the project withdrawn',
    );
    const geo = (await client.get('anonymous', MAP)).body;
    const features = (typeof geo === 'string' ? JSON.parse(geo) : geo).features;
    expect(features.map((f: Json) => f.properties.projectId)).toEqual([published]);
    expect((await client.get('anonymous', FIGURES)).body.projects).toBe(1);
  });
});
