import { APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { FundingScenario, MD } from '../funding/testing/funding-scenario';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import { DigestProcess } from '@tadamon/notifications';
import { unsubscribeUrlOf } from './testing/notification-examples';

// Seeding the demo users hashes passwords with scrypt; each award goes through Funding's whole flow.
jest.setTimeout(120_000);

const N = '/api/notifications';
const W = `${N}/webhook-endpoints`;

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A partner's system: a real HTTP server that keeps what it receives and answers 204. */
async function receiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/tadamon/hooks`, received };
}

describe('Notifications on the embedded platform: webhooks, preferences, unsubscribe, erasure', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  let partner: Awaited<ReturnType<typeof receiver>> | undefined;
  beforeAll(async () => {
    partner = await receiver();
    client = await PlatformClient.start('notifications-channels');
    scenario = new FundingScenario(client);
    await scenario.ready();
  }, 90_000);
  afterAll(async () => {
    await client?.close();
    await new Promise<void>((resolve) => (partner ? partner.server.close(() => resolve()) : resolve()));
  }, APP_STOP_TIMEOUT_MS);

  const proof = async (subjectId: string): Promise<Json[]> =>
    (await client.get('officer', `${N}/proof?subjectId=${encodeURIComponent(subjectId)}&pageSize=100`)).body
      .items;
  const noticesOfAward = (applicationId: string, count: (items: Json[]) => boolean) =>
    eventually(
      () => proof(applicationId),
      (items) =>
        count(items.filter((n: Json) => n.trigger === 'grant-awarded')) &&
        items.every((n: Json) => ['delivered', 'skipped', 'failed'].includes(n.status)),
      `the notices of ${applicationId}`,
      20_000,
    );
  const award = async () => {
    const { callId } = await scenario.publishedCall();
    return scenario.awarded('association', callId);
  };

  describe('signed webhooks (Standard Webhooks)', () => {
    let endpointId: string;
    let secret: string;
    let applicationId: string;

    it('registers an endpoint for the association’s own organisation and shows its secret once', async () => {
      const reply = await client.post('association', W, {
        url: partner?.url,
        description: 'Système de suivi de M&D',
        triggers: ['grant-awarded', 'tranche-released'],
      });
      expect(reply.status).toBe(201);
      expect(reply.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      ({ endpointId, secret } = reply.body);
      const read = await client.get('association', `${W}/${endpointId}`);
      expect(read.body).toMatchObject({ organisationId: MD, status: 'enabled', url: partner?.url });
      expect(JSON.stringify(read.body)).not.toContain(secret);
      expect(JSON.stringify(read.body)).not.toMatch(/whs-/);
      await eventually(
        () => client.get('association', W),
        (list) => list.body.items.some((e: Json) => e.endpointId === endpointId),
        'the endpoint in the list',
      );
    });

    it('posts an award once, signed so that the standardwebhooks library verifies it', async () => {
      applicationId = await award();
      await noticesOfAward(applicationId, (items) => items.some((n: Json) => n.channel === 'webhook'));
      const hooks =
        partner?.received.filter((r) => JSON.parse(r.body).data.subjectId === applicationId) ?? [];
      expect(hooks).toHaveLength(1);
      const payload = new Webhook(secret).verify(hooks[0].body, hooks[0].headers) as Json;
      expect(payload).toMatchObject({
        type: 'grant-awarded',
        data: {
          organisationId: MD,
          subjectId: applicationId,
          source: { context: 'funding', eventType: 'GrantAwarded' },
        },
      });
      expect(() =>
        new Webhook(secret).verify(hooks[0].body.replace('grant', 'grunt'), hooks[0].headers),
      ).toThrow();
      const log = await client.get('association', `${W}/${endpointId}/deliveries`);
      expect(log.body.items[0]).toMatchObject({ status: 'delivered', attempts: 1, trigger: 'grant-awarded' });
    });

    it('replays a delivery: the same body and webhook-id, as the next attempt', async () => {
      const [delivery] = (await client.get('association', `${W}/${endpointId}/deliveries`)).body.items;
      const replay = await client.post(
        'association',
        `${W}/${endpointId}/deliveries/${delivery.notificationId}/replay`,
        {},
      );
      expect(replay.status).toBe(200);
      const hooks = await eventually(
        async () =>
          partner?.received.filter((r) => r.headers['webhook-id'] === delivery.notificationId) ?? [],
        (found) => found.length === 2,
        'the replayed delivery',
      );
      expect(hooks[1].body).toBe(hooks[0].body);
      expect(new Webhook(secret).verify(hooks[1].body, hooks[1].headers)).toBeTruthy();
      await eventually(
        () => client.get('association', `${W}/${endpointId}/deliveries`),
        (reply) =>
          reply.body.items.some(
            (n: Json) =>
              n.notificationId === delivery.notificationId && n.attempts === 2 && n.status === 'delivered',
          ),
        'attempt 2 recorded',
      );
    });

    it('keeps endpoints to their organisation and refuses bad ones with the field named', async () => {
      expect((await client.get('partner', `${W}/${endpointId}`)).status).toBe(404);
      expect((await client.post('partner', `${W}/${endpointId}/rotate-secret`, {})).status).toBe(404);
      const bad = await client.post('association', W, {
        url: 'http://partner.example.org/hooks',
        description: ' ',
        triggers: [],
      });
      expect(bad.status).toBe(400);
      const other = await client.post('association', W, {
        url: 'https://partner.example.org/hooks',
        description: 'x',
        triggers: ['grant-awarded'],
        organisationId: 'assoc-someone-else',
      });
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('NOT_OWN_ORGANISATION');
    });

    it('rotates the secret: the answer carries the new one, and both sign for 24 hours', async () => {
      const rotated = await client.post('association', `${W}/${endpointId}/rotate-secret`, {});
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(secret);
      const next = await award();
      await noticesOfAward(next, (items) => items.some((n: Json) => n.channel === 'webhook'));
      const hook = partner?.received.find((r) => JSON.parse(r.body).data.subjectId === next);
      expect(hook?.headers['webhook-signature'].split(' ')).toHaveLength(2);
      expect(new Webhook(rotated.body.secret).verify(hook?.body ?? '', hook?.headers ?? {})).toBeTruthy();
      expect(new Webhook(secret).verify(hook?.body ?? '', hook?.headers ?? {})).toBeTruthy();
    });
  });

  describe('preferences and one-click unsubscribe', () => {
    it('sets the user’s own preferences; another recipient’s are not the user’s to see', async () => {
      const mine = `${N}/preferences/user-association`;
      const before = await client.get('association', mine);
      expect(before.body).toMatchObject({ channels: ['email', 'in-app'], language: 'fr', isDefault: true });
      const set = await client.put('association', mine, {
        channels: ['email'],
        language: 'ar',
        cadence: 'immediate',
        quietHours: { from: '22:00', to: '07:00' },
      });
      expect(set.status).toBe(200);
      const after = await client.get('association', mine);
      expect(after.body).toMatchObject({
        channels: ['email'],
        language: 'ar',
        quietHours: { from: '22:00', to: '07:00' },
      });
      expect((await client.get('association', `${N}/preferences/user-partner`)).status).toBe(404);
      const invalid = await client.put('association', mine, {
        channels: ['pigeon'],
        language: 'de',
        cadence: 'hourly',
        quietHours: { from: '25:00', to: '7' },
      });
      expect(invalid.status).toBe(400);
      expect((await client.get('association', mine)).body.language).toBe('ar');
    });

    it('tells the user nothing in-app once in-app is not among their channels (skipped, with the reason)', async () => {
      const applicationId = await award();
      const items = await noticesOfAward(applicationId, (found) =>
        found.some((n: Json) => n.channel === 'in-app'),
      );
      expect(items.find((n: Json) => n.channel === 'in-app' && n.trigger === 'grant-awarded')).toMatchObject({
        status: 'skipped',
        skipReason: 'channel-not-set-up',
      });
    });

    it('unsubscribes in one click (RFC 8058): no sign-in, the link’s token, the category stops for that person', async () => {
      const delivered = (
        await noticesOfAward(await award(), (found) => found.some((n: Json) => n.channel === 'email'))
      ).find((n: Json) => n.channel === 'email' && n.trigger === 'grant-awarded');
      const url = unsubscribeUrlOf(client, delivered.notificationId);
      expect((await client.get('anonymous', url)).body).toMatchObject({
        category: 'grant-awarded',
        unsubscribed: false,
      });
      const forged = url.replace(/token=[^&]+/, 'token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      expect((await client.post('anonymous', forged, {})).status).toBe(404);
      const reply = await client.call('anonymous', 'POST', url, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        rawBody: 'List-Unsubscribe=One-Click',
      });
      expect(reply.status).toBe(200);
      expect((await client.get('anonymous', url)).body.unsubscribed).toBe(true);

      const next = await award();
      const items = await noticesOfAward(next, (found) => found.some((n: Json) => n.channel === 'email'));
      expect(
        items.find((n: Json) => n.channel === 'email' && n.recipient.id === delivered.recipient.id),
      ).toMatchObject({ status: 'skipped', skipReason: 'unsubscribed' });
      const resubscribe = await client.post(
        'association',
        `${N}/preferences/${delivered.recipient.id}/resubscribe`,
        {
          category: 'grant-awarded',
        },
      );
      expect(resubscribe.status).toBe(200);
    });
  });

  it('never writes to an erased person: their notice is skipped as erased, no file names them', async () => {
    const added = await client.post('association', `/api/registry/associations/${MD}/contacts`, {
      role: 'treasurer',
      card: { fullName: 'Karim Exemple', email: 'karim.erased@md.example.org', preferredLanguage: 'fr' },
      consents: [{ purpose: 'programme-communications', legalBasis: 'gdpr' }],
    });
    expect(added.status).toBe(201);
    const subjectId = added.body.subjectId as string;
    expect((await client.post('officer', `/api/registry/contacts/${subjectId}/erase`, {})).status).toBe(200);
    const applicationId = await award();
    const items = await noticesOfAward(applicationId, (found) =>
      found.some((n: Json) => n.recipient.id === subjectId),
    );
    // Received, eligible, awarded: each notice to the erased person skipped, none sent.
    const theirs = items.filter((n: Json) => n.recipient.id === subjectId);
    expect(theirs.map((n: Json) => n.trigger).sort()).toEqual([
      'application-eligible',
      'application-received',
      'grant-awarded',
    ]);
    expect(new Set(theirs.map((n: Json) => `${n.status}:${n.skipReason}`))).toEqual(
      new Set(['skipped:erased']),
    );
    const outbox = join(client.dataDir, 'outbox');
    const files = existsSync(outbox) ? readdirSync(outbox) : [];
    expect(files.some((f) => readFileSync(join(outbox, f), 'utf8').includes('karim.erased'))).toBe(false);
  });

  it('gathers the notices of a recipient who chose a daily digest into one digest, sent once', async () => {
    const contact = (await client.get('officer', `/api/registry/associations/${MD}/contacts`)).body.find(
      (c: Json) => c.status === 'active' && c.card?.email === 'president@md.example.org',
    );
    const set = await client.put('association', `${N}/preferences/${contact.subjectId}`, {
      channels: ['email', 'in-app'],
      language: 'fr',
      cadence: 'daily',
    });
    expect(set.status).toBe(200);
    const applicationId = await award();
    const items = await noticesOfAward(applicationId, (found) =>
      found.some((n: Json) => n.recipient.id === contact.subjectId),
    );
    const held = items.filter((n: Json) => n.recipient.id === contact.subjectId);
    expect(new Set(held.map((n: Json) => `${n.status}:${n.skipReason}`))).toEqual(
      new Set(['skipped:in-digest']),
    );

    // 09:00 in Casablanca tomorrow: the day's digest is due.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const digests = client.app.get(DigestProcess);
    const [digestId] = await digests.pass(new Date(`${tomorrow}T08:30:00Z`));
    expect(digestId).toMatch(/^ntf-/);
    expect(await digests.pass(new Date(`${tomorrow}T09:30:00Z`))).toEqual([]);
    const digest = await eventually(
      () => client.get('officer', `${N}/${digestId}`),
      (reply) => reply.body.notification?.status === 'delivered',
      'the digest delivered',
      15_000,
    );
    expect(digest.body.notification).toMatchObject({
      trigger: 'digest',
      recipient: { id: contact.subjectId },
    });
    const gathered = digest.body.notification.facts.items.map((i: Json) => i.notificationId);
    expect(gathered).toEqual(expect.arrayContaining(held.map((n: Json) => n.notificationId)));
    const eml = readFileSync(join(client.dataDir, 'outbox', `${digestId}.eml`), 'utf8');
    expect(eml).toContain(applicationId);
    expect(eml).not.toMatch(/^List-Unsubscribe:/m);
    await client.put('association', `${N}/preferences/${contact.subjectId}`, {
      channels: ['email', 'in-app'],
      language: 'fr',
      cadence: 'immediate',
    });
  });

  it('holds an email until the recipient’s quiet hours end (Africa/Casablanca), the in-app notice not', async () => {
    const contact = (await client.get('officer', `/api/registry/associations/${MD}/contacts`)).body.find(
      (c: Json) => c.status === 'active' && c.card?.email === 'president@md.example.org',
    );
    const clock = (offsetMinutes: number) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Africa/Casablanca',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(Date.now() + offsetMinutes * 60_000));
    const quietHours = { from: clock(-60), to: clock(120) };
    const set = await client.put('association', `${N}/preferences/${contact.subjectId}`, {
      channels: ['email', 'in-app'],
      language: 'fr',
      cadence: 'immediate',
      quietHours,
    });
    expect(set.status).toBe(200);
    const applicationId = await award();
    const held = await eventually(
      () => proof(applicationId),
      (items) =>
        items.some(
          (n: Json) =>
            n.trigger === 'grant-awarded' && n.recipient.id === contact.subjectId && n.status === 'deferred',
        ),
      'the award’s email held',
      20_000,
    );
    const email = held.find(
      (n: Json) => n.trigger === 'grant-awarded' && n.recipient.id === contact.subjectId,
    );
    const until = Date.parse(email.deferredUntil);
    expect(until).toBeGreaterThan(Date.now() + 100 * 60_000);
    expect(until).toBeLessThan(Date.now() + 125 * 60_000);
    expect(clock((until - Date.now()) / 60_000)).toBe(quietHours.to);
    expect(existsSync(join(client.dataDir, 'outbox', `${email.notificationId}.eml`))).toBe(false);
    // The inbox is silent: quiet hours hold emails only.
    expect(held.filter((n: Json) => n.channel === 'in-app').every((n: Json) => n.status !== 'deferred')).toBe(
      true,
    );
    await client.put('association', `${N}/preferences/${contact.subjectId}`, {
      channels: ['email', 'in-app'],
      language: 'fr',
      cadence: 'immediate',
    });
  });

  it('previews a template in each language for officers, Arabic right to left', async () => {
    const ar = await client.get('officer', `${N}/templates/grant-awarded/preview?language=ar`);
    expect(ar.status).toBe(200);
    expect(ar.body).toMatchObject({ templateId: 'grant-awarded', language: 'ar', fallbackFrom: null });
    expect(ar.body.html).toContain('dir="rtl"');
    const fr = await client.get('officer', `${N}/templates/grant-awarded/preview?language=fr`);
    expect(fr.body.html).toContain('dir="ltr"');
    expect(fr.body.subject).not.toBe(ar.body.subject);
    expect((await client.get('association', `${N}/templates/grant-awarded/preview`)).status).toBe(403);
    expect((await client.get('officer', `${N}/templates/birthday/preview`)).status).toBe(404);
    expect((await client.get('officer', `${N}/templates/grant-awarded/preview?language=de`)).status).toBe(
      400,
    );
  });

  it('applies an organisation’s own preferences to its people who set none (the card’s language first)', async () => {
    const added = await client.post('association', `/api/registry/associations/${MD}/contacts`, {
      role: 'project-manager',
      card: { fullName: 'Nora Exemple', email: 'nora@md.example.org' },
      consents: [{ purpose: 'programme-communications', legalBasis: 'gdpr' }],
    });
    expect(added.status).toBe(201);
    const nora = added.body.subjectId as string;
    const organisation = await client.put('association', `${N}/preferences/${MD}`, {
      channels: ['email', 'in-app'],
      language: 'ar',
      cadence: 'immediate',
    });
    expect(organisation.status).toBe(200);
    expect(
      (
        await client.put('partner', `${N}/preferences/${MD}`, {
          channels: [],
          language: 'fr',
          cadence: 'immediate',
        })
      ).status,
    ).toBe(404);
    const applicationId = await award();
    const items = await noticesOfAward(applicationId, (found) =>
      found.some((n: Json) => n.recipient.id === nora),
    );
    const awarded = (id: string) =>
      items.find(
        (n: Json) => n.recipient.id === id && n.trigger === 'grant-awarded' && n.channel === 'email',
      );
    expect(awarded(nora)).toMatchObject({ status: 'delivered', language: 'ar' });
    // The president's card says French: a person's own language comes before the organisation's.
    const president = items.find(
      (n: Json) =>
        n.channel === 'email' &&
        n.trigger === 'grant-awarded' &&
        n.recipient.id !== nora &&
        n.status === 'delivered',
    );
    expect(president).toMatchObject({ language: 'fr' });
  });
});
