import { EventStore } from '@tadamon/event-store';
import { EVENT_STORE } from './embedded/embedded.module';
import { F, FundingScenario, usd } from './funding/testing/funding-scenario';
import { Json, PlatformClient, problemType, USER_OF_ROLE } from './registry/testing/platform-client';

// Seeding the demo users hashes nine passwords with scrypt; the platform starts on a busy machine.
jest.setTimeout(120_000);

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  roles: string[];
  /** The members of its JSON body (none when it takes no body). */
  bodyMembers: string[];
  query: string[];
  pathParameters: string[];
}

/** Bodies with one member made wrong, before the bytes are sent: lone surrogates and not UTF-8. */
const MALFORMED_BODIES: {
  what: string;
  bytes: (member: string) => Buffer;
  pointer?: (member: string) => string;
  detail: string;
}[] = [
  {
    what: 'an escaped lone surrogate',
    bytes: (member) => Buffer.from(`{${JSON.stringify(member)}:"ok \\ud800"}`),
    detail: 'holds a lone UTF-16 surrogate, which has no UTF-8 form',
  },
  {
    what: 'a lone low surrogate in a list',
    bytes: (member) => Buffer.from(`{${JSON.stringify(member)}:["\\udfff"]}`),
    pointer: (member) => `/${member}/0`,
    detail: 'holds a lone UTF-16 surrogate, which has no UTF-8 form',
  },
  {
    what: 'bytes that are not UTF-8 (a truncated emoji, as long as the U+FFFD it used to become)',
    bytes: (member) =>
      Buffer.concat([
        Buffer.from(`{${JSON.stringify(member)}:"ok `),
        Buffer.from([0xf0, 0x9f, 0x98]),
        Buffer.from('"}'),
      ]),
    detail: 'holds bytes that are not UTF-8',
  },
  {
    what: 'a lone surrogate spelled in UTF-8',
    bytes: (member) =>
      Buffer.concat([
        Buffer.from(`{${JSON.stringify(member)}:"`),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
    detail: 'holds bytes that are not UTF-8',
  },
];
const MALFORMED_QUERIES = ['%FF', '%ED%A0%80', 'ok%C3'];

describe('Text that is not well formed, on every endpoint', () => {
  let client: PlatformClient;
  let store: EventStore;
  let operations: Operation[];
  beforeAll(async () => {
    client = await PlatformClient.start('well-formed-text');
    store = client.app.get<EventStore>(EVENT_STORE, { strict: false });
    const docs = (await client.get('anonymous', '/api/docs-json')).body;
    const schemaOf = (schema: Json): Json =>
      schema?.$ref ? docs.components.schemas[schema.$ref.split('/').pop()] : schema;
    operations = Object.entries(docs.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => {
        const body = schemaOf(operation.requestBody?.content?.['application/json']?.schema);
        const parameters = (operation.parameters ?? []) as { in: string; name: string }[];
        return {
          method: method.toUpperCase() as Method,
          path,
          roles: (operation['x-roles'] ?? []) as string[],
          bodyMembers: Object.keys(body?.properties ?? {}),
          query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        };
      }),
    );
  });
  afterAll(async () => {
    await client?.close();
  });

  /** A caller the route lets through its role check, so the refusal is for the text alone. */
  const callerOf = (operation: Operation) => {
    const role = operation.roles.find((r) => r in USER_OF_ROLE) as keyof typeof USER_OF_ROLE | undefined;
    return role ? USER_OF_ROLE[role] : 'anonymous';
  };
  const send = async (operation: Operation, path: string, body?: Buffer, language = 'en') => {
    const who = callerOf(operation);
    const response = await fetch(`${client.baseUrl}${path}`, {
      method: operation.method,
      headers: {
        ...(who === 'anonymous' ? {} : { authorization: `Bearer ${await client.token(who)}` }),
        ...(body ? { 'content-type': 'application/json' } : {}),
        'accept-language': language,
      },
      body,
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as Json,
    };
  };
  const filled = (operation: Operation, value = 'x') => operation.path.replace(/\{(\w+)\}/g, () => value);

  it('refuses a lone surrogate or bytes that are not UTF-8 in any member of any body with a 400 naming it, appending nothing', async () => {
    const withBody = operations.filter((o) => o.bodyMembers.length > 0);
    // Registry, Funding and identity (the login) all take bodies.
    for (const prefix of ['/api/registry/', '/api/funding/', '/api/auth/'])
      expect(withBody.some((o) => o.path.startsWith(prefix))).toBe(true);
    const head = await store.headPosition();
    const seen: string[] = [];
    for (const operation of withBody)
      for (const member of operation.bodyMembers)
        for (const { what, bytes, pointer, detail } of MALFORMED_BODIES) {
          const reply = await send(operation, filled(operation), bytes(member));
          const answer = `${operation.method} ${operation.path} /${member} with ${what}`;
          expect({ answer, status: reply.status, type: reply.body.type, errors: reply.body.errors }).toEqual({
            answer,
            status: 400,
            type: problemType('validation'),
            errors: [{ pointer: pointer?.(member) ?? `/${member}`, detail }],
          });
          seen.push(answer);
        }
    expect(await store.headPosition()).toBe(head);
    expect(seen.length).toBeGreaterThanOrEqual(withBody.length * MALFORMED_BODIES.length);
    console.log(
      `${withBody.length} operations with a body, ${seen.length} malformed bodies: every one a 400 naming its member, no event`,
    );
  });

  it('refuses a query parameter that is not UTF-8 on any operation with a 400 naming it, in the caller’s language', async () => {
    const withQuery = operations.filter((o) => o.query.length > 0);
    let sent = 0;
    expect(withQuery.some((o) => o.path === '/api/registry/associations')).toBe(true);
    for (const operation of withQuery)
      for (const name of operation.query)
        for (const value of MALFORMED_QUERIES) {
          const reply = await send(operation, `${filled(operation)}?${name}=${value}`, undefined, 'fr');
          const answer = `${operation.method} ${operation.path}?${name}=${value}`;
          expect({
            answer,
            status: reply.status,
            errors: reply.body.errors,
            detail: reply.body.detail,
          }).toEqual({
            answer,
            status: 400,
            errors: [{ pointer: `/${name}`, detail: 'holds bytes that are not UTF-8' }],
            detail: `Le texte en /${name} est mal formé : des octets qui ne sont pas de l’UTF-8, ou un demi-codet UTF-16 isolé.`,
          });
          sent += 1;
        }
    console.log(
      `${withQuery.length} operations with query parameters, ${sent} malformed parameters: every one a 400 naming it`,
    );
  });

  it('refuses a path parameter that is not UTF-8 on any operation with a 400 problem', async () => {
    const withPath = operations.filter((o) => o.pathParameters.length > 0);
    expect(withPath.length).toBeGreaterThan(20);
    for (const operation of withPath) {
      const reply = await send(operation, filled(operation, '%ED%A0%80'));
      const answer = `${operation.method} ${operation.path}`;
      expect({ answer, status: reply.status, type: reply.type, kind: reply.body.type }).toEqual({
        answer,
        status: 400,
        type: expect.stringMatching(/^application\/problem\+json/),
        kind: problemType('malformed-request'),
      });
    }
  });

  // An id holding a control or a bidirectional control names no record: a command is refused, a
  // read finds nothing (a list may answer empty); nothing is a 5xx, nothing is recorded.
  it('answers a path parameter holding a control or bidirectional control without a 5xx, changing nothing', async () => {
    const withPath = operations.filter((o) => o.pathParameters.length > 0);
    const head = await store.headPosition();
    for (const operation of withPath)
      for (const value of ['a%00b', '%E2%80%AEx', 'x%0A']) {
        const command = operation.method !== 'GET';
        const reply = await send(
          operation,
          filled(operation, value),
          command ? Buffer.from('{}') : undefined,
        );
        const answer = `${operation.method} ${filled(operation, value)}`;
        expect({ answer, refused: reply.status >= 400, server: reply.status >= 500 }).toEqual({
          answer,
          refused: command ? true : reply.status >= 400,
          server: false,
        });
      }
    expect(await store.headPosition()).toBe(head);
  });

  describe('an award', () => {
    let scenario: FundingScenario;
    beforeAll(async () => {
      scenario = new FundingScenario(client);
      await scenario.ready();
    });

    const awardBytes = (applicationId: string, body: Buffer) =>
      send(
        { method: 'POST', path: '', roles: ['committee'], bodyMembers: [], query: [], pathParameters: [] },
        `${F}/applications/${applicationId}/award`,
        body,
      );

    it('refuses a rationale or condition that is not plain text with a 400 before anything is committed, and the award still goes through after', async () => {
      const { envelopeId, callId } = await scenario.publishedCall();
      const applicationId = await scenario.recommended('association', callId);
      const head = await store.headPosition();
      const refusals: [Buffer, string, string][] = [
        [
          Buffer.from('{"conditions":[],"rationale":"Dans le budget \\ud800"}'),
          '/rationale',
          'lone surrogate',
        ],
        [
          Buffer.from('{"conditions":["\\udc00"],"rationale":"Dans le budget"}'),
          '/conditions/0',
          'lone surrogate',
        ],
        [
          Buffer.concat([
            Buffer.from('{"conditions":[],"rationale":"Dans le budget '),
            Buffer.from([0xff]),
            Buffer.from('"}'),
          ]),
          '/rationale',
          'not UTF-8',
        ],
        [
          Buffer.from('{"conditions":[],"rationale":"Dans le\\u0000budget"}'),
          '/rationale',
          'a control character (U+0000)',
        ],
        [
          Buffer.from('{"conditions":[],"rationale":"Dans le \u202Etegdub"}'),
          '/rationale',
          'a bidirectional control character (U+202E)',
        ],
      ];
      for (const [body, pointer, what] of refusals) {
        const reply = await awardBytes(applicationId, body);
        expect({
          what,
          status: reply.status,
          type: reply.body.type,
          code: reply.body.code,
          pointers: reply.body.errors?.map((e: Json) => e.pointer),
        }).toEqual({
          what,
          status: 400,
          code: undefined,
          type: problemType('validation'),
          pointers: [pointer],
        });
      }
      const appended = await store.readAll({ after: head });
      expect(
        appended
          .filter((e) => [applicationId, envelopeId].some((id) => e.streamId.endsWith(id)))
          .map((e) => e.type),
      ).toEqual([]);
      expect((await client.get('auditor', `${F}/envelopes/${envelopeId}`)).body).toMatchObject({
        committed: usd(0),
        commitments: [],
      });
      // A multi-line rationale keeps its line breaks and tabs; Arabic keeps its direction marks.
      const awarded = await client.post('committee', `${F}/applications/${applicationId}/award`, {
        conditions: ['Rapport\tsemestriel'],
        rationale: 'Dans le budget.\nClassée première.\n\u200Fضمن الميزانية',
      });
      expect([awarded.status, awarded.body.events]).toEqual([200, ['FundsCommitted', 'GrantAwarded']]);
    });
  });
});
