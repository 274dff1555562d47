import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SqliteEventStore } from '@tadamon/event-store';
import { parseXml, validateAgainstRules, validateAgainstSchema, validateCodelists } from '@tadamon/iati';
import { PartnershipsCommands } from '@tadamon/partnerships';
import { iatiProjectData } from '../partnerships/testing/iati-projects';
import { CliIo, runIatiCli } from './iati-export-cli';

jest.setTimeout(120_000);

const OFFICER = { id: 'user-officer', roles: ['officer'] };

const sink = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = sink();
  const stderr = sink();
  const io: CliIo = { stdout: stdout.stream, stderr: stderr.stream, env };
  const code = await runIatiCli(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A data folder whose log holds two published projects and an internal one, written by the domain. */
async function dataFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-iati-cli-'));
  const store = SqliteEventStore.open({ filename: join(dir, 'events.db'), synchronous: 'OFF' });
  const commands = new PartnershipsCommands(store);
  const exec = (projectId: string, type: string, data: Record<string, unknown>) =>
    commands.execute('project', projectId, { type, data: { projectId, ...data } } as never, OFFICER);
  for (const projectId of ['cli-1', 'cli-2', 'cli-internal']) {
    await exec(projectId, 'OpenProject', iatiProjectData(projectId));
    await exec(projectId, 'ChangeProjectStatus', { status: '2' });
    if (projectId !== 'cli-internal') await exec(projectId, 'PublishProject', {});
  }
  await store.close();
  return dir;
}

describe('npm run iati -- export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await dataFolder();
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the published projects to --out, valid against the XSD with no rule error, and says so on stderr', async () => {
    const out = join(dir, 'activities.xml');
    const result = await run(['export', '--out', out, '--data-dir', dir, '--validate']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toMatch(/2 published projects of 3, \d+ bytes to /);
    expect(result.stderr).toMatch(/0 XSD errors, 0 rule errors/);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('XI-IATI-MCMRE-cli-1');
    expect(xml).toContain('XI-IATI-MCMRE-cli-2');
    expect(xml).not.toContain('cli-internal');
    expect(await validateAgainstSchema(xml)).toEqual([]);
    const document = parseXml(xml);
    expect(
      [...validateAgainstRules(document), ...validateCodelists(document)].filter(
        (f) => f.severity === 'error',
      ),
    ).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('writes to stdout by default, from DATA_DIR, the same bytes as the file', async () => {
    const out = join(dir, 'again.xml');
    await run(['export', '--out', out], { DATA_DIR: dir });
    const result = await run(['export'], { DATA_DIR: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(out, 'utf8'));
  });

  it('fails clearly on a missing data folder or a folder without a log (exit 1), and on bad usage (exit 2)', async () => {
    const missing = await run(['export', '--data-dir', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no data folder at .*nope/);
    const empty = mkdtempSync(join(tmpdir(), 'tadamon-iati-empty-'));
    try {
      const noLog = await run(['export', '--data-dir', empty]);
      expect(noLog.code).toBe(1);
      expect(noLog.stderr).toMatch(/no event log at .*events\.db/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect((await run([])).code).toBe(2);
    expect((await run(['import'])).stderr).toMatch(/unknown command "import"/);
    expect((await run(['export', '--frobnicate'])).code).toBe(2);
    expect((await run(['--help'])).stdout).toMatch(/^usage: npm run iati -- export/);
  });

  it('validates a file it is given: VALID on the export, INVALID once a sector share is tampered', async () => {
    const out = join(dir, 'to-validate.xml');
    expect((await run(['export', '--out', out, '--data-dir', dir])).code).toBe(0);
    const valid = await run(['validate', out]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/^VALID: 2 activities, 0 XSD errors, 0 rule errors, \d+ warnings$/m);
    const xml = readFileSync(out, 'utf8');
    const tampered = join(dir, 'tampered.xml');
    const changed = xml.replace(/(<sector vocabulary="1" code="\d+" percentage=")([\d.]+)"/, '$199"');
    expect(changed).not.toBe(xml);
    writeFileSync(tampered, changed);
    const invalid = await run(['validate', tampered]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/^INVALID: 2 activities, 0 XSD errors, [1-9]\d* rule errors/m);
    expect(invalid.stderr).toMatch(/rule 2\.1\.2 /);
    expect((await run(['validate', join(dir, 'absent.xml')])).stderr).toMatch(/no file at .*absent\.xml/);
    expect((await run(['validate'])).code).toBe(2);
    expect((await run(['validate', out, '--validate'])).code).toBe(2);
  });

  it('runs as the npm script does, in its own process', () => {
    const child = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/platform/src/iati-cli.ts', 'export', '--data-dir', dir],
      { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(child.stderr).toMatch(/2 published projects of 3/);
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03"/,
    );
    expect(child.stdout.trimEnd().endsWith('</iati-activities>')).toBe(true);
  });
});
