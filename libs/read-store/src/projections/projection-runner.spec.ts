import { PassThrough } from 'node:stream';
import { RecordedEvent } from '@tadamon/eventsourcing';
import { MingoDocumentStore } from '../mingo/mingo-document-store';
import { collectionHash } from './collection-hash';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionSource } from './projection-runner';
import { rebuildProjection, UnknownProjection } from './rebuild-command';

class ArraySource implements ProjectionSource {
  readonly events: RecordedEvent[] = [];
  reads = 0;

  add(streamId: string, type: string, data: Record<string, unknown>): void {
    const globalPosition = this.events.length * 2 + 1; // gaps are allowed in global positions
    this.events.push({
      id: `00000000-0000-4000-8000-${String(globalPosition).padStart(12, '0')}`,
      type,
      schemaVersion: 1,
      data,
      metadata: { correlationId: 'c', causationId: 'c', commandId: 'c', actor: { id: 'a', roles: [] } },
      streamId,
      revision: 0,
      globalPosition,
      recordedAt: '2026-11-29T00:00:00.000Z',
      prevHash: '',
      hash: '',
    });
  }

  async readAll(options: {
    after?: number;
    maxCount?: number;
    categories?: string[];
  }): Promise<RecordedEvent[]> {
    this.reads++;
    return this.events
      .filter((e) => e.globalPosition > (options.after ?? 0))
      .filter((e) => !options.categories || options.categories.includes(e.streamId.split('-')[0]))
      .slice(0, options.maxCount ?? Infinity);
  }

  async headPosition(): Promise<number> {
    return this.events.at(-1)?.globalPosition ?? 0;
  }
}

const directory = (version = 1): Projection => ({
  name: 'association-directory',
  version,
  collections: ['associations', 'region_counts'],
  categories: ['association'],
  project(event) {
    const id = event.streamId.slice('association-'.length);
    const data = event.data as { name?: string; region?: string; delta?: number };
    switch (event.type) {
      case 'AssociationRegistered':
        return [
          {
            collection: 'associations',
            upsert: { id, update: { $set: { name: data.name, region: data.region, members: 0 } } },
          },
          {
            collection: 'region_counts',
            upsert: { id: data.region as string, update: { $inc: { associations: 1 } } },
          },
        ];
      case 'MembersChanged':
        return [
          { collection: 'associations', upsert: { id, update: { $inc: { members: data.delta as number } } } },
        ];
      default:
        return [];
    }
  },
});

function seed(source: ArraySource, count: number): void {
  for (let i = 0; i < count; i++) {
    source.add(`association-a${i}`, 'AssociationRegistered', {
      name: `Association ${i}`,
      region: `MA-0${(i % 9) + 1}`,
    });
    source.add(`association-a${i}`, 'MembersChanged', { delta: i });
    source.add(`network-n${i}`, 'NetworkCreated', { name: 'ignored: another category' });
  }
}

describe('ProjectionRunner', () => {
  let source: ArraySource;
  let docs: MingoDocumentStore;

  beforeEach(() => {
    source = new ArraySource();
    docs = new MingoDocumentStore();
  });

  it('projects the log into documents that carry the position they reflect', async () => {
    seed(source, 3);
    const runner = new ProjectionRunner(source, docs, directory(), { batchSize: 2 });
    expect(await runner.catchUp()).toBe(6);
    expect(await docs.collection('associations').get('a2')).toEqual({
      _id: 'a2',
      name: 'Association 2',
      region: 'MA-03',
      members: 2,
      _position: source.events[7].globalPosition,
    });
    expect(await docs.collection('region_counts').count()).toBe(3);
    expect((await runner.checkpoint())?.position).toBe(source.events[7].globalPosition);
    // The newest event is of another category: caught up, so no lag.
    expect(await runner.lag()).toBe(0);
    source.add('association-a9', 'AssociationRegistered', { name: 'Late', region: 'MA-01' });
    expect(await runner.lag()).toBe(source.events[9].globalPosition - source.events[8].globalPosition);
  });

  it('changes nothing when a batch is replayed after a crash before its checkpoint', async () => {
    seed(source, 50);
    const runner = new ProjectionRunner(source, docs, directory(), { batchSize: 7 });
    await runner.catchUp();
    const before = [await collectionHash(docs, 'associations'), await collectionHash(docs, 'region_counts')];
    // As if the checkpoints of the last batches had never been stored.
    await docs
      .collection('_projection_checkpoints')
      .upsert('association-directory', { $set: { position: 40 } });
    expect(await runner.catchUp()).toBeGreaterThan(0);
    expect([await collectionHash(docs, 'associations'), await collectionHash(docs, 'region_counts')]).toEqual(
      before,
    );
  });

  it('resumes after its checkpoint without reading the log from the start', async () => {
    seed(source, 10);
    const runner = new ProjectionRunner(source, docs, directory(), { batchSize: 100 });
    await runner.catchUp();
    source.add('association-late', 'AssociationRegistered', { name: 'Late', region: 'MA-12' });
    const restarted = new ProjectionRunner(source, docs, directory(), { batchSize: 100 });
    expect(await restarted.catchUp()).toBe(1);
    expect(await docs.collection('region_counts').get('MA-12')).toMatchObject({ associations: 1 });
  });

  it('gives identical data on two rebuilds', async () => {
    seed(source, 200);
    const runner = new ProjectionRunner(source, docs, directory(), { batchSize: 64 });
    const first = await runner.rebuild();
    const hash1 = await collectionHash(docs, 'associations');
    await docs.collection('associations').upsert('a1', { $set: { name: 'corrupted' } });
    const second = await runner.rebuild();
    expect(first.events).toBe(400);
    expect(second.events).toBe(400);
    expect(await collectionHash(docs, 'associations')).toBe(hash1);
  });

  it('rebuilds by itself when the projection version changed', async () => {
    seed(source, 5);
    await new ProjectionRunner(source, docs, directory(1)).catchUp();
    await docs.collection('associations').upsert('stale', { $set: { name: 'left by version 1' } });
    expect(await new ProjectionRunner(source, docs, directory(2)).catchUp()).toBe(10);
    expect(await docs.collection('associations').get('stale')).toBeNull();
    expect((await docs.collection('_projection_checkpoints').get('association-directory'))?.version).toBe(2);
  });

  it('follows new events once started, until stopped', async () => {
    const runner = new ProjectionRunner(source, docs, directory(), { pollIntervalMs: 5 });
    runner.start();
    source.add('association-live', 'AssociationRegistered', { name: 'Live', region: 'MA-09' });
    runner.notify();
    await waitFor(async () => (await docs.collection('associations').get('live')) !== null);
    await runner.stop();
    const reads = source.reads;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(source.reads).toBe(reads);
  });

  it('reads the log once per notified append, not once more to find nothing, and never misses one', async () => {
    // A long poll: only notify() wakes the runner in this test.
    const runner = new ProjectionRunner(source, docs, directory(), { pollIntervalMs: 60_000 });
    runner.start();
    try {
      await waitFor(async () => source.reads >= 1);
      for (let n = 0; n < 20; n++) {
        const before = source.reads;
        source.add(`association-n${n}`, 'AssociationRegistered', { name: `N${n}`, region: 'MA-09' });
        runner.notify();
        await waitFor(async () => (await docs.collection('associations').get(`n${n}`)) !== null);
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect(source.reads - before).toBe(1);
      }
      // Appends notified while a catch-up runs are read right after it, not at the next poll.
      for (let n = 0; n < 50; n++) {
        source.add(`association-b${n}`, 'AssociationRegistered', { name: `B${n}`, region: 'MA-01' });
        runner.notify();
        await Promise.resolve();
      }
      await waitFor(async () => (await docs.collection('associations').get('b49')) !== null);
    } finally {
      await runner.stop();
    }
  });
});

describe('rebuildProjection', () => {
  it('replays with progress, then prints the count and the collection hashes', async () => {
    const source = new ArraySource();
    seed(source, 30);
    const docs = new MingoDocumentStore();
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk) => (printed += chunk));
    const report = await rebuildProjection('association-directory', [directory()], source, docs, out);
    expect(report.events).toBe(60);
    expect(Object.keys(report.hashes)).toEqual(['associations', 'region_counts']);
    expect(printed).toMatch(/association-directory \[#+\.*\] \d+% /);
    expect(printed).toContain('rebuilt association-directory: 60 events');
    expect(printed).toContain(`associations sha256 ${report.hashes.associations}`);
  });

  it('names the known projections when asked for an unknown one', async () => {
    await expect(
      rebuildProjection(
        'nope',
        [directory()],
        new ArraySource(),
        new MingoDocumentStore(),
        new PassThrough(),
      ),
    ).rejects.toThrow(new UnknownProjection('nope', ['association-directory']));
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
