import { RateLimitStore } from './rate-limit-store';

export type OpenRateLimitStore = () =>
  | { store: RateLimitStore; close: () => void | Promise<void> }
  | Promise<{ store: RateLimitStore; close: () => void | Promise<void> }>;

/** What every RateLimitStore does, run against each (in memory, PostgreSQL). */
export function rateLimitStoreContract(name: string, open: OpenRateLimitStore): void {
  describe(`${name} rate limit store`, () => {
    let store: RateLimitStore;
    let close: () => void | Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(() => close());

    it('counts the hits of a key in its window, and starts again once the window ends', async () => {
      expect(await store.hit('198.51.100.1', 60_000, 1_000)).toEqual({ count: 1, resetAtMs: 61_000 });
      expect(await store.hit('198.51.100.1', 60_000, 30_000)).toEqual({ count: 2, resetAtMs: 61_000 });
      expect(await store.hit('198.51.100.1', 60_000, 61_000)).toEqual({ count: 1, resetAtMs: 121_000 });
    });

    it('keeps keys apart', async () => {
      await store.hit('a', 60_000, 0);
      await store.hit('a', 60_000, 0);
      expect(await store.hit('b', 60_000, 0)).toEqual({ count: 1, resetAtMs: 60_000 });
      expect(await store.hit('token a', 60_000, 0)).toEqual({ count: 1, resetAtMs: 60_000 });
    });

    it('loses no hit among concurrent ones', async () => {
      const windows = await Promise.all(
        Array.from({ length: 50 }, () => store.hit('203.0.113.9', 60_000, 5_000)),
      );
      expect(windows.map((w) => w.count).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
    });
  });
}
