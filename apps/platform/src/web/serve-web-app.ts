import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `nx build web` writes the web app (relative to the working folder, the repository's root). */
export const DEFAULT_WEB_ROOT = 'dist/apps/web';
export const WEB_ROOT_VARIABLE = 'TADAMON_WEB_ROOT';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Paths that belong to the server, never to the web app's router: their 404s stay problems. */
const SERVER_PATHS = /^\/(api|health|metrics)(\/|$|\?)/;

export type WebAppServing = { root: string } | { missing: string };

/**
 * The web app at `/` from its built folder, through @fastify/static:
 * - the files found at start-up get a GET/HEAD route each (`wildcard: false`), so every other URL
 *   still reaches the kit's 404 and 405 problems;
 * - `assets/` (Vite's content-hashed files) are cached for a year, immutable; everything else
 *   (index.html first) is revalidated on every use (`no-cache`, with its ETag);
 * - a GET that matched no route, asks for HTML and is not under /api, /health or /metrics is a
 *   deep link of the web app's router: it answers index.html.
 * Not rate-limited: the kit's limiter guards the API's handlers; these files are static, cheap and
 * cached by the browser (a reverse proxy in front limits them if ever needed).
 * When the folder has no index.html (tests, a fresh clone), `/` says how to build it.
 */
export async function serveWebApp(app: NestFastifyApplication, root: string): Promise<WebAppServing> {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const absolute = resolve(root);
  if (!existsSync(join(absolute, 'index.html'))) {
    fastify.get('/', (_request, reply) =>
      reply.type('text/plain; charset=utf-8').header('cache-control', REVALIDATE).send(notBuilt(absolute)),
    );
    return { missing: absolute };
  }
  const assets = join(absolute, 'assets') + sep;
  await app.register(fastifyStatic as never, {
    root: absolute,
    prefix: '/',
    wildcard: false,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) =>
      reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE),
  });
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isDeepLink(request)) return;
    return reply.sendFile('index.html');
  });
  return { root: absolute };
}

function isDeepLink(request: FastifyRequest): boolean {
  return (
    request.is404 &&
    (request.method === 'GET' || request.method === 'HEAD') &&
    !SERVER_PATHS.test(request.url) &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

const notBuilt = (root: string) =>
  `Tadamon: the web app is not built (no ${join(root, 'index.html')}).\n` +
  'Build it with `npx nx build web` (`npm start` does it), or run `npm run dev:web` for the dev server.\n' +
  'The API is under /api (documentation at /api/docs).\n';

/** TADAMON_WEB_ROOT, else dist/apps/web. */
export const webRootFromEnv = (env: NodeJS.ProcessEnv = process.env): string =>
  env[WEB_ROOT_VARIABLE] || DEFAULT_WEB_ROOT;
