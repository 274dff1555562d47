import 'reflect-metadata';
import { ConfigurationError, StartupError } from '@tadamon/nest-kit';
import { loadRegistryConfig } from './config';
import { createRegistryApp } from './create-registry-app';

async function main(): Promise<void> {
  // Configuration is checked before anything connects, so a bad variable gets a clear error.
  const config = loadRegistryConfig();
  const app = await createRegistryApp({ config });
  await app.listen(config.http.port, config.http.host);
  const host = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  const url = `http://${host}:${config.http.port}`;
  const store = config.eventStore.kind;
  console.log(`Tadamon Registry service (distributed profile, ${store} event store) listening on ${url}`);
  console.log(`  readiness: ${url}/health/ready   metrics: ${url}/metrics   API docs: ${url}/api/docs`);
}

main().catch((error) => {
  if (error instanceof ConfigurationError || error instanceof StartupError)
    console.error(`Tadamon Registry: ${error.message}`);
  else console.error('Tadamon Registry failed to start:', error);
  process.exit(1);
});
