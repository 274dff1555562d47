import { EventStore } from '@tadamon/event-store';
import { EVENT_STORE } from '../embedded/embedded.module';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';
import { F, FIGUIG, FIGUIG_ACCOUNT, FundingScenario, MD } from './testing/funding-scenario';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

const REGISTRY = '/api/registry/associations';

describe('Funding and the registry: a suspended association', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('funding-suspension');
    scenario = new FundingScenario(client);
    await scenario.ready();
  });
  afterAll(async () => {
    await client?.close();
  });

  const flagOf = async (applicationId: string) => (await scenario.read('officer', applicationId)).body.flag;

  it('cannot submit, and its open applications are flagged until the registry reinstates it', async () => {
    const { callId } = await scenario.publishedCall();
    const draft = await scenario.draftApplication('association', callId);
    const recommended = await scenario.recommended('association', callId);
    const withdrawn = await scenario.submitted('association', callId);
    await client.post('association', `${F}/applications/${withdrawn}/withdraw`, { reason: 'Doublon' });
    const figuig = await scenario.submitted(FIGUIG_ACCOUNT, callId);

    const suspended = await client.post('officer', `${REGISTRY}/${MD}/suspend`, {
      reason: 'Comptes non déposés',
    });
    expect(suspended.body.events).toEqual(['AssociationSuspended']);
    await scenario.applicantStatus(MD, 'suspended');

    const submit = await client.post('association', `${F}/applications/${draft}/submit`);
    expect([submit.status, submit.body.code]).toEqual([409, 'ASSOCIATION_NOT_VERIFIED']);
    for (const applicationId of [draft, recommended]) {
      const flag = await eventually(
        () => flagOf(applicationId),
        (f) => f !== null,
        `the flag of ${applicationId}`,
      );
      expect(flag.reason).toBe('association suspended by the registry: Comptes non déposés');
    }
    expect(await flagOf(withdrawn)).toBeNull();
    expect(await flagOf(figuig)).toBeNull();

    const award = await client.post('committee', `${F}/applications/${recommended}/award`, {
      conditions: [],
      rationale: 'r',
    });
    expect([award.status, award.body.code]).toEqual([409, 'APPLICATION_FLAGGED']);
    const flagged = await eventually(
      () => client.get('officer', `${F}/applications?flagged=true&pageSize=100`),
      (reply) =>
        [draft, recommended].every((id) => reply.body.items.some((a: Json) => a.applicationId === id)),
      'the flagged applications on the board',
    );
    const flaggedIds = flagged.body.items.map((a: Json) => a.applicationId);
    expect(flaggedIds).not.toContain(withdrawn);
    expect(flaggedIds).not.toContain(figuig);
    expect(flagged.body.items.every((a: Json) => a.associationId === MD && a.flag !== null)).toBe(true);

    // Recorded by the policy as itself, caused by the registry's event.
    const store = client.app.get<EventStore>(EVENT_STORE, { strict: false });
    const registryEvent = (await store.readStream(`association-${MD}`)).find(
      (e) => e.type === 'AssociationSuspended',
    );
    const flagEvent = (await store.readStream(`grantApplication-${draft}`)).find(
      (e) => e.type === 'GrantApplicationFlagged',
    );
    expect(flagEvent?.metadata).toMatchObject({
      actor: { id: 'system-funding-registry-policy', roles: [] },
      causationId: registryEvent?.id,
    });

    const reinstated = await client.post('officer', `${REGISTRY}/${MD}/reinstate`);
    expect(reinstated.body.events).toEqual(['AssociationReinstated']);
    await scenario.applicantStatus(MD, 'verified');
    for (const applicationId of [draft, recommended])
      await eventually(
        () => flagOf(applicationId),
        (f) => f === null,
        `the flag of ${applicationId} cleared`,
      );
    expect((await client.post('association', `${F}/applications/${draft}/submit`)).body.events).toEqual([
      'GrantApplicationSubmitted',
    ]);
    const awarded = await client.post('committee', `${F}/applications/${recommended}/award`, {
      conditions: [],
      rationale: 'r',
    });
    expect(awarded.body.events).toEqual(['FundsCommitted', 'GrantAwarded']);
    const status = await eventually(
      () => client.get('anonymous', '/api/platform/status'),
      (reply) => reply.body.consumers[0].lag['tadamon.registry.events.v1'] === 0,
      'the funding consumer caught up',
    );
    expect(status.body.consumers[0]).toMatchObject({ consumer: 'funding', deadLettered: 0 });
    expect(status.body.consumers[0].processed).toBeGreaterThan(20);
  });

  it('flags the applications of an association the registry dissolves, for good', async () => {
    const { callId } = await scenario.publishedCall();
    const applicationId = await scenario.submitted(FIGUIG_ACCOUNT, callId);
    const dissolved = await client.post('officer', `${REGISTRY}/${FIGUIG}/dissolve`, {
      reason: 'Dissolution votée en assemblée générale',
    });
    expect(dissolved.body.events).toEqual(['AssociationDissolved']);
    const flag = await eventually(
      () => flagOf(applicationId),
      (f) => f !== null,
      'the flag of the dissolved applicant',
    );
    expect(flag.reason).toBe('association dissolved (registry)');
    const screen = await client.post('officer', `${F}/applications/${applicationId}/screen`);
    expect(screen.body.events).toEqual(['GrantApplicationFoundIneligible']);
    const checks = (await scenario.read('officer', applicationId)).body.screening;
    expect(checks[0]).toEqual({
      rule: 'association-verified',
      passed: false,
      expected: 'verified',
      actual: 'dissolved',
    });
  });

  it('keeps what it learnt across a restart: the registry facts and the delivery checkpoint, nothing delivered twice', async () => {
    const { callId } = await scenario.publishedCall();
    const applicationId = await scenario.draftApplication('association', callId);
    await client.post('officer', `${REGISTRY}/${MD}/suspend`, { reason: 'Contrôle en cours' });
    await eventually(
      () => flagOf(applicationId),
      (f) => f !== null,
      'the flag before the restart',
    );
    client = await client.restart();
    scenario = new FundingScenario(client);
    expect((await client.get('officer', `${F}/applicants/${MD}`)).body.status).toBe('suspended');
    const store = client.app.get<EventStore>(EVENT_STORE, { strict: false });
    const fundingEvents = async () => (await store.readAll({ categories: ['grantApplication'] })).length;
    const before = await fundingEvents();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await fundingEvents()).toBe(before);
    const flags = (await store.readStream(`grantApplication-${applicationId}`)).filter(
      (e) => e.type === 'GrantApplicationFlagged',
    );
    expect(flags).toHaveLength(1);
    await client.post('officer', `${REGISTRY}/${MD}/reinstate`);
    await eventually(
      () => flagOf(applicationId),
      (f) => f === null,
      'the flag cleared after the restart',
    );
  });
});
