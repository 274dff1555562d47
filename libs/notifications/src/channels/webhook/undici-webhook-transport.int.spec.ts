import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { Webhook } from 'standardwebhooks';
import { DeliveryRefused, OutgoingWebhook } from '../channel-ports';
import { UndiciWebhookTransport } from './undici-webhook-transport';
import { isPrivateAddress } from './webhook-target-guard';
import { newWebhookSecret } from './webhook-signature';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const servers: Server[] = [];
/** An HTTP server on a free port of the loopback, closed in afterAll. */
async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, body, res));
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const refusal = async (promise: Promise<unknown>): Promise<DeliveryRefused> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryRefused);
  return error as DeliveryRefused;
};

describe('the webhook transport over real HTTP', () => {
  const secret = newWebhookSecret();
  // The receivers of these tests listen on this machine, which a deployed transport refuses.
  const transport = new UndiciWebhookTransport({ timeoutMs: 300, allowPrivateTargets: true });
  const webhook = (url: string, extra: Partial<OutgoingWebhook> = {}): OutgoingWebhook => ({
    webhookId: 'ntf-0123456789abcdef0123456789abcdef01234567',
    url,
    body: JSON.stringify({ type: 'grant-awarded', data: { applicationId: 'application-md-1' } }),
    secrets: [secret],
    at: new Date(),
    ...extra,
  });

  afterAll(async () => {
    await transport.close();
    await Promise.all(
      servers.map((server) => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(resolve));
      }),
    );
  }, APP_STOP_TIMEOUT_MS);

  it('posts the JSON body signed; a receiver verifying with the standard library answers 204', async () => {
    const seen: { verified: unknown; contentType?: string }[] = [];
    const url = await serve((req, body, res) => {
      try {
        seen.push({
          verified: new Webhook(secret).verify(body, req.headers as Record<string, string>),
          contentType: req.headers['content-type'],
        });
        res.writeHead(204).end();
      } catch {
        res.writeHead(401).end();
      }
    });
    await expect(transport.post(webhook(`${url}/hooks`))).resolves.toEqual({ response: 'HTTP 204' });
    expect(seen).toEqual([
      {
        verified: { type: 'grant-awarded', data: { applicationId: 'application-md-1' } },
        contentType: 'application/json',
      },
    ]);
    // During a rotation the receiver may still hold only the previous secret.
    const rotated = await refusal(transport.post(webhook(url, { secrets: [newWebhookSecret()] })));
    expect(rotated.message).toBe('HTTP 401');
    await expect(transport.post(webhook(url, { secrets: [newWebhookSecret(), secret] }))).resolves.toEqual({
      response: 'HTTP 204',
    });
  });

  it('retries a 500 after the Retry-After it gives, and delivers the next attempt', async () => {
    let calls = 0;
    const url = await serve((_req, _body, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(500, { 'retry-after': '7' }).end('database down');
      else res.writeHead(200).end('ok');
    });
    const refused = await refusal(transport.post(webhook(url)));
    expect(refused.refusal).toEqual({ permanent: false, retryAfterSeconds: 7 });
    expect(refused.message).toBe('HTTP 500');
    await expect(transport.post(webhook(url))).resolves.toEqual({ response: 'HTTP 200' });
  });

  it('gives up on an endpoint slower than the timeout, as a failure to retry', async () => {
    const url = await serve((_req, _body, res) => {
      setTimeout(() => res.writeHead(200).end(), 2_000).unref();
    });
    const started = Date.now();
    const refused = await refusal(transport.post(webhook(url)));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(refused.refusal.permanent).toBe(false);
    expect(refused.message).toBe('timed out waiting for the response after 300 ms');
  });

  it('answers a 410 as gone for good: the endpoint is to be disabled', async () => {
    const url = await serve((_req, _body, res) => res.writeHead(410).end());
    const refused = await refusal(transport.post(webhook(url)));
    expect(refused.refusal).toEqual({ permanent: true, gone: true });
  });

  it('retries a closed port, saying the connection was refused', async () => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const refused = await refusal(transport.post(webhook(`http://127.0.0.1:${port}/`)));
    expect(refused.refusal).toEqual({ permanent: false });
    expect(refused.message).toBe('connection refused');
  });

  it('never follows a redirect: a 3xx is a failure and the target is not called', async () => {
    let targetCalls = 0;
    const target = await serve((_req, _body, res) => {
      targetCalls += 1;
      res.writeHead(200).end();
    });
    const url = await serve((_req, _body, res) => res.writeHead(307, { location: target }).end());
    const refused = await refusal(transport.post(webhook(url)));
    expect(refused.refusal).toEqual({ permanent: false, retryAfterSeconds: null });
    expect(refused.message).toBe('HTTP 307: redirects are not followed');
    expect(targetCalls).toBe(0);
  });

  it('retries other 4xx answers as the standard asks, honouring an HTTP-date Retry-After on a 429', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    const url = await serve((req, _body, res) =>
      req.url === '/busy' ? res.writeHead(429, { 'retry-after': at }).end() : res.writeHead(400).end(),
    );
    const bad = await refusal(transport.post(webhook(`${url}/bad`)));
    expect(bad.refusal).toEqual({ permanent: false, retryAfterSeconds: null });
    const busy = await refusal(transport.post(webhook(`${url}/busy`)));
    expect(busy.refusal.permanent).toBe(false);
    expect(busy.refusal.retryAfterSeconds).toBeGreaterThanOrEqual(58);
    expect(busy.refusal.retryAfterSeconds).toBeLessThanOrEqual(61);
  });

  describe('refuses the ministry’s own network (SSRF): this machine, private and link-local addresses', () => {
    const guarded = new UndiciWebhookTransport({ timeoutMs: 300 });
    afterAll(() => guarded.close(), APP_STOP_TIMEOUT_MS);

    it('names the private ranges, IPv4-mapped IPv6 included, and lets public addresses through', () => {
      for (const address of [
        '127.0.0.1',
        '10.1.2.3',
        '172.20.0.1',
        '192.168.1.1',
        '169.254.169.254',
        '100.64.0.1',
        '0.0.0.0',
        '::1',
        'fd00::1',
        'fe80::1',
        '::ffff:10.0.0.1',
      ])
        expect([address, isPrivateAddress(address)]).toEqual([address, true]);
      for (const address of ['8.8.8.8', '196.200.1.1', '2a00:1450:4007::1', '::ffff:8.8.8.8'])
        expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    });

    it('refuses an address literal and a name that resolves to one, for good (no retry), before sending', async () => {
      let reached = 0;
      const url = await serve((_req, _body, res) => {
        reached += 1;
        res.writeHead(204).end();
      });
      const literal = await refusal(guarded.post(webhook(url)));
      expect(literal.refusal).toMatchObject({ permanent: true });
      expect(literal.message).toMatch(/private or local address \(127\.0\.0\.1\)/);
      const named = await refusal(guarded.post(webhook(url.replace('127.0.0.1', 'localhost'))));
      expect(named.refusal).toMatchObject({ permanent: true });
      expect(named.message).toMatch(/localhost is a private or local address/);
      const metadata = await refusal(guarded.post(webhook('http://169.254.169.254/latest/meta-data')));
      expect(metadata.refusal).toMatchObject({ permanent: true });
      expect(reached).toBe(0);
    });
  });
});
