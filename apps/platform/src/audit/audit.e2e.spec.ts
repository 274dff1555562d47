import Database from 'better-sqlite3';
import { join } from 'node:path';
import { FUNDING_DEMO_IDS } from '@tadamon/funding';
import { eventually, Json, PlatformClient, problemType } from '../registry/testing/platform-client';

jest.setTimeout(120_000);

const AWARDED = FUNDING_DEMO_IDS.applications.migrationsEtDeveloppement;
const V = '/api/audit/verifications';
const replayPath = (id: string, asOf?: string) =>
  `/api/audit/applications/${id}/replay${asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`}`;

describe('the audit API', () => {
  let client: PlatformClient;

  beforeAll(async () => {
    client = await PlatformClient.start('audit');
  }, 120_000);
  afterAll(async () => {
    await client?.close();
  });

  const finished = (id: string) =>
    eventually(
      () => client.get('auditor', `${V}/${id}`),
      (reply) => reply.status === 200 && reply.body.status !== 'running',
      `verification ${id} to finish`,
      60_000,
    );

  it('lets only the auditor and the admin in', async () => {
    for (const path of [V, replayPath(AWARDED), `/api/audit/applications/${AWARDED}/dossier`]) {
      expect((await client.get('anonymous', path)).status).toBe(401);
      for (const who of ['officer', 'committee', 'association', 'evaluator1'] as const)
        expect([path, who, (await client.get(who, path)).status]).toEqual([path, who, 403]);
      expect((await client.get('admin', path)).status).toBe(200);
    }
    expect((await client.post('officer', V)).status).toBe(403);
    expect((await client.post('anonymous', V)).status).toBe(401);
  });

  it('verifies the log off the request: 202 and a Location at once, then progress and a clean result, kept across a restart', async () => {
    const started = await client.post('auditor', V);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`${V}/${started.body.id}`);
    expect(started.body).toMatchObject({ status: 'running', requestedBy: 'user-auditor' });
    // One at a time: a second start while it runs answers the running one.
    const again = await client.post('admin', V);
    if (again.body.status === 'running') expect(again.body.id).toBe(started.body.id);

    const done = (await finished(started.body.id)).body;
    expect(done).toMatchObject({
      status: 'done',
      progress: { percent: 100 },
      result: {
        verdict: 'ok',
        chains: { ok: true },
        seals: { checked: true, signaturesChecked: true },
        firstBreak: null,
      },
    });
    expect(done.result.events).toBeGreaterThan(100);
    expect(done.result.chains.streams).toBeGreaterThan(10);
    expect(done.progress.checked).toBe(done.progress.total);

    client = await client.restart();
    const kept = await client.get('auditor', V);
    expect(kept.body.map((v: Json) => v.id)).toContain(started.body.id);
    expect((await client.get('auditor', `${V}/${started.body.id}`)).body).toEqual(done);
    expect((await client.get('auditor', `${V}/no-such-verification`)).status).toBe(404);
  });

  it('replays the awarded application: every decision recomputed the same, and before its award no award', async () => {
    const now = await client.get('auditor', replayPath(AWARDED));
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ verdict: 'same', applicationId: AWARDED });
    const types = now.body.timeline.map((e: Json) => e.type);
    expect(types).toContain('GrantAwarded');
    const recomputed = now.body.recomputations.map((r: Json) => [r.type, r.same]);
    expect(recomputed).toEqual(expect.arrayContaining([['GrantAwarded', true]]));
    expect(recomputed.every(([, same]: [string, boolean]) => same)).toBe(true);
    const award = now.body.timeline.find((e: Json) => e.type === 'GrantAwarded');
    expect(award.actor).toMatchObject({ id: 'user-committee' });

    const before = now.body.timeline[now.body.timeline.indexOf(award) - 1];
    const earlier = await client.get('auditor', replayPath(AWARDED, before.recordedAt));
    expect(earlier.status).toBe(200);
    expect(earlier.body.timeline.map((e: Json) => e.type)).not.toContain('GrantAwarded');
    expect(earlier.body.events.asOf).toBeLessThan(now.body.events.asOf);
    expect(earlier.body.asOf).toBe(before.recordedAt);
  });

  it('answers 400 for an asOf or a language it cannot read, 404 for an unknown application', async () => {
    for (const asOf of ['yesterday', '2026-12-07T10:00', '2026-12-07T10:00:00.0001Z']) {
      const reply = await client.get('auditor', replayPath(AWARDED, asOf));
      expect([asOf, reply.status, reply.type]).toEqual([
        asOf,
        400,
        'application/problem+json; charset=utf-8',
      ]);
      expect(reply.body.type).toBe(problemType('validation'));
    }
    const lang = await client.get('auditor', `/api/audit/applications/${AWARDED}/dossier?lang=de`);
    expect(lang.status).toBe(400);
    expect((await client.get('auditor', replayPath('application-nowhere'))).status).toBe(404);
    expect((await client.get('auditor', `/api/audit/applications/application-nowhere/dossier`)).status).toBe(
      404,
    );
    // Before the application's first event it did not exist yet.
    expect((await client.get('auditor', replayPath(AWARDED, '2000-01-01'))).status).toBe(404);
  });

  it('gives the dossier as an HTML attachment in the language asked', async () => {
    for (const lang of ['ar', 'fr', 'en']) {
      const reply = await fetch(`${client.baseUrl}/api/audit/applications/${AWARDED}/dossier?lang=${lang}`, {
        headers: { authorization: `Bearer ${await client.token('auditor')}` },
      });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
      expect(reply.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="dossier-${AWARDED}-\\d{4}-\\d{2}-\\d{2}-${lang}\\.html"$`),
      );
      const html = await reply.text();
      expect(html).toMatch(new RegExp(`<html[^>]* lang="${lang}"`));
      expect(html).toContain(AWARDED);
    }
  });

  it('names the first broken event when a stored event was altered', async () => {
    const db = new Database(join(client.dataDir, 'events.db'));
    try {
      const row = db
        .prepare("SELECT position, data FROM events WHERE stream_id = ? AND type = 'GrantAwarded'")
        .get(`grantApplication-${AWARDED}`) as { position: number; data: string };
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        row.data.replace(/"amountMinor":(\d+)/, (_m, n: string) => `"amountMinor":${Number(n) * 10}`),
        row.position,
      );
      const started = await client.post('auditor', V);
      const done = (await finished(started.body.id)).body;
      expect(done.result).toMatchObject({
        verdict: 'broken',
        chains: { ok: false },
        firstBreak: {
          streamId: `grantApplication-${AWARDED}`,
          position: row.position,
          reason: 'hash-mismatch',
        },
      });
      const replay = await client.get('auditor', replayPath(AWARDED));
      expect(replay.body.verdict).not.toBe('same');
    } finally {
      db.close();
    }
  });
});
