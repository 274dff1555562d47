import { ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  APP_START_TIMEOUT_MS,
  APP_STOP_TIMEOUT_MS,
  MailpitClient,
  MailpitSummary,
  PrivateServer,
  recordRecoveryFigures,
  repoRoot,
} from '@tadamon/testing';
import { FundingScenario, MD } from '../funding/testing/funding-scenario';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import { addConsentingContacts } from './testing/fault-fixtures';

/*
 * THE CRASH TEST (issue 16): kill -9 in the middle of a batch of 1,000 emails. M&D is given 1,000
 * contact persons who consented to programme communications (through the Registry API) and an
 * application ready for the committee, in this process; then the platform runs in a CHILD process
 * on the same DATA_DIR, sending through SMTP to a Mailpit of this test's own. The award is made;
 * when about a third of the emails are in Mailpit the child is killed with SIGKILL, then started
 * again on the same DATA_DIR. Nothing may be lost (1,000 distinct Message-IDs), and an email sent
 * again (sent before the kill, its delivery not yet recorded) must carry the Message-ID of the
 * first, so mail clients show it once. The duplicates are counted and recorded, not hidden.
 */

const CONTACTS = 1_000;
const KILL_AT = Math.round(CONTACTS / 3);
const DOMAIN = 'crash.example.org';
const CHILD = resolve(__dirname, 'testing', 'platform-child.ts');
const N = '/api/notifications';
jest.setTimeout(600_000);

interface Child {
  process: ChildProcess;
  url: Promise<string>;
  exited: Promise<number | null>;
  stderr: () => string;
}

describe('a platform killed with SIGKILL in the middle of 1,000 emails, then restarted', () => {
  const children = new Set<ChildProcess>();
  let mailpit: PrivateServer;
  let dataDir: string | undefined;
  let applicationId: string;
  let committeeToken: string;

  const start = (): Child => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD, String(dataDir)], {
      cwd: repoRoot(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SMTP_URL: mailpit.url, TADAMON_RATE_LIMIT: '100000000', NODE_ENV: 'test' },
    });
    children.add(child);
    let stderr = '';
    const keep = (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-20_000));
    child.stderr?.on('data', keep);
    child.stdout?.on('data', keep);
    const exited = new Promise<number | null>((done) =>
      child.on('exit', (code) => {
        children.delete(child);
        done(code);
      }),
    );
    const url = new Promise<string>((ready, failed) => {
      let buffer = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const line = buffer.split('\n').find((l) => l.startsWith('{"ready"'));
        if (line) ready((JSON.parse(line) as { url: string }).url);
      });
      void exited.then((code) =>
        failed(new Error(`the platform exited (${code}) before listening: ${stderr}`)),
      );
      setTimeout(
        () => failed(new Error(`the platform did not listen: ${stderr}`)),
        APP_START_TIMEOUT_MS,
      ).unref();
    });
    return { process: child, url, exited, stderr: () => stderr };
  };

  const call = async (url: string, method: string, path: string, token: string): Promise<Json> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: method === 'POST' ? JSON.stringify(body(path)) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text);
  };
  const login = async (url: string, username: string): Promise<string> => {
    const response = await fetch(`${url}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'tadamon-demo' }),
    });
    if (!response.ok) throw new Error(`login of ${username}: ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const body = (path: string) =>
    path.endsWith('/award')
      ? { conditions: ['Rapport financier semestriel'], rationale: 'Classé dans le budget.' }
      : {};

  /** How many messages Mailpit holds (its list's total, without fetching them). */
  const total = async (): Promise<number> =>
    ((await (await fetch(`${mailpit.apiUrl}/api/v1/messages?limit=1`)).json()) as { total: number }).total;

  const crashMessages = async (mail: MailpitClient): Promise<MailpitSummary[]> =>
    (await mail.messages()).filter((m) => m.To.some((to) => to.Address.endsWith(`@${DOMAIN}`)));

  beforeAll(async () => {
    mailpit = await PrivateServer.start('mailpit');
    // The preparation runs in this process, emails to the folder outbox (no SMTP_URL here).
    const client = await PlatformClient.start('notif-crash');
    dataDir = client.dataDir;
    try {
      const scenario = new FundingScenario(client);
      await scenario.ready();
      const { callId } = await scenario.publishedCall();
      applicationId = await scenario.recommended('association', callId);
      const before = (await client.get('officer', `/api/registry/associations/${MD}/contacts`)).body.length;
      await addConsentingContacts(client, MD, CONTACTS, 'member', DOMAIN);
      await eventually(
        () => client.get('officer', `/api/registry/associations/${MD}/contacts`),
        (reply) => reply.body.length === before + CONTACTS,
        `${CONTACTS} contact persons in the read model`,
        60_000,
      );
      committeeToken = await client.token('committee');
    } finally {
      await client.app.close();
    }
  }, 3 * APP_START_TIMEOUT_MS);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    await mailpit?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, APP_STOP_TIMEOUT_MS);

  it('loses no email, and every email sent twice carries the Message-ID of the first', async () => {
    const mail = new MailpitClient(String(mailpit.apiUrl));
    const first = start();
    const firstUrl = await first.url;
    const awardedAt = Date.now();
    await call(firstUrl, 'POST', `/api/funding/applications/${applicationId}/award`, committeeToken);

    // Kill when about a third has arrived.
    await eventually(total, (count) => count >= KILL_AT, `${KILL_AT} emails in Mailpit`, 120_000);
    first.process.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    const atKill = (await crashMessages(mail)).length;
    expect(atKill).toBeLessThan(CONTACTS);

    const second = start();
    const secondUrl = await second.url;
    const restartedAt = Date.now();
    const all = await eventually(
      () => crashMessages(mail),
      (messages) => new Set(messages.map((m) => m.MessageID)).size >= CONTACTS,
      `${CONTACTS} distinct Message-IDs in Mailpit`,
      120_000,
    ).catch(async (error: Error) => {
      const seen = new Set((await crashMessages(mail)).map((m) => m.MessageID)).size;
      const officer = await login(secondUrl, 'officer');
      const statuses: Record<string, number> = {};
      for (let page = 1; page <= 20; page++) {
        const path = `${N}/proof?subjectId=${applicationId}&channel=email&pageSize=100&page=${page}`;
        const reply = await call(secondUrl, 'GET', path, officer);
        for (const n of reply.items) statuses[n.status] = (statuses[n.status] ?? 0) + 1;
        if (reply.items.length === 0) break;
      }
      throw new Error(
        `${seen} distinct in Mailpit (${atKill} at the kill); proof: ${JSON.stringify(statuses)}; platform: ${second.stderr().slice(-6000)}; ${error.message.slice(0, 300)}`,
      );
    });
    const completedAt = Date.now();
    // Let any late repeat arrive before counting.
    await new Promise((r) => setTimeout(r, 3_000));
    const messages = await crashMessages(mail);

    const distinct = new Set(messages.map((m) => m.MessageID));
    expect(distinct.size).toBe(CONTACTS);
    // Every recipient once by Message-ID: a repeat shares the Message-ID of the original.
    const idsOf = new Map<string, Set<string>>();
    for (const m of messages) {
      const to = m.To[0].Address;
      idsOf.set(to, (idsOf.get(to) ?? new Set()).add(m.MessageID));
      expect(m.MessageID).toMatch(/^ntf-[0-9a-f]{40}@tadamon\.local$/);
    }
    expect(idsOf.size).toBe(CONTACTS);
    expect([...idsOf.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    const duplicates = messages.length - distinct.size;

    // The proof agrees: 1,000 emails delivered; those sent twice are those whose attempt was open.
    const officer = await login(secondUrl, 'officer');
    const emails: Json[] = [];
    for (let page = 1; ; page++) {
      const path = `${N}/proof?subjectId=${applicationId}&channel=email&pageSize=100&page=${page}`;
      const reply = await call(secondUrl, 'GET', path, officer);
      emails.push(...reply.items);
      if (emails.length >= reply.total || reply.items.length === 0) break;
    }
    const ours = emails.filter((n: Json) => distinct.has(`${n.notificationId}@tadamon.local`));
    expect(ours).toHaveLength(CONTACTS);
    expect(ours.filter((n: Json) => n.status !== 'delivered')).toEqual([]);
    const countOf = new Map<string, number>();
    for (const m of messages) countOf.set(m.MessageID, (countOf.get(m.MessageID) ?? 0) + 1);
    const resent = ours
      .filter((n: Json) => n.attempts > 1)
      .map((n: Json) => `${n.notificationId}@tadamon.local`);
    for (const [id, count] of countOf) if (count > 1) expect(resent).toContain(id);
    // The kill left attempts open; the restart closed each as failed (outcome unknown), then sent it.
    expect(resent.length).toBeGreaterThan(0);
    const reclaimed = ours.find((n: Json) => n.attempts > 1);
    const log = (await call(secondUrl, 'GET', `${N}/${reclaimed.notificationId}`, officer)).log as Json[];
    expect(log.map((e: Json) => e.type).slice(-4)).toEqual([
      'DeliveryAttemptStarted',
      'DeliveryAttemptFailed',
      'DeliveryAttemptStarted',
      'NotificationDelivered',
    ]);
    expect(log.at(-3).data.reason).toMatch(/no outcome recorded within the 2000 ms lease/);

    recordRecoveryFigures('notifications-crash', {
      emails: CONTACTS,
      inMailpitAtKill: atKill,
      duplicates,
      reattempted: resent.length,
      killAfterAwardMs: killedAt - awardedAt,
      restartToAllDeliveredMs: completedAt - restartedAt,
    });
    expect(all.length).toBeGreaterThanOrEqual(CONTACTS);
    second.process.kill('SIGTERM');
    await second.exited;
  });
});
