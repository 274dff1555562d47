import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../create-app';

/**
 * The platform's OpenAPI document as /api/docs-json serves it, built in-process: the app is created
 * on a throw-away data folder (no demo data, no seals) and asked through Fastify's `inject`, so no
 * port is opened.
 */
export async function platformOpenApiDocument(): Promise<unknown> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-openapi-'));
  try {
    const app = await createApp({ dataDir, logger: false, demoData: false, logSeals: false });
    try {
      const reply = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs-json' });
      if (reply.statusCode !== 200) throw new Error(`/api/docs-json answered ${reply.statusCode}`);
      return reply.json();
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The document as committed: two-space JSON and a final newline, so diffs stay readable. */
export const serializeOpenApiDocument = (document: unknown): string =>
  `${JSON.stringify(document, null, 2)}\n`;
