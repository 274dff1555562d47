import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KIT_LOGGER } from '@tadamon/nest-kit';
import type { Logger } from 'pino';
import { createApp } from './create-app';
import { ConfigurationError, loadEmbeddedConfig } from './embedded/embedded-config';
import { demoUsersNotice, loadDemoPassword } from './identity/demo-users';
import { webRootFromEnv } from './web/serve-web-app';

function port(): number {
  const raw = process.env.PORT ?? '3000';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`PORT must be an integer between 1 and 65535, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  // Configuration is checked before anything starts, so a bad variable gets a one-line error.
  const config = loadEmbeddedConfig();
  loadDemoPassword();
  const listenPort = port();
  const webRoot = webRootFromEnv();
  const app = await createApp({ dataDir: config.dataDir, webRoot });
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(listenPort, host);
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${listenPort}`;
  // The banner comes last: the log lines written so far (asynchronously) go out before it.
  await new Promise<void>((resolve) => app.get<Logger>(KIT_LOGGER).flush(() => resolve()));
  console.log(`Tadamon platform (embedded profile) listening on ${url}`);
  console.log(`  health: ${url}/health/ready   status: ${url}/api/platform/status`);
  console.log(
    existsSync(join(webRoot, 'index.html'))
      ? `  Web app: ${url}/`
      : `  Web app: not built (${webRoot}); build it with \`npx nx build web\` or run \`npm run dev:web\``,
  );
  console.log(demoUsersNotice(url));
}

main().catch((error) => {
  if (error instanceof ConfigurationError) console.error(`Tadamon platform: ${error.message}`);
  else console.error('Tadamon platform failed to start:', error);
  process.exit(1);
});
