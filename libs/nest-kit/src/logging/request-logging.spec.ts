import Fastify, { FastifyInstance } from 'fastify';
import pino from 'pino';
import { capturedLogger } from './log-lines.testing';
import { installRequestLogging } from './request-logging';

async function appWith(level?: pino.LevelWithSilent) {
  const { lines, logger } = capturedLogger(level);
  const fastify: FastifyInstance = Fastify({ genReqId: () => 'corr-1' });
  installRequestLogging(fastify, logger);
  fastify.get('/api/things/:id', async () => ({ ok: true }));
  fastify.get('/boom', async () => {
    throw new Error('boom');
  });
  fastify.get('/health', async () => 'ok');
  fastify.get('/metrics', async () => 'm');
  await fastify.ready();
  return { fastify, lines };
}

describe('request logging', () => {
  it('writes one line per request with the correlation id, route, status and time, and no header', async () => {
    const { fastify, lines } = await appWith();
    await fastify.inject({
      method: 'GET',
      url: '/api/things/42?q=x',
      headers: { authorization: 'Bearer secret-token', cookie: 'session=abc' },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      correlationId: 'corr-1',
      req: { method: 'GET', route: '/api/things/:id', url: '/api/things/42', query: ['q'] },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(JSON.stringify(lines[0])).not.toMatch(/secret-token|session=abc|authorization|cookie/);
    await fastify.close();
  });

  it('logs the path and the names of the query parameters, never their values', async () => {
    const { fastify, lines } = await appWith();
    await fastify.inject({
      method: 'GET',
      url: '/api/things/42?name=Khadija%20Exemple&region=MA-09&region=MA-01&email=k%40example.org',
    });
    expect(lines[0].req).toEqual({
      method: 'GET',
      route: '/api/things/:id',
      url: '/api/things/42',
      query: ['name', 'region', 'email'],
    });
    expect(JSON.stringify(lines)).not.toMatch(/Khadija|MA-09|example\.org/);
    await fastify.inject({ method: 'GET', url: '/api/things/43' });
    expect(lines[1].req).toEqual({ method: 'GET', route: '/api/things/:id', url: '/api/things/43' });
    await fastify.close();
  });

  it('logs a 5xx at error level', async () => {
    const { fastify, lines } = await appWith();
    await fastify.inject({ method: 'GET', url: '/boom' });
    expect(lines.filter((line) => line.msg === 'request completed')).toMatchObject([
      { level: 50, res: { statusCode: 500 } },
    ]);
    await fastify.close();
  });

  it('keeps health probes and metric scrapes out of the log', async () => {
    const { fastify, lines } = await appWith();
    await fastify.inject({ method: 'GET', url: '/health' });
    await fastify.inject({ method: 'GET', url: '/metrics' });
    expect(lines).toEqual([]);
    await fastify.close();
  });

  it('at level warn, logs only the 5xx', async () => {
    const { fastify, lines } = await appWith('warn');
    await fastify.inject({ method: 'GET', url: '/api/things/1' });
    await fastify.inject({ method: 'GET', url: '/boom' });
    expect(lines.filter((line) => line.msg === 'request completed')).toMatchObject([
      { level: 50, req: { url: '/boom' } },
    ]);
    await fastify.close();
  });
});
