import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Database from 'better-sqlite3';
import { decodeJwt, SignJWT } from 'jose';
import { hashPassword } from '@tadamon/nest-kit';
import { REGISTRY_DEMO_CONTACTS, REGISTRY_DEMO_IDS } from '@tadamon/registry';
import { createApp } from '../create-app';
import { DEMO_ASSOCIATION_ID, DEMO_PARTNER_ID, DEMO_USERS, DEFAULT_DEMO_PASSWORD } from './demo-users';
import { USER_STORE } from './identity.module';
import { PLATFORM_TOKEN_ISSUER } from './identity.service';
import { SqliteUserStore } from './user-store';

// scrypt at OWASP's cost takes a while per user; seeding hashes thirteen of them.
jest.setTimeout(60_000);

interface Reply {
  status: number;
  type: string | null;
  headers: Headers;
  body: Record<string, unknown>;
}

describe('the built-in token issuer', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-identity-'));
  let app: NestFastifyApplication;

  const start = async () => {
    app = await createApp({ logger: false, dataDir, projections: [] });
    await app.listen(0, '127.0.0.1');
  };
  beforeAll(start);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; token?: string } = {},
  ): Promise<Reply> => {
    const response = await fetch(`${await app.getUrl()}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  const login = (username: string, password = DEFAULT_DEMO_PASSWORD) =>
    call('POST', '/api/auth/token', { body: { username, password } });
  const me = (token: string) => call('GET', '/api/auth/me', { token });
  const users = () => app.get<SqliteUserStore>(USER_STORE);
  /** Each demo user's token, from its one login: the token route takes 20 attempts a minute. */
  const issued = new Map<string, string>();

  it('seeds one demo user per role (two officers, three evaluators, two trainees) into users.db on the first start', () => {
    expect(users().count()).toBe(DEMO_USERS.length);
    expect(DEMO_USERS.map((u) => u.username)).toEqual([
      'admin',
      'officer',
      'officer2',
      'evaluator1',
      'evaluator2',
      'evaluator3',
      'committee',
      'auditor',
      'association',
      'partner',
      'trainer',
      'trainee',
      'trainee2',
    ]);
    const stored = users().findByUsername('officer');
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    expect(stored?.passwordHash).not.toContain(DEFAULT_DEMO_PASSWORD);
  });

  it('issues a token for each demo user that /api/auth/me reads back with its roles and organisation', async () => {
    for (const user of DEMO_USERS) {
      const token = await login(user.username);
      expect(token.status).toBe(200);
      expect(token.body).toMatchObject({
        token_type: 'Bearer',
        expires_in: 8 * 3600,
        actor: {
          id: user.id,
          roles: user.roles,
          organisationId: user.organisationId,
          personId: user.personId,
        },
      });
      issued.set(user.username, token.body.access_token as string);
      const actor = await me(token.body.access_token as string);
      expect(actor.status).toBe(200);
      expect(actor.body).toEqual({
        id: user.id,
        roles: user.roles,
        organisationId: user.organisationId,
        personId: user.personId,
      });
    }
    const byName = Object.fromEntries(DEMO_USERS.map((u) => [u.username, u]));
    expect(byName.association.organisationId).toBe(DEMO_ASSOCIATION_ID);
    expect(byName.partner.organisationId).toBe(DEMO_PARTNER_ID);
    expect(byName.admin.organisationId).toBeNull();
    expect(byName.admin.personId).toBeNull();
    expect(byName.trainer).toMatchObject({ roles: ['trainer'], organisationId: null, personId: null });
  });

  it("ties each trainee to one of its association's contact persons in the Registry demo data", async () => {
    const trainees = DEMO_USERS.filter((u) => u.roles.includes('trainee'));
    expect(trainees.map((u) => [u.username, u.organisationId])).toEqual([
      ['trainee', REGISTRY_DEMO_IDS.associations.migrationsEtDeveloppement],
      ['trainee2', REGISTRY_DEMO_IDS.associations.cooperativesFiguig],
    ]);
    for (const trainee of trainees) {
      const contact = REGISTRY_DEMO_CONTACTS.find((c) => c.subjectId === trainee.personId);
      expect(contact?.associationId).toBe(trainee.organisationId);
      expect(users().findByUsername(trainee.username)?.personId).toBe(trainee.personId);
      // The token carries the person in its short claim; an account without one carries none.
      const token = issued.get(trainee.username) as string;
      expect(decodeJwt(token)).toMatchObject({ pid: trainee.personId, org: trainee.organisationId });
    }
    expect(decodeJwt(issued.get('association') as string)).not.toHaveProperty('pid');
    // The organisation's accounts (told its news) are not its trainees'.
    expect(users().idsOf(DEMO_ASSOCIATION_ID)).toEqual(['user-association']);
    expect(users().idsOf(REGISTRY_DEMO_IDS.associations.cooperativesFiguig)).toEqual([]);
  });

  // Here, after the thirteen logins: the restart also empties the in-memory rate limiter, so the
  // attempts of the tests below stay within the token route's 20 a minute.
  it('keeps its users and accepts earlier tokens after a restart with the same data folder', async () => {
    const before = issued.get('evaluator2') as string;
    const hashBefore = users().findByUsername('evaluator2')?.passwordHash;
    await app.close();
    await start();
    expect(users().count()).toBe(DEMO_USERS.length);
    expect(users().findByUsername('evaluator2')?.passwordHash).toBe(hashBefore);
    expect(await me(before)).toMatchObject({ status: 200, body: { id: 'user-evaluator2' } });
    expect((await login('evaluator2')).status).toBe(200);
  });

  it('refuses to store a trainee without a person, or a person without an organisation', () => {
    const base = { displayName: 'x', passwordHash: 'not-a-hash' };
    expect(() =>
      users().add({
        ...base,
        id: 'u-t',
        username: 'u-t',
        roles: ['trainee'],
        organisationId: DEMO_ASSOCIATION_ID,
      }),
    ).toThrow(/a trainee account needs the person/);
    expect(() =>
      users().add({
        ...base,
        id: 'u-p',
        username: 'u-p',
        roles: ['officer'],
        organisationId: null,
        personId: 'p',
      }),
    ).toThrow(/a person id needs the organisation/);
    expect(users().findById('u-t')).toBeUndefined();
    expect(users().findById('u-p')).toBeUndefined();
  });

  it('answers a wrong password and an unknown user alike: 401 problem+json, same body', async () => {
    const wrongPassword = await login('officer', 'not-the-password');
    const unknownUser = await login('nobody-here', DEFAULT_DEMO_PASSWORD);
    for (const reply of [wrongPassword, unknownUser]) {
      expect(reply.status).toBe(401);
      expect(reply.type).toMatch(/application\/problem\+json/);
      expect(reply.body).toMatchObject({ type: 'urn:tadamon:problem:unauthorized', status: 401 });
      expect(reply.body).not.toHaveProperty('access_token');
    }
    expect(unknownUser.body).toEqual(wrongPassword.body);
  });

  it.each([
    ['a missing password', { username: 'officer' }, '/password'],
    ['a missing username', { password: DEFAULT_DEMO_PASSWORD }, '/username'],
    ['an extra member', { username: 'officer', password: DEFAULT_DEMO_PASSWORD, roles: ['admin'] }, '/roles'],
    ['a too long username', { username: 'u'.repeat(101), password: DEFAULT_DEMO_PASSWORD }, '/username'],
    ['a too long password', { username: 'officer', password: 'p'.repeat(201) }, '/password'],
    ['a non-string password', { username: 'officer', password: 12345678 }, '/password'],
  ])('rejects %s with 400 problem+json', async (_case, body, pointer) => {
    const reply = await call('POST', '/api/auth/token', { body });
    expect(reply.status).toBe(400);
    expect(reply.type).toMatch(/application\/problem\+json/);
    expect(reply.body.type).toBe('urn:tadamon:problem:validation');
    expect(reply.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer })]));
  });

  it('answers /api/auth/me without a token, or with a forged, expired or foreign token, with 401', async () => {
    const secret = new TextEncoder().encode(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim());
    const sign = (claims: { issuer?: string; expiresAt?: number }, key = secret) => {
      let jwt = new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject('user-admin')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(claims.expiresAt ?? Math.floor(Date.now() / 1000) + 3600);
      if (claims.issuer) jwt = jwt.setIssuer(claims.issuer);
      return jwt.sign(key);
    };
    const valid = await sign({ issuer: PLATFORM_TOKEN_ISSUER });
    expect((await me(valid)).status).toBe(200);

    const forged = await sign({ issuer: PLATFORM_TOKEN_ISSUER }, new TextEncoder().encode('x'.repeat(48)));
    const expired = await sign({
      issuer: PLATFORM_TOKEN_ISSUER,
      expiresAt: Math.floor(Date.now() / 1000) - 60,
    });
    const foreign = await sign({ issuer: 'someone-else' });
    const [header, payload] = valid.split('.');
    const tampered = `${header}.${Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        roles: ['admin', 'auditor'],
      }),
    ).toString('base64url')}.${valid.split('.')[2]}`;
    for (const token of [forged, expired, foreign, tampered]) {
      const reply = await me(token);
      expect(reply.status).toBe(401);
      expect(reply.type).toMatch(/application\/problem\+json/);
    }
    expect((await call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('documents both routes under the auth tag with their problems', async () => {
    const docs = (await call('GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, { tags?: string[]; responses: Record<string, unknown> }>>;
    };
    const token = docs.paths['/api/auth/token'].post;
    expect(token.tags).toContain('auth');
    expect(Object.keys(token.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
    expect(docs.paths['/api/auth/me'].get.tags).toContain('auth');
  });

  it('rate limits token requests per client with 429 problem+json', async () => {
    let last: Reply | undefined;
    for (let i = 0; i < 30 && last?.status !== 429; i++) {
      last = await call('POST', '/api/auth/token', { body: {} });
    }
    expect(last?.status).toBe(429);
    expect(last?.type).toMatch(/application\/problem\+json/);
    expect(last?.body.type).toBe('urn:tadamon:problem:rate-limited');
  });
});

describe('the built-in token issuer configuration', () => {
  const saved = process.env.TADAMON_DEMO_PASSWORD;
  afterEach(() => {
    if (saved === undefined) delete process.env.TADAMON_DEMO_PASSWORD;
    else process.env.TADAMON_DEMO_PASSWORD = saved;
  });

  it('names TADAMON_DEMO_PASSWORD when it is shorter than 8 characters', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-identity-'));
    process.env.TADAMON_DEMO_PASSWORD = 'short';
    try {
      await expect(createApp({ logger: false, dataDir, projections: [] })).rejects.toThrow(
        /TADAMON_DEMO_PASSWORD needs 8/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('seeds the demo users with TADAMON_DEMO_PASSWORD when it is set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-identity-'));
    process.env.TADAMON_DEMO_PASSWORD = 'another-demo-password';
    const app = await createApp({ logger: false, dataDir, projections: [] });
    try {
      await app.listen(0, '127.0.0.1');
      const login = async (password: string) =>
        (
          await fetch(`${await app.getUrl()}/api/auth/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'auditor', password }),
          })
        ).status;
      expect(await login('another-demo-password')).toBe(200);
      expect(await login(DEFAULT_DEMO_PASSWORD)).toBe(401);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a users.db written before person ids', () => {
  /** The users table as versions before Training's roles created it: no person_id column. */
  const writeEarlierStore = async (file: string) => {
    const db = new Database(file);
    db.exec(`CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      roles TEXT NOT NULL,
      organisation_id TEXT,
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      'user-association',
      'association',
      'Migrations et Développement',
      '["association"]',
      DEMO_ASSOCIATION_ID,
      await hashPassword(DEFAULT_DEMO_PASSWORD),
      '2026-01-01T00:00:00.000Z',
    );
    db.close();
  };
  const columnsOf = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db
        .prepare<[], { name: string }>('PRAGMA table_info(users)')
        .all()
        .map((c) => c.name);
    } finally {
      db.close();
    }
  };

  it('gains the column at open, keeps its users and their logins, and takes a trainee', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-identity-upgrade-'));
    const file = join(dataDir, 'users.db');
    await writeEarlierStore(file);
    expect(columnsOf(file)).not.toContain('person_id');
    const app = await createApp({ logger: false, dataDir, projections: [] });
    try {
      await app.listen(0, '127.0.0.1');
      expect(columnsOf(file)).toContain('person_id');
      const users = app.get<SqliteUserStore>(USER_STORE);
      // Not empty, so not seeded: the earlier users stay the only ones.
      expect(users.count()).toBe(1);
      const token = await fetch(`${await app.getUrl()}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'association', password: DEFAULT_DEMO_PASSWORD }),
      });
      expect(token.status).toBe(200);
      expect(((await token.json()) as { actor: unknown }).actor).toEqual({
        id: 'user-association',
        roles: ['association'],
        organisationId: DEMO_ASSOCIATION_ID,
        personId: null,
      });
      users.add({
        id: 'user-trainee-late',
        username: 'trainee-late',
        displayName: 'Trainee',
        roles: ['trainee'],
        organisationId: DEMO_ASSOCIATION_ID,
        personId: REGISTRY_DEMO_IDS.contacts.migrationsEtDeveloppement,
        passwordHash: 'not-a-hash',
      });
      expect(users.findByUsername('trainee-late')?.personId).toBe(
        REGISTRY_DEMO_IDS.contacts.migrationsEtDeveloppement,
      );
    } finally {
      await app.close();
    }
    // A second open finds the column there and adds nothing.
    const reopened = new SqliteUserStore(file);
    try {
      expect(reopened.count()).toBe(2);
      expect(reopened.findById('user-association')?.personId).toBeNull();
    } finally {
      reopened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
