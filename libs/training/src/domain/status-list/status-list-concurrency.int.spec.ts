import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@tadamon/event-store';
import { CommandMetadata, handleCommand, WrongExpectedRevision } from '@tadamon/eventsourcing';
import { requireServer } from '@tadamon/testing';
import { statusListDecider, statusListStreamName } from './status-list';
import { StatusListCommand } from './status-list-commands';
import { StatusListEvent } from './status-list-events';
import { statusListIndexAt } from './status-list-index';
import { permutation } from './status-list.fixtures';

/*
 * Two certificates never share an index, even when they are issued at the same moment by several
 * instances: the only guard is the list's stream, each allocation appending at the revision it
 * decided on. 60 certificates race (each asked twice, as a retried request would), spread over
 * several writers of one real store.
 */
const CERTIFICATES = 60;
const TIMEOUT_MS = 120_000;

const metadata = (commandId: string): CommandMetadata => ({
  commandId,
  actor: { id: 'training-certifier', roles: ['system'] },
  now: '2026-06-12T16:00:00.000Z',
});

async function race(writers: EventStore[]): Promise<{ conflicts: number }> {
  const statusListId = `sl-${randomUUID()}`;
  const streamId = statusListStreamName(statusListId);
  const open: StatusListCommand = {
    type: 'OpenStatusList',
    data: { statusListId, ...permutation },
    metadata: metadata(`open-${statusListId}`),
  };
  await handleCommand(writers[0], statusListDecider, streamId, open);
  let conflicts = 0;
  const requests = Array.from({ length: CERTIFICATES * 2 }, (_, i) => i % CERTIFICATES);
  const outcomes = await Promise.allSettled(
    requests.map((c, i) => {
      const command: StatusListCommand = {
        type: 'AllocateIndex',
        data: { statusListId, certificateId: `cert-${c}` },
        metadata: metadata(`allocate-${statusListId}-${i}`),
      };
      const store = writers[i % writers.length];
      return handleCommand(
        {
          readStream: (id) => store.readStream(id),
          appendToStream: (id, events, options) =>
            store.appendToStream(id, events, options).catch((error: unknown) => {
              if (error instanceof WrongExpectedRevision) conflicts++;
              throw error;
            }),
        },
        statusListDecider,
        streamId,
        command,
        { maxRetries: requests.length },
      );
    }),
  );
  expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);

  const stored = (await writers[writers.length - 1].readStream(streamId)) as unknown as StatusListEvent[];
  const allocations = stored.flatMap((e) => (e.type === 'IndexAllocated' ? [e.data] : []));
  // One allocation per certificate, however many times it was asked for.
  expect(allocations.map((a) => a.certificateId).sort()).toEqual(
    Array.from({ length: CERTIFICATES }, (_, c) => `cert-${c}`).sort(),
  );
  // The k-th allocation of the stream holds the k-th index of the permutation: none shared.
  expect(allocations.map((a) => a.index)).toEqual(
    Array.from({ length: CERTIFICATES }, (_, k) => statusListIndexAt(k, permutation)),
  );
  expect(new Set(allocations.map((a) => a.index)).size).toBe(CERTIFICATES);
  return { conflicts };
}

describe('status list allocations under concurrent issuance', () => {
  describe('on SQLite (a temporary file, four store instances as four writers)', () => {
    let dir: string;
    let writers: SqliteEventStore[] = [];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'tadamon-status-list-'));
      const filename = join(dir, 'events.db');
      writers = Array.from({ length: 4 }, () => SqliteEventStore.open({ filename }));
    });
    afterAll(async () => {
      await Promise.all(writers.map((w) => w.close()));
      rmSync(dir, { recursive: true, force: true });
    });

    it(
      'gives each certificate one index, never one another holds',
      async () => {
        const { conflicts } = await race(writers);
        expect(conflicts).toBeGreaterThan(0);
      },
      TIMEOUT_MS,
    );
  });

  describe('on PostgreSQL (a fresh schema, two stores with their own pools as two instances)', () => {
    const schema = `es_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const writers: PostgresEventStore[] = [];
    const pools: Pool[] = [];
    beforeAll(async () => {
      // Throws when no PostgreSQL server could be had: the test fails, it is never skipped.
      const connectionString = requireServer('postgres');
      for (let i = 0; i < 2; i++) {
        const pool = new Pool({ connectionString, max: 10 });
        pools.push(pool);
        writers.push(await PostgresEventStore.connect({ pool, schema }));
      }
    });
    afterAll(async () => {
      await Promise.all(writers.map((w) => w.close()));
      if (pools.length > 0) await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all(pools.map((p) => p.end()));
    });

    it(
      'gives each certificate one index, never one another holds',
      async () => {
        const { conflicts } = await race(writers);
        expect(conflicts).toBeGreaterThan(0);
      },
      TIMEOUT_MS,
    );
  });
});
