import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KIT_LOGGER, printAfterLogs } from '@tadamon/nest-kit';
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
  const webApp = existsSync(join(webRoot, 'index.html'))
    ? `  Web app: ${url}/`
    : `  Web app: not built (${webRoot}); build it with \`npx nx build web\` or run \`npm run dev:web\``;
  // The banner is the last thing printed at start: after the log lines, on the log's own stream.
  printAfterLogs(
    app.get<Logger>(KIT_LOGGER),
    [
      `Tadamon platform (embedded profile) listening on ${url}`,
      `  health: ${url}/health/ready   status: ${url}/api/platform/status`,
      webApp,
      demoUsersNotice(url),
    ].join('\n'),
  );
}

main().catch((error) => {
  if (error instanceof ConfigurationError) console.error(`Tadamon platform: ${error.message}`);
  else console.error('Tadamon platform failed to start:', error);
  process.exit(1);
});
