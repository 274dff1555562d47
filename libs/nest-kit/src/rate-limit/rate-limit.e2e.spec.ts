import 'reflect-metadata';
import { Controller, Get, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Public } from '../auth';
import { bootstrapHttpApp } from '../bootstrap-http-app';
import { NestKitModule } from '../nest-kit.module';
import { TokenIssuer } from '../auth';
import { RateLimit } from './rate-limit.decorators';

const LIMIT = 40;

@Public()
@Controller('api')
class FourRoutesController {
  @Get('calls')
  calls() {
    return [];
  }

  @Get('needs')
  needs() {
    return [];
  }

  @Get('map')
  map() {
    return {};
  }

  @Post('token')
  @RateLimit({ name: 'token', limit: 3, windowMs: 60_000 })
  token() {
    return { ok: true };
  }
}

@Module({
  imports: [
    NestKitModule.forRoot({
      appName: 'limits',
      auth: { verification: TokenIssuer.hs256('a-test-secret-that-is-long-enough-0123456789').verification },
      logging: { level: 'silent' },
      rateLimit: { limit: LIMIT, ttlMs: 60_000 },
    }),
  ],
  controllers: [FourRoutesController],
})
class LimitsApp {}

describe('the rate limit over HTTP: per client IP across routes', () => {
  let app: NestFastifyApplication | undefined;
  let url: string;

  beforeEach(async () => {
    app = await bootstrapHttpApp(LimitsApp, { openApi: { title: 'Limits' }, trustProxy: true });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  }, 120_000);
  afterEach(async () => {
    await app?.close();
    app = undefined;
  }, 120_000);

  const from = (ip: string, method: string, path: string) =>
    fetch(`${url}${path}`, {
      method,
      headers: { 'x-forwarded-for': ip, 'accept-language': 'fr' },
    });

  it('accepts N requests spread over four routes and answers the N+1th with 429 problem+json', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/calls'],
      ['GET', '/api/needs'],
      ['GET', '/api/map'],
      ['POST', '/api/token'],
    ];
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      // The token route has a stricter limit of its own (3): it gets only its share.
      const [method, path] = i < 3 ? routes[3] : routes[i % 3];
      const response = await from('203.0.113.7', method, path);
      statuses.push(response.status);
      expect(Number(response.headers.get('ratelimit-remaining'))).toBe(
        i < 3 ? Math.min(2 - i, LIMIT - 1 - i) : LIMIT - 1 - i,
      );
    }
    expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);

    const limited = await from('203.0.113.7', 'GET', '/api/map');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get('ratelimit-limit')).toBe(String(LIMIT));
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(await limited.json()).toMatchObject({
      type: 'urn:tadamon:problem:rate-limited',
      status: 429,
      detail: `Trop de requêtes ; réessayez dans ${retryAfter} seconde(s).`,
    });

    // Another client is counted on its own; health probes are never counted.
    expect((await from('198.51.100.2', 'GET', '/api/calls')).status).toBe(200);
    expect((await from('203.0.113.7', 'GET', '/health')).status).toBe(200);
  });

  it('keeps the stricter limit of a route of its own', async () => {
    for (let i = 0; i < 3; i++) expect((await from('192.0.2.1', 'POST', '/api/token')).status).toBe(201);
    const limited = await from('192.0.2.1', 'POST', '/api/token');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-limit')).toBe('3');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The client's other routes still answer.
    expect((await from('192.0.2.1', 'GET', '/api/calls')).status).toBe(200);
  });
});
