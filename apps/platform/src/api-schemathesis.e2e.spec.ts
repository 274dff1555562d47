import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The whole run: venv on first use, platform start and seeding, then the examples (about a minute). */
const RUN_TIMEOUT_MS = 540_000;
const ROOT = join(__dirname, '../../..');

interface Run {
  code: number | null;
  output: string;
}

/** tools/schemathesis/run.sh in its own process group, killed whole if it outlives the timeout. */
function runSchemathesis(): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(ROOT, 'tools/schemathesis/run.sh')], {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, ST_MAX_EXAMPLES: process.env.ST_MAX_EXAMPLES ?? '5' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`schemathesis run exceeded ${RUN_TIMEOUT_MS} ms:\n${output.slice(-4000)}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the OpenAPI document against schemathesis', () => {
  it(
    'passes the schema, status, content-type, server-error and undeclared-method checks on every operation',
    async () => {
      const run = await runSchemathesis();
      if (run.code !== 0) throw new Error(`schemathesis exited ${run.code}:\n${run.output.slice(-8000)}`);
      expect(run.output).toMatch(/Tested: (\d+)/);
      expect(Number(/Tested: (\d+)/.exec(run.output)?.[1])).toBeGreaterThan(60);
      // Every generated case passed: "N generated, N passed", no failure found.
      expect(run.output).toMatch(/(\d+) generated, \1 passed/);
    },
    RUN_TIMEOUT_MS + 30_000,
  );
});
