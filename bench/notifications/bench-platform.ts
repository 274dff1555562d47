import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FUNDING_CONTEXT, GrantAwardedV1, IntegrationEvent } from '@tadamon/contracts';
import { NotificationDispatcher, OnContextEvents } from '@tadamon/notifications';
import { MailpitClient, PrivateServer } from '@tadamon/testing';
import { createApp } from '../../apps/platform/src/create-app';

/** The Figuig cooperatives (demo Registry data): no platform user, so no in-app notices. */
export const FIGUIG = 'assoc-cooperatives-figuig';
/** An organisation with neither contact persons nor users: its only recipient is the endpoint. */
export const WEBHOOK_ORG = 'org-bench-partner';

/** A GrantAwarded as Funding publishes it, for an organisation, handed to Notifications' policy. */
export function award(organisationId: string, applicationId = `app-${randomUUID()}`): IntegrationEvent {
  const at = new Date().toISOString();
  const data: GrantAwardedV1 = {
    applicationId,
    callId: 'call-bench',
    associationId: organisationId,
    envelopeId: 'env-bench',
    criteriaVersion: 1,
    scoringRulesVersion: '1',
    decidedAt: at,
    amount: { amountMinor: 25_000_000, currency: 'USD' },
  };
  return {
    eventId: randomUUID(),
    type: 'GrantAwarded',
    schemaVersion: 1,
    context: FUNDING_CONTEXT,
    streamId: `grantApplication-${applicationId}`,
    globalPosition: 1,
    occurredAt: at,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    data,
  };
}

/** A webhook receiver answering 204 to every POST, keeping each body and its headers. */
export class Receiver {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly posts: { body: string; headers: Record<string, string> }[],
  ) {}

  static async start(): Promise<Receiver> {
    const posts: Receiver['posts'] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'])
          headers[name] = String(request.headers[name] ?? '');
        posts.push({ body: Buffer.concat(chunks).toString('utf8'), headers });
        response.writeHead(204).end();
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return new Receiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, posts);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * The embedded platform sending through SMTP to a Mailpit of the bench's own (never the shared
 * one), with the Registry's demo organisations, one contact person of Figuig's who consented to
 * programme communications, and a webhook endpoint of WEBHOOK_ORG at a local receiver.
 */
export class BenchPlatform {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly mailpit: PrivateServer,
    readonly mail: MailpitClient,
    readonly receiver: Receiver,
    private readonly dataDir: string,
  ) {}

  get policy(): OnContextEvents {
    return this.app.get(OnContextEvents);
  }

  get dispatcher(): NotificationDispatcher {
    return this.app.get(NotificationDispatcher);
  }

  static async start(): Promise<BenchPlatform> {
    const mailpit = await PrivateServer.start('mailpit');
    const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-bench-notifications-'));
    process.env.SMTP_URL = mailpit.url;
    process.env.TADAMON_RATE_LIMIT = '100000000';
    process.env.TADAMON_WEBHOOK_ALLOW_PRIVATE = 'true'; // the bench's receiver is on this machine
    const receiver = await Receiver.start();
    const app = await createApp({ dataDir, logger: false, demoData: 'registry', logSeals: false });
    await app.listen(0, '127.0.0.1');
    const platform = new BenchPlatform(
      app,
      mailpit,
      new MailpitClient(String(mailpit.apiUrl)),
      receiver,
      dataDir,
    );
    await platform.prepare(await app.getUrl());
    return platform;
  }

  /** How many messages Mailpit holds (its list's total). */
  async total(): Promise<number> {
    const reply = await fetch(`${this.mailpit.apiUrl}/api/v1/messages?limit=1`);
    return ((await reply.json()) as { total: number }).total;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.receiver.close();
    await this.mailpit.dispose();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async prepare(url: string): Promise<void> {
    const login = await fetch(`${url}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password: 'tadamon-demo' }),
    });
    const token = ((await login.json()) as { access_token: string }).access_token;
    const post = async (path: string, body: unknown) => {
      const reply = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
    };
    await post(`/api/registry/associations/${FIGUIG}/contacts`, {
      role: 'project-manager',
      card: { fullName: 'Khadija Bench', email: 'khadija@figuig.example.org', preferredLanguage: 'fr' },
      consents: [{ purpose: 'programme-communications', legalBasis: 'law-09-08' }],
    });
    await post('/api/notifications/webhook-endpoints', {
      organisationId: WEBHOOK_ORG,
      url: this.receiver.url,
      description: 'Bench receiver',
      triggers: ['grant-awarded'],
    });
    // Both reach the read models the policy reads within a moment: an award to each until it arrives.
    await waitFor(
      async () => {
        const [emailed, posted] = [(await this.total()) > 0, this.receiver.posts.length > 0];
        if (!emailed) await this.policy.handle(award(FIGUIG));
        if (!posted) await this.policy.handle(award(WEBHOOK_ORG));
        if (!emailed || !posted) await sleep(300);
        return emailed && posted;
      },
      30_000,
      'the contact person and the endpoint',
    );
    await this.dispatcher.idle();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}
