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

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

const A = REGISTRY_DEMO_IDS.associations;
const ACT = REGISTRY_DEMO_IDS.actors;
const DEMO_NETWORK = REGISTRY_DEMO_IDS.networks.reseauAtlasMediterranee;
const ACTORS = '/api/registry/actors';
const NETWORKS = '/api/registry/networks';
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
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++sequence}`;

describe('Registry API: actors and networks', () => {
  let client: PlatformClient;
  beforeAll(async () => {
    client = await PlatformClient.start('registry-actors-networks');
  });
  afterAll(async () => {
    await client?.close();
  });

  const actor = (who: Caller, id: string) => client.get(who, `${ACTORS}/${id}`);
  const network = (who: Caller, id: string) => client.get(who, `${NETWORKS}/${id}`);
  const registerActor = async (who: Caller = 'officer', overrides: Record<string, unknown> = {}) => {
    const actorId = newId('actor-e2e');
    const reply = await client.post(who, ACTORS, {
      actorId,
      kind: 'elected-council',
      names: { fr: `Commune ${actorId}` },
      regions: [geo('MA-07')],
      sectors: ['15150'],
      ...overrides,
    });
    expect(reply.status).toBe(201);
    return actorId;
  };
  const createNetwork = async () => {
    const networkId = newId('network-e2e');
    const reply = await client.post('officer', NETWORKS, {
      networkId,
      kind: 'federation',
      names: { fr: `Fédération ${networkId}` },
    });
    expect(reply.status).toBe(201);
    return networkId;
  };

  describe('who may call what', () => {
    const routes = routesUnder('/actors', '/networks');

    it.each(routes.filter((route) => !route.roles.includes('public')).map((r) => [r.method, r.path, r]))(
      '%s %s answers 403 to the roles it does not name and 401 without a token',
      async (_method, _path, route) => {
        await expectRouteGate(client, route, {
          actorId: ACT.criSoussMassa,
          networkId: DEMO_NETWORK,
          associationId: A.alpAtlas,
        });
      },
    );

    it.each(EVERYONE)(
      'lets %s read the actor directory, an actor, the networks and a network',
      async (who) => {
        const directory = await client.get(who, ACTORS);
        expect(directory.status).toBe(200);
        expect(directory.body.total).toBeGreaterThanOrEqual(19);
        const cri = await actor(who, ACT.criSoussMassa);
        expect(cri.status).toBe(200);
        expect(cri.body).toMatchObject({ actorId: ACT.criSoussMassa, kind: 'regional-investment-centre' });
        const networks = await client.get(who, NETWORKS);
        expect(networks.status).toBe(200);
        expect(networks.body.items.map((item: Json) => item.networkId)).toContain(DEMO_NETWORK);
        const one = await network(who, DEMO_NETWORK);
        expect(one.status).toBe(200);
        expect(one.body.members).toEqual(expect.arrayContaining([A.migrationsEtDeveloppement, A.alpAtlas]));
      },
    );

    it('answers the auditor 403 on every actor and network command, and changes nothing', async () => {
      const actorBefore = await actor('officer', ACT.criOriental);
      const networkBefore = await network('officer', DEMO_NETWORK);
      const attempts = [
        await client.post('auditor', ACTORS, {
          kind: 'funder',
          names: { fr: 'Fonds' },
          regions: [],
          sectors: [],
        }),
        await client.patch('auditor', `${ACTORS}/${ACT.criOriental}`, { names: { fr: 'Renommé' } }),
        await client.post('auditor', `${ACTORS}/${ACT.criOriental}/deactivate`),
        await client.post('auditor', NETWORKS, { kind: 'network', names: { fr: 'Réseau' } }),
        await client.patch('auditor', `${NETWORKS}/${DEMO_NETWORK}`, { names: { fr: 'Renommé' } }),
        await client.post('auditor', `${NETWORKS}/${DEMO_NETWORK}/members`, { associationId: A.amdam }),
        await client.delete('auditor', `${NETWORKS}/${DEMO_NETWORK}/members/${A.alpAtlas}`),
      ];
      expect(attempts.map((reply) => [reply.status, reply.body.type])).toEqual(
        attempts.map(() => [403, problemType('forbidden')]),
      );
      const actorAfter = await actor('officer', ACT.criOriental);
      expect(actorAfter.body).toEqual(actorBefore.body);
      expect(actorAfter.headers.get('etag')).toBe(actorBefore.headers.get('etag'));
      const networkAfter = await network('officer', DEMO_NETWORK);
      expect(networkAfter.body).toEqual(networkBefore.body);
      expect(networkAfter.headers.get('etag')).toBe(networkBefore.headers.get('etag'));
    });
  });

  describe('actors', () => {
    it('filters the public actor directory by kind, region and name', async () => {
      const cris = await client.get('anonymous', `${ACTORS}?kind=regional-investment-centre&pageSize=100`);
      expect(cris.status).toBe(200);
      expect(cris.body.total).toBe(12);
      expect(cris.body.items.every((item: Json) => item.kind === 'regional-investment-centre')).toBe(true);
      expect(cris.body.items[0]).not.toHaveProperty('search');

      const soussMassa = await client.get('anonymous', `${ACTORS}?region=MA-09&pageSize=100`);
      expect(soussMassa.body.items.map((item: Json) => item.actorId)).toEqual(
        expect.arrayContaining([ACT.criSoussMassa, ACT.agenceDeDeveloppementSocial]),
      );
      expect(soussMassa.body.items.every((item: Json) => item.regions.includes('MA-09'))).toBe(true);

      const named = await client.get('anonymous', `${ACTORS}?text=${encodeURIComponent('oriental')}`);
      expect(named.body.items.map((item: Json) => item.actorId)).toEqual(
        expect.arrayContaining([ACT.criOriental, ACT.agenceDeLOriental]),
      );
    });

    it('answers one actor with its revision as ETag, and 404 for one that does not exist', async () => {
      const reply = await actor('anonymous', ACT.iom);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('etag')).toBe('"0"');
      expect(reply.body).toMatchObject({ status: 'active', actorId: ACT.iom, kind: 'funder' });
      const missing = await actor('anonymous', 'actor-no-such-thing');
      expect(missing.status).toBe(404);
      expect(missing.body.type).toBe(problemType('not-found'));
    });

    it('registers an actor for the officer and for the admin: 201, location, ETag', async () => {
      for (const who of ['officer', 'admin'] as const) {
        const actorId = newId('actor-e2e');
        const reply = await client.post(who, ACTORS, {
          actorId,
          kind: 'funder',
          names: { fr: `Fondation ${who}` },
          regions: [],
          sectors: ['15190'],
        });
        expect(reply.status).toBe(201);
        expect(reply.body).toEqual({
          actorId,
          revision: 0,
          position: expect.any(Number),
          events: ['ActorRegistered'],
        });
        expect(reply.headers.get('location')).toBe(`${ACTORS}/${actorId}`);
        expect(reply.headers.get('etag')).toBe('"0"');
        await eventually(
          () => client.get('anonymous', `${ACTORS}?kind=funder&pageSize=100`),
          (list) => list.body.items.some((item: Json) => item.actorId === actorId),
          'the new funder in the actor directory',
        );
      }
    });

    it('answers 409 to an existing actor id registered with other data, 400 to an unknown kind', async () => {
      const conflict = await client.post('officer', ACTORS, {
        actorId: ACT.iom,
        kind: 'funder',
        names: { fr: 'Autre OIM' },
        regions: [],
        sectors: [],
      });
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject({ type: problemType('conflict'), code: 'ALREADY_REGISTERED' });
      const invalid = await client.post('officer', ACTORS, {
        kind: 'bank',
        names: { fr: 'Banque' },
        regions: [],
        sectors: [],
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors).toEqual([expect.objectContaining({ pointer: '/kind' })]);
    });

    it('replays an actor registration sent again with the same Idempotency-Key', async () => {
      const body = {
        kind: 'local-association',
        names: { fr: 'Association locale' },
        regions: [],
        sectors: [],
      };
      const key = newId('actor-key');
      const first = await client.post('admin', ACTORS, body, { 'idempotency-key': key });
      const again = await client.post('admin', ACTORS, body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
    });

    it('lets the partner change the names and sectors of its own organisation', async () => {
      const before = await actor('partner', ACT.criSoussMassa);
      const reply = await client.patch(
        'partner',
        `${ACTORS}/${ACT.criSoussMassa}`,
        {
          names: { ...before.body.names, en: 'Souss-Massa Investment Centre' },
          sectors: ['25030', '32130', '16020'],
        },
        { 'if-match': before.headers.get('etag') as string },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.events).toEqual(['ActorUpdated']);
      const after = await actor('anonymous', ACT.criSoussMassa);
      expect(after.body.names.en).toBe('Souss-Massa Investment Centre');
      expect(after.body.sectors).toEqual(['25030', '32130', '16020']);
      expect(after.body.regions).toEqual(before.body.regions);
    });

    it('answers 404 to the partner changing another organisation, which stays as it was', async () => {
      const before = await actor('officer', ACT.criOriental);
      for (const target of [ACT.criOriental, ACT.iom]) {
        const reply = await client.patch('partner', `${ACTORS}/${target}`, { names: { fr: 'Annexé' } });
        expect(reply.status).toBe(404);
        expect(reply.body.type).toBe(problemType('not-found'));
      }
      expect((await actor('officer', ACT.criOriental)).body).toEqual(before.body);
    });

    it('refuses the partner widening the regions it covers (they decide where it may publish needs): 403', async () => {
      const before = await actor('partner', ACT.criSoussMassa);
      const reply = await client.patch('partner', `${ACTORS}/${ACT.criSoussMassa}`, {
        regions: [geo('MA-09'), geo('MA-02')],
      });
      expect(reply.status).toBe(403);
      expect(reply.body.type).toBe(problemType('forbidden'));
      expect((await actor('partner', ACT.criSoussMassa)).body.regions).toEqual(before.body.regions);
    });

    it('lets the officer and the admin change an actor; a stale If-Match is 412', async () => {
      const actorId = await registerActor();
      const read = await actor('officer', actorId);
      const changed = await client.patch(
        'officer',
        `${ACTORS}/${actorId}`,
        { regions: [geo('MA-07'), geo('MA-08')] },
        { 'if-match': read.headers.get('etag') as string },
      );
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).toBe('"1"');
      const stale = await client.patch(
        'admin',
        `${ACTORS}/${actorId}`,
        { sectors: ['15112'] },
        { 'if-match': read.headers.get('etag') as string },
      );
      expect(stale.status).toBe(412);
      expect(stale.body.type).toBe(problemType('precondition-failed'));
      const byAdmin = await client.patch('admin', `${ACTORS}/${actorId}`, { sectors: ['15112'] });
      expect(byAdmin.status).toBe(200);
      expect((await actor('anonymous', actorId)).body).toMatchObject({
        regions: [geo('MA-07'), geo('MA-08')],
        sectors: ['15112'],
      });
    });

    it('deactivates an actor (officer, admin); an inactive actor refuses changes with 409', async () => {
      for (const who of ['officer', 'admin'] as const) {
        const actorId = await registerActor();
        const reply = await client.post(who, `${ACTORS}/${actorId}/deactivate`);
        expect(reply.status).toBe(200);
        expect(reply.body.events).toEqual(['ActorDeactivated']);
        expect((await actor('anonymous', actorId)).body.status).toBe('inactive');
        expect((await client.post(who, `${ACTORS}/${actorId}/deactivate`)).body.events).toEqual([]);
        const change = await client.patch('officer', `${ACTORS}/${actorId}`, { sectors: ['15112'] });
        expect(change.status).toBe(409);
        expect(change.body.code).toBe('INVALID_TRANSITION');
        await eventually(
          () => client.get('anonymous', `${ACTORS}?kind=elected-council&pageSize=100`),
          (list) => list.body.items.some((item: Json) => item.actorId === actorId && item.active === false),
          'the deactivation in the actor directory',
        );
      }
    });

    it('answers 404 to a change or deactivation of an actor that does not exist', async () => {
      const change = await client.patch('officer', `${ACTORS}/actor-no-such-thing`, { sectors: ['15112'] });
      expect(change.status).toBe(404);
      const deactivate = await client.post('officer', `${ACTORS}/actor-no-such-thing/deactivate`);
      expect(deactivate.status).toBe(404);
    });
  });

  describe('networks', () => {
    it('lists the networks an association belongs to', async () => {
      const reply = await client.get('anonymous', `${NETWORKS}?associationId=${A.alpAtlas}`);
      expect(reply.status).toBe(200);
      expect(reply.body.items.map((item: Json) => item.networkId)).toEqual([DEMO_NETWORK]);
      expect(reply.body.items[0].memberCount).toBe(2);
      const none = await client.get('anonymous', `${NETWORKS}?associationId=${A.amdam}`);
      expect(none.body).toMatchObject({ items: [], total: 0 });
    });

    it('answers one network with its revision as ETag, and 404 for one that does not exist', async () => {
      const reply = await network('anonymous', DEMO_NETWORK);
      expect(reply.headers.get('etag')).toBe('"2"');
      expect(reply.body).toMatchObject({ networkId: DEMO_NETWORK, kind: 'network', status: 'active' });
      expect((await network('anonymous', 'network-no-such-thing')).status).toBe(404);
    });

    it('creates a network for the officer, and replays it for the same Idempotency-Key', async () => {
      const body = { kind: 'network', names: { fr: `Réseau ${newId('n')}` } };
      const key = newId('network-key');
      const first = await client.post('officer', NETWORKS, body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ revision: 0, events: ['NetworkCreated'] });
      expect(first.body.networkId).toMatch(/^network-/);
      expect(first.headers.get('location')).toBe(`${NETWORKS}/${first.body.networkId}`);
      const again = await client.post('officer', NETWORKS, body, { 'idempotency-key': key });
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect((await network('anonymous', first.body.networkId)).body.names).toEqual(body.names);
    });

    it('renames a network; a rename based on a stale revision is 412', async () => {
      const networkId = await createNetwork();
      const renamed = await client.patch(
        'officer',
        `${NETWORKS}/${networkId}`,
        { names: { fr: 'Nouveau nom', ar: 'اسم جديد' } },
        { 'if-match': '"0"' },
      );
      expect(renamed.status).toBe(200);
      expect(renamed.body.events).toEqual(['NetworkRenamed']);
      const stale = await client.patch(
        'officer',
        `${NETWORKS}/${networkId}`,
        { names: { fr: 'Trop tard' } },
        { 'if-match': '"0"' },
      );
      expect(stale.status).toBe(412);
      expect((await network('anonymous', networkId)).body.names).toEqual({
        fr: 'Nouveau nom',
        ar: 'اسم جديد',
      });
      const missing = await client.patch('officer', `${NETWORKS}/network-no-such-thing`, {
        names: { fr: 'X' },
      });
      expect(missing.status).toBe(404);
    });

    it('adds and removes members; the list by association follows', async () => {
      const networkId = await createNetwork();
      const unknown = await client.post('officer', `${NETWORKS}/${networkId}/members`, {
        associationId: 'assoc-no-such-thing',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: '/associationId' })]);

      const added = await client.post('officer', `${NETWORKS}/${networkId}/members`, {
        associationId: A.amdam,
      });
      expect(added.status).toBe(200);
      expect(added.body.events).toEqual(['NetworkMemberAdded']);
      expect((await network('anonymous', networkId)).body.members).toEqual([A.amdam]);
      await eventually(
        () => client.get('anonymous', `${NETWORKS}?associationId=${A.amdam}`),
        (list) => list.body.items.some((item: Json) => item.networkId === networkId),
        'the network among those of the new member',
      );

      const removed = await client.delete('officer', `${NETWORKS}/${networkId}/members/${A.amdam}`);
      expect(removed.status).toBe(200);
      expect(removed.body.events).toEqual(['NetworkMemberRemoved']);
      expect((await network('anonymous', networkId)).body.members).toEqual([]);
      await eventually(
        () => client.get('anonymous', `${NETWORKS}?associationId=${A.amdam}`),
        (list) => !list.body.items.some((item: Json) => item.networkId === networkId),
        'the network gone from those of the removed member',
      );
      const again = await client.delete('officer', `${NETWORKS}/${networkId}/members/${A.amdam}`);
      expect(again.status).toBe(200);
      expect(again.body.events).toEqual([]);
    });
  });
});
