import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './local-servers';

export type PrivateServerKind = 'kafka' | 'postgres' | 'mailpit';

/** infra/local's name for each kind, and how a start is awaited. */
const SERVICE: Record<PrivateServerKind, string> = {
  kafka: 'kafka',
  postgres: 'postgres',
  mailpit: 'mailpit',
};
const SCRIPT_TIMEOUT_MS = 120_000;

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A Kafka broker, a PostgreSQL cluster or a Mailpit of a test's own, from the same infra/local scripts as the
 * shared servers but on free ports and in a temporary folder, so the test can stop, kill and
 * restart it without disturbing the suites that share the others. Needs what infra/local needs
 * (java and maven for Kafka, the Debian PostgreSQL package, the cached Mailpit binary); a start that fails throws with the
 * script's message, so the test fails.
 */
export class PrivateServer {
  private constructor(
    readonly kind: PrivateServerKind,
    private readonly home: string,
    private readonly env: NodeJS.ProcessEnv,
    /** KAFKA_BROKERS, DATABASE_URL or (Mailpit) the SMTP_URL of this server. */
    readonly url: string,
    /** Mailpit's HTTP API (MAILPIT_URL); null for the others. */
    readonly apiUrl: string | null = null,
  ) {}

  static async start(kind: PrivateServerKind): Promise<PrivateServer> {
    const home = mkdtempSync(join(tmpdir(), `tadamon-${kind}-`));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, TADAMON_INFRA_HOME: home };
    let url: string;
    let apiUrl: string | null = null;
    if (kind === 'kafka') {
      env.TADAMON_KAFKA_PORT = String(port);
      env.TADAMON_KAFKA_CONTROLLER_PORT = String(await freePort());
      url = `127.0.0.1:${port}`;
    } else if (kind === 'mailpit') {
      // Its own ports and database (TADAMON_INFRA_HOME/mailpit): stopping it leaves the shared one be.
      const httpPort = await freePort();
      env.TADAMON_SMTP_PORT = String(port);
      env.TADAMON_MAILPIT_HTTP_PORT = String(httpPort);
      url = `smtp://127.0.0.1:${port}`;
      apiUrl = `http://127.0.0.1:${httpPort}`;
    } else {
      env.TADAMON_PG_PORT = String(port);
      url = `postgres://tadamon:tadamon@127.0.0.1:${port}/tadamon_test`;
    }
    const server = new PrivateServer(kind, home, env, url, apiUrl);
    try {
      await server.up();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  /** Starts it again (same port, same data) and waits until it answers its protocol. */
  up(): Promise<void> {
    return this.script('up');
  }

  /** A clean stop (Kafka, Mailpit: SIGTERM; PostgreSQL: fast shutdown). */
  down(): Promise<void> {
    return this.script('down');
  }

  /** SIGKILL of the server's process group: a crash, nothing flushed or closed. */
  kill(): void {
    const pid = this.pid();
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  /** Stops it and removes its folder. */
  async dispose(): Promise<void> {
    await this.script('down').catch(() => this.kill());
    rmSync(this.home, { recursive: true, force: true });
    if (this.kind === 'postgres') {
      // As root, infra/local may have put the cluster where the server's user can write.
      rmSync(`/var/tmp/tadamon-postgres-${this.env.TADAMON_PG_PORT}`, { recursive: true, force: true });
    }
  }

  private pid(): number | undefined {
    const file = join(this.home, 'run', `${SERVICE[this.kind]}.pid`);
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  }

  private script(action: 'up' | 'down'): Promise<void> {
    const script = join(repoRoot(), 'infra', 'local', 'infra.sh');
    return new Promise((resolve, reject) => {
      execFile(
        'bash',
        [script, action, SERVICE[this.kind]],
        { env: this.env, timeout: SCRIPT_TIMEOUT_MS, encoding: 'utf8' },
        (error, _stdout, stderr) => {
          if (!error) return resolve();
          const failure = stderr.split('\n').find((line) => line.includes('FAILED')) ?? error.message;
          reject(new Error(`private ${this.kind} (${action}): ${failure}\n${stderr.slice(-2000)}`));
        },
      );
    });
  }
}
