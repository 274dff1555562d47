import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import { USER_STORE } from '../identity/identity.module';
import { SqliteUserStore } from '../identity/user-store';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import {
  EVALUATOR_IDS,
  EVALUATORS,
  F,
  FIGUIG_ACCOUNT,
  FundingScenario,
  MD,
  sheet,
} from './testing/funding-scenario';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

const NETWORK = REGISTRY_DEMO_IDS.networks.reseauAtlasMediterranee;

describe('Funding API: evaluation', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  let callId: string;
  beforeAll(async () => {
    client = await PlatformClient.start('funding-evaluation');
    scenario = new FundingScenario(client);
    await scenario.ready();
    ({ callId } = await scenario.publishedCall());
  });
  afterAll(async () => {
    await client?.close();
  });

  const path = (applicationId: string, action = '') =>
    `${F}/applications/${applicationId}${action ? `/${action}` : ''}`;
  const declare = (
    who: 'evaluator1' | 'evaluator2' | 'evaluator3',
    applicationId: string,
    hasConflict = false,
  ) =>
    client.post(who, path(applicationId, 'declaration'), {
      hasConflict,
      statement: hasConflict ? 'Je suis membre du bureau de cette association.' : 'Aucun lien.',
    });
  const assign = (applicationId: string, evaluatorId: string) =>
    client.post('officer', path(applicationId, 'evaluators'), { evaluatorId });

  it('assigns evaluators to eligible applications only', async () => {
    const submitted = await scenario.submitted('association', callId);
    const early = await assign(submitted, 'user-evaluator1');
    expect([early.status, early.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    await client.post('officer', path(submitted, 'screen'));
    const assigned = await assign(submitted, 'user-evaluator1');
    expect(assigned.body).toMatchObject({ events: ['EvaluatorAssigned'], linksToApplicant: [] });
    expect((await assign(submitted, 'user-evaluator1')).body.events).toEqual([]);
  });

  it('opens a dossier only to the evaluators assigned to it: another evaluator gets 404 on every act', async () => {
    const applicationId = await scenario.eligible('association', callId);
    await assign(applicationId, 'user-evaluator1');
    for (const [method, action, body] of [
      ['POST', 'declaration', { hasConflict: false, statement: 'Aucun lien.' }],
      ['POST', 'dossier/open', undefined],
      ['GET', 'dossier', undefined],
      ['POST', 'scores', { scores: sheet(70) }],
    ] as const) {
      const reply = await client.call('evaluator2', method, path(applicationId, action), { body });
      expect([action, reply.status]).toEqual([action, 404]);
    }
    const assignments = await eventually(
      () => client.get('evaluator1', `${F}/assignments?pageSize=100`),
      (reply) => reply.body.items.some((a: Json) => a.applicationId === applicationId),
      'evaluator 1’s assignments',
    );
    expect(assignments.body.items.find((a: Json) => a.applicationId === applicationId)).toMatchObject({
      applicationStatus: 'under-evaluation',
      assignment: { evaluatorId: 'user-evaluator1', status: 'assigned' },
    });
    const other = await client.get('evaluator2', `${F}/assignments?pageSize=100`);
    expect(other.body.items.map((a: Json) => a.applicationId)).not.toContain(applicationId);
  });

  it('keeps the dossier closed until the evaluator declares no conflict, and takes scores only once it is open', async () => {
    const applicationId = await scenario.eligible('association', callId);
    await assign(applicationId, 'user-evaluator1');
    const open = await client.post('evaluator1', path(applicationId, 'dossier/open'));
    expect([open.status, open.body.code]).toEqual([409, 'CONFLICT_DECLARATION_REQUIRED']);
    expect((await client.get('evaluator1', path(applicationId, 'dossier'))).status).toBe(409);
    expect((await declare('evaluator1', applicationId)).body.events).toEqual([
      'NoConflictOfInterestDeclared',
    ]);
    const early = await client.post('evaluator1', path(applicationId, 'scores'), { scores: sheet(70) });
    expect([early.status, early.body.code]).toEqual([409, 'DOSSIER_NOT_OPENED']);
    expect((await client.post('evaluator1', path(applicationId, 'dossier/open'))).body.events).toEqual([
      'EvaluationDossierOpened',
    ]);
    const partial = await client.post('evaluator1', path(applicationId, 'scores'), {
      scores: sheet(70).slice(1),
    });
    expect(partial.status).toBe(400);
    expect(partial.body.errors).toEqual([{ pointer: '/scores', detail: 'misses criterion relevance' }]);
    const scored = await client.post('evaluator1', path(applicationId, 'scores'), { scores: sheet(70) });
    expect(scored.body.events).toEqual(['EvaluatorScoresRecorded']);
    const dossier = await client.get('evaluator1', path(applicationId, 'dossier'));
    expect(dossier.body).toMatchObject({
      evaluator: { declaration: 'no-conflict', scores: sheet(70) },
      scoringRulesVersion: '2026-1',
    });
    expect(dossier.headers.get('etag')).toBe(
      `"${(await scenario.read('officer', applicationId)).headers.get('etag')?.replace(/"/g, '')}"`,
    );
  });

  it('removes an evaluator who declares a conflict: the dossier is closed to them and they are never assigned again', async () => {
    const applicationId = await scenario.eligible('association', callId);
    await assign(applicationId, 'user-evaluator2');
    const declared = await declare('evaluator2', applicationId, true);
    expect(declared.body.events).toEqual(['ConflictOfInterestDeclared', 'EvaluatorRemoved']);
    expect((await client.get('evaluator2', path(applicationId, 'dossier'))).status).toBe(404);
    const again = await assign(applicationId, 'user-evaluator2');
    expect([again.status, again.body.code]).toEqual([409, 'EVALUATOR_EXCLUDED']);
    const record = (await scenario.read('auditor', applicationId)).body;
    expect(record.evaluators).toEqual([
      expect.objectContaining({
        evaluatorId: 'user-evaluator2',
        status: 'removed',
        conflict: { source: 'declared', detail: [expect.any(String)] },
      }),
    ]);
  });

  it('detects a conflict when the registry links the evaluator to the applicant (a shared network), and excludes them', async () => {
    const users = client.app.get<SqliteUserStore>(USER_STORE, { strict: false });
    users.add({
      id: 'user-evaluator-atlas',
      username: 'evaluator-atlas',
      displayName: 'Evaluator from Alp Atlas',
      roles: ['evaluator'],
      organisationId: REGISTRY_DEMO_IDS.associations.alpAtlas,
      passwordHash: 'not-a-login',
    });
    users.add({
      id: 'user-evaluator-md',
      username: 'evaluator-md',
      displayName: 'Evaluator from M&D',
      roles: ['evaluator'],
      organisationId: MD,
      passwordHash: 'not-a-login',
    });
    const applicationId = await scenario.eligible('association', callId);
    const atlas = await assign(applicationId, 'user-evaluator-atlas');
    expect(atlas.body).toMatchObject({
      events: ['ConflictOfInterestDetected'],
      linksToApplicant: [`network:${NETWORK}`],
    });
    const own = await assign(applicationId, 'user-evaluator-md');
    expect(own.body.linksToApplicant).toEqual([`organisation:${MD}`]);
    const record = (await scenario.read('officer', applicationId)).body;
    expect(record.evaluators.map((e: Json) => [e.evaluatorId, e.status, e.conflict?.source])).toEqual([
      ['user-evaluator-atlas', 'excluded', 'detected'],
      ['user-evaluator-md', 'excluded', 'detected'],
    ]);
    const figuigApplication = await scenario.eligible(FIGUIG_ACCOUNT, callId);
    expect((await assign(figuigApplication, 'user-evaluator-atlas')).body).toMatchObject({
      events: ['EvaluatorAssigned'],
      linksToApplicant: [],
    });
  });

  it('lets the officer record a detected conflict and remove an evaluator, with the reasons kept', async () => {
    const applicationId = await scenario.assigned('association', callId);
    const detected = await client.post('officer', path(applicationId, 'conflicts'), {
      evaluatorId: 'user-evaluator3',
      links: ['Co-auteur du projet selon le dossier'],
    });
    expect(detected.body.events).toEqual(['ConflictOfInterestDetected', 'EvaluatorRemoved']);
    const removed = await client.post('officer', path(applicationId, 'evaluators/user-evaluator2/remove'), {
      reason: 'Indisponible',
    });
    expect(removed.body.events).toEqual(['EvaluatorRemoved']);
    const unknown = await client.post('officer', path(applicationId, 'evaluators/user-nobody/remove'), {
      reason: 'x',
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'EVALUATOR_NOT_ASSIGNED']);
    const board = await eventually(
      () => client.get('officer', `${F}/calls/${callId}/applications?pageSize=100`),
      (reply) =>
        reply.body.items
          .find((a: Json) => a.applicationId === applicationId)
          ?.evaluators.filter((e: Json) => e.status === 'removed').length === 2,
      'the board with the removals',
    );
    const line = board.body.items.find((a: Json) => a.applicationId === applicationId);
    expect(line.evaluators.map((e: Json) => [e.evaluatorId, e.status, e.conflict ?? null]).sort()).toEqual([
      ['user-evaluator1', 'assigned', null],
      ['user-evaluator2', 'removed', null],
      ['user-evaluator3', 'removed', 'detected'],
    ]);
  });

  it('reaches a consensus only once every assigned evaluator scored, with the call’s scoring rules', async () => {
    const applicationId = await scenario.assigned('association', callId);
    await scenario.evaluate('evaluator1', applicationId, 80);
    await scenario.evaluate('evaluator2', applicationId, 70);
    const early = await client.post('committee', path(applicationId, 'consensus'));
    expect([early.status, early.body.code, early.body.missing]).toEqual([
      409,
      'EVALUATION_INCOMPLETE',
      ['user-evaluator3'],
    ]);
    await scenario.evaluate('evaluator3', applicationId, {
      relevance: 60,
      feasibility: 90,
      sustainability: 75,
    });
    const reached = await client.post('committee', path(applicationId, 'consensus'));
    expect(reached.body.events).toEqual(['ConsensusScoreReached']);
    const record = (await scenario.read('auditor', applicationId)).body;
    expect(record.consensus).toMatchObject({
      rulesVersion: '2026-1',
      evaluatorIds: EVALUATOR_IDS,
      passedThresholds: true,
    });
    const late = await client.post('evaluator1', path(applicationId, 'scores'), { scores: sheet(10) });
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    for (const evaluator of EVALUATORS) {
      const dossier = (await client.get(evaluator, path(applicationId, 'dossier'))).body;
      expect(Object.keys(dossier)).not.toContain('consensus');
      expect(JSON.stringify(dossier)).not.toContain('evaluatorIds');
    }
  });
});
