import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { NO_STREAM } from '@tadamon/eventsourcing';
import { SqliteEventStore } from '@tadamon/event-store';
import { requireServer } from '@tadamon/testing';
import { MongooseDocumentStore } from '../mongoose/mongoose-document-store';
import { sampleAppends, sampleDirectoryProjection } from '../testing/sample-projection';
import { runRebuildCli } from './rebuild-cli';

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => (text += chunk));
  return { out, text: () => text };
}

describe('rebuild <projection> (command line)', () => {
  const mongoUrl = requireServer('mongo');
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-rebuild-'));
  const file = join(dir, 'events.db');
  const env = {
    EVENT_STORE_URL: `sqlite:${file}`,
    MONGO_URL: mongoUrl,
    MONGO_DB: `rebuild_cli_${Date.now()}`,
  };

  beforeAll(async () => {
    const store = SqliteEventStore.open({ filename: file });
    for (const { streamId, events } of sampleAppends(30, 4)) {
      await store.appendToStream(streamId, events, { expectedRevision: NO_STREAM });
    }
    await store.close();
  });
  afterAll(async () => {
    const docs = await MongooseDocumentStore.connect(mongoUrl, env.MONGO_DB);
    await docs.dropDatabase();
    await docs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays the log into MongoDB with progress, the final count and identical hashes each time', async () => {
    const first = capture();
    expect(await runRebuildCli(['sample-directory'], [sampleDirectoryProjection], env, first.out)).toBe(0);
    expect(first.text()).toMatch(/sample-directory \[#+\.*\] \d+% /);
    expect(first.text()).toContain('rebuilt sample-directory: 120 events');
    const second = capture();
    expect(await runRebuildCli(['sample-directory'], [sampleDirectoryProjection], env, second.out)).toBe(0);
    const hashes = (text: string) => text.split('\n').filter((line) => line.includes('sha256'));
    expect(hashes(second.text())).toEqual(hashes(first.text()));
    expect(hashes(first.text())).toHaveLength(2);
  });

  it('lists the projections, and refuses an unknown one or a missing MONGO_URL with usage errors', async () => {
    const list = capture();
    expect(await runRebuildCli(['--list'], [sampleDirectoryProjection], env, list.out)).toBe(0);
    expect(list.text()).toBe('sample-directory\n');
    const unknown = capture();
    expect(await runRebuildCli(['nope'], [sampleDirectoryProjection], env, unknown.out)).toBe(2);
    expect(unknown.text()).toContain('unknown projection "nope"; known: sample-directory');
    const noMongo = capture();
    expect(await runRebuildCli(['sample-directory'], [sampleDirectoryProjection], {}, noMongo.out)).toBe(2);
    expect(noMongo.text()).toContain('MONGO_URL is not set');
  });

  it('fails with exit code 1 and the reason when the event store cannot be opened', async () => {
    const bad = capture();
    const badEnv = { ...env, EVENT_STORE_URL: 'kafka://nowhere' };
    expect(await runRebuildCli(['sample-directory'], [sampleDirectoryProjection], badEnv, bad.out)).toBe(1);
    expect(bad.text()).toContain('EVENT_STORE_URL must start with sqlite: or postgres://');
  });
});
