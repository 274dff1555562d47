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
const C = REGISTRY_DEMO_IDS.contacts;
const OWN = A.migrationsEtDeveloppement;
const contactsOf = (associationId: string) => `/api/registry/associations/${associationId}/contacts`;
const contact = (subjectId: string, action = '') =>
  `/api/registry/contacts/${subjectId}${action ? `/${action}` : ''}`;

let sequence = 0;
const card = (overrides: Record<string, unknown> = {}) => ({
  fullName: `Amina Exemple ${++sequence}`,
  email: `amina.${sequence}@example.org`,
  phone: '+33 6 00 00 00 00',
  preferredLanguage: 'fr',
  ...overrides,
});

describe('Registry API: contact persons', () => {
  let client: PlatformClient;
  beforeAll(async () => {
    client = await PlatformClient.start('registry-contacts');
  });
  afterAll(async () => {
    await client?.close();
  });

  /** Adds a contact person as `who` and returns its subject id. */
  const add = async (
    who: Caller,
    associationId: string,
    body: Record<string, unknown> = { role: 'treasurer', card: card() },
  ): Promise<string> => {
    const reply = await client.post(who, contactsOf(associationId), body);
    expect(reply.status).toBe(201);
    return reply.body.subjectId;
  };
  /** The association's contact list once the read model shows the person in the state wanted. */
  const listedOnce = (
    associationId: string,
    subjectId: string,
    accept: (item: Json) => boolean,
    what: string,
  ) =>
    eventually(
      () => client.get('officer', contactsOf(associationId)),
      (reply) => reply.status === 200 && reply.body.some((i: Json) => i.subjectId === subjectId && accept(i)),
      what,
    ).then((reply) => reply.body.find((i: Json) => i.subjectId === subjectId));

  describe('who may call what', () => {
    const routes = routesUnder('/associations/{associationId}/contacts', '/contacts');

    it.each(routes.map((route) => [route.method, route.path, route]))(
      '%s %s answers 403 to the roles it does not name and 401 without a token',
      async (_method, _path, route) => {
        await expectRouteGate(client, route, { associationId: OWN, subjectId: C.migrationsEtDeveloppement });
      },
    );

    it('lets the auditor, the admin and the officer read any association’s contacts, cards opened; only the officer exports one', async () => {
      for (const who of ['auditor', 'admin', 'officer'] as const) {
        const list = await client.get(who, contactsOf(A.alpAtlas));
        expect(list.status).toBe(200);
        expect(list.body).toEqual([
          expect.objectContaining({
            subjectId: C.alpAtlas,
            role: 'secretary-general',
            status: 'active',
            card: expect.objectContaining({ fullName: 'Claire Démo-Benali' }),
          }),
        ]);
        const one = await client.get(who, contact(C.alpAtlas));
        expect(one.status).toBe(200);
        expect(one.body).toMatchObject({ subjectId: C.alpAtlas, associationId: A.alpAtlas });
        expect(one.headers.get('etag')).toMatch(/^"\d+"$/);
        const exported = await client.get(who, contact(C.alpAtlas, 'export'));
        expect([who, exported.status]).toEqual([who, who === 'officer' ? 200 : 403]);
        if (who === 'officer') expect(exported.body.card.fullName).toBe('Claire Démo-Benali');
        else expect(JSON.stringify(exported.body)).not.toContain('Claire');
      }
    });

    it('answers 404 to a list of contacts under an association that does not exist, as to the association', async () => {
      for (const who of ['officer', 'auditor', 'admin'] as const) {
        const list = await client.get(who, contactsOf('assoc-no-such-thing'));
        expect([who, list.status, list.body.type]).toEqual([who, 404, problemType('not-found')]);
      }
    });

    it('answers the auditor 403 on every contact command, and changes nothing', async () => {
      const before = await client.get('officer', contact(C.alpAtlas));
      const attempts = [
        await client.post('auditor', contactsOf(A.alpAtlas), { role: 'other', card: card() }),
        await client.patch('auditor', contact(C.alpAtlas), { role: 'other' }),
        await client.post('auditor', contact(C.alpAtlas, 'consents'), {
          purpose: 'registry-contact',
          legalBasis: 'gdpr',
          decision: 'withdrawn',
        }),
        await client.post('auditor', contact(C.alpAtlas, 'remove')),
        await client.post('auditor', contact(C.alpAtlas, 'erase')),
      ];
      expect(attempts.map((reply) => reply.status)).toEqual([403, 403, 403, 403, 403]);
      for (const reply of attempts) expect(reply.body.type).toBe(problemType('forbidden'));
      const after = await client.get('officer', contact(C.alpAtlas));
      expect(after.body).toEqual(before.body);
      expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    });
  });

  describe("another association's contact persons", () => {
    it('answers 404 to the association listing or reading them', async () => {
      for (const associationId of [A.alpAtlas, A.solidariteSoussBruxelles, 'assoc-no-such-thing']) {
        const list = await client.get('association', contactsOf(associationId));
        expect([associationId, list.status, list.body.type]).toEqual([
          associationId,
          404,
          problemType('not-found'),
        ]);
      }
      for (const path of [contact(C.alpAtlas), contact(C.alpAtlas, 'export')]) {
        const reply = await client.get('association', path);
        expect(reply.status).toBe(404);
        expect(JSON.stringify(reply.body)).not.toContain('Claire');
      }
    });

    it('answers 404 to the association adding, changing, consenting for, removing or erasing them, and nothing changes', async () => {
      const before = await client.get('officer', contact(C.alpAtlas));
      const attempts = [
        await client.post('association', contactsOf(A.alpAtlas), { role: 'other', card: card() }),
        await client.patch('association', contact(C.alpAtlas), { card: card({ fullName: 'Usurpée' }) }),
        await client.post('association', contact(C.alpAtlas, 'consents'), {
          purpose: 'registry-contact',
          legalBasis: 'gdpr',
          decision: 'withdrawn',
        }),
        await client.post('association', contact(C.alpAtlas, 'remove')),
        await client.post('association', contact(C.alpAtlas, 'erase')),
      ];
      expect(attempts.map((reply) => [reply.status, reply.body.type])).toEqual(
        attempts.map(() => [404, problemType('not-found')]),
      );
      const after = await client.get('officer', contact(C.alpAtlas));
      expect(after.body).toEqual(before.body);
      expect(after.body.card).toMatchObject({ fullName: 'Claire Démo-Benali' });
      expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    });

    it('answers 404 for a contact person that does not exist, to the officer too', async () => {
      for (const who of ['officer', 'auditor', 'association'] as const) {
        expect((await client.get(who, contact('person-no-such-thing'))).status).toBe(404);
      }
      expect((await client.post('officer', contact('person-no-such-thing', 'erase'))).status).toBe(404);
    });
  });

  describe('adding and reading', () => {
    it('adds a contact person with consents for its own association; the list shows the card opened', async () => {
      const given = card({ fullName: 'Hassan Exemple', preferredLanguage: 'ar' });
      const reply = await client.post('association', contactsOf(OWN), {
        role: 'treasurer',
        card: given,
        consents: [
          { purpose: 'registry-contact', legalBasis: 'gdpr' },
          { purpose: 'public-directory', legalBasis: 'gdpr' },
        ],
      });
      expect(reply.status).toBe(201);
      expect(reply.body).toEqual({
        subjectId: expect.stringMatching(/^person-[0-9a-f-]{36}$/),
        revision: 2,
        position: expect.any(Number),
        events: ['ConsentRecorded'],
      });
      expect(reply.headers.get('etag')).toBe('"2"');
      const subjectId = reply.body.subjectId as string;

      const listed = await eventually(
        () => client.get('association', contactsOf(OWN)),
        (list) => list.body.some((i: Json) => i.subjectId === subjectId && i.consents.length === 2),
        'the new contact person with both consents in the list',
      );
      expect(listed.body.find((i: Json) => i.subjectId === subjectId)).toEqual({
        subjectId,
        role: 'treasurer',
        status: 'active',
        card: given,
        consents: expect.arrayContaining([
          expect.objectContaining({ purpose: 'registry-contact', legalBasis: 'gdpr', decision: 'given' }),
          expect.objectContaining({ purpose: 'public-directory', legalBasis: 'gdpr', decision: 'given' }),
        ]),
        addedAt: expect.any(String),
        erasedAt: null,
      });
      expect(listed.body.map((i: Json) => i.subjectId)).toContain(C.migrationsEtDeveloppement);

      const one = await client.get('association', contact(subjectId));
      expect(one.status).toBe(200);
      expect(one.headers.get('etag')).toBe('"2"');
      expect(one.body).toEqual({
        subjectId,
        associationId: OWN,
        role: 'treasurer',
        status: 'active',
        card: given,
        consents: [
          { purpose: 'registry-contact', legalBasis: 'gdpr', decision: 'given' },
          { purpose: 'public-directory', legalBasis: 'gdpr', decision: 'given' },
        ],
      });
    });

    it('lets the officer add a contact person to any association', async () => {
      const subjectId = await add('officer', A.amdam);
      const read = await client.get('officer', contact(subjectId));
      expect(read.body).toMatchObject({ associationId: A.amdam, role: 'treasurer', consents: [] });
      expect((await client.get('association', contact(subjectId))).status).toBe(404);
    });

    it("lets the officer change, record consents for, remove and erase any association's contact person", async () => {
      const subjectId = await add('officer', A.cooperativesFiguig, {
        role: 'project-manager',
        card: card({ preferredLanguage: 'ar' }),
      });
      const steps = [
        await client.patch('officer', contact(subjectId), { role: 'president' }),
        await client.post('officer', contact(subjectId, 'consents'), {
          purpose: 'registry-contact',
          legalBasis: 'law-09-08',
          decision: 'given',
        }),
        await client.post('officer', contact(subjectId, 'remove')),
        await client.post('officer', contact(subjectId, 'erase')),
      ];
      expect(steps.map((reply) => [reply.status, reply.body.events])).toEqual([
        [200, ['ContactPersonChanged']],
        [200, ['ConsentRecorded']],
        [200, ['ContactPersonRemoved']],
        [200, ['PersonalDataErased']],
      ]);
      const exported = await client.get('officer', contact(subjectId, 'export'));
      expect(exported.body).toMatchObject({ status: 'erased', card: { erased: true } });
      expect(exported.body.processing.map((p: Json) => [p.event, p.by])).toEqual([
        ['ContactPersonAdded', 'user-officer'],
        ['ContactPersonChanged', 'user-officer'],
        ['ConsentRecorded', 'user-officer'],
        ['ContactPersonRemoved', 'user-officer'],
        ['PersonalDataErased', 'user-officer'],
      ]);
    });

    it('answers 404 to adding a contact person to an association that does not exist', async () => {
      const reply = await client.post('officer', contactsOf('assoc-no-such-thing'), {
        role: 'president',
        card: card(),
      });
      expect(reply.status).toBe(404);
    });

    it('answers 400 to an invalid card, naming the field', async () => {
      const reply = await client.post('association', contactsOf(OWN), {
        role: 'president',
        card: card({ email: 'not-an-address' }),
      });
      expect(reply.status).toBe(400);
      expect(reply.body.type).toBe(problemType('validation'));
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: '/card/email' })]);
    });

    it('answers 400 to a blank name: a sealed card is never checked again', async () => {
      const reply = await client.post('association', contactsOf(OWN), {
        role: 'president',
        card: card({ fullName: '   ' }),
      });
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: '/card/fullName' })]);
    });

    it('replays an addition sent again with the same Idempotency-Key: one person, the same subject id', async () => {
      const fullName = `Idempotent ${Date.now()}`;
      const body = { role: 'other', card: card({ fullName }) };
      const key = `add-contact-${Date.now()}`;
      const first = await client.post('association', contactsOf(OWN), body, { 'idempotency-key': key });
      const again = await client.post('association', contactsOf(OWN), body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      await listedOnce(OWN, first.body.subjectId, () => true, 'the added person in the list');
      const list = await client.get('association', contactsOf(OWN));
      expect(list.body.filter((i: Json) => i.card.fullName === fullName)).toHaveLength(1);
    });
  });

  describe('changing, consents, removal', () => {
    it('changes the card and role (sealed again); a change based on a stale revision is 412', async () => {
      const subjectId = await add('association', OWN);
      const read = await client.get('association', contact(subjectId));
      const etag = read.headers.get('etag') as string;
      const newCard = card({ fullName: 'Nouvelle Présidente' });

      const changed = await client.patch(
        'association',
        contact(subjectId),
        { role: 'president', card: newCard },
        { 'if-match': etag },
      );
      expect(changed.status).toBe(200);
      expect(changed.body.events).toEqual(['ContactPersonChanged']);
      const after = await client.get('association', contact(subjectId));
      expect(after.body).toMatchObject({ role: 'president', card: newCard });
      await listedOnce(
        OWN,
        subjectId,
        (item) => item.card.fullName === 'Nouvelle Présidente' && item.role === 'president',
        'the changed card in the list',
      );

      const stale = await client.patch(
        'association',
        contact(subjectId),
        { role: 'other' },
        { 'if-match': etag },
      );
      expect(stale.status).toBe(412);
      expect(stale.body.type).toBe(problemType('precondition-failed'));
      expect((await client.get('association', contact(subjectId))).body.role).toBe('president');

      const withoutIfMatch = await client.patch('officer', contact(subjectId), { role: 'other' });
      expect(withoutIfMatch.status).toBe(200);
      expect((await client.get('association', contact(subjectId))).body.role).toBe('other');
    });

    it('records a consent withdrawn; the list, the record and the export show it', async () => {
      const subjectId = await add('association', OWN, {
        role: 'secretary-general',
        card: card(),
        consents: [{ purpose: 'programme-communications', legalBasis: 'gdpr' }],
      });
      const withdrawn = await client.post('association', contact(subjectId, 'consents'), {
        purpose: 'programme-communications',
        legalBasis: 'gdpr',
        decision: 'withdrawn',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.events).toEqual(['ConsentRecorded']);
      const again = await client.post('association', contact(subjectId, 'consents'), {
        purpose: 'programme-communications',
        legalBasis: 'gdpr',
        decision: 'withdrawn',
      });
      expect(again.body.events).toEqual([]);

      expect((await client.get('association', contact(subjectId))).body.consents).toEqual([
        { purpose: 'programme-communications', legalBasis: 'gdpr', decision: 'withdrawn' },
      ]);
      const listed = await listedOnce(
        OWN,
        subjectId,
        (item) => item.consents.some((c: Json) => c.decision === 'withdrawn'),
        'the withdrawal in the list',
      );
      expect(listed.consents).toEqual([
        expect.objectContaining({ purpose: 'programme-communications', decision: 'withdrawn' }),
      ]);
      const exported = await client.get('association', contact(subjectId, 'export'));
      expect(exported.body.consents.map((c: Json) => [c.purpose, c.decision])).toEqual([
        ['programme-communications', 'given'],
        ['programme-communications', 'withdrawn'],
      ]);
    });

    it('removes a contact person; consent may still be withdrawn, not given (409)', async () => {
      const subjectId = await add('association', OWN, {
        role: 'other',
        card: card(),
        consents: [{ purpose: 'registry-contact', legalBasis: 'law-09-08' }],
      });
      const removed = await client.post('association', contact(subjectId, 'remove'));
      expect(removed.status).toBe(200);
      expect(removed.body.events).toEqual(['ContactPersonRemoved']);
      expect((await client.get('association', contact(subjectId))).body.status).toBe('removed');

      const given = await client.post('association', contact(subjectId, 'consents'), {
        purpose: 'public-directory',
        legalBasis: 'law-09-08',
        decision: 'given',
      });
      expect(given.status).toBe(409);
      expect(given.body).toMatchObject({ type: problemType('conflict'), code: 'INVALID_TRANSITION' });
      const withdrawn = await client.post('association', contact(subjectId, 'consents'), {
        purpose: 'registry-contact',
        legalBasis: 'law-09-08',
        decision: 'withdrawn',
      });
      expect(withdrawn.status).toBe(200);
      const change = await client.patch('association', contact(subjectId), { role: 'president' });
      expect(change.status).toBe(409);
    });
  });

  describe('data-subject rights', () => {
    it('exports what is held on a person: the card in clear, consents and every processing with who did it', async () => {
      const given = card({ fullName: 'Personne Exportée' });
      const subjectId = await add('association', OWN, {
        role: 'project-manager',
        card: given,
        consents: [{ purpose: 'registry-contact', legalBasis: 'gdpr' }],
      });
      await client.patch('officer', contact(subjectId), { role: 'treasurer' });

      const exported = await client.get('association', contact(subjectId, 'export'));
      expect(exported.status).toBe(200);
      expect(exported.body).toEqual({
        subjectId,
        associationId: OWN,
        role: 'treasurer',
        status: 'active',
        card: given,
        consents: [
          { purpose: 'registry-contact', legalBasis: 'gdpr', decision: 'given', at: expect.any(String) },
        ],
        processing: [
          { event: 'ContactPersonAdded', at: expect.any(String), by: 'user-association', revision: 0 },
          { event: 'ConsentRecorded', at: expect.any(String), by: 'user-association', revision: 1 },
          { event: 'ContactPersonChanged', at: expect.any(String), by: 'user-officer', revision: 2 },
        ],
        controller: expect.any(String),
        exportedAt: expect.any(String),
      });
    });

    it('erases a person: the list and the record show {erased: true}, the export still lists the processing', async () => {
      const fullName = `Effacée ${Date.now()}`;
      const subjectId = await add('association', OWN, {
        role: 'president',
        card: card({ fullName }),
        consents: [{ purpose: 'registry-contact', legalBasis: 'gdpr' }],
      });
      await listedOnce(OWN, subjectId, (item) => item.card.fullName === fullName, 'the person in the list');

      const erased = await client.post('association', contact(subjectId, 'erase'));
      expect(erased.status).toBe(200);
      expect(erased.body.events).toEqual(['PersonalDataErased']);

      const one = await client.get('association', contact(subjectId));
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ subjectId, status: 'erased', card: { erased: true } });
      expect(JSON.stringify(one.body)).not.toContain(fullName);

      const listed = await listedOnce(
        OWN,
        subjectId,
        (item) => item.status === 'erased',
        'the erasure in the list',
      );
      expect(listed).toMatchObject({
        status: 'erased',
        card: { erased: true },
        erasedAt: expect.any(String),
      });
      const list = await client.get('officer', contactsOf(OWN));
      expect(JSON.stringify(list.body)).not.toContain(fullName);

      const exported = await client.get('association', contact(subjectId, 'export'));
      expect(exported.status).toBe(200);
      expect(exported.body.card).toEqual({ erased: true });
      expect(exported.body.status).toBe('erased');
      expect(exported.body.processing.map((p: Json) => p.event)).toEqual([
        'ContactPersonAdded',
        'ConsentRecorded',
        'PersonalDataErased',
      ]);
      expect(JSON.stringify(exported.body)).not.toContain(fullName);

      const again = await client.post('association', contact(subjectId, 'erase'));
      expect(again.status).toBe(200);
      expect(again.body.events).toEqual([]);
      const change = await client.patch('association', contact(subjectId), { card: card({ fullName }) });
      expect(change.status).toBe(409);
      expect(change.body).toMatchObject({ type: problemType('conflict'), code: 'PERSONAL_DATA_ERASED' });
      const consent = await client.post('association', contact(subjectId, 'consents'), {
        purpose: 'registry-contact',
        legalBasis: 'gdpr',
        decision: 'given',
      });
      expect(consent.status).toBe(409);
      expect(consent.body.code).toBe('PERSONAL_DATA_ERASED');
      expect((await client.get('association', contact(subjectId))).body.card).toEqual({ erased: true });
    });

    it('refuses an erasure based on a stale revision with 412 and keeps the data; the current revision erases', async () => {
      const given = card({ fullName: 'Pas Encore Effacée' });
      const subjectId = await add('association', OWN, { role: 'other', card: given });
      const read = await client.get('association', contact(subjectId));
      await client.patch('association', contact(subjectId), { role: 'treasurer' });

      const stale = await client.post('association', contact(subjectId, 'erase'), undefined, {
        'if-match': read.headers.get('etag') as string,
      });
      expect(stale.status).toBe(412);
      expect(stale.body.type).toBe(problemType('precondition-failed'));
      const kept = await client.get('association', contact(subjectId));
      expect(kept.body).toMatchObject({ status: 'active', card: given });

      const current = await client.post('association', contact(subjectId, 'erase'), undefined, {
        'if-match': kept.headers.get('etag') as string,
      });
      expect(current.status).toBe(200);
      expect((await client.get('association', contact(subjectId))).body.card).toEqual({ erased: true });
    });
  });
});
