import { Json, PlatformClient, problemType, USER_OF_ROLE } from '../registry/testing/platform-client';
import {
  F,
  FIGUIG_ACCOUNT,
  fillFundingPath,
  FUNDING_ROUTES,
  FundingRoute,
  FundingScenario,
  MD,
  refusedFundingRoles,
} from './testing/funding-scenario';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

const isCommand = (route: FundingRoute) => route.method !== 'GET';

describe('Funding API: who may call what', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  let params: Record<string, string>;
  beforeAll(async () => {
    client = await PlatformClient.start('funding-routes');
    scenario = new FundingScenario(client);
    await scenario.ready();
    const { envelopeId, callId } = await scenario.publishedCall();
    const applicationId = await scenario.awarded('association', callId);
    params = {
      envelopeId,
      callId,
      applicationId,
      programmeId: 'icmd-phase-2',
      evaluatorId: 'user-evaluator1',
      trancheId: 't1',
      associationId: MD,
    };
  });
  afterAll(async () => {
    await client?.close();
  });

  it.each(FUNDING_ROUTES.filter((r) => !r.roles.includes('public')).map((r) => [r.method, r.path, r]))(
    '%s %s answers 403 to the roles it does not name and 401 without a token',
    async (_method, _path, route) => {
      const path = fillFundingPath(route, params);
      const body = route.method === 'GET' ? undefined : {};
      const seen: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const role of refusedFundingRoles(route)) {
        const reply = await client.call(USER_OF_ROLE[role], route.method, path, { body });
        seen[role] = reply.status;
        expected[role] = 403;
        if (reply.status === 403) expect(reply.body.type).toBe(problemType('forbidden'));
      }
      const anonymous = await client.call('anonymous', route.method, path, { body });
      seen['anonymous'] = anonymous.status;
      expected['anonymous'] = 401;
      expect(seen).toEqual(expected);
    },
  );

  it('refuses the auditor every command and lets it read every record, unchanged by the attempts', async () => {
    const commands = FUNDING_ROUTES.filter(isCommand);
    expect(commands.length).toBeGreaterThan(25);
    const before = await scenario.read('auditor', params.applicationId);
    expect(before.status).toBe(200);
    const refused = [];
    for (const route of commands) {
      const reply = await client.call('auditor', route.method, fillFundingPath(route, params), { body: {} });
      refused.push([route.method, route.path, reply.status]);
    }
    expect(refused).toEqual(commands.map((route) => [route.method, route.path, 403]));
    const after = await scenario.read('auditor', params.applicationId);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    for (const route of FUNDING_ROUTES.filter((r) => !isCommand(r) && r.roles.includes('auditor'))) {
      const reply = await client.get('auditor', fillFundingPath(route, params));
      expect([route.path, reply.status]).toEqual([route.path, 200]);
    }
  });

  it('lets the public read published calls, and nothing else of Funding', async () => {
    expect((await client.get('anonymous', `${F}/calls`)).status).toBe(200);
    expect((await client.get('anonymous', `${F}/calls/${params.callId}`)).status).toBe(200);
    expect((await client.get('anonymous', `${F}/applications/${params.applicationId}`)).status).toBe(401);
    expect((await client.get('anonymous', `${F}/envelopes`)).status).toBe(401);
  });

  it('answers another party’s application with 404, as one that does not exist', async () => {
    const { applicationId } = params;
    const figuig = await client.get(FIGUIG_ACCOUNT, `${F}/applications/${applicationId}`);
    const missing = await client.get(FIGUIG_ACCOUNT, `${F}/applications/app-does-not-exist`);
    expect([figuig.status, missing.status]).toEqual([404, 404]);
    expect(figuig.body.type).toBe(missing.body.type);
  });

  it('documents every funding route in /api/docs-json with its roles, summary and problems', async () => {
    const docs = await client.get('anonymous', '/api/docs-json');
    const documented: Record<string, string[]> = {};
    for (const [path, item] of Object.entries(docs.body.paths as Record<string, Record<string, Json>>)) {
      if (!path.startsWith(F)) continue;
      for (const [method, operation] of Object.entries(item)) {
        documented[`${method.toUpperCase()} ${path}`] = [...(operation['x-roles'] ?? [])].sort();
        expect([path, typeof operation.summary]).toEqual([path, 'string']);
        const statuses = Object.keys(operation.responses);
        if (method !== 'get')
          expect([path, statuses]).toEqual([path, expect.arrayContaining(['400', '403'])]);
      }
    }
    expect(documented).toEqual(
      Object.fromEntries(
        FUNDING_ROUTES.map((route) => [`${route.method} ${route.path}`, [...route.roles].sort()]),
      ),
    );
    const award = docs.body.paths[`${F}/applications/{applicationId}/award`].post;
    expect(Object.keys(award.responses)).toEqual(
      expect.arrayContaining(['200', '401', '403', '404', '409', '412']),
    );
    expect(docs.body.paths[`${F}/calls`].get.security).toEqual([]);
  });
});
