import 'reflect-metadata';
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_STREAM } from '@tadamon/eventsourcing';
import { SqliteEventStore } from '@tadamon/event-store';
import { Projection } from '@tadamon/read-store';
import { sampleAppends } from '@tadamon/read-store/testing';
import { APP_START_TIMEOUT_MS } from '@tadamon/testing';
import { createApp } from '../create-app';

/** A projection that fails on the first event it is given: the platform cannot finish starting. */
const failingProjection: Projection = {
  name: 'failing',
  version: 1,
  collections: ['failing'],
  categories: ['sampleAssociation'],
  project() {
    throw new Error('this projection cannot project');
  },
};

/** The files under `dir` this process holds open (Linux: its file descriptors in /proc). */
const filesOpenUnder = (dir: string): string[] =>
  readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ''; // closed between the listing and the look
      }
    })
    .filter((file) => file.startsWith(dir));

describe('the files of the embedded platform', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-failed-start-'));

  beforeAll(async () => {
    const seed = SqliteEventStore.open({ filename: join(dataDir, 'events.db') });
    try {
      for (const { streamId, events } of sampleAppends(3, 1))
        await seed.appendToStream(streamId, events, { expectedRevision: NO_STREAM });
    } finally {
      await seed.close();
    }
  }, APP_START_TIMEOUT_MS);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'are all closed when the platform stops',
    async () => {
      const app = await createApp({ logger: false, dataDir, projections: [], demoData: false });
      try {
        expect(filesOpenUnder(dataDir).length).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
      expect(filesOpenUnder(dataDir)).toEqual([]);
    },
    APP_START_TIMEOUT_MS,
  );

  it(
    'are all closed when a start fails, so the test process can exit',
    async () => {
      await expect(
        createApp({ logger: false, dataDir, projections: [failingProjection], demoData: false }),
      ).rejects.toThrow();
      expect(filesOpenUnder(dataDir)).toEqual([]);
    },
    APP_START_TIMEOUT_MS,
  );
});
