import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Actor, TokenIssuer } from '@tadamon/nest-kit';
import { createApp } from '../../create-app';
import { DemoDataChoice } from '../../demo/demo-data.module';
import { PlatformNotificationsOptions } from '../../notifications/platform-notifications';
import { loadEmbeddedConfig } from '../../embedded/embedded-config';
import { PLATFORM_TOKEN_ISSUER } from '../../identity/identity.service';
import { platformSettled } from './platform-settled';

/** A JSON body as the tests read it: asserted field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
export type Json = any;

export interface Reply {
  status: number;
  type: string | null;
  headers: Headers;
  body: Json;
}

/** One demo user per role (the password of the demo, seeded on the first start). */
export const USER_OF_ROLE = {
  admin: 'admin',
  officer: 'officer',
  evaluator: 'evaluator1',
  committee: 'committee',
  auditor: 'auditor',
  association: 'association',
  partner: 'partner',
  trainer: 'trainer',
  trainee: 'trainee',
} as const;
export type RoleName = keyof typeof USER_OF_ROLE;
/** The demo users: one per role, the second officer (four eyes), the two other evaluators, the second trainee. */
export type Username =
  (typeof USER_OF_ROLE)[RoleName] | 'officer2' | 'evaluator2' | 'evaluator3' | 'trainee2';
export const ROLES = Object.keys(USER_OF_ROLE) as RoleName[];

/** A caller with a token minted for the test (an actor no demo user is), see PlatformClient.mint. */
export type MintedCaller = `minted:${string}`;

/** Who calls: a demo user, a minted actor, or nobody (no Authorization header). */
export type Caller = Username | MintedCaller | 'anonymous';

export interface CallOptions {
  body?: unknown;
  /** Sent as it is, with the content-type given in `headers` (a form, a file). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const problemType = (kind: string) => `urn:tadamon:problem:${kind}`;

/**
 * The embedded platform on a fresh data folder (demo data seeded), listening on a free port, and
 * a small HTTP client that logs the demo users in once each. One per spec file: seeding hashes
 * nine passwords with scrypt.
 */
export class PlatformClient {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly dataDir: string,
    private readonly notifications?: PlatformNotificationsOptions,
  ) {}

  static async start(
    name: string,
    options: {
      demoData?: DemoDataChoice;
      webRoot?: string;
      notifications?: PlatformNotificationsOptions;
    } = {},
  ): Promise<PlatformClient> {
    process.env.TADAMON_RATE_LIMIT = '100000000';
    // The tests' webhook receivers listen on this machine, which a deployed platform refuses.
    process.env.TADAMON_WEBHOOK_ALLOW_PRIVATE = 'true';
    const dataDir = mkdtempSync(join(tmpdir(), `tadamon-${name}-`));
    try {
      const { demoData, webRoot, notifications } = options;
      const app = await listening(createApp({ dataDir, logger: false, demoData, webRoot, notifications }));
      return await PlatformClient.on(app, dataDir, notifications);
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  private static async on(
    app: NestFastifyApplication,
    dataDir: string,
    notifications?: PlatformNotificationsOptions,
  ): Promise<PlatformClient> {
    const client = new PlatformClient(app, await app.getUrl(), dataDir, notifications);
    await client.settled();
    return client;
  }

  /** Waits until the platform has nothing left to append by itself (see platformSettled). */
  settled(timeoutMs?: number): Promise<void> {
    return platformSettled(this.app, timeoutMs);
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Stops the platform and starts it again on the same data folder (tokens stay valid). */
  async restart(): Promise<PlatformClient> {
    await this.app.close();
    const { dataDir, notifications } = this;
    const restarted = await PlatformClient.on(
      await listening(createApp({ dataDir, logger: false, notifications })),
      dataDir,
      notifications,
    );
    for (const [name, token] of this.tokens) restarted.tokens.set(name, token);
    return restarted;
  }

  /**
   * A token for an actor no demo user is (another association's account, say), signed with the
   * platform's own secret as its issuer would: `name` then calls as that actor.
   */
  async mint(name: MintedCaller, actor: Actor): Promise<MintedCaller> {
    const { jwtSecret } = loadEmbeddedConfig(process.env, this.dataDir);
    const issuer = TokenIssuer.hs256(jwtSecret, { issuer: PLATFORM_TOKEN_ISSUER });
    this.tokens.set(name, await issuer.issue(actor));
    return name;
  }

  async token(username: Username | MintedCaller): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    if (username.startsWith('minted:')) throw new Error(`${username} was not minted`);
    const reply = await this.request('POST', '/api/auth/token', {
      body: { username, password: 'tadamon-demo' },
    });
    if (reply.status !== 200) throw new Error(`login of ${username}: ${reply.status}`);
    const token = reply.body.access_token as string;
    this.tokens.set(username, token);
    return token;
  }

  /** A request as `who` (a demo user's bearer token, or none). */
  async call(who: Caller, method: Method, path: string, options: CallOptions = {}): Promise<Reply> {
    const authorization: Record<string, string> =
      who === 'anonymous' ? {} : { authorization: `Bearer ${await this.token(who)}` };
    return this.request(method, path, { ...options, headers: { ...authorization, ...options.headers } });
  }

  get = (who: Caller, path: string, headers?: Record<string, string>) =>
    this.call(who, 'GET', path, { headers });
  post = (who: Caller, path: string, body?: unknown, headers?: Record<string, string>) =>
    this.call(who, 'POST', path, { body, headers });
  put = (who: Caller, path: string, body?: unknown, headers?: Record<string, string>) =>
    this.call(who, 'PUT', path, { body, headers });
  patch = (who: Caller, path: string, body?: unknown, headers?: Record<string, string>) =>
    this.call(who, 'PATCH', path, { body, headers });
  delete = (who: Caller, path: string, headers?: Record<string, string>) =>
    this.call(who, 'DELETE', path, { headers });

  private async request(method: Method, path: string, options: CallOptions): Promise<Reply> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      headers: response.headers,
      // JSON answers parsed; others (an HTML dossier) as their text.
      body:
        text === ''
          ? undefined
          : /json/.test(response.headers.get('content-type') ?? '')
            ? JSON.parse(text)
            : text,
    };
  }
}

/**
 * Polls `probe` until `accept` holds (read models follow the log a few milliseconds behind);
 * returns the accepted value, or throws naming what was awaited and the last value seen.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value)?.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A registry route and the roles its @Roles names ('public' for @Public). */
export interface RegistryRoute {
  method: Method;
  /** As OpenAPI writes it: `/api/registry/associations/{associationId}` */
  path: string;
  roles: readonly (RoleName | 'public')[];
}

const R = '/api/registry';
/** Every route of the Registry API with who may call it: what the tests hold the API to. */
export const REGISTRY_ROUTES: readonly RegistryRoute[] = [
  { method: 'POST', path: `${R}/associations`, roles: ['officer', 'association'] },
  { method: 'GET', path: `${R}/associations`, roles: ['public'] },
  { method: 'GET', path: `${R}/associations/{associationId}`, roles: ['public'] },
  { method: 'PATCH', path: `${R}/associations/{associationId}/profile`, roles: ['officer', 'association'] },
  { method: 'POST', path: `${R}/associations/{associationId}/verify`, roles: ['officer'] },
  { method: 'POST', path: `${R}/associations/{associationId}/reject`, roles: ['officer'] },
  { method: 'POST', path: `${R}/associations/{associationId}/suspend`, roles: ['officer'] },
  { method: 'POST', path: `${R}/associations/{associationId}/reinstate`, roles: ['officer'] },
  { method: 'POST', path: `${R}/associations/{associationId}/dissolve`, roles: ['officer'] },
  { method: 'POST', path: `${R}/associations/{associationId}/suspected-duplicates`, roles: ['officer'] },
  { method: 'POST', path: `${R}/associations/{associationId}/merge`, roles: ['officer'] },
  { method: 'POST', path: `${R}/associations/{associationId}/contacts`, roles: ['officer', 'association'] },
  {
    method: 'GET',
    path: `${R}/associations/{associationId}/contacts`,
    roles: ['officer', 'auditor', 'admin', 'association'],
  },
  { method: 'GET', path: `${R}/contacts/{subjectId}`, roles: ['officer', 'auditor', 'admin', 'association'] },
  { method: 'PATCH', path: `${R}/contacts/{subjectId}`, roles: ['officer', 'association'] },
  { method: 'POST', path: `${R}/contacts/{subjectId}/consents`, roles: ['officer', 'association'] },
  { method: 'POST', path: `${R}/contacts/{subjectId}/remove`, roles: ['officer', 'association'] },
  { method: 'POST', path: `${R}/contacts/{subjectId}/erase`, roles: ['officer', 'association'] },
  { method: 'GET', path: `${R}/contacts/{subjectId}/export`, roles: ['officer', 'association'] },
  { method: 'POST', path: `${R}/actors`, roles: ['officer', 'admin'] },
  { method: 'GET', path: `${R}/actors`, roles: ['public'] },
  { method: 'GET', path: `${R}/actors/{actorId}`, roles: ['public'] },
  { method: 'PATCH', path: `${R}/actors/{actorId}`, roles: ['officer', 'admin', 'partner'] },
  { method: 'POST', path: `${R}/actors/{actorId}/deactivate`, roles: ['officer', 'admin'] },
  { method: 'POST', path: `${R}/networks`, roles: ['officer'] },
  { method: 'GET', path: `${R}/networks`, roles: ['public'] },
  { method: 'GET', path: `${R}/networks/{networkId}`, roles: ['public'] },
  { method: 'PATCH', path: `${R}/networks/{networkId}`, roles: ['officer'] },
  { method: 'POST', path: `${R}/networks/{networkId}/members`, roles: ['officer'] },
  { method: 'DELETE', path: `${R}/networks/{networkId}/members/{associationId}`, roles: ['officer'] },
  { method: 'POST', path: `${R}/needs`, roles: ['partner', 'officer'] },
  { method: 'GET', path: `${R}/needs`, roles: ['public'] },
  { method: 'GET', path: `${R}/needs/{needId}`, roles: ['public'] },
  { method: 'GET', path: `${R}/needs/{needId}/matches`, roles: ['officer', 'auditor', 'admin', 'partner'] },
  { method: 'POST', path: `${R}/needs/{needId}/match`, roles: ['officer', 'partner'] },
  { method: 'POST', path: `${R}/needs/{needId}/addressed`, roles: ['officer', 'partner'] },
  { method: 'POST', path: `${R}/needs/{needId}/withdraw`, roles: ['officer', 'partner'] },
  { method: 'GET', path: `${R}/map/regions`, roles: ['public'] },
  { method: 'GET', path: `${R}/map/needs.geojson`, roles: ['public'] },
  { method: 'GET', path: `${R}/figures`, roles: ['public'] },
  { method: 'GET', path: `${R}/reference-data`, roles: ['public'] },
];

/** The routes under a prefix (after /api/registry), e.g. `/associations`. */
export const routesUnder = (...prefixes: string[]): RegistryRoute[] =>
  REGISTRY_ROUTES.filter((route) => prefixes.some((prefix) => route.path.startsWith(`${R}${prefix}`)));

/** A route's path with its parameters filled in. */
export const fillPath = (route: RegistryRoute, params: Record<string, string>): string =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} of ${route.path}`);
    return encodeURIComponent(value);
  });

/** Roles the route refuses (every role when it is not public and lists none of them). */
export const refusedRoles = (route: RegistryRoute): RoleName[] =>
  route.roles.includes('public') ? [] : ROLES.filter((role) => !route.roles.includes(role));

/**
 * Checks a route's gate: each refused role gets 403 forbidden, and no token gets 401 (unless the
 * route is public). The guard answers before the handler, so nothing is changed by these calls.
 */
export async function expectRouteGate(
  client: PlatformClient,
  route: RegistryRoute,
  params: Record<string, string>,
): Promise<void> {
  const path = fillPath(route, params);
  const body = route.method === 'POST' || route.method === 'PATCH' ? {} : undefined;
  const seen: Record<string, number> = {};
  const expected: Record<string, number> = {};
  for (const role of refusedRoles(route)) {
    const reply = await client.call(USER_OF_ROLE[role], route.method, path, { body });
    seen[role] = reply.status;
    expected[role] = 403;
    if (reply.status === 403) expect(reply.body.type).toBe(problemType('forbidden'));
  }
  if (!route.roles.includes('public')) {
    const reply = await client.call('anonymous', route.method, path, { body });
    seen['anonymous'] = reply.status;
    expected['anonymous'] = 401;
    if (reply.status === 401) expect(reply.body.type).toBe(problemType('unauthorized'));
  }
  expect(seen).toEqual(expected);
}

/** The app listening on a free local port; closed again when it cannot listen. */
async function listening(created: Promise<NestFastifyApplication>): Promise<NestFastifyApplication> {
  const app = await created;
  try {
    await app.listen(0, '127.0.0.1');
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
