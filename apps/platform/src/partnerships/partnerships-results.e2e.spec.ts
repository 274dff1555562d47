import { PartnershipsCommands } from '@tadamon/partnerships';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import { etag, OUTSIDER, PROJECTS, ProjectsScenario, UPDATES_QUEUE } from './testing/projects-scenario';

// Seeding the demo users hashes ten passwords with scrypt.
jest.setTimeout(60_000);

describe('Partnerships API: results framework and four-eyes indicator updates', () => {
  let client: PlatformClient;
  let scenario: ProjectsScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('partnerships-results');
    scenario = new ProjectsScenario(client);
    await scenario.ready();
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await client?.close();
  }, APP_STOP_TIMEOUT_MS);

  const results = (projectId: string) => `${PROJECTS}/${projectId}/results`;
  const update = (projectId: string, updateId: string, action: 'approve' | 'return') =>
    `${results(projectId)}/updates/${updateId}/${action}`;
  const indicatorOf = async (projectId: string, accept: (indicator: Json) => boolean) =>
    (
      await eventually(
        () => client.get('officer', results(projectId)),
        (r) => r.status === 200 && r.body.results.length > 0 && accept(r.body.results[0].indicators[0]),
        'the results view',
      )
    ).body.results[0].indicators[0];

  it('defines a result and an indicator (officer only) and shows them with targets and no progress yet', async () => {
    const projectId = await scenario.withIndicator();
    const indicator = await indicatorOf(projectId, () => true);
    expect(indicator).toMatchObject({ indicatorId: 'households', measure: 'unit', updates: [] });
    expect(indicator.targets).toHaveLength(2);
    expect(indicator.progress).toEqual([
      expect.objectContaining({ periodStart: '2026-01-01', target: 120 }),
      expect.objectContaining({ periodStart: '2027-01-01', target: 300 }),
    ]);
    const byAssociation = await client.post('association', results(projectId), {
      resultId: 'other',
      level: 'output',
      title: { fr: 'Autre' },
    });
    expect(byAssociation.status).toBe(403);
  });

  it('answers 400 for targets outside the project’s dates and bad levels, and defines nothing', async () => {
    const projectId = await scenario.withIndicator();
    const badLevel = await client.post('officer', results(projectId), {
      resultId: 'r2',
      level: 'impact',
      title: { fr: 'x' },
    });
    expect(badLevel.status).toBe(400);
    const outside = await client.post('officer', `${results(projectId)}/indicators/households/targets`, {
      targets: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 50 }],
    });
    expect(outside.status).toBe(400);
    const view = await client.get('officer', results(projectId));
    expect(view.body.results).toHaveLength(1);
    expect(view.body.results[0].indicators[0].targets[0].periodStart).toBe('2026-01-01');
  });

  it('lets the carrying association revise targets, not another association (404) nor a partner (403)', async () => {
    const projectId = await scenario.withIndicator();
    const path = `${results(projectId)}/indicators/households/targets`;
    const targets = {
      targets: [
        { periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 150 },
        { periodStart: '2027-01-01', periodEnd: '2027-12-31', value: 320 },
      ],
    };
    expect((await client.post(OUTSIDER, path, targets)).status).toBe(404);
    expect((await client.post('partner', path, targets)).status).toBe(403);
    const revised = await client.post('association', path, targets);
    expect(revised.status).toBe(200);
    expect(revised.body.events).toEqual(['IndicatorTargetsRevised']);
    const indicator = await indicatorOf(projectId, (i) => i.targets[0].value === 150);
    expect(indicator.targetsRevisedAt).not.toBeNull();
  });

  it('takes an update with evidence attached to the project, and refuses evidence that is not (400)', async () => {
    const projectId = await scenario.withIndicator();
    const unknown = await client.post('association', `${results(projectId)}/updates`, {
      indicatorId: 'households',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      value: 40,
      evidence: [{ sha256: 'f'.repeat(64), name: 'inconnu.pdf' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].pointer).toBe('/evidence/0/sha256');
    // Kept in the content store but attached to another project: not this project's evidence.
    const elsewhere = await scenario.attach('association', await scenario.open(), 'Photos d’un autre projet');
    const foreign = await client.post('association', `${results(projectId)}/updates`, {
      indicatorId: 'households',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      value: 40,
      evidence: [{ sha256: elsewhere, name: 'autre.pdf' }],
    });
    expect([foreign.status, foreign.body.errors?.[0]?.pointer]).toEqual([400, '/evidence/0/sha256']);
    const evidence = await scenario.attach('association', projectId, 'Photos des raccordements');
    const updateId = await scenario.submitUpdate('association', projectId, 40, evidence);
    const indicator = await indicatorOf(projectId, (i) => i.updates.length === 1);
    expect(indicator.updates[0]).toMatchObject({
      updateId,
      status: 'pending',
      submittedBy: 'user-association',
    });
    expect(indicator.progress[0]).toMatchObject({ target: 120 });
    expect(indicator.progress[0].actual ?? null).toBeNull();
  });

  describe('four eyes', () => {
    it('refuses the officer who entered an update (403 FOUR_EYES_REQUIRED), officer2 approves it', async () => {
      const projectId = await scenario.withIndicator();
      const evidence = await scenario.attach('officer', projectId, 'Procès-verbal de réception');
      const updateId = await scenario.submitUpdate('officer', projectId, 60, evidence);
      const own = await client.post('officer', update(projectId, updateId, 'approve'));
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('FOUR_EYES_REQUIRED');
      expect(
        (await client.post('officer', update(projectId, updateId, 'return'), { reason: 'x' })).status,
      ).toBe(403);
      expect((await client.post('association', update(projectId, updateId, 'approve'))).status).toBe(403);
      const queue = await eventually(
        () => client.get('officer2', `${UPDATES_QUEUE}?projectId=${projectId}&decidable=true`),
        (r) => r.body.total === 1,
        'the update in officer2’s queue',
      );
      expect(queue.body.items[0]).toMatchObject({
        projectId,
        updateId,
        status: 'pending',
        submittedBy: 'user-officer',
      });
      const ownQueue = await client.get('officer', `${UPDATES_QUEUE}?projectId=${projectId}&decidable=true`);
      expect(ownQueue.body.total).toBe(0);
      const approved = await client.post('officer2', update(projectId, updateId, 'approve'));
      expect(approved.status).toBe(200);
      expect(approved.body.events).toEqual(['IndicatorUpdateApproved']);
      const indicator = await indicatorOf(projectId, (i) => i.updates[0].status === 'approved');
      expect(indicator.updates[0].decidedBy).toBe('user-officer2');
      expect(indicator.progress[0]).toMatchObject({ target: 120, actual: 60 });
    });

    it('returns an update with a reason (officer2); a returned update does not count', async () => {
      const projectId = await scenario.withIndicator();
      const evidence = await scenario.attach('association', projectId, 'Liste des ménages');
      const updateId = await scenario.submitUpdate('association', projectId, 70, evidence);
      expect((await client.post('officer2', update(projectId, updateId, 'return'), {})).status).toBe(400);
      const returned = await client.post('officer2', update(projectId, updateId, 'return'), {
        reason: 'La liste ne porte pas de signature.',
      });
      expect(returned.body.events).toEqual(['IndicatorUpdateReturned']);
      expect((await client.post('officer', update(projectId, updateId, 'approve'))).status).toBe(409);
      const indicator = await indicatorOf(projectId, (i) => i.updates[0]?.status === 'returned');
      expect(indicator.updates[0].returnReason).toBe('La liste ne porte pas de signature.');
      expect(indicator.progress[0].actual ?? null).toBeNull();
    });

    it('answers 404 for an update that does not exist, and for another organisation’s project', async () => {
      const projectId = await scenario.withIndicator();
      expect((await client.post('officer', update(projectId, 'no-such-update', 'approve'))).status).toBe(404);
      expect((await client.post('officer', update('no-such-project', 'u', 'approve'))).status).toBe(404);
      expect((await client.get(OUTSIDER, results(projectId))).status).toBe(404);
    });
  });

  describe('two approvals of one update at once', () => {
    const pending = async () => {
      const projectId = await scenario.withIndicator();
      const evidence = await scenario.attach('association', projectId, 'Rapport de chantier');
      const updateId = await scenario.submitUpdate('association', projectId, 80, evidence);
      return { projectId, updateId };
    };
    /** How many approvals the framework's stream holds. */
    const approvals = async (projectId: string) => {
      const loaded = await client.app
        .get(PartnershipsCommands, { strict: false })
        .load('projectResults', projectId);
      return loaded?.events.filter((e) => e.type === 'IndicatorUpdateApproved').length;
    };

    it('with the same If-Match: one succeeds, the other answers 412 and nothing is approved twice', async () => {
      const { projectId, updateId } = await pending();
      const read = await client.get('officer', results(projectId));
      const revision = etag(read);
      expect(revision).toMatch(/^"\d+"$/);
      const replies = await Promise.all(
        ['officer', 'officer2'].map((who) =>
          client.post(who as 'officer', update(projectId, updateId, 'approve'), undefined, {
            'if-match': revision,
          }),
        ),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = replies.find((r) => r.status === 200) as (typeof replies)[number];
      expect(winner.body.events).toEqual(['IndicatorUpdateApproved']);
      expect(etag(winner)).toBe(`"${Number(revision.replace(/"/g, '')) + 1}"`);
      expect(await approvals(projectId)).toBe(1);
    });

    it('without If-Match: one approves, the other is a no-op (200, no event)', async () => {
      const { projectId, updateId } = await pending();
      const replies = await Promise.all(
        ['officer', 'officer2'].map((who) =>
          client.post(who as 'officer', update(projectId, updateId, 'approve')),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      expect(replies.map((r) => r.body.events.length).sort()).toEqual([0, 1]);
      expect(await approvals(projectId)).toBe(1);
      const indicator = await indicatorOf(projectId, (i) => i.updates[0].status === 'approved');
      expect(indicator.progress[0]).toMatchObject({ actual: 80 });
    });

    it('a stale If-Match after the approval is 412', async () => {
      const { projectId, updateId } = await pending();
      const before = etag(await client.get('officer', results(projectId)));
      expect((await client.post('officer2', update(projectId, updateId, 'approve'))).status).toBe(200);
      const stale = await client.post(
        'officer',
        update(projectId, updateId, 'return'),
        { reason: 'Trop tard' },
        {
          'if-match': before,
        },
      );
      expect(stale.status).toBe(412);
    });
  });

  it('shows the queue to auditors and admins but not to associations', async () => {
    expect((await client.get('auditor', UPDATES_QUEUE)).status).toBe(200);
    expect((await client.get('admin', UPDATES_QUEUE)).status).toBe(200);
    expect((await client.get('association', UPDATES_QUEUE)).status).toBe(403);
    expect((await client.get('anonymous', UPDATES_QUEUE)).status).toBe(401);
    expect((await client.get('officer', `${UPDATES_QUEUE}?status=done`)).status).toBe(400);
  });
});
