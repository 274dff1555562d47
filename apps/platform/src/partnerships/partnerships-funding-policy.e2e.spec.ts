import { EventStore } from '@tadamon/event-store';
import { FUNDING_DEMO_IDS } from '@tadamon/funding';
import { PARTNERSHIPS_PROJECTS, PartnershipsCommands, ProjectDoc } from '@tadamon/partnerships';
import { DocumentStore } from '@tadamon/read-store';
import { DOCUMENT_STORE, EVENT_STORE } from '../embedded/embedded.module';
import {
  expectStatus,
  F,
  FundingScenario,
  MD,
  region,
  today,
  usd,
} from '../funding/testing/funding-scenario';
import { eventually, Json, PlatformClient } from '../registry/testing/platform-client';

// Seeding the demo users hashes nine passwords with scrypt; the spec restarts the platform once.
jest.setTimeout(90_000);

describe('Partnerships follows Funding’s awards on the embedded platform', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  beforeAll(async () => {
    client = await PlatformClient.start('partnerships-funding-policy');
    scenario = new FundingScenario(client);
    await scenario.ready();
  });
  afterAll(async () => {
    await client?.close();
  });

  const projectDoc = (projectId: string) =>
    client.app
      .get<DocumentStore>(DOCUMENT_STORE)
      .collection<ProjectDoc>(PARTNERSHIPS_PROJECTS)
      .get(projectId);
  const projectEvents = async (projectId: string) =>
    (await client.app.get(PartnershipsCommands).load('project', projectId))?.events.map(
      (event) => event.type,
    );
  const partnershipsConsumer = async (): Promise<Json> => {
    const status = await client.get('anonymous', '/api/platform/status');
    return (status.body.consumers as Json[]).find((consumer) => consumer.consumer === 'partnerships');
  };
  const caughtUp = () =>
    eventually(
      partnershipsConsumer,
      (consumer) => consumer?.lag['tadamon.funding.events.v1'] === 0,
      'Partnerships’ consumer caught up',
      10_000,
    );

  it('opens the projects of the demo’s awards at start, with the tranches the demo released', async () => {
    const { migrationsEtDeveloppement, cooperativesFiguig } = FUNDING_DEMO_IDS.applications;
    await caughtUp();
    for (const applicationId of [migrationsEtDeveloppement, cooperativesFiguig]) {
      const doc = await eventually(
        () => projectDoc(`award-${applicationId}`),
        (found) => found !== null,
        `the demo project of ${applicationId}`,
        10_000,
      );
      expect(doc).toMatchObject({
        origin: { kind: 'award', applicationId },
        regionCodes: [expect.any(String)],
      });
      expect(Object.values(doc?.disbursements ?? {}).map((d) => d.on)).toEqual(['2014-09-15']);
    }
    expect(await partnershipsConsumer()).toMatchObject({ deadLettered: 0 });
  });

  it('opens the awarded project, records its released tranche, and applies nothing twice after a restart', async () => {
    const { callId, envelopeId } = await scenario.publishedCall();
    const applicationId = await scenario.awarded('association', callId);
    const projectId = `award-${applicationId}`;

    const opened = await eventually(
      () => projectDoc(projectId),
      (doc) => doc !== null,
      `${projectId} in the read model`,
      10_000,
    );
    expect(opened).toMatchObject({
      projectId,
      carrierId: MD,
      origin: { kind: 'award', applicationId, callId, envelopeId },
      status: '1',
      visibility: 'internal',
      title: { fr: "Adduction d'eau potable à Taliouine", en: 'Drinking water in Taliouine' },
      description: { fr: 'Raccordement de six douars au réseau et formation du comité de gestion.' },
      sectorCodes: ['14030'],
      regionCodes: ['MA-09'],
      openedBy: 'system-partnerships-funding-policy',
    });
    expect(opened?.locations).toEqual([expect.objectContaining({ area: region('MA-09'), region: 'MA-09' })]);
    if (opened?.origin.kind !== 'award') throw new Error(`${projectId} was not opened from an award`);
    const { grant } = opened.origin;
    expect(opened?.budgetLines.map((line) => [line.lineId, line.amount])).toEqual([
      ['grant', grant],
      ['cofinancing', usd(50_000)],
    ]);
    expect(opened?.cofinancing).toEqual([{ partyId: MD, amount: usd(50_000) }]);

    // Funding records the agreement and releases the first tranche.
    const second = { ...grant, amountMinor: grant.amountMinor - usd(150_000).amountMinor };
    expectStatus(
      await client.post('officer', `${F}/applications/${applicationId}/agreement`, {
        signedOn: today(),
        signatories: [MD, 'actor-iom', 'actor-ministry'],
        tranches: [
          { trancheId: 't1', amount: usd(150_000), dueOn: today() },
          { trancheId: 't2', amount: second, dueOn: '2027-06-30' },
        ],
      }),
      200,
      'agreement',
    );
    const release = await client.post('officer', `${F}/applications/${applicationId}/tranches/t1/release`);
    expect(release.body.events).toEqual(['TrancheReleased', 'DisbursementRecorded']);

    const disbursed = await eventually(
      () => projectDoc(projectId),
      (doc) => Object.keys(doc?.disbursements ?? {}).length > 0,
      `the disbursement of ${projectId}`,
      10_000,
    );
    expect(Object.values(disbursed?.disbursements ?? {})).toEqual([
      expect.objectContaining({
        trancheId: 't1',
        amount: usd(150_000),
        on: today(),
        source: 'funding-tranche',
      }),
    ]);
    expect(await projectEvents(projectId)).toEqual(['ProjectOpened', 'ProjectDisbursementRecorded']);
    expect(await caughtUp()).toMatchObject({ deadLettered: 0 });

    // Same DATA_DIR: the checkpoint and the inbox in partnerships.db carry over.
    const head = await client.app.get<EventStore>(EVENT_STORE).headPosition();
    client = await client.restart();
    scenario = new FundingScenario(client);
    const after = await caughtUp();
    expect(after).toMatchObject({ processed: 0, duplicates: 0, deadLettered: 0 });
    expect(await projectEvents(projectId)).toEqual(['ProjectOpened', 'ProjectDisbursementRecorded']);
    const appended = await client.app
      .get<EventStore>(EVENT_STORE)
      .readAll({ after: head, categories: ['project'] });
    expect(appended).toEqual([]);
  });
});
