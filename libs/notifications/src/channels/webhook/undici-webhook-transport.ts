import { Agent, request } from 'undici';
import { DeliveryReceipt, DeliveryRefused, OutgoingWebhook, WebhookTransport } from '../channel-ports';
import { retryAfterSeconds } from './retry-after';
import { signWebhook } from './webhook-signature';
import { guardedLookup, PrivateWebhookTarget, privateLiteralOf } from './webhook-target-guard';

export interface UndiciWebhookTransportOptions {
  /** Longest wait to connect, for the response headers, and between body chunks (default 15 s). */
  timeoutMs?: number;
  /** Most open connections per endpoint origin (default: no limit). */
  connections?: number;
  /** Reads the clock for an HTTP-date Retry-After. */
  now?: () => Date;
  /**
   * Deliver to this machine and private networks too (default false: refused, see
   * webhook-target-guard.ts). Only for tests and a partner's local setup.
   */
  allowPrivateTargets?: boolean;
}

const FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the endpoint',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed, temporarily',
  UND_ERR_CONNECT_TIMEOUT: 'timed out connecting after {timeout} ms',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response after {timeout} ms',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response body after {timeout} ms',
  UND_ERR_SOCKET: 'connection closed by the endpoint',
};

const privateTargetIn = (error: unknown): PrivateWebhookTarget | undefined => {
  const e = error as { cause?: unknown } | null;
  if (error instanceof PrivateWebhookTarget) return error;
  return e?.cause instanceof PrivateWebhookTarget ? e.cause : undefined;
};

const codeOf = (error: unknown): string | undefined => {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code ?? e?.cause?.code;
};

/**
 * Posts signed webhooks (Standard Webhooks) over keep-alive connections. A 2xx is delivered; a 410
 * disables the endpoint (permanent, gone); every other answer, redirects included (never
 * followed), and every network failure is retried on the schedule, as the standard asks.
 */
export class UndiciWebhookTransport implements WebhookTransport {
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly allowPrivateTargets: boolean;

  constructor(options: UndiciWebhookTransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.now = options.now ?? (() => new Date());
    this.allowPrivateTargets = options.allowPrivateTargets ?? false;
    this.agent = new Agent({
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connect: {
        timeout: this.timeoutMs,
        ...(this.allowPrivateTargets ? {} : { lookup: guardedLookup as never }),
      },
      ...(options.connections !== undefined && { connections: options.connections }),
    });
  }

  async post(webhook: OutgoingWebhook): Promise<DeliveryReceipt> {
    const literal = this.allowPrivateTargets ? undefined : privateLiteralOf(webhook.url);
    if (literal)
      throw new DeliveryRefused(new PrivateWebhookTarget(literal, literal).message, { permanent: true });
    const headers = signWebhook({
      webhookId: webhook.webhookId,
      timestamp: Math.floor(webhook.at.getTime() / 1000),
      body: webhook.body,
      secrets: webhook.secrets,
    });
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(webhook.url, {
        dispatcher: this.agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Tadamon-Webhooks/1', ...headers },
        body: webhook.body,
      });
      // The endpoint's answer is not kept; reading it to the end frees the connection for reuse.
      await response.body.dump();
    } catch (error) {
      const refused = privateTargetIn(error);
      if (refused) throw new DeliveryRefused(refused.message, { permanent: true });
      const code = codeOf(error);
      const reason = (code && FAILURES[code]) ?? (error instanceof Error ? error.message : String(error));
      throw new DeliveryRefused(reason.replace('{timeout}', String(this.timeoutMs)), { permanent: false });
    }
    const status = response.statusCode;
    if (status >= 200 && status < 300) return { response: `HTTP ${status}` };
    if (status === 410)
      throw new DeliveryRefused('HTTP 410: the endpoint is gone', { permanent: true, gone: true });
    throw new DeliveryRefused(
      status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`,
      {
        permanent: false,
        retryAfterSeconds: retryAfterSeconds(response.headers['retry-after'], this.now()),
      },
    );
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
