import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import {
  Caller,
  eventually,
  expectRouteGate,
  Json,
  PlatformClient,
  problemType,
  routesUnder,
} from './testing/platform-client';
import { areaLayer } from './testing/area-layer';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

const A = REGISTRY_DEMO_IDS.associations;
const ACT = REGISTRY_DEMO_IDS.actors;
const N = REGISTRY_DEMO_IDS.needs;
const NEEDS = '/api/registry/needs';
const MAP = '/api/registry/map/regions';
const NEEDS_GEOJSON = '/api/registry/map/needs.geojson';
const geo = (code: string) => ({ scheme: 'iso3166-2:2015', code });
const EVERYONE: Caller[] = [
  'anonymous',
  'admin',
  'officer',
  'evaluator1',
  'committee',
  'auditor',
  'association',
  'partner',
];

let sequence = 0;
const newId = (prefix = 'need-e2e') => `${prefix}-${Date.now().toString(36)}-${++sequence}`;

/** A need to publish: a province or region, a sector, a budget in MAD. */
const need = (overrides: Record<string, unknown> = {}) => ({
  location: geo('MA-TIZ'),
  sector: '14030',
  title: { fr: `Besoin ${++sequence}`, ar: 'حاجة', en: 'Need' },
  description: { fr: 'Description du besoin' },
  estimatedBudget: { amountMinor: 150_000_000, currency: 'MAD' },
  priority: 'medium',
  ...overrides,
});

describe('Registry API: regional needs and the map', () => {
  let client: PlatformClient;
  beforeAll(async () => {
    client = await PlatformClient.start('registry-needs-map');
  });
  afterAll(async () => {
    await client?.close();
  });

  const read = (who: Caller, needId: string) => client.get(who, `${NEEDS}/${needId}`);
  const act = (
    who: Caller,
    needId: string,
    action: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => client.post(who, `${NEEDS}/${needId}/${action}`, body, headers);
  const publish = async (who: Caller, body: Record<string, unknown> = need()): Promise<string> => {
    const reply = await client.post(who, NEEDS, body);
    expect(reply.status).toBe(201);
    return reply.body.needId;
  };
  /** A need of CRI Oriental, published by the officer: another CRI's need for the partner. */
  const orientalNeed = () =>
    publish('officer', need({ publisherId: ACT.criOriental, location: geo('MA-02'), sector: '31120' }));
  const publicCatalogueIds = async (query = 'pageSize=100'): Promise<string[]> =>
    (await client.get('anonymous', `${NEEDS}?${query}`)).body.items.map((item: Json) => item.needId);
  const region = async (code: string): Promise<Json> => {
    const reply = await client.get('anonymous', MAP);
    expect(reply.status).toBe(200);
    return reply.body.find((r: Json) => r.region === code);
  };

  describe('who may call what', () => {
    const routes = routesUnder('/needs', '/map');

    it.each(routes.filter((route) => !route.roles.includes('public')).map((r) => [r.method, r.path, r]))(
      '%s %s answers 403 to the roles it does not name and 401 without a token',
      async (_method, _path, route) => {
        await expectRouteGate(client, route, { needId: N.drinkingWaterTiznit });
      },
    );

    it.each(EVERYONE)('lets %s read the catalogue, an open need and the map', async (who) => {
      const catalogue = await client.get(who, NEEDS);
      expect(catalogue.status).toBe(200);
      expect(catalogue.body.total).toBeGreaterThanOrEqual(5);
      const one = await read(who, N.drinkingWaterTiznit);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ needId: N.drinkingWaterTiznit, status: 'open', region: 'MA-09' });
      expect(one.headers.get('etag')).toBe('"0"');
      const map = await client.get(who, MAP);
      expect(map.status).toBe(200);
      expect(map.body).toHaveLength(12);
    });

    it('lets the auditor read the matches and a closed need, and answers it 403 on every need command', async () => {
      expect((await client.get('auditor', `${NEEDS}/${N.drinkingWaterTiznit}/matches`)).status).toBe(200);
      expect((await read('auditor', N.electrificationTaroudant)).body.status).toBe('matched');
      const before = await read('officer', N.drinkingWaterTiznit);
      const attempts = [
        await client.post('auditor', NEEDS, need({ publisherId: ACT.criSoussMassa })),
        await act('auditor', N.drinkingWaterTiznit, 'match', {
          associationIds: [A.migrationsEtDeveloppement],
          funderIds: [],
        }),
        await act('auditor', N.drinkingWaterTiznit, 'addressed', { note: 'n' }),
        await act('auditor', N.drinkingWaterTiznit, 'withdraw', { reason: 'r' }),
      ];
      expect(attempts.map((reply) => [reply.status, reply.body.type])).toEqual(
        attempts.map(() => [403, problemType('forbidden')]),
      );
      const after = await read('officer', N.drinkingWaterTiznit);
      expect(after.body).toEqual(before.body);
      expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    });
  });

  describe('publishing', () => {
    it('lets the partner publish for its own region: the need is in the public catalogue and on the map', async () => {
      const before = await region('MA-09');
      const body = need({ location: geo('MA-TAR'), sector: '12220', priority: 'high' });
      const reply = await client.post('partner', NEEDS, body);
      expect(reply.status).toBe(201);
      expect(reply.body).toEqual({
        needId: expect.stringMatching(/^need-[0-9a-f-]{36}$/),
        revision: 0,
        position: expect.any(Number),
        events: ['RegionalNeedPublished'],
      });
      const needId = reply.body.needId as string;
      expect(reply.headers.get('location')).toBe(`${NEEDS}/${needId}`);
      expect(reply.headers.get('etag')).toBe('"0"');

      expect((await read('anonymous', needId)).body).toMatchObject({
        needId,
        status: 'open',
        publisherId: ACT.criSoussMassa,
        region: 'MA-09',
        location: geo('MA-TAR'),
      });
      await eventually(
        () => publicCatalogueIds('region=MA-09&sector=12220'),
        (ids) => ids.includes(needId),
        'the new need in the public catalogue',
      );
      const after = await eventually(
        () => region('MA-09'),
        (r) => r.openNeeds === before.openNeeds + 1,
        'the new need on the map',
      );
      expect(after.openNeedsBySector['12220']).toBe((before.openNeedsBySector['12220'] ?? 0) + 1);
      expect(BigInt(after.openBudget.MAD)).toBe(BigInt(before.openBudget.MAD ?? 0) + 150_000_000n);
    });

    it('draws the open needs as a GeoJSON layer of areas, by region and by province, for a sector', async () => {
      const layer = (query: string) => areaLayer(client, NEEDS_GEOJSON, query);
      const count = (l: Record<string, Json>, code: string): number => l[code].properties.openNeeds;
      const before = {
        region: count(await layer(''), 'MA-09'),
        province: count(await layer('level=province'), 'MA-TAT'),
      };
      await publish('partner', need({ location: geo('MA-TAT'), sector: '31194' }));
      await publish('partner', need({ location: geo('MA-09'), sector: '31194' }));
      const provinces = await eventually(
        () => layer('level=province'),
        (l) => count(l, 'MA-TAT') === before.province + 1,
        'the need in its province',
      );
      expect(Object.keys(provinces)).toHaveLength(75);
      expect(provinces['MA-TAT']).toMatchObject({
        type: 'Feature',
        geometry: { type: expect.stringMatching(/Polygon$/) },
        properties: { code: 'MA-TAT', level: 'province', region: 'MA-09', names: { fr: 'Tata' } },
      });
      const regions = await eventually(
        () => layer('level=region'),
        (l) => count(l, 'MA-09') === before.region + 2,
        'both needs in their region',
      );
      expect(Object.keys(regions)).toHaveLength(12);
      // A region-wide need lies in no province; the province's one in its province only.
      const bySector = await layer('level=province&sector=31194');
      expect(Object.values(bySector).reduce((sum, f) => sum + f.properties.openNeeds, 0)).toBe(1);
      expect(bySector['MA-TAT'].properties).toMatchObject({
        openNeeds: 1,
        openNeedsBySector: { '31194': 1 },
      });
      expect(count(await layer('sector=31194&priority=high'), 'MA-09')).toBe(0);
      for (const bad of ['level=commune', 'priority=urgent', 'sector=141414', 'level='])
        expect((await client.get('anonymous', `${NEEDS_GEOJSON}?${bad}`)).status).toBe(400);
    });

    it('refuses the partner publishing in another region: 403 PUBLISHER_NOT_ALLOWED, nothing published', async () => {
      for (const location of [geo('MA-02'), geo('MA-FIG')]) {
        const needId = newId();
        const reply = await client.post('partner', NEEDS, need({ needId, location }));
        expect(reply.status).toBe(403);
        expect(reply.body).toMatchObject({ type: problemType('forbidden'), code: 'PUBLISHER_NOT_ALLOWED' });
        expect((await read('officer', needId)).status).toBe(404);
      }
    });

    it('refuses the partner publishing as another organisation: 403', async () => {
      const needId = newId();
      const reply = await client.post('partner', NEEDS, need({ needId, publisherId: ACT.criOriental }));
      expect(reply.status).toBe(403);
      expect(reply.body.type).toBe(problemType('forbidden'));
      expect((await read('officer', needId)).status).toBe(404);
    });

    it('lets the officer publish for a CRI or agency it names; a publisher is required and must exist (400)', async () => {
      const needId = await orientalNeed();
      expect((await read('anonymous', needId)).body).toMatchObject({
        publisherId: ACT.criOriental,
        region: 'MA-02',
      });
      const none = await client.post('officer', NEEDS, need());
      expect(none.status).toBe(400);
      expect(none.body.errors).toEqual([expect.objectContaining({ pointer: '/publisherId' })]);
      const unknown = await client.post('officer', NEEDS, need({ publisherId: 'actor-no-such-thing' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: '/publisherId' })]);
    });

    it('refuses a publisher that is not a CRI or agency, or is inactive: 403', async () => {
      const funder = await client.post('officer', NEEDS, need({ publisherId: ACT.iom }));
      expect(funder.status).toBe(403);
      expect(funder.body.code).toBe('PUBLISHER_NOT_ALLOWED');

      const agencyId = newId('actor-agency');
      const registered = await client.post('officer', '/api/registry/actors', {
        actorId: agencyId,
        kind: 'development-agency',
        names: { fr: 'Agence fermée' },
        regions: [geo('MA-05')],
        sectors: [],
      });
      expect(registered.status).toBe(201);
      expect((await client.post('officer', `/api/registry/actors/${agencyId}/deactivate`)).status).toBe(200);
      const inactive = await client.post(
        'officer',
        NEEDS,
        need({ publisherId: agencyId, location: geo('MA-05') }),
      );
      expect(inactive.status).toBe(403);
      expect(inactive.body.type).toBe(problemType('forbidden'));
    });

    it('answers 400 to an invalid need, naming the field', async () => {
      const reply = await client.post(
        'partner',
        NEEDS,
        need({ estimatedBudget: { amountMinor: 0, currency: 'MAD' }, priority: 'urgent' }),
      );
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: Json) => e.pointer)).toEqual(
        expect.arrayContaining(['/estimatedBudget/amountMinor', '/priority']),
      );
    });

    it('replays a publication sent again with the same Idempotency-Key: one need', async () => {
      const body = need({ location: geo('MA-09') });
      const key = newId('publish-key');
      const first = await client.post('partner', NEEDS, body, { 'idempotency-key': key });
      const again = await client.post('partner', NEEDS, body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      const listed = await eventually(
        () => client.get('officer', `${NEEDS}?publisherId=${ACT.criSoussMassa}&pageSize=100`),
        (reply) => reply.body.items.some((item: Json) => item.needId === first.body.needId),
        'the published need in the catalogue',
      );
      expect(listed.body.items.filter((item: Json) => item.title.fr === body.title.fr)).toHaveLength(1);
    });
  });

  it('gives the field errors of an invalid need in the reader’s language (Accept-Language)', async () => {
    const body = need({ estimatedBudget: { amountMinor: 0, currency: 'MAD' }, priority: 'urgent' });
    const french = await client.post('partner', NEEDS, body, { 'accept-language': 'fr' });
    const arabic = await client.post('partner', NEEDS, body, { 'accept-language': 'ar' });
    const english = await client.post('partner', NEEDS, body);
    const detail = (reply: Json, pointer: string) =>
      reply.body.errors.find((e: Json) => e.pointer === pointer)?.detail;
    expect(detail(english, '/priority')).toMatch(/must be one of/);
    expect(detail(french, '/priority')).toMatch(/^doit être l’une de ces valeurs/);
    expect(detail(arabic, '/priority')).toMatch(/^يجب أن يكون إحدى هذه القيم/);
  });

  it('names the codes forms offer in ar/fr/en: regions, provinces, sectors, host countries, currencies (public)', async () => {
    const reply = await client.get('anonymous', '/api/registry/reference-data');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('public, max-age=3600');
    const { regions, provinces, sectors, hostCountries, currencies } = reply.body;
    expect(regions).toHaveLength(12);
    expect(regions.find((r: Json) => r.code === 'MA-09').names.ar).toMatch(/[\u0621-\u064A]/);
    expect(provinces.find((p: Json) => p.code === 'MA-TIZ')).toMatchObject({ region: 'MA-09' });
    expect(sectors.find((s: Json) => s.code === '14030').names.fr).not.toBe('');
    expect(hostCountries).toContain('FR');
    expect(hostCountries).not.toContain('MA');
    expect(currencies).toEqual(expect.arrayContaining(['MAD', 'EUR', 'USD']));
  });

  describe("another CRI's need", () => {
    it('answers 404 to the partner asking its matches, matching, addressing or withdrawing it; it stays open', async () => {
      const needId = await orientalNeed();
      const before = await read('officer', needId);
      const attempts = [
        await client.get('partner', `${NEEDS}/${needId}/matches`),
        await act('partner', needId, 'match', { associationIds: [A.cooperativesFiguig], funderIds: [] }),
        await act('partner', needId, 'addressed', { note: 'done' }),
        await act('partner', needId, 'withdraw', { reason: 'not needed' }),
      ];
      expect(attempts.map((reply) => [reply.status, reply.body.type])).toEqual(
        attempts.map(() => [404, problemType('not-found')]),
      );
      const after = await read('officer', needId);
      expect(after.body).toEqual(before.body);
      expect(after.body.status).toBe('open');
      expect(after.headers.get('etag')).toBe('"0"');
    });

    it('answers 404 to the partner reading it once it is no longer open, as to the public', async () => {
      const needId = await orientalNeed();
      expect((await act('officer', needId, 'withdraw', { reason: 'merged with another need' })).status).toBe(
        200,
      );
      for (const who of ['partner', 'anonymous', 'association'] as const) {
        const reply = await read(who, needId);
        expect([who, reply.status]).toEqual([who, 404]);
      }
      for (const who of ['officer', 'auditor', 'admin'] as const) {
        expect((await read(who, needId)).body.status).toBe('withdrawn');
      }
    });
  });

  describe("the publisher's own needs", () => {
    it('lists every status to the partner asking for its own (publisherId), only open needs of another publisher', async () => {
      const withdrawn = await publish('partner', need());
      expect((await act('partner', withdrawn, 'withdraw', { reason: 'duplicate' })).status).toBe(200);
      const oriental = await orientalNeed();
      expect((await act('officer', oriental, 'withdraw', { reason: 'duplicate' })).status).toBe(200);
      const ids = async (who: Caller, publisherId: string) =>
        (await client.get(who, `${NEEDS}?publisherId=${publisherId}&pageSize=100`)).body.items.map(
          (item: Json) => item.needId,
        );
      await eventually(
        () => ids('partner', ACT.criSoussMassa),
        (own) => own.includes(withdrawn),
        'the withdrawn need in its publisher’s list',
      );
      const onlyWithdrawn = await client.get(
        'partner',
        `${NEEDS}?publisherId=${ACT.criSoussMassa}&status=withdrawn&pageSize=100`,
      );
      expect(onlyWithdrawn.body.items.map((item: Json) => item.status)).toContain('withdrawn');
      expect(onlyWithdrawn.body.items.every((item: Json) => item.status === 'withdrawn')).toBe(true);
      expect(await ids('anonymous', ACT.criSoussMassa)).not.toContain(withdrawn);
      await eventually(
        () => ids('officer', ACT.criOriental),
        (all) => all.includes(oriental),
        'the withdrawn Oriental need in the officer’s list',
      );
      expect(await ids('partner', ACT.criOriental)).not.toContain(oriental);
    });
  });

  describe('matches', () => {
    it('ranks the verified associations and the funders for a need, with the reasons of each score in ar/fr/en', async () => {
      for (const who of ['partner', 'officer', 'auditor', 'admin'] as const) {
        const reply = await client.get(who, `${NEEDS}/${N.drinkingWaterTiznit}/matches`);
        expect(reply.status).toBe(200);
        expect(reply.body.needId).toBe(N.drinkingWaterTiznit);
        const { associations, funders } = reply.body;

        expect(associations[0]).toMatchObject({ id: A.migrationsEtDeveloppement, score: 70 });
        expect(associations[0].reasons.map((r: Json) => [r.code, r.points])).toEqual([
          ['same-province', 40],
          ['same-sector', 30],
          ['track-record', 0],
          ['training', 0],
        ]);
        const scores = associations.map((m: Json) => m.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        for (const match of [...associations, ...funders]) {
          expect(match.score).toBe(match.reasons.reduce((sum: number, r: Json) => sum + r.points, 0));
          for (const reason of match.reasons) {
            expect(reason.text).toEqual({
              ar: expect.any(String),
              fr: expect.any(String),
              en: expect.any(String),
            });
            expect(reason.text.ar).toMatch(/[\u0600-\u06FF]/);
          }
        }
        const ids = associations.map((m: Json) => m.id);
        expect(ids).toEqual(expect.arrayContaining([A.alpAtlas, A.amdam, A.cooperativesFiguig]));
        expect(ids).not.toContain(A.solidariteSoussBruxelles);
        expect(funders.map((m: Json) => m.id)).toEqual(expect.arrayContaining([ACT.iom, ACT.europeanUnion]));
      }
    });

    it('answers 404 for the matches of a need that does not exist', async () => {
      expect((await client.get('officer', `${NEEDS}/need-no-such-thing/matches`)).status).toBe(404);
    });
  });

  describe('life of a need', () => {
    it('matches, then addresses a need of its publisher; it leaves the public catalogue and the map', async () => {
      const needId = await publish('partner', need({ location: geo('MA-CHT'), sector: '16020' }));
      await eventually(
        () => publicCatalogueIds(),
        (ids) => ids.includes(needId),
        'the need in the catalogue',
      );
      const before = await region('MA-09');

      const empty = await act('partner', needId, 'match', { associationIds: [], funderIds: [] });
      expect(empty.status).toBe(400);
      const early = await act('partner', needId, 'addressed', { note: 'too early' });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('INVALID_TRANSITION');

      const matched = await act(
        'partner',
        needId,
        'match',
        { associationIds: [A.migrationsEtDeveloppement], funderIds: [ACT.iom] },
        { 'if-match': '"0"' },
      );
      expect(matched.status).toBe(200);
      expect(matched.body.events).toEqual(['RegionalNeedMatched']);
      expect(matched.headers.get('etag')).toBe('"1"');
      expect((await read('partner', needId)).body).toMatchObject({
        status: 'matched',
        associationIds: [A.migrationsEtDeveloppement],
        funderIds: [ACT.iom],
      });
      expect((await read('anonymous', needId)).status).toBe(404);
      await eventually(
        () => publicCatalogueIds(),
        (ids) => !ids.includes(needId),
        'the matched need to leave the public catalogue',
      );
      await eventually(
        () => region('MA-09'),
        (r) => r.openNeeds === before.openNeeds - 1,
        'the matched need to leave the map',
      );
      const privileged = await client.get('officer', `${NEEDS}?status=matched&pageSize=100`);
      expect(privileged.body.items.map((item: Json) => item.needId)).toContain(needId);

      const addressed = await act('partner', needId, 'addressed', { note: 'financed by the IOM' });
      expect(addressed.status).toBe(200);
      expect(addressed.body.events).toEqual(['RegionalNeedAddressed']);
      expect((await read('auditor', needId)).body.status).toBe('addressed');
      const withdraw = await act('partner', needId, 'withdraw', { reason: 'too late' });
      expect(withdraw.status).toBe(409);
      expect(withdraw.body).toMatchObject({ type: problemType('conflict'), code: 'INVALID_TRANSITION' });
    });

    it('refuses a match naming an association or a funder that does not exist (400)', async () => {
      const needId = await publish('partner');
      const association = await act('partner', needId, 'match', {
        associationIds: ['assoc-no-such-thing'],
        funderIds: [],
      });
      expect(association.status).toBe(400);
      expect(association.body.errors).toEqual([expect.objectContaining({ pointer: '/associationIds/0' })]);
      const funder = await act('partner', needId, 'match', {
        associationIds: [A.migrationsEtDeveloppement],
        funderIds: ['actor-no-such-thing'],
      });
      expect(funder.status).toBe(400);
      expect(funder.body.errors).toEqual([expect.objectContaining({ pointer: '/funderIds/0' })]);
      expect((await read('partner', needId)).body.status).toBe('open');
    });

    it('answers a match naming an association that is not public exactly as one that does not exist', async () => {
      const needId = await publish('partner');
      const answer = async (associationId: string) => {
        const reply = await act('partner', needId, 'match', {
          associationIds: [associationId],
          funderIds: [],
        });
        return { status: reply.status, type: reply.type, body: reply.body };
      };
      const unknown = await answer('assoc-no-such-thing');
      expect(unknown.status).toBe(400);
      expect(await answer(A.solidariteSoussBruxelles)).toEqual(unknown);
      expect((await read('partner', needId)).body.status).toBe('open');
    });

    it('lets the publisher withdraw its need; a withdrawal based on a stale revision is 412', async () => {
      const needId = await publish('partner');
      const stale = await act('partner', needId, 'withdraw', { reason: 'r' }, { 'if-match': '"3"' });
      expect(stale.status).toBe(412);
      expect(stale.body.type).toBe(problemType('precondition-failed'));
      expect((await read('anonymous', needId)).body.status).toBe('open');

      const withdrawn = await act('partner', needId, 'withdraw', { reason: 'covered by the region' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.events).toEqual(['RegionalNeedWithdrawn']);
      expect((await read('partner', needId)).body.status).toBe('withdrawn');
      await eventually(
        () => client.get('officer', `${NEEDS}?status=withdrawn&pageSize=100`),
        (reply) => reply.body.items.some((item: Json) => item.needId === needId),
        'the withdrawn need in the catalogue of officers',
      );
      const publicWithdrawn = await client.get('anonymous', `${NEEDS}?status=withdrawn&pageSize=100`);
      expect(publicWithdrawn.body.items.every((item: Json) => item.status === 'open')).toBe(true);
      expect(publicWithdrawn.body.items.map((item: Json) => item.needId)).not.toContain(needId);
    });

    it("lets the officer act on any CRI's need", async () => {
      const needId = await orientalNeed();
      const matched = await act('officer', needId, 'match', {
        associationIds: [A.cooperativesFiguig],
        funderIds: [],
      });
      expect(matched.status).toBe(200);
      expect((await act('officer', needId, 'addressed', { note: 'done' })).status).toBe(200);
    });

    it('answers 404 to a command on a need that does not exist', async () => {
      const reply = await act('officer', 'need-no-such-thing', 'withdraw', { reason: 'r' });
      expect(reply.status).toBe(404);
    });
  });

  describe('the map', () => {
    it('names the twelve 2015 regions in ar/fr/en with the figures of the demo', async () => {
      const reply = await client.get('anonymous', MAP);
      expect(reply.body.map((r: Json) => r.region)).toEqual(
        Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`),
      );
      for (const r of reply.body) {
        expect(r.names).toEqual({ ar: expect.any(String), fr: expect.any(String), en: expect.any(String) });
      }
      const oriental = reply.body.find((r: Json) => r.region === 'MA-02');
      expect(oriental.associations).toBeGreaterThanOrEqual(1);
    });

    it('counts a newly verified association in its region of origin, and no longer once suspended', async () => {
      const before = await region('MA-08');
      const registered = await client.post('officer', '/api/registry/associations', {
        profile: { names: { fr: 'Amis du Drâa' }, hostCountries: ['FR'], originRegions: [geo('MA-08')] },
      });
      expect(registered.status).toBe(201);
      const associationId = registered.body.associationId as string;
      await eventually(
        () => client.get('officer', `/api/registry/associations?status=submitted&region=MA-08`),
        (reply) => reply.body.items.some((item: Json) => item.associationId === associationId),
        'the submitted association in the directory',
      );
      expect((await region('MA-08')).associations).toBe(before.associations);

      const path = `/api/registry/associations/${associationId}`;
      expect((await client.post('officer', `${path}/verify`)).status).toBe(200);
      await eventually(
        () => region('MA-08'),
        (r) => r.associations === before.associations + 1,
        'the verified association on the map',
      );
      expect((await client.post('officer', `${path}/suspend`, { reason: 'audit' })).status).toBe(200);
      await eventually(
        () => region('MA-08'),
        (r) => r.associations === before.associations,
        'the suspended association off the map',
      );
    });
  });
});
