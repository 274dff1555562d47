import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import {
  Caller,
  eventually,
  expectRouteGate,
  Json,
  PlatformClient,
  problemType,
  REGISTRY_ROUTES,
  routesUnder,
} from './testing/platform-client';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

const A = REGISTRY_DEMO_IDS.associations;
const ASSOCIATIONS = '/api/registry/associations';
const LEGAL = { country: 'FR', authority: 'Préfecture des Bouches-du-Rhône', number: 'W133000042' };

let sequence = 0;
const newId = (prefix = 'assoc-e2e') => `${prefix}-${Date.now().toString(36)}-${++sequence}`;

describe('Registry API: associations', () => {
  let client: PlatformClient;
  beforeAll(async () => {
    client = await PlatformClient.start('registry-associations');
  });
  afterAll(async () => {
    await client?.close();
  });

  const one = (who: Caller, id: string) => client.get(who, `${ASSOCIATIONS}/${id}`);
  const command = (id: string, action: string, body?: unknown, headers?: Record<string, string>) =>
    client.post('officer', `${ASSOCIATIONS}/${id}/${action}`, body, headers);

  /** Registers an association as the officer: a unique French name, in France. */
  const register = async (profile: Record<string, unknown> = {}): Promise<string> => {
    const associationId = newId();
    const reply = await client.post('officer', ASSOCIATIONS, {
      associationId,
      profile: { names: { fr: `Association ${associationId}` }, hostCountries: ['FR'], ...profile },
    });
    expect(reply.status).toBe(201);
    return associationId;
  };
  const registerVerified = async (profile: Record<string, unknown> = {}): Promise<string> => {
    const associationId = await register(profile);
    expect((await command(associationId, 'verify')).status).toBe(200);
    return associationId;
  };
  /** The public directory's ids for a free-text search. */
  const publicDirectoryIds = async (text: string): Promise<string[]> => {
    const reply = await client.get('anonymous', `${ASSOCIATIONS}?text=${encodeURIComponent(text)}`);
    expect(reply.status).toBe(200);
    return reply.body.items.map((item: Json) => item.associationId);
  };

  describe('who may call what', () => {
    const routes = routesUnder('/associations').filter((route) => !route.path.includes('/contacts'));

    it.each(routes.filter((route) => !route.roles.includes('public')).map((r) => [r.method, r.path, r]))(
      '%s %s answers 403 to the roles it does not name and 401 without a token',
      async (_method, _path, route) => {
        await expectRouteGate(client, route, { associationId: A.alpAtlas });
      },
    );

    it.each([
      'anonymous',
      'admin',
      'officer',
      'evaluator1',
      'committee',
      'auditor',
      'association',
      'partner',
    ])('lets %s read the directory and a verified association', async (who) => {
      const directory = await client.get(who as Caller, ASSOCIATIONS);
      expect(directory.status).toBe(200);
      expect(directory.body.total).toBeGreaterThanOrEqual(4);
      const alp = await one(who as Caller, A.alpAtlas);
      expect(alp.status).toBe(200);
      expect(alp.body).toMatchObject({ associationId: A.alpAtlas, status: 'verified' });
    });

    it('answers the auditor 403 on every association command, and changes nothing', async () => {
      const before = await one('officer', A.migrationsEtDeveloppement);
      const commands = routes.filter((route) => route.method !== 'GET');
      expect(commands).toHaveLength(9);
      for (const route of commands) {
        const path = route.path.replace('{associationId}', A.migrationsEtDeveloppement);
        const reply = await client.call('auditor', route.method, path, {
          body: { reason: 'audit', profile: { names: { fr: 'x' }, hostCountries: ['FR'] } },
        });
        expect([route.method, route.path, reply.status, reply.body.type]).toEqual([
          route.method,
          route.path,
          403,
          problemType('forbidden'),
        ]);
      }
      const after = await one('officer', A.migrationsEtDeveloppement);
      expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
      expect(after.body).toEqual(before.body);
    });
  });

  describe('registering', () => {
    it('registers an association for the officer: 201, its location, its revision as ETag, status submitted', async () => {
      const associationId = newId();
      const reply = await client.post('officer', ASSOCIATIONS, {
        associationId,
        profile: { names: { fr: 'Amis de Tata', ar: 'أصدقاء طاطا' }, hostCountries: ['FR', 'BE'] },
      });
      expect(reply.status).toBe(201);
      expect(reply.body).toEqual({
        associationId,
        revision: 0,
        position: expect.any(Number),
        events: ['AssociationRegistered'],
      });
      expect(reply.headers.get('location')).toBe(`${ASSOCIATIONS}/${associationId}`);
      expect(reply.headers.get('etag')).toBe('"0"');
      const read = await one('officer', associationId);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ associationId, status: 'submitted', survivorId: null });
      expect(read.body.profile).toMatchObject({ names: { fr: 'Amis de Tata' }, hostCountries: ['FR', 'BE'] });
    });

    it('generates an id when the officer gives none', async () => {
      const reply = await client.post('officer', ASSOCIATIONS, {
        profile: { names: { fr: 'Association sans identifiant' }, hostCountries: ['ES'] },
      });
      expect(reply.status).toBe(201);
      expect(reply.body.associationId).toMatch(/^assoc-[0-9a-f-]{36}$/);
      expect((await one('officer', reply.body.associationId)).status).toBe(200);
    });

    it('lets the association account register its own organisation (the same profile again changes nothing)', async () => {
      const own = await one('association', A.migrationsEtDeveloppement);
      expect(own.status).toBe(200);
      const reply = await client.post('association', ASSOCIATIONS, { profile: own.body.profile });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ associationId: A.migrationsEtDeveloppement, events: [] });
      expect(reply.headers.get('etag')).toBe(own.headers.get('etag'));
    });

    it('refuses the association account registering another organisation with 403', async () => {
      for (const associationId of [newId(), A.alpAtlas]) {
        const reply = await client.post('association', ASSOCIATIONS, {
          associationId,
          profile: { names: { fr: 'Pas la mienne' }, hostCountries: ['FR'] },
        });
        expect(reply.status).toBe(403);
        expect(reply.body.type).toBe(problemType('forbidden'));
      }
      expect((await one('officer', A.alpAtlas)).body.profile.names.fr).toBe('Alp Atlas');
    });

    it('answers 409 ALREADY_REGISTERED to a registration of an existing id with another profile', async () => {
      const reply = await client.post('officer', ASSOCIATIONS, {
        associationId: A.alpAtlas,
        profile: { names: { fr: 'Autre Alp Atlas' }, hostCountries: ['FR'] },
      });
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({ type: problemType('conflict'), code: 'ALREADY_REGISTERED' });
    });

    it('answers 400 with the field of each refused value', async () => {
      const reply = await client.post('officer', ASSOCIATIONS, {
        associationId: newId(),
        profile: { names: { fr: 'Au Maroc' }, hostCountries: ['MA'] },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.type).toBe(problemType('validation'));
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: '/profile/hostCountries/0' })]);
    });

    it('replays a registration sent again with the same Idempotency-Key: same id, same answer, one association', async () => {
      const name = `Rejouée ${newId()}`;
      const body = { profile: { names: { fr: name }, hostCountries: ['NL'] } };
      const key = `register-${newId()}`;
      const first = await client.post('officer', ASSOCIATIONS, body, { 'idempotency-key': key });
      const again = await client.post('officer', ASSOCIATIONS, body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));

      const directory = await eventually(
        () => client.get('officer', `${ASSOCIATIONS}?text=${encodeURIComponent(name)}`),
        (reply) => reply.body.total >= 1,
        'the registration in the directory',
      );
      expect(directory.body.items.map((item: Json) => item.associationId)).toEqual([
        first.body.associationId,
      ]);

      const other = await client.post(
        'officer',
        ASSOCIATIONS,
        { profile: { names: { fr: `${name} bis` }, hostCountries: ['NL'] } },
        { 'idempotency-key': key },
      );
      expect(other.status).toBe(422);
      expect(other.body.type).toBe(problemType('idempotency-key-reused'));
    });
  });

  describe('reading', () => {
    it('shows the public only the public fields of a verified association: no legal registration, no suspected duplicates', async () => {
      const other = await register();
      const associationId = await registerVerified({ legalRegistration: LEGAL, acronym: 'AEP' });
      expect(
        (
          await command(associationId, 'suspected-duplicates', {
            otherAssociationId: other,
            reason: 'same president',
          })
        ).status,
      ).toBe(200);

      for (const who of ['anonymous', 'partner', 'association', 'evaluator1'] as const) {
        const reply = await one(who, associationId);
        expect(reply.status).toBe(200);
        expect(reply.body).toEqual({
          associationId,
          status: 'verified',
          profile: expect.objectContaining({ acronym: 'AEP' }),
        });
        expect(reply.body.profile).not.toHaveProperty('legalRegistration');
        expect(JSON.stringify(reply.body)).not.toContain('W133000042');
        expect(JSON.stringify(reply.body)).not.toContain('same president');
      }
      for (const who of ['officer', 'auditor', 'admin'] as const) {
        const reply = await one(who, associationId);
        expect(reply.status).toBe(200);
        expect(reply.body.profile.legalRegistration).toEqual(LEGAL);
        expect(reply.body.suspectedDuplicates).toEqual([
          { otherAssociationId: other, reason: 'same president' },
        ]);
      }

      const listed = await eventually(
        () => client.get('anonymous', `${ASSOCIATIONS}?text=${associationId}`),
        (reply) => reply.body.total === 1,
        'the verified association in the public directory',
      );
      expect(listed.body.items[0]).toMatchObject({ associationId, status: 'verified', acronym: 'AEP' });
      expect(JSON.stringify(listed.body)).not.toContain('W133000042');
      expect(JSON.stringify(listed.body)).not.toContain('same president');
    });

    it('answers 404 to the public, partners and other associations for a submitted association', async () => {
      const submitted = A.solidariteSoussBruxelles;
      for (const who of ['anonymous', 'partner', 'association', 'evaluator1', 'committee'] as const) {
        const reply = await one(who, submitted);
        expect([who, reply.status, reply.body.type]).toEqual([who, 404, problemType('not-found')]);
      }
      for (const who of ['officer', 'auditor', 'admin'] as const) {
        const reply = await one(who, submitted);
        expect(reply.status).toBe(200);
        expect(reply.body).toMatchObject({ associationId: submitted, status: 'submitted' });
      }
    });

    it('answers 404 for an association that does not exist, to everyone', async () => {
      for (const who of ['anonymous', 'officer', 'auditor'] as const) {
        expect((await one(who, 'assoc-no-such-thing')).status).toBe(404);
      }
    });

    it('shows its own account the whole record of its association', async () => {
      const reply = await one('association', A.migrationsEtDeveloppement);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        associationId: A.migrationsEtDeveloppement,
        status: 'verified',
        suspectedDuplicates: [],
        survivorId: null,
      });
      expect(reply.body.profile).toHaveProperty('legalRegistration');
    });

    it('lists every status to officers, auditors and admins, and only verified associations to others (status filter ignored)', async () => {
      for (const who of ['officer', 'auditor', 'admin'] as const) {
        const reply = await client.get(who, `${ASSOCIATIONS}?status=submitted&pageSize=100`);
        expect(reply.status).toBe(200);
        expect(reply.body.items.map((item: Json) => item.associationId)).toContain(
          A.solidariteSoussBruxelles,
        );
        expect(reply.body.items.every((item: Json) => item.status === 'submitted')).toBe(true);
      }
      for (const who of ['anonymous', 'association', 'partner'] as const) {
        const reply = await client.get(who, `${ASSOCIATIONS}?status=submitted&pageSize=100`);
        expect(reply.status).toBe(200);
        expect(reply.body.total).toBeGreaterThan(0);
        expect(reply.body.items.every((item: Json) => item.status === 'verified')).toBe(true);
        expect(reply.body.items.map((item: Json) => item.associationId)).not.toContain(
          A.solidariteSoussBruxelles,
        );
      }
    });

    it('filters the public directory by region of origin and sector', async () => {
      const reply = await client.get('anonymous', `${ASSOCIATIONS}?region=MA-02&sector=31194`);
      expect(reply.status).toBe(200);
      expect(reply.body.items.map((item: Json) => item.associationId)).toEqual([A.cooperativesFiguig]);
      expect(reply.body.items[0]).not.toHaveProperty('search');
      expect(reply.body.items[0]).not.toHaveProperty('_position');
    });

    it('answers a bad directory query with 400', async () => {
      const reply = await client.get('anonymous', `${ASSOCIATIONS}?pageSize=1000`);
      expect(reply.status).toBe(400);
      expect(reply.body.type).toBe(problemType('validation'));
    });
  });

  describe('profile changes', () => {
    it('lets the association change its own profile', async () => {
      const reply = await client.patch(
        'association',
        `${ASSOCIATIONS}/${A.migrationsEtDeveloppement}/profile`,
        {
          membersCount: 1200,
          legalRegistration: LEGAL,
        },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.events).toEqual(['AssociationProfileChanged']);
      const read = await one('association', A.migrationsEtDeveloppement);
      expect(read.body.profile).toMatchObject({ membersCount: 1200, legalRegistration: LEGAL });
      expect((await one('anonymous', A.migrationsEtDeveloppement)).body.profile).not.toHaveProperty(
        'legalRegistration',
      );
    });

    it("answers 404 to an association changing another association's profile, which stays as it was", async () => {
      const before = await one('officer', A.alpAtlas);
      for (const target of [A.alpAtlas, A.solidariteSoussBruxelles]) {
        const reply = await client.patch('association', `${ASSOCIATIONS}/${target}/profile`, {
          names: { fr: 'Détournée' },
        });
        expect(reply.status).toBe(404);
        expect(reply.body.type).toBe(problemType('not-found'));
      }
      const after = await one('officer', A.alpAtlas);
      expect(after.body).toEqual(before.body);
      expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    });

    it('lets the officer change any profile; an unchanged profile records nothing', async () => {
      const associationId = await register();
      const changed = await client.patch('officer', `${ASSOCIATIONS}/${associationId}/profile`, {
        website: 'https://example.org',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ revision: 1, events: ['AssociationProfileChanged'] });
      const same = await client.patch('officer', `${ASSOCIATIONS}/${associationId}/profile`, {
        website: 'https://example.org',
      });
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ revision: 1, position: null, events: [] });
    });

    it('answers 404 to a profile change of an association that does not exist', async () => {
      const reply = await client.patch('officer', `${ASSOCIATIONS}/${newId()}/profile`, { acronym: 'X' });
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ type: problemType('not-found'), code: 'NOT_REGISTERED' });
    });
  });

  describe('revisions', () => {
    it('tags a read with its revision and refuses a change based on a stale one with 412', async () => {
      const associationId = await registerVerified();
      const read = await one('officer', associationId);
      expect(read.headers.get('etag')).toBe('"1"');

      const fresh = await client.patch(
        'officer',
        `${ASSOCIATIONS}/${associationId}/profile`,
        { acronym: 'FRESH' },
        { 'if-match': '"1"' },
      );
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get('etag')).toBe('"2"');
      expect((await one('anonymous', associationId)).headers.get('etag')).toBe('"2"');

      const stale = await client.patch(
        'officer',
        `${ASSOCIATIONS}/${associationId}/profile`,
        { acronym: 'STALE' },
        { 'if-match': '"1"' },
      );
      expect(stale.status).toBe(412);
      expect(stale.body.type).toBe(problemType('precondition-failed'));
      const staleCommand = await command(associationId, 'suspend', { reason: 'late' }, { 'if-match': '"1"' });
      expect(staleCommand.status).toBe(412);
      expect((await one('officer', associationId)).body).toMatchObject({
        status: 'verified',
        profile: { acronym: 'FRESH' },
      });
    });

    it('applies a change sent without If-Match to the latest revision', async () => {
      const associationId = await registerVerified();
      await client.patch('officer', `${ASSOCIATIONS}/${associationId}/profile`, { acronym: 'ONE' });
      const reply = await client.patch('officer', `${ASSOCIATIONS}/${associationId}/profile`, {
        acronym: 'TWO',
      });
      expect(reply.status).toBe(200);
      expect(reply.body.revision).toBe(3);
      expect((await one('officer', associationId)).body.profile.acronym).toBe('TWO');
    });

    it('answers a malformed If-Match with 400, and * as "must exist"', async () => {
      const associationId = await register();
      const malformed = await client.patch(
        'officer',
        `${ASSOCIATIONS}/${associationId}/profile`,
        { acronym: 'W' },
        { 'if-match': 'W/"0"' },
      );
      expect(malformed.status).toBe(400);
      expect(malformed.body.type).toBe(problemType('malformed-request'));
      const star = await client.patch(
        'officer',
        `${ASSOCIATIONS}/${associationId}/profile`,
        { acronym: 'S' },
        { 'if-match': '*' },
      );
      expect(star.status).toBe(200);
    });
  });

  describe('life cycle', () => {
    it('verifies, suspends and reinstates an association; the public sees it only while verified', async () => {
      const name = `Cycle ${newId()}`;
      const registered = await client.post('officer', ASSOCIATIONS, {
        profile: { names: { fr: name }, hostCountries: ['IT'] },
      });
      const associationId = registered.body.associationId as string;
      expect((await one('anonymous', associationId)).status).toBe(404);

      const verified = await command(associationId, 'verify');
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ revision: 1, events: ['AssociationVerified'] });
      expect((await one('anonymous', associationId)).body.status).toBe('verified');
      await eventually(
        () => publicDirectoryIds(name),
        (ids) => ids.includes(associationId),
        'the verified association in the public directory',
      );

      const suspended = await command(associationId, 'suspend', { reason: 'accounts not filed' });
      expect(suspended.body.events).toEqual(['AssociationSuspended']);
      expect((await one('anonymous', associationId)).status).toBe(404);
      expect((await one('officer', associationId)).body.status).toBe('suspended');
      await eventually(
        () => publicDirectoryIds(name),
        (ids) => ids.length === 0,
        'the suspended association to leave the public directory',
      );

      const reinstated = await command(associationId, 'reinstate');
      expect(reinstated.body.events).toEqual(['AssociationReinstated']);
      expect((await one('anonymous', associationId)).body.status).toBe('verified');
      await eventually(
        () => publicDirectoryIds(name),
        (ids) => ids.includes(associationId),
        'the reinstated association back in the public directory',
      );

      const again = await command(associationId, 'verify');
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ revision: 3, events: [] });
    });

    it('rejects a submitted association with its reason; a rejected one cannot be verified (409)', async () => {
      const associationId = await register();
      const noReason = await command(associationId, 'reject', {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors.map((error: Json) => error.pointer)).toContain('/reason');
      expect(noReason.body.errors.every((error: Json) => error.pointer === '/reason')).toBe(true);

      const rejected = await command(associationId, 'reject', { reason: 'no statutes provided' });
      expect(rejected.status).toBe(200);
      expect(rejected.body.events).toEqual(['AssociationRejected']);
      expect((await one('officer', associationId)).body.status).toBe('rejected');
      expect((await one('anonymous', associationId)).status).toBe(404);

      const verify = await command(associationId, 'verify');
      expect(verify.status).toBe(409);
      expect(verify.body).toMatchObject({ type: problemType('conflict'), code: 'INVALID_TRANSITION' });
    });

    it('refuses to suspend an association that is not verified, and to reinstate one that is not suspended', async () => {
      const associationId = await register();
      const suspend = await command(associationId, 'suspend', { reason: 'r' });
      expect(suspend.status).toBe(409);
      expect(suspend.body.code).toBe('INVALID_TRANSITION');
      const reinstate = await command(associationId, 'reinstate');
      expect(reinstate.status).toBe(409);
      expect(reinstate.body.code).toBe('INVALID_TRANSITION');
    });

    it('records a dissolution; a dissolved association is gone from the public and cannot be reinstated', async () => {
      const associationId = await registerVerified();
      const dissolved = await command(associationId, 'dissolve', { reason: 'general assembly decision' });
      expect(dissolved.status).toBe(200);
      expect(dissolved.body.events).toEqual(['AssociationDissolved']);
      expect((await one('officer', associationId)).body.status).toBe('dissolved');
      expect((await one('anonymous', associationId)).status).toBe(404);
      expect((await command(associationId, 'reinstate')).status).toBe(409);
    });

    it('flags a suspected duplicate, then merges it into its survivor; the merged association refuses commands with 409', async () => {
      const survivorId = await registerVerified();
      const duplicateId = await register();

      const unknownOther = await command(duplicateId, 'suspected-duplicates', {
        otherAssociationId: newId(),
        reason: 'same name',
      });
      expect(unknownOther.status).toBe(400);
      expect(unknownOther.body.errors).toEqual([expect.objectContaining({ pointer: '/otherAssociationId' })]);

      const flagged = await command(duplicateId, 'suspected-duplicates', {
        otherAssociationId: survivorId,
        reason: 'same name and address',
      });
      expect(flagged.status).toBe(200);
      expect(flagged.body.events).toEqual(['AssociationSuspectedDuplicateFlagged']);
      expect((await one('officer', duplicateId)).body.suspectedDuplicates).toEqual([
        { otherAssociationId: survivorId, reason: 'same name and address' },
      ]);

      const unknownSurvivor = await command(duplicateId, 'merge', { survivorId: newId() });
      expect(unknownSurvivor.status).toBe(400);
      expect(unknownSurvivor.body.errors).toEqual([expect.objectContaining({ pointer: '/survivorId' })]);

      const merged = await command(duplicateId, 'merge', { survivorId });
      expect(merged.status).toBe(200);
      expect(merged.body.events).toEqual(['AssociationMerged']);
      expect((await one('officer', duplicateId)).body).toMatchObject({ status: 'merged', survivorId });
      expect((await command(duplicateId, 'merge', { survivorId })).body.events).toEqual([]);
      const intoMerged = await command(survivorId, 'merge', { survivorId: duplicateId });
      expect(intoMerged.status).toBe(400);
      expect(intoMerged.body.errors).toEqual([expect.objectContaining({ pointer: '/survivorId' })]);

      const refused = [
        await command(duplicateId, 'verify'),
        await command(duplicateId, 'reject', { reason: 'r' }),
        await command(duplicateId, 'dissolve', { reason: 'r' }),
        await command(duplicateId, 'suspected-duplicates', { otherAssociationId: survivorId, reason: 'r' }),
        await client.patch('officer', `${ASSOCIATIONS}/${duplicateId}/profile`, { acronym: 'M' }),
      ];
      for (const reply of refused) {
        expect(reply.status).toBe(409);
        expect(reply.body).toMatchObject({
          type: problemType('conflict'),
          code: 'ASSOCIATION_MERGED',
          survivorId,
        });
      }
      const directory = await eventually(
        () => client.get('officer', `${ASSOCIATIONS}?status=merged&pageSize=100`),
        (reply) => reply.body.items.some((item: Json) => item.associationId === duplicateId),
        'the merged association in the directory',
      );
      expect(directory.body.items.find((item: Json) => item.associationId === duplicateId)).toMatchObject({
        mergedInto: survivorId,
        status: 'merged',
      });
      // The public sees it no more: only verified associations are in its directory.
      const publicDirectory = await client.get('anonymous', `${ASSOCIATIONS}?pageSize=100`);
      expect(publicDirectory.body.items.map((item: Json) => item.associationId)).not.toContain(duplicateId);
    });

    it('answers 404 to a command on an association that does not exist', async () => {
      const reply = await command(newId(), 'verify');
      expect(reply.status).toBe(404);
      expect(reply.body.code).toBe('NOT_REGISTERED');
    });
  });

  it('documents every registry route in /api/docs-json with the roles that may call it (x-roles)', async () => {
    const docs = await client.get('anonymous', '/api/docs-json');
    expect(docs.status).toBe(200);
    const documented: Record<string, string[]> = {};
    for (const [path, item] of Object.entries(docs.body.paths as Record<string, Record<string, Json>>)) {
      if (!path.startsWith('/api/registry')) continue;
      for (const [method, operation] of Object.entries(item)) {
        documented[`${method.toUpperCase()} ${path}`] = [...(operation['x-roles'] ?? [])].sort();
      }
    }
    const expected = Object.fromEntries(
      REGISTRY_ROUTES.map((route) => [`${route.method} ${route.path}`, [...route.roles].sort()]),
    );
    expect(documented).toEqual(expected);
    const verify = docs.body.paths['/api/registry/associations/{associationId}/verify'].post;
    expect(Object.keys(verify.responses)).toEqual(
      expect.arrayContaining(['200', '401', '403', '404', '409', '412']),
    );
    expect(docs.body.paths['/api/registry/map/regions'].get.security).toEqual([]);
  });
});
