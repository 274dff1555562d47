import 'reflect-metadata';
import { createApp } from './create-app';
import { ConfigurationError, loadEmbeddedConfig } from './embedded/embedded-config';
import { demoUsersNotice, loadDemoPassword } from './identity/demo-users';

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
  const app = await createApp({ dataDir: config.dataDir });
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(listenPort, host);
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${listenPort}`;
  console.log(`Tadamon platform (embedded profile) listening on ${url}`);
  console.log(`  health: ${url}/health/ready   status: ${url}/api/platform/status`);
  console.log(demoUsersNotice(url));
}

main().catch((error) => {
  if (error instanceof ConfigurationError) console.error(`Tadamon platform: ${error.message}`);
  else console.error('Tadamon platform failed to start:', error);
  process.exit(1);
});
