import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { NO_STREAM } from '@tadamon/eventsourcing';
import { SqliteEventStore } from '@tadamon/event-store';
import { requireServer } from '@tadamon/testing';
import { MongooseDocumentStore } from '../mongoose/mongoose-document-store';
import { sampleAppends, sampleDirectoryProjection } from '../testing/sample-projection';
import { collectionHash } from './collection-hash';
import { ProjectionRunner } from './projection-runner';

const REPO = join(__dirname, '../../../..');
const PROJECTOR = join(__dirname, 'process/projector-process.ts');
const STREAMS = 5000;
const EVENTS_PER_STREAM = 10;
const TOTAL = STREAMS * EVENTS_PER_STREAM;

function projector(args: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', PROJECTOR, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Resolves with the process's exit and the last event count it printed. */
function watch(child: ChildProcess, onEvents?: (events: number) => void) {
  let events = 0;
  let done = false;
  if (!child.stdout) throw new Error('the projector was started without a stdout pipe');
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, count] = line.split(' ');
    if (word === 'progress') {
      events = Number(count);
      onEvents?.(events);
    }
    if (word === 'done') done = true;
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; events: number; done: boolean }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, events, done })),
  );
}

describe('a projector process killed with kill -9 during a rebuild', () => {
  const mongoUrl = requireServer('mongo');
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-projector-'));
  const filename = join(dir, 'events.db');
  const suffix = Date.now().toString(36);
  const databases = { clean: `kill_clean_${suffix}`, killed: `kill_resumed_${suffix}` };
  const opened: MongooseDocumentStore[] = [];

  afterAll(async () => {
    for (const docs of opened) {
      await docs.dropDatabase().catch(() => undefined);
      await docs.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it(`ends identical to a clean rebuild of ${TOTAL.toLocaleString('en')} events once restarted`, async () => {
    const store = SqliteEventStore.open({ filename, synchronous: 'OFF' });
    for (const { streamId, events } of sampleAppends(STREAMS, EVENTS_PER_STREAM)) {
      await store.appendToStream(streamId, events, { expectedRevision: NO_STREAM });
    }

    const clean = await MongooseDocumentStore.connect(mongoUrl, databases.clean);
    opened.push(clean);
    const reference = await new ProjectionRunner(store, clean, sampleDirectoryProjection, {
      batchSize: 500,
    }).rebuild();
    expect(reference.events).toBe(TOTAL);
    await store.close();

    const first = projector([filename, mongoUrl, databases.killed, 'rebuild']);
    const killed = await watch(first, (events) => {
      if (events >= TOTAL * 0.3) first.kill('SIGKILL');
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.done).toBe(false);
    expect(killed.events).toBeLessThan(TOTAL);

    const resumed = await watch(projector([filename, mongoUrl, databases.killed, 'resume']));
    expect(resumed).toMatchObject({ code: 0, done: true });
    expect(resumed.events).toBeLessThanOrEqual(TOTAL - killed.events + 500);

    const after = await MongooseDocumentStore.connect(mongoUrl, databases.killed);
    opened.push(after);
    for (const collection of sampleDirectoryProjection.collections) {
      expect(await after.collection(collection).count()).toBe(await clean.collection(collection).count());
      expect(await collectionHash(after, collection)).toBe(await collectionHash(clean, collection));
    }
    expect(await after.collection('sample_associations').count()).toBe(STREAMS);
  }, 600_000);
});
