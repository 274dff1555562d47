import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Caller, eventually, Json, PlatformClient } from '../../registry/testing/platform-client';

const N = '/api/notifications';

/** One POST a receiver got, and what it answered (`hung`: it never answered). */
export interface ReceivedPost {
  webhookId: string;
  type: string;
  answered: number | 'hung';
}

/** What a receiver answers a POST: a status, or 'hang' (no answer: the sender's timeout). */
export type Answer = (post: { webhookId: string; type: string; seen: number }) => number | 'hang';

/**
 * A partner's webhook receiver: a real node:http server on 127.0.0.1 answering each POST as the
 * test scripts it (`seen` counts earlier POSTs of the same webhook-id, so "500 then 200" is
 * `seen === 0 ? 500 : 200`).
 */
export class WebhookReceiver {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly posts: ReceivedPost[],
  ) {}

  static async start(answer: Answer): Promise<WebhookReceiver> {
    const posts: ReceivedPost[] = [];
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const webhookId = String(request.headers['webhook-id'] ?? '');
        const type = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json).type);
        const seen = posts.filter((p) => p.webhookId === webhookId).length;
        const status = answer({ webhookId, type, seen });
        posts.push({ webhookId, type, answered: status === 'hang' ? 'hung' : status });
        if (status === 'hang') return;
        response.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new WebhookReceiver(server, `http://127.0.0.1:${port}/tadamon/webhooks`, posts);
  }

  postsOf(webhookId: string): ReceivedPost[] {
    return this.posts.filter((p) => p.webhookId === webhookId);
  }

  /** Stops listening and drops the hung requests' sockets. */
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Registers an endpoint for the caller's own organisation through the API; its id. */
export async function registerEndpoint(
  client: PlatformClient,
  who: Caller,
  url: string,
  triggers: string[],
): Promise<string> {
  const reply = await client.post(who, `${N}/webhook-endpoints`, {
    url,
    description: 'Fault test receiver',
    triggers,
  });
  if (reply.status !== 201)
    throw new Error(`register endpoint: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.endpointId as string;
}

/** A notification's log as the proof shows it (GET /api/notifications/{id}). */
export async function logOf(client: PlatformClient, notificationId: string): Promise<Json[]> {
  const reply = await client.get('officer', `${N}/${notificationId}`);
  if (reply.status !== 200) throw new Error(`log of ${notificationId}: ${reply.status}`);
  return reply.body.log;
}

/** The proof of notice of a record (every notification about it), once each has ended. */
export async function endedProof(
  client: PlatformClient,
  subjectId: string,
  accept: (items: Json[]) => boolean,
  timeoutMs: number,
): Promise<Json[]> {
  return eventually(
    async () =>
      (await client.get('officer', `${N}/proof?subjectId=${encodeURIComponent(subjectId)}&pageSize=100`)).body
        .items as Json[],
    (items) => accept(items),
    `the notices of ${subjectId}`,
    timeoutMs,
  );
}

export const ended = (n: Json) => ['delivered', 'skipped', 'failed'].includes(n.status);

/**
 * Adds `count` contact persons to an association through the Registry API, each consenting to
 * programme communications (so each is sent the association's emails). Their addresses are
 * `<prefix>-<i>@<domain>`. A few at a time: the platform writes one log at a time anyway.
 */
export async function addConsentingContacts(
  client: PlatformClient,
  associationId: string,
  count: number,
  prefix: string,
  domain = 'crash.example.org',
): Promise<string[]> {
  const ids: string[] = new Array(count);
  const add = async (i: number) => {
    const reply = await client.post('officer', `/api/registry/associations/${associationId}/contacts`, {
      role: 'other',
      card: { fullName: `Membre ${i}`, email: `${prefix}-${i}@${domain}`, preferredLanguage: 'fr' },
      consents: [{ purpose: 'programme-communications', legalBasis: 'gdpr' }],
    });
    if (reply.status !== 201) throw new Error(`contact ${i}: ${reply.status} ${JSON.stringify(reply.body)}`);
    ids[i] = reply.body.subjectId as string;
  };
  const inFlight = 4;
  for (let i = 0; i < count; i += inFlight) {
    await Promise.all(Array.from({ length: Math.min(inFlight, count - i) }, (_, k) => add(i + k)));
  }
  return ids;
}
