import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerKind, ServerUrls } from './server-kind';

// The servers of infra/local and the kind of server each provides.
const LOCAL_SERVICE: Partial<Record<ServerKind, string>> = {
  kafka: 'kafka',
  mongo: 'ferretdb',
  postgres: 'postgres',
  s3: 'seaweedfs',
  mailpit: 'mailpit',
};
const ENV_NAME: Record<string, ServerKind> = {
  KAFKA_BROKERS: 'kafka',
  MONGO_URL: 'mongo',
  DATABASE_URL: 'postgres',
  S3_URL: 's3',
  MAILPIT_URL: 'mailpit',
};

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = join(dir, '..');
    if (parent === dir) throw new Error('cannot find the workspace root (nx.json)');
    dir = parent;
  }
  return dir;
}

const infraScript = () => join(repoRoot(), 'infra', 'local', 'infra.sh');
const infraHome = () => process.env.TADAMON_INFRA_HOME ?? join(repoRoot(), '.infra');

function isRunning(service: string): boolean {
  const pidFile = join(infraHome(), 'run', `${service}.pid`);
  if (!existsSync(pidFile)) return false;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 0);
    return true;
  } catch {
    return false;
  }
}

export interface LocalServers {
  urls: ServerUrls;
  errors: Partial<Record<ServerKind, string>>;
  /** Services this call started (and so the teardown stops). */
  started: string[];
}

/** Starts the infra/local servers for the given kinds; each one's failure is reported on its own. */
export function startLocalServers(kinds: ServerKind[]): LocalServers {
  const errors: Partial<Record<ServerKind, string>> = {};
  const started: string[] = [];
  for (const kind of kinds) {
    const service = LOCAL_SERVICE[kind];
    if (!service) continue;
    const wasRunning = isRunning(service);
    // Progress goes straight to the terminal: a first start fetches jars and builds FerretDB.
    const result = spawnSync('bash', [infraScript(), 'up', service], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    const stderr = result.stderr?.toString() ?? '';
    process.stderr.write(stderr);
    // A failed start may still have left a process behind: the teardown stops it too.
    if (!wasRunning) started.push(service);
    if (result.status !== 0) {
      const failure =
        stderr.split('\n').find((line) => line.includes('FAILED')) ?? `exit code ${result.status}`;
      errors[kind] = `infra/local: ${failure.replace('[infra] ', '')}`;
    }
  }
  const urls: ServerUrls = {};
  const env = execFileSync('bash', [infraScript(), 'env'], { encoding: 'utf8' });
  for (const line of env.trim().split('\n')) {
    const [name, ...value] = line.split('=');
    if (name === 'TADAMON_KAFKA_SERVER_VERSION') process.env[name] = value.join('=');
    // Mailpit's SMTP side goes with its API URL (one server, two ports).
    if (name === 'MAILPIT_SMTP_URL' && kinds.includes('mailpit') && !errors.mailpit)
      process.env[name] = value.join('=');
    const kind = ENV_NAME[name];
    if (kind && kinds.includes(kind) && !errors[kind]) urls[kind] = value.join('=');
  }
  return { urls, errors, started };
}

export function stopLocalServers(services: string[]): void {
  if (services.length === 0) return;
  spawnSync('bash', [infraScript(), 'down', ...services], { stdio: 'inherit' });
}
