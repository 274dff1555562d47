/**
 * npm run bench:notifications — the embedded platform's Notifications, from an integration event
 * handed to its policy to the message accepted at the other end, against the raw client sending the
 * same messages in the same run (shared/BENCHMARKS.md):
 * - emails accepted by a Mailpit of the bench's own per second (policy, dispatcher, MJML/Handlebars
 *   render, the log's records, SmtpEmailTransport's pool of 5) against raw nodemailer (a pool of 5,
 *   8 in flight like the dispatcher) sending the same rendered messages;
 * - webhook deliveries per second (policy, dispatcher, secrets revealed, signed POST) against raw
 *   undici POSTs of the same bodies and headers, 8 in flight;
 * - latency at 50 events/s from the event handed to the policy to Mailpit's `Created` of its email.
 * Writes bench/results/notifications.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import nodemailer, { Transporter } from 'nodemailer';
import { Agent, request } from 'undici';
import { mailOptionsFor, OutgoingEmail } from '@tadamon/notifications';
import { round } from '../shared/measure';
import { award, BenchPlatform, FIGUIG, sleep, waitFor, WEBHOOK_ORG } from './bench-platform';

const ROUNDS = 3;
const EMAIL_EVENTS = 200;
const WEBHOOK_EVENTS = 500;
const IN_FLIGHT = 8;
const SMTP_CONNECTIONS = 5;
const RATE = 50;
const LATENCY_WARMUP = 100;
const LATENCY_EVENTS = 1_500;
const FROM = 'Tadamon <notifications@tadamon.local>';

const seconds = (since: number) => (performance.now() - since) / 1000;
/** Of each project round, the share of its time spent handing the events to the policy. */
const policyShare: Record<'email' | 'webhook', number[]> = { email: [], webhook: [] };

/** Runs `count` operations, `limit` at a time. */
async function inFlight(count: number, limit: number, operation: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await operation(next++);
    }),
  );
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/** Events to Figuig through the policy until every email is in Mailpit: emails per second. */
async function projectEmails(p: BenchPlatform, events: number, emailsPerEvent: number): Promise<number> {
  const expected = (await p.total()) + events * emailsPerEvent;
  const started = performance.now();
  for (let i = 0; i < events; i++) await p.policy.handle(award(FIGUIG));
  const handedOver = seconds(started);
  await waitFor(async () => (await sleep(20), (await p.total()) >= expected), 300_000, 'the emails');
  policyShare.email.push(handedOver / seconds(started));
  return (events * emailsPerEvent) / seconds(started);
}

/** The last `count` messages Mailpit got, as the transport was given them. */
async function sentMessages(p: BenchPlatform, count: number): Promise<OutgoingEmail[]> {
  const summaries = (await p.mail.messages()).slice(0, count);
  return Promise.all(
    summaries.map(async (summary) => {
      const m = await p.mail.message(summary.ID);
      return {
        notificationId: m.MessageID.replace(/@.*$/, ''),
        messageId: `<${m.MessageID}>`,
        to: { address: m.To[0].Address, name: m.To[0].Name || null },
        subject: m.Subject,
        html: m.HTML,
        text: m.Text,
        language: 'fr',
        listUnsubscribe: m.ListUnsubscribe.Links[0]
          ? { url: m.ListUnsubscribe.Links[0], mailto: null }
          : null,
      };
    }),
  );
}

async function rawEmails(transport: Transporter, emails: OutgoingEmail[]): Promise<number> {
  const started = performance.now();
  await inFlight(emails.length, IN_FLIGHT, (i) => transport.sendMail(mailOptionsFor(emails[i], FROM)));
  return emails.length / seconds(started);
}

async function projectWebhooks(p: BenchPlatform, events: number): Promise<number> {
  const expected = p.receiver.posts.length + events;
  const started = performance.now();
  for (let i = 0; i < events; i++) await p.policy.handle(award(WEBHOOK_ORG));
  const handedOver = seconds(started);
  await waitFor(() => p.receiver.posts.length >= expected, 300_000, 'the webhooks');
  policyShare.webhook.push(handedOver / seconds(started));
  return events / seconds(started);
}

async function rawWebhooks(p: BenchPlatform, agent: Agent, count: number): Promise<number> {
  const posts = p.receiver.posts.slice(-count);
  const started = performance.now();
  await inFlight(posts.length, IN_FLIGHT, async (i) => {
    const reply = await request(p.receiver.url, {
      method: 'POST',
      body: posts[i].body,
      headers: posts[i].headers,
      dispatcher: agent,
    });
    await reply.body.dump();
  });
  return posts.length / seconds(started);
}

/** Awards at RATE per second; each email's latency: Mailpit's Created less the hand-over instant. */
async function latency(p: BenchPlatform, emailsPerEvent: number) {
  const sentAt = new Map<string, number>();
  const total = LATENCY_WARMUP + LATENCY_EVENTS;
  const expected = (await p.total()) + total * emailsPerEvent;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / RATE - performance.now();
    if (wait > 1) await sleep(wait);
    const applicationId = `lat-${i}`;
    sentAt.set(applicationId, Date.now());
    await p.policy.handle(award(FIGUIG, applicationId));
  }
  const achievedRate = total / seconds(started);
  await waitFor(async () => (await sleep(50), (await p.total()) >= expected), 300_000, 'the latency emails');
  const samples: number[] = [];
  for (const m of await p.mail.messages()) {
    const id = /lat-(\d+)/.exec(m.Subject)?.[0];
    if (!id || Number(id.slice(4)) < LATENCY_WARMUP) continue;
    samples.push(Date.parse(m.Created) - (sentAt.get(id) ?? Number.NaN));
  }
  return { ...percentiles(samples), samples: samples.length, achievedRate: round(achievedRate, 1) };
}

async function main() {
  process.stdout.write('starting the platform and a Mailpit of its own... ');
  const p = await BenchPlatform.start();
  console.log('done');
  const transport = nodemailer.createTransport({
    url: p.mailpit.url,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
  });
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  try {
    // What one award to Figuig asks for: its contact persons (those without consent are skipped).
    const before = await p.total();
    const requested = (await p.policy.handle(award(FIGUIG))).length;
    await p.dispatcher.idle();
    await waitFor(async () => (await p.total()) > before, 10_000, 'one email');
    await sleep(300);
    const emailsPerEvent = (await p.total()) - before;

    console.log('warming up...');
    await projectEmails(p, 50, emailsPerEvent);
    await rawEmails(transport, await sentMessages(p, 50 * emailsPerEvent));
    await projectWebhooks(p, 200);
    await rawWebhooks(p, agent, 200);

    const email = { project: [] as number[], raw: [] as number[] };
    const webhook = { project: [] as number[], raw: [] as number[] };
    for (let r = 0; r < ROUNDS; r++) {
      console.log(`round ${r + 1}/${ROUNDS}`);
      const projectFirst = r % 2 === 0;
      if (!projectFirst) email.raw.push(await rawEmails(transport, await sentMessages(p, EMAIL_EVENTS)));
      email.project.push(await projectEmails(p, EMAIL_EVENTS, emailsPerEvent));
      if (projectFirst) email.raw.push(await rawEmails(transport, await sentMessages(p, EMAIL_EVENTS)));
      if (!projectFirst) webhook.raw.push(await rawWebhooks(p, agent, WEBHOOK_EVENTS));
      webhook.project.push(await projectWebhooks(p, WEBHOOK_EVENTS));
      if (projectFirst) webhook.raw.push(await rawWebhooks(p, agent, WEBHOOK_EVENTS));
    }
    console.log(`latency at ${RATE} events/s...`);
    const lat = await latency(p, emailsPerEvent);

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const emailProject = median(email.project);
    const emailRaw = median(email.raw);
    const webhookProject = median(webhook.project);
    const webhookRaw = median(webhook.raw);
    // Each delivered email: requested, rendered, attempt started, delivered; each skipped: requested, skipped.
    const appendsPerEvent = 1 + 4 * emailsPerEvent + 2 * (requested - emailsPerEvent);
    const result = {
      name: 'notifications',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      setup: {
        rounds: ROUNDS,
        emailEventsPerRound: EMAIL_EVENTS,
        webhookEventsPerRound: WEBHOOK_EVENTS,
        notificationsPerAward: requested,
        emailsPerAward: emailsPerEvent,
        logAppendsPerAward: appendsPerEvent,
        dispatcherConcurrency: IN_FLIGHT,
        smtpConnections: SMTP_CONNECTIONS,
        emailBytes: (await p.mail.messages())[0]?.Size,
        figures: 'medians of the rounds; project and raw alternate which goes first',
        rawRounds: { email, webhook },
        // Near 1: sending keeps up with the policy, which appends its requests one event at a time.
        policyHandOverShareOfRound: policyShare,
        latency: {
          rate: RATE,
          warmup: LATENCY_WARMUP,
          samples: lat.samples,
          achievedRate: lat.achievedRate,
          path: 'OnContextEvents.handle (awaited, one event at a time) -> log records -> dispatcher -> SMTP pool -> Mailpit Created',
        },
      },
      metrics: {
        'email.emailsPerSec': round(emailProject, 1),
        'webhook.deliveriesPerSec': round(webhookProject, 1),
        'eventToSmtp.p50Ms': lat.p50,
        'eventToSmtp.p95Ms': lat.p95,
        'eventToSmtp.p99Ms': lat.p99,
        'eventToSmtp.maxMs': lat.max,
      },
      limits: {
        'nodemailer.rawPool.emailsPerSec': round(emailRaw, 1),
        'undici.rawPost.requestsPerSec': round(webhookRaw, 1),
      },
      ratios: {
        email: round(emailProject / emailRaw, 2),
        webhook: round(webhookProject / webhookRaw, 2),
      },
      targets: { email: 0.5, webhook: 0.5, 'eventToSmtp.p99Ms': 1000 },
    };
    console.table({
      'emails (platform)': { value: result.metrics['email.emailsPerSec'], unit: 'emails/s' },
      'emails (raw nodemailer)': {
        value: result.limits['nodemailer.rawPool.emailsPerSec'],
        unit: 'emails/s',
      },
      'email ratio': { value: result.ratios.email, unit: 'target >= 0.5' },
      'webhooks (platform)': { value: result.metrics['webhook.deliveriesPerSec'], unit: 'deliveries/s' },
      'webhooks (raw undici)': { value: result.limits['undici.rawPost.requestsPerSec'], unit: 'POST/s' },
      'webhook ratio': { value: result.ratios.webhook, unit: 'target >= 0.5' },
      'event to SMTP p50': { value: lat.p50, unit: 'ms' },
      'event to SMTP p99': { value: lat.p99, unit: 'ms (target <= 1000)' },
    });
    const out = join(__dirname, '..', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'notifications.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(`written ${join(out, 'notifications.json')}`);
  } finally {
    transport.close();
    await agent.close();
    await p.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
