import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../create-app';
import { IMMUTABLE, REVALIDATE } from './serve-web-app';

// A fixture of what `nx build web` writes (index.html, content-hashed assets): the serving is under
// test here, not Vite, and building the real app would add seconds to every run.
const INDEX =
  '<!doctype html><html><body><div id="root"></div><script src="/assets/index-Bx1f2a.js"></script></body></html>';
const ASSET = 'console.log("tadamon");';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

function fixtureWebRoot(base: string): string {
  const root = join(base, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-Bx1f2a.js'), ASSET);
  return root;
}

async function start(webRoot: string, dataDir: string) {
  const app = await createApp({ dataDir, logger: false, demoData: false, logSeals: false, webRoot });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  return { app, fastify };
}

describe('the platform serves the built web app at /', () => {
  let base: string;
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'tadamon-web-'));
    ({ app, fastify } = await start(fixtureWebRoot(base), join(base, 'data')));
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await app?.close();
    rmSync(base, { recursive: true, force: true });
  }, APP_STOP_TIMEOUT_MS);

  it('answers / with index.html, revalidated on every use', async () => {
    const reply = await fastify.inject({ url: '/', headers: HTML });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['cache-control']).toBe(REVALIDATE);
    expect(reply.body).toBe(INDEX);
  });

  it("answers a deep link of the web app's router with index.html", async () => {
    const reply = await fastify.inject({ url: '/associations/xyz?page=2', headers: HTML });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cache-control']).toBe(REVALIDATE);
    expect(reply.body).toBe(INDEX);
  });

  it('caches a content-hashed asset for a year, immutable', async () => {
    const reply = await fastify.inject({ url: '/assets/index-Bx1f2a.js' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/javascript/);
    expect(reply.headers['cache-control']).toBe(IMMUTABLE);
    expect(reply.body).toBe(ASSET);
  });

  it('keeps the problem+json 404 for an unknown API path, even asked for HTML', async () => {
    const reply = await fastify.inject({ url: '/api/nothing-here', headers: HTML });
    expect(reply.statusCode).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.json()).toMatchObject({ type: 'urn:tadamon:problem:not-found', status: 404 });
  });

  it('keeps the 404 problem for a missing asset and for a non-HTML request', async () => {
    for (const [url, headers] of [
      ['/assets/gone-123.js', {}],
      ['/associations/xyz', { accept: 'application/json' }],
    ] as const) {
      const reply = await fastify.inject({ url, headers });
      expect(reply.statusCode).toBe(404);
      expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('leaves the API, health and API docs where they were', async () => {
    const status = await fastify.inject({ url: '/api/platform/status', headers: HTML });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ profile: 'embedded' });
    expect((await fastify.inject({ url: '/health/live' })).statusCode).toBe(200);
    expect((await fastify.inject({ url: '/api/docs', headers: HTML })).body).toContain('swagger-ui');
  });
});

describe('the platform without a built web app', () => {
  it(
    'still starts, and / says how to build the web app',
    async () => {
      const base = mkdtempSync(join(tmpdir(), 'tadamon-web-missing-'));
      const { app, fastify } = await start(join(base, 'no-build'), join(base, 'data'));
      try {
        const reply = await fastify.inject({ url: '/', headers: HTML });
        expect(reply.statusCode).toBe(200);
        expect(reply.body).toContain('npx nx build web');
        expect((await fastify.inject({ url: '/associations/xyz', headers: HTML })).statusCode).toBe(404);
      } finally {
        await app.close();
        rmSync(base, { recursive: true, force: true });
      }
    },
    APP_START_TIMEOUT_MS + APP_STOP_TIMEOUT_MS,
  );
});
