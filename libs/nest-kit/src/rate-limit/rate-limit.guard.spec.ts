import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../problems';
import { InMemoryRateLimitStore } from './in-memory-rate-limit-store';
import { RateLimit } from './rate-limit.decorators';
import { RateLimitGuard } from './rate-limit.guard';

class Routes {
  list() {
    return [];
  }

  @RateLimit({ name: 'token', limit: 2, windowMs: 60_000 })
  token() {
    return {};
  }
}

const contextFor = (handler: keyof Routes, ip: string, headers: Record<string, string>): ExecutionContext =>
  ({
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({
      getRequest: () => ({ ip }),
      getResponse: () => ({ headers: (set: Record<string, string>) => Object.assign(headers, set) }),
    }),
  }) as unknown as ExecutionContext;

describe('the rate limit guard', () => {
  let store: InMemoryRateLimitStore;
  let guard: RateLimitGuard;
  beforeEach(() => {
    store = new InMemoryRateLimitStore({ maxClients: 1000 });
    guard = new RateLimitGuard(new Reflector(), { limit: 5, windowMs: 60_000 }, store);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await guard.onModuleDestroy();
  });

  it('creates no timer per request and tracks at most maxClients, however many clients come', async () => {
    const timers = jest.spyOn(global, 'setTimeout');
    const intervals = jest.spyOn(global, 'setInterval');
    for (let request = 0; request < 20_000; request++) {
      const headers: Record<string, string> = {};
      await guard.canActivate(contextFor('list', `10.0.${request % 5000}`, headers)).catch(() => false);
    }
    expect(timers).not.toHaveBeenCalled();
    expect(intervals).not.toHaveBeenCalled();
    expect(store.size).toBeLessThanOrEqual(1000);
  });

  it('reports the tighter of the client limit and the route limit, then refuses with Retry-After', async () => {
    const first: Record<string, string> = {};
    await guard.canActivate(contextFor('token', '192.0.2.8', first));
    expect(first).toEqual({ 'ratelimit-limit': '2', 'ratelimit-remaining': '1', 'ratelimit-reset': '60' });
    await guard.canActivate(contextFor('token', '192.0.2.8', {}));
    const refused = await guard.canActivate(contextFor('token', '192.0.2.8', {})).catch((error) => error);
    expect(refused).toBeInstanceOf(ProblemException);
    expect(refused).toMatchObject({ kind: 'rate-limited', headers: { 'retry-after': '60' } });
    // Three requests counted against the client's own limit of 5 too.
    const list: Record<string, string> = {};
    await guard.canActivate(contextFor('list', '192.0.2.8', list));
    expect(list['ratelimit-remaining']).toBe('1');
  });
});
