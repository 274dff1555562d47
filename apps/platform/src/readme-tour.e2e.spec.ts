import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from './create-app';

jest.setTimeout(120_000);

/** The shell block of the README's five-minute tour, as a reader would paste it. */
const tourScript = (): string => {
  const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
  const section = readme.split('## Five-minute tour')[1];
  if (!section) throw new Error('README.md has no "Five-minute tour" section');
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('the tour has no sh block');
  return block[1];
};

describe('the README five-minute tour', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-tour-'));
  let app: NestFastifyApplication;
  let output: string;

  beforeAll(async () => {
    process.env.TADAMON_RATE_LIMIT ??= '100000';
    app = await createApp({ logger: false, dataDir });
    await app.listen(0, '127.0.0.1');
    const script = `set -euo pipefail\n${tourScript().replaceAll('http://localhost:3000', await app.getUrl())}`;
    // Asynchronously: the app answering the tour runs in this process.
    ({ stdout: output } = await promisify(execFile)('bash', ['-c', script], {
      encoding: 'utf8',
      timeout: 60_000,
    }));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs from start to end against the demo data (curl and jq on the path)', () => {
    expect(output).toContain('Migrations et Développement');
  });

  it('registers, hides the association until verified, then verifies it', () => {
    expect(output).toContain('"AssociationRegistered"');
    expect(output).toMatch(/^404$/m);
    expect(output).toContain('"AssociationVerified"');
  });

  it('exports the contact card in clear, then shows the person as erased', () => {
    expect(output).toContain('"khadija@example.org"');
    expect(output).toContain('"PersonalDataErased"');
    expect(output).toMatch(/"status": "erased",\s+"card": \{\s+"erased": true/);
  });

  it('lets the association change its own profile and the partner publish a need', () => {
    expect(output).toContain('"AssociationProfileChanged"');
    expect(output).toContain('Adduction d eau potable à Tafraout');
  });

  it('ends on the map, where Souss-Massa counts the new association', async () => {
    const map = (await (await fetch(`${await app.getUrl()}/api/registry/map/regions`)).json()) as {
      region: string;
      associations: number;
    }[];
    const soussMassa = map.find((r) => r.region === 'MA-09');
    expect(output).toContain(`"associations": ${soussMassa?.associations}`);
    expect(soussMassa?.associations).toBeGreaterThanOrEqual(2);
  });
});
