import { InMemoryRateLimitStore } from './in-memory-rate-limit-store';

describe('the in-memory rate limit store', () => {
  const stores: InMemoryRateLimitStore[] = [];
  const open = (options?: ConstructorParameters<typeof InMemoryRateLimitStore>[0]) => {
    const store = new InMemoryRateLimitStore(options);
    stores.push(store);
    return store;
  };
  afterEach(() => {
    jest.restoreAllMocks();
    for (const store of stores.splice(0)) store.close();
  });

  it('counts hits in a window per key and starts again when the window has ended', () => {
    const store = open();
    expect(store.hit('10.0.0.1', 1000, 0)).toEqual({ count: 1, resetAtMs: 1000 });
    expect(store.hit('10.0.0.1', 1000, 999)).toEqual({ count: 2, resetAtMs: 1000 });
    expect(store.hit('10.0.0.2', 1000, 999)).toEqual({ count: 1, resetAtMs: 1999 });
    expect(store.hit('10.0.0.1', 1000, 1000)).toEqual({ count: 1, resetAtMs: 2000 });
  });

  it('creates no timer per hit, whatever the number of clients and hits', () => {
    const setTimeoutSpy = jest.spyOn(global, 'setTimeout');
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    const store = open({ maxClients: 200_000 });
    expect(setIntervalSpy).toHaveBeenCalledTimes(1);
    for (let hit = 0; hit < 300_000; hit++) store.hit(`10.${hit % 100_000}`, 60_000, hit);
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    expect(setIntervalSpy).toHaveBeenCalledTimes(1);
    expect(store.size).toBe(100_000);
  });

  it('tracks at most maxClients keys, forgetting the one whose window started first', () => {
    const store = open({ maxClients: 1000 });
    for (let client = 0; client < 5000; client++) store.hit(`client-${client}`, 60_000, client);
    expect(store.size).toBe(1000);
    // The newest are kept with their counts; the oldest start again from one.
    expect(store.hit('client-4999', 60_000, 6000).count).toBe(2);
    expect(store.hit('client-0', 60_000, 6000).count).toBe(1);
  });

  it('drops ended windows when swept, and keeps running ones', () => {
    const store = open();
    store.hit('ended', 1000, 0);
    store.hit('running', 1000, 500);
    store.sweep(1200);
    expect(store.size).toBe(1);
    expect(store.hit('running', 1000, 1300).count).toBe(2);
  });

  it('takes the same time per hit with 100 clients as with 100,000 (no cost that grows with clients)', () => {
    const timePerHit = (clients: number): number => {
      const store = open({ maxClients: clients });
      for (let client = 0; client < clients; client++) store.hit(`ip-${client}`, 60_000, 0);
      const hits = 200_000;
      const started = process.hrtime.bigint();
      for (let hit = 0; hit < hits; hit++) store.hit(`ip-${hit % clients}`, 60_000, 1);
      return Number(process.hrtime.bigint() - started) / hits;
    };
    timePerHit(1000); // warm-up
    const few = Math.min(timePerHit(100), timePerHit(100));
    const many = Math.min(timePerHit(100_000), timePerHit(100_000));
    // A Map lookup is constant time; cache misses on a busy machine make "many" slower, not 1000x.
    expect(many / few).toBeLessThan(20);
  });
});
