import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS, repoRoot } from '@tadamon/testing';
import { Agent, request } from 'undici';
import { UndiciWebhookTransport } from './undici-webhook-transport';
import { newWebhookSecret } from './webhook-signature';

const DELIVERIES = 1_000;
const IN_FLIGHT = 32;
const ROUNDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs `send(i)` for every i below `count`, `IN_FLIGHT` at a time; answers deliveries per second. */
async function perSecond(count: number, send: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) await send(next++);
    }),
  );
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

describe('webhook throughput', () => {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  const transport = new UndiciWebhookTransport({ allowPrivateTargets: true }); // a receiver on this machine
  const raw = new Agent();
  let url = '';
  let received = 0;
  server.on('request', () => (received += 1));

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await transport.close();
    await raw.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }, APP_STOP_TIMEOUT_MS);

  it('delivers rounds of 1,000 signed webhooks at no less than half the rate of bare undici POSTs', async () => {
    const secrets = [newWebhookSecret(), newWebhookSecret()];
    const bodies = Array.from({ length: DELIVERIES }, (_, i) =>
      JSON.stringify({ type: 'tranche-released', data: { applicationId: `application-${i}`, tranche: 2 } }),
    );
    const bare = (i: number) =>
      request(url, {
        dispatcher: raw,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bodies[i],
      }).then((r) => r.body.dump());
    const signed = (i: number) =>
      transport.post({ webhookId: `ntf-${i}`, url, body: bodies[i], secrets, at: new Date() });

    // Warm both paths (connections, JIT) before measuring.
    await perSecond(500, bare);
    await perSecond(500, signed);
    received = 0;
    // The receiver shares this process and the machine is shared: rounds alternate, medians compare.
    const bareRates: number[] = [];
    const signedRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRates.push(await perSecond(DELIVERIES, bare));
      signedRates.push(await perSecond(DELIVERIES, signed));
    }
    const ratio = median(signedRates) / median(bareRates);

    expect(received).toBe(2 * ROUNDS * DELIVERIES);
    const figures = {
      deliveriesPerRound: DELIVERIES,
      rounds: ROUNDS,
      inFlight: IN_FLIGHT,
      secretsPerDelivery: secrets.length,
      bareUndiciPerSecond: Math.round(median(bareRates)),
      webhookTransportPerSecond: Math.round(median(signedRates)),
      ratio: Number(ratio.toFixed(2)),
      rawRounds: { bare: bareRates.map(Math.round), signed: signedRates.map(Math.round) },
    };
    const dir = join(repoRoot(), 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'webhook-throughput.json'), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`[throughput] webhooks ${JSON.stringify(figures)}\n`);
    expect(ratio).toBeGreaterThanOrEqual(0.5);
  }, 60_000);
});
