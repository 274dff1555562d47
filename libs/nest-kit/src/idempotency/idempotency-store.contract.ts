import { IdempotencyStore } from './idempotency-store';

const response = { status: 201, headers: { location: '/api/notes/1' }, body: { id: 'note-1' } };

export type OpenIdempotencyStore = (now: () => number) =>
  | { store: IdempotencyStore; close: () => void | Promise<void> }
  | Promise<{
      store: IdempotencyStore;
      close: () => void | Promise<void>;
    }>;

/** What every IdempotencyStore does, run against each (in memory, SQLite, PostgreSQL). */
export function idempotencyStoreContract(name: string, open: OpenIdempotencyStore): void {
  describe(`${name} idempotency store`, () => {
    let clock = 1_000;
    let store: IdempotencyStore;
    let close: () => void | Promise<void>;
    beforeEach(async () => {
      clock = 1_000;
      ({ store, close } = await open(() => clock));
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

    it('keeps keys scoped by actor as the guard writes them (a NUL between actor and key)', async () => {
      expect(await store.reserve('user-1\u0000key-1', 'fp', 60_000)).toBeUndefined();
      expect(await store.reserve('user-2\u0000key-1', 'fp', 60_000)).toBeUndefined();
      await store.complete('user-1\u0000key-1', response, 60_000);
      expect(await store.reserve('user-1\u0000key-1', 'fp', 60_000)).toMatchObject({ state: 'completed' });
      expect(await store.reserve('user-2\u0000key-1', 'fp', 60_000)).toEqual({
        state: 'in-flight',
        fingerprint: 'fp',
      });
    });

    it('gives concurrent claims of one key to one of them', async () => {
      const claims = await Promise.all(Array.from({ length: 8 }, () => store.reserve('race', 'fp', 60_000)));
      expect(claims.filter((claim) => claim === undefined)).toHaveLength(1);
      expect(claims.filter((claim) => claim?.state === 'in-flight')).toHaveLength(7);
    });
  });
}
