import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyStore } from './idempotency-store';
import { InMemoryIdempotencyStore } from './in-memory-idempotency-store';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

const response = { status: 201, headers: { location: '/api/notes/1' }, body: { id: 'note-1' } };

describe.each([
  [
    'in memory',
    (now: () => number) => ({ store: new InMemoryIdempotencyStore(now), close: (): void => undefined }),
  ],
  [
    'SQLite',
    (now: () => number) => {
      const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
      const store = new SqliteIdempotencyStore(join(dir, 'idempotency.db'), now);
      return {
        store,
        close: (): void => {
          store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
])('%s idempotency store', (_name, open) => {
  let clock = 1_000;
  let store: IdempotencyStore;
  let close: () => void;
  beforeEach(() => {
    clock = 1_000;
    ({ store, close } = open(() => clock));
  });
  afterEach(() => close());

  it('claims a new key once; a second claim sees it in flight', async () => {
    expect(await store.reserve('k', 'fp', 60_000)).toBeUndefined();
    expect(await store.reserve('k', 'fp', 60_000)).toEqual({ state: 'in-flight', fingerprint: 'fp' });
  });

  it('returns the completed response with its fingerprint', async () => {
    await store.reserve('k', 'fp', 60_000);
    await store.complete('k', response, 60_000);
    expect(await store.reserve('k', 'other', 60_000)).toEqual({
      state: 'completed',
      fingerprint: 'fp',
      response,
    });
  });

  it('frees a released key for a retry', async () => {
    await store.reserve('k', 'fp', 60_000);
    await store.release('k');
    expect(await store.reserve('k', 'fp2', 60_000)).toBeUndefined();
  });

  it('forgets a response once its TTL has run out', async () => {
    await store.reserve('k', 'fp', 60_000);
    await store.complete('k', response, 60_000);
    clock += 60_001;
    expect(await store.reserve('k', 'fp', 60_000)).toBeUndefined();
  });
});
