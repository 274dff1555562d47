import { dockerAvailable, isDockerServerKind, startDockerServers } from '../servers/docker-servers';
import { startLocalServers } from '../servers/local-servers';
import {
  REQUIRED_SERVERS,
  SERVER_ENV,
  SERVER_ERRORS_ENV,
  SERVER_SOURCE_ENV,
  ServerKind,
} from '../servers/server-kind';

type Cleanup = () => Promise<void> | void;
const CLEANUPS = '__tadamonServerCleanups';

/**
 * Finds the servers tests need, in this order: URLs from the environment; Docker through
 * testcontainers when an engine answers; the infra/local servers. Nothing here throws: a server
 * that cannot be had is recorded, and each test that needs it fails with the reason
 * (requireServer), while tests that need no server still run.
 */
export default async function globalSetup(): Promise<void> {
  // Jest may call a global setup once per project; the servers are found once per run.
  if (process.env[SERVER_SOURCE_ENV]) return;
  if (process.env.TADAMON_TEST_SERVERS === 'none') {
    process.env[SERVER_SOURCE_ENV] = 'none';
    const reason = 'TADAMON_TEST_SERVERS=none (a unit-only run) provides no servers';
    process.env[SERVER_ERRORS_ENV] = JSON.stringify(
      Object.fromEntries(Object.keys(SERVER_ENV).map((k) => [k, reason])),
    );
    return;
  }
  const cleanups: Cleanup[] = [];
  (globalThis as Record<string, unknown>)[CLEANUPS] = cleanups;

  const all: ServerKind[] = [...REQUIRED_SERVERS, 'kurrentdb'];
  const errors: Partial<Record<ServerKind, string>> = {};
  const sources = new Set<string>();
  const missing = () => all.filter((kind) => !process.env[SERVER_ENV[kind]]);
  if (missing().length < all.length) sources.add('env');

  const forDocker = () => missing().filter(isDockerServerKind);
  if (forDocker().length > 0 && (await dockerAvailable())) {
    process.stderr.write(`[test servers] starting with Docker: ${forDocker().join(', ')}\n`);
    const docker = await startDockerServers(forDocker());
    cleanups.push(() => docker.stop());
    for (const [kind, url] of Object.entries(docker.urls)) process.env[SERVER_ENV[kind as ServerKind]] = url;
    Object.assign(errors, docker.errors);
    sources.add('docker');
  }

  const stillMissing = missing().filter((kind) => REQUIRED_SERVERS.includes(kind));
  if (stillMissing.length > 0) {
    process.stderr.write(`[test servers] starting infra/local: ${stillMissing.join(', ')}\n`);
    const local = startLocalServers(stillMissing);
    if (process.env.TADAMON_KEEP_SERVERS !== '1') {
      const { stopLocalServers } = await import('../servers/local-servers');
      cleanups.push(() => stopLocalServers(local.started));
    }
    for (const [kind, url] of Object.entries(local.urls)) {
      process.env[SERVER_ENV[kind as ServerKind]] = url;
      delete errors[kind as ServerKind];
    }
    Object.assign(errors, local.errors);
    sources.add('local');
  }
  if (!process.env[SERVER_ENV.kurrentdb]) {
    errors.kurrentdb ??= 'no KURRENTDB_URL and no Docker engine (no KurrentDB server can be had here)';
  }

  process.env[SERVER_SOURCE_ENV] = [...sources].join('+') || 'none';
  process.env[SERVER_ERRORS_ENV] = JSON.stringify(errors);
  const summary = all.map((kind) => `${kind}=${process.env[SERVER_ENV[kind]] ?? 'MISSING'}`).join(' ');
  process.stderr.write(`[test servers] (${process.env[SERVER_SOURCE_ENV]}) ${summary}\n`);
}
