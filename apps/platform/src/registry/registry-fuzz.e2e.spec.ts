import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventStore } from '@tadamon/event-store';
import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import fc from 'fast-check';
import { createApp } from '../create-app';
import { platformSettled } from './testing/platform-settled';
import { EVENT_STORE } from '../embedded/embedded.module';
import {
  BadBody,
  badBodies,
  Json,
  nonEmptyBodies,
  REGISTRY_BODIES as B,
  wireBytes,
} from './testing/bad-bodies';

// Seeding hashes nine demo passwords with scrypt; each endpoint then takes 2 to 9 s for its bodies.
jest.setTimeout(120_000);

/** Distinct bad bodies per command endpoint (the issue asks for at least 1,000). */
const RUNS = 1000;

const A = REGISTRY_DEMO_IDS.associations;
const ACT = REGISTRY_DEMO_IDS.actors;
const NEED = REGISTRY_DEMO_IDS.needs;
const PERSON = REGISTRY_DEMO_IDS.contacts;
const NETWORK = REGISTRY_DEMO_IDS.networks.reseauAtlasMediterranee;

type User = 'officer' | 'partner';
type Method = 'POST' | 'PATCH' | 'DELETE';

const geo = (code: string) => ({ scheme: 'iso3166-2:2015', code });
const names = (fr: string) => ({ fr, ar: 'نص تجريبي', en: `${fr} (en)` });

/**
 * The valid bodies the bad ones are made from. The controls at the end send each one as it is and
 * see it accepted, so a refused mutation is refused for its fault, not for the rest of the body.
 */
const VALID = {
  profile: {
    names: names('Association de test'),
    acronym: 'ADT',
    legalRegistration: { country: 'FR', authority: 'Préfecture du Rhône', number: 'W691000000' },
    hostCountries: ['FR'],
    hostCities: [{ country: 'FR', name: 'Lyon' }],
    originRegions: [geo('MA-09')],
    originProvinces: [geo('MA-TIZ')],
    originCommunes: [{ province: geo('MA-TIZ'), name: 'Tafraout' }],
    sectors: ['14030'],
    membersCount: 40,
    website: 'https://example.org',
    foundedOn: '2001-05-20',
  },
  reason: { reason: 'Documents missing' },
  duplicate: { otherAssociationId: A.alpAtlas, reason: 'Same founders' },
  merge: { survivorId: A.migrationsEtDeveloppement },
  contact: {
    role: 'secretary-general',
    card: {
      fullName: 'Personne Exemple',
      email: 'personne@example.org',
      phone: '+33 4 00 00 00 02',
      preferredLanguage: 'fr',
    },
    consents: [{ purpose: 'registry-contact', legalBasis: 'gdpr' }],
  },
  contactChange: {
    role: 'treasurer',
    card: { fullName: 'Personne Exemple-Martin', email: 'personne.martin@example.org' },
  },
  consent: { purpose: 'public-directory', legalBasis: 'gdpr', decision: 'given' },
  actor: { kind: 'funder', names: names('Fondation de test'), regions: [geo('MA-09')], sectors: ['15190'] },
  actorChanges: { names: names('CRI Souss-Massa'), regions: [geo('MA-09')], sectors: ['25030', '32130'] },
  network: { kind: 'federation', names: names('Fédération de test') },
  rename: { names: names('Réseau renommé') },
  member: { associationId: A.amdam },
  need: {
    location: geo('MA-TIZ'),
    sector: '14030',
    title: names('Adduction d’eau potable'),
    description: names('Raccordement de douars au réseau d’eau potable'),
    estimatedBudget: { amountMinor: 150_000_000, currency: 'MAD' },
    priority: 'medium',
  },
  match: { associationIds: [A.migrationsEtDeveloppement], funderIds: [ACT.iom] },
  addressed: { note: 'Addressed by a co-development project' },
};

interface Endpoint {
  method: Method;
  /** The route as the controller declares it, for the report. */
  route: string;
  /** A path naming an existing demo object in a state where the command applies. */
  url: string;
  /** A role the endpoint allows: the body is the request's only fault. */
  user: User;
  bodies: fc.Arbitrary<BadBody>;
}

const pathOnly = nonEmptyBodies();
const associations = '/api/registry/associations';

const FAMILIES: Record<string, Endpoint[]> = {
  associations: [
    {
      method: 'POST',
      route: associations,
      url: associations,
      user: 'officer',
      bodies: badBodies(B.registerAssociation, { profile: VALID.profile }),
    },
    {
      method: 'PATCH',
      route: `${associations}/:associationId/profile`,
      url: `${associations}/${A.migrationsEtDeveloppement}/profile`,
      user: 'officer',
      bodies: badBodies(B.associationProfileChanges, VALID.profile),
    },
    {
      method: 'POST',
      route: `${associations}/:associationId/verify`,
      url: `${associations}/${A.solidariteSoussBruxelles}/verify`,
      user: 'officer',
      bodies: pathOnly,
    },
    // Reason commands on associations in the status they apply to: a blank reason reaches the domain.
    {
      method: 'POST',
      route: `${associations}/:associationId/reject`,
      url: `${associations}/${A.solidariteSoussBruxelles}/reject`,
      user: 'officer',
      bodies: badBodies(B.reason, VALID.reason),
    },
    {
      method: 'POST',
      route: `${associations}/:associationId/suspend`,
      url: `${associations}/${A.alpAtlas}/suspend`,
      user: 'officer',
      bodies: badBodies(B.reason, VALID.reason),
    },
    {
      method: 'POST',
      route: `${associations}/:associationId/reinstate`,
      url: `${associations}/${A.amdam}/reinstate`,
      user: 'officer',
      bodies: pathOnly,
    },
    {
      method: 'POST',
      route: `${associations}/:associationId/dissolve`,
      url: `${associations}/${A.cooperativesFiguig}/dissolve`,
      user: 'officer',
      bodies: badBodies(B.reason, VALID.reason),
    },
    {
      method: 'POST',
      route: `${associations}/:associationId/suspected-duplicates`,
      url: `${associations}/${A.migrationsEtDeveloppement}/suspected-duplicates`,
      user: 'officer',
      bodies: badBodies(B.flagDuplicate(A.migrationsEtDeveloppement), VALID.duplicate),
    },
    {
      method: 'POST',
      route: `${associations}/:associationId/merge`,
      url: `${associations}/${A.solidariteSoussBruxelles}/merge`,
      user: 'officer',
      bodies: badBodies(B.merge(A.solidariteSoussBruxelles), VALID.merge),
    },
  ],
  'contact persons': [
    {
      method: 'POST',
      route: `${associations}/:associationId/contacts`,
      url: `${associations}/${A.migrationsEtDeveloppement}/contacts`,
      user: 'officer',
      bodies: badBodies(B.addContactPerson, VALID.contact),
    },
    {
      method: 'PATCH',
      route: '/api/registry/contacts/:subjectId',
      url: `/api/registry/contacts/${PERSON.migrationsEtDeveloppement}`,
      user: 'officer',
      bodies: badBodies(B.changeContactPerson, VALID.contactChange),
    },
    {
      method: 'POST',
      route: '/api/registry/contacts/:subjectId/consents',
      url: `/api/registry/contacts/${PERSON.migrationsEtDeveloppement}/consents`,
      user: 'officer',
      bodies: badBodies(B.recordConsent, VALID.consent),
    },
    {
      method: 'POST',
      route: '/api/registry/contacts/:subjectId/remove',
      url: `/api/registry/contacts/${PERSON.amdam}/remove`,
      user: 'officer',
      bodies: pathOnly,
    },
    {
      method: 'POST',
      route: '/api/registry/contacts/:subjectId/erase',
      url: `/api/registry/contacts/${PERSON.cooperativesFiguig}/erase`,
      user: 'officer',
      bodies: pathOnly,
    },
  ],
  actors: [
    {
      method: 'POST',
      route: '/api/registry/actors',
      url: '/api/registry/actors',
      user: 'officer',
      bodies: badBodies(B.registerActor, VALID.actor),
    },
    {
      // An officer: a partner may not change the regions its organisation covers.
      method: 'PATCH',
      route: '/api/registry/actors/:actorId',
      url: `/api/registry/actors/${ACT.criSoussMassa}`,
      user: 'officer',
      bodies: badBodies(B.actorChanges, VALID.actorChanges),
    },
    {
      method: 'POST',
      route: '/api/registry/actors/:actorId/deactivate',
      url: `/api/registry/actors/${ACT.agenceDuNord}/deactivate`,
      user: 'officer',
      bodies: pathOnly,
    },
  ],
  networks: [
    {
      method: 'POST',
      route: '/api/registry/networks',
      url: '/api/registry/networks',
      user: 'officer',
      bodies: badBodies(B.createNetwork, VALID.network),
    },
    {
      method: 'PATCH',
      route: '/api/registry/networks/:networkId',
      url: `/api/registry/networks/${NETWORK}`,
      user: 'officer',
      bodies: badBodies(B.renameNetwork, VALID.rename),
    },
    {
      method: 'POST',
      route: '/api/registry/networks/:networkId/members',
      url: `/api/registry/networks/${NETWORK}/members`,
      user: 'officer',
      bodies: badBodies(B.networkMember, VALID.member),
    },
    {
      method: 'DELETE',
      route: '/api/registry/networks/:networkId/members/:associationId',
      url: `/api/registry/networks/${NETWORK}/members/${A.alpAtlas}`,
      user: 'officer',
      bodies: pathOnly,
    },
  ],
  'regional needs': [
    {
      method: 'POST',
      route: '/api/registry/needs (as the partner)',
      url: '/api/registry/needs',
      user: 'partner',
      bodies: badBodies(B.publishNeed(false), VALID.need),
    },
    {
      method: 'POST',
      route: '/api/registry/needs (as an officer)',
      url: '/api/registry/needs',
      user: 'officer',
      bodies: badBodies(B.publishNeed(true), { ...VALID.need, publisherId: ACT.criSoussMassa }),
    },
    {
      method: 'POST',
      route: '/api/registry/needs/:needId/match',
      url: `/api/registry/needs/${NEED.drinkingWaterTiznit}/match`,
      user: 'partner',
      bodies: badBodies(B.matchNeed, VALID.match),
    },
    {
      // Matched in the demo: the only status a need is marked addressed from.
      method: 'POST',
      route: '/api/registry/needs/:needId/addressed',
      url: `/api/registry/needs/${NEED.electrificationTaroudant}/addressed`,
      user: 'partner',
      bodies: badBodies(B.addressed, VALID.addressed),
    },
    {
      method: 'POST',
      route: '/api/registry/needs/:needId/withdraw',
      url: `/api/registry/needs/${NEED.electrificationTata}/withdraw`,
      user: 'partner',
      bodies: badBodies(B.reason, VALID.reason),
    },
  ],
};

describe('Registry command endpoints under generated bad bodies', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-registry-fuzz-'));
  let app: NestFastifyApplication;
  let store: EventStore;
  const tokens = {} as Record<User, string>;
  const report: string[] = [];

  beforeAll(async () => {
    process.env.TADAMON_RATE_LIMIT = '100000000';
    app = await createApp({ logger: false, dataDir, logSeals: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    store = app.get<EventStore>(EVENT_STORE, { strict: false });
    // The policies apply the demo's events after the start: their appends are not the fuzz's.
    await platformSettled(app);
    for (const user of ['officer', 'partner'] as const) {
      const reply = await app.inject({
        method: 'POST',
        url: '/api/auth/token',
        payload: { username: user, password: 'tadamon-demo' },
      });
      tokens[user] = reply.json<{ access_token: string }>().access_token;
    }
  });
  afterAll(async () => {
    if (report.length > 0) console.log(report.join('\n'));
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (method: Method, url: string, user: User, payload: string | undefined) =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: wireBytes(payload) }),
      headers: {
        authorization: `Bearer ${tokens[user]}`,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });

  const fuzz = async ({ method, route, url, user, bodies }: Endpoint) => {
    const started = Date.now();
    const headBefore = await store.headPosition();
    const problemTypes = new Map<string, number>();
    const distinct = new Set<string>();
    let sent = 0;
    let serverErrors = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        // Each body once: a repeat is skipped, and a skipped run does not count towards RUNS.
        fc.pre(!distinct.has(body.payload));
        distinct.add(body.payload);
        const before = await store.headPosition();
        const reply = await send(method, url, user, body.payload);
        const appended = (await store.headPosition()) - before;
        sent += 1;
        if (reply.statusCode >= 500) serverErrors += 1;
        let problemType: string;
        try {
          problemType = String(reply.json<{ type?: unknown }>().type);
        } catch {
          problemType = `(not JSON) ${reply.body.slice(0, 80)}`;
        }
        problemTypes.set(problemType, (problemTypes.get(problemType) ?? 0) + 1);
        expect({
          status: reply.statusCode,
          contentType: String(reply.headers['content-type']).split(';')[0],
          problemType,
          appended,
        }).toEqual({
          status: 400,
          contentType: 'application/problem+json',
          problemType: expect.stringMatching(/^urn:tadamon:problem:(validation|malformed-request)$/),
          appended: 0,
        });
      }),
      { numRuns: RUNS },
    );
    expect(distinct.size).toBeGreaterThanOrEqual(RUNS);
    expect(serverErrors).toBe(0);
    expect(await store.headPosition()).toBe(headBefore);
    const types = [...problemTypes]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, n]) => `${n} ${type.replace('urn:tadamon:problem:', '')}`);
    report.push(
      `${method} ${route}: ${sent} distinct bad bodies -> 400 ${types.join(' + ')}; ` +
        `no 5xx, no event; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  };

  /** A valid command: 200 or 201, and its events recorded. */
  const accepted = async (method: Method, url: string, user: User, body?: Json) => {
    const before = await store.headPosition();
    const reply = await send(method, url, user, body === undefined ? undefined : JSON.stringify(body));
    expect({ status: reply.statusCode, body: reply.json<unknown>() }).toEqual({
      status: method === 'POST' && /\/(associations|actors|networks|needs|contacts)$/.test(url) ? 201 : 200,
      body: expect.objectContaining({ events: expect.arrayContaining([expect.any(String)]) }),
    });
    expect(await store.headPosition()).toBeGreaterThan(before);
    return reply.json<Record<string, string>>();
  };

  describe.each(Object.entries(FAMILIES))('%s', (_family, endpoints) => {
    it.each(endpoints.map((endpoint) => [`${endpoint.method} ${endpoint.route}`, endpoint] as const))(
      `answers ${RUNS} generated bad bodies to %s with a 400 problem, never a 5xx, and appends no event`,
      async (_name, endpoint) => fuzz(endpoint),
    );
  });

  // After the fuzzing, on objects of their own: the demo objects above keep the states they need.
  describe('the valid bodies the bad ones were made from', () => {
    it('are accepted by every association command', async () => {
      const register = (profile: Json) => accepted('POST', associations, 'officer', { profile });
      const { associationId } = await register(VALID.profile);
      const path = `${associations}/${associationId}`;
      await accepted('POST', `${path}/verify`, 'officer', {});
      await accepted('POST', `${path}/suspend`, 'officer', VALID.reason);
      await accepted('POST', `${path}/reinstate`, 'officer');
      await accepted('POST', `${path}/suspected-duplicates`, 'officer', VALID.duplicate);
      const minimal = { names: names('Association à compléter'), hostCountries: ['FR'] };
      const completed = (await register(minimal)).associationId;
      await accepted('PATCH', `${associations}/${completed}/profile`, 'officer', VALID.profile);
      await accepted('POST', `${associations}/${completed}/reject`, 'officer', VALID.reason);
      const dissolved = (await register(minimal)).associationId;
      await accepted('POST', `${associations}/${dissolved}/dissolve`, 'officer', VALID.reason);
      const merged = (await register(minimal)).associationId;
      await accepted('POST', `${associations}/${merged}/merge`, 'officer', VALID.merge);
    });

    it('are accepted by every contact person command', async () => {
      const { subjectId } = await accepted(
        'POST',
        `${associations}/${A.migrationsEtDeveloppement}/contacts`,
        'officer',
        VALID.contact,
      );
      const path = `/api/registry/contacts/${subjectId}`;
      await accepted('PATCH', path, 'officer', VALID.contactChange);
      await accepted('POST', `${path}/consents`, 'officer', VALID.consent);
      await accepted('POST', `${path}/remove`, 'officer');
      await accepted('POST', `${path}/erase`, 'officer', {});
    });

    it('are accepted by every actor command', async () => {
      const { actorId } = await accepted('POST', '/api/registry/actors', 'officer', VALID.actor);
      await accepted('PATCH', `/api/registry/actors/${ACT.criSoussMassa}`, 'officer', VALID.actorChanges);
      await accepted('PATCH', `/api/registry/actors/${ACT.criSoussMassa}`, 'partner', {
        names: names('Centre régional d’investissement Souss-Massa'),
      });
      await accepted('POST', `/api/registry/actors/${actorId}/deactivate`, 'officer');
    });

    it('are accepted by every network command', async () => {
      const { networkId } = await accepted('POST', '/api/registry/networks', 'officer', VALID.network);
      const path = `/api/registry/networks/${networkId}`;
      await accepted('PATCH', path, 'officer', VALID.rename);
      await accepted('POST', `${path}/members`, 'officer', VALID.member);
      await accepted('DELETE', `${path}/members/${VALID.member.associationId}`, 'officer');
    });

    it('are accepted by every regional need command', async () => {
      const { needId } = await accepted('POST', '/api/registry/needs', 'partner', VALID.need);
      await accepted('POST', `/api/registry/needs/${needId}/match`, 'partner', VALID.match);
      await accepted('POST', `/api/registry/needs/${needId}/addressed`, 'partner', VALID.addressed);
      const byOfficer = await accepted('POST', '/api/registry/needs', 'officer', {
        ...VALID.need,
        publisherId: ACT.criSoussMassa,
      });
      await accepted('POST', `/api/registry/needs/${byOfficer.needId}/withdraw`, 'partner', VALID.reason);
    });
  });
});
