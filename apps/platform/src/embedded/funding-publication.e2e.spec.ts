import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { fundingPublication, IntegrationEvent } from '@tadamon/contracts';
import { EventStore } from '@tadamon/event-store';
import {
  EmbeddedEventTransport,
  HandlerErrorsPassThrough,
  SqliteCheckpointStore,
  SqliteDeadLetterStore,
  SqliteInbox,
} from '@tadamon/messaging';
import Database from 'better-sqlite3';
import { PlatformClient } from '../registry/testing/platform-client';
import { EVALUATOR_IDS, FundingScenario, MD } from '../funding/testing/funding-scenario';
import { EMBEDDED_PUBLICATIONS } from './embedded-messaging.module';
import { EVENT_STORE } from './embedded.module';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

/** A consumer of Funding's integration events, as a notifications context would be. */
function recorderModule(received: IntegrationEvent[]) {
  @Controller()
  class FundingEventsRecorder {
    @EventPattern(fundingPublication.topic)
    record(@Payload() event: IntegrationEvent) {
      received.push(event);
    }
  }
  @Module({ controllers: [FundingEventsRecorder] })
  class FundingEventsRecorderModule {}
  return FundingEventsRecorderModule;
}

describe('the embedded platform publishes Funding’s integration events', () => {
  let client: PlatformClient;
  let scenario: FundingScenario;
  let transport: EmbeddedEventTransport<Database.Database>;
  let consumer: INestMicroservice;
  let db: Database.Database;
  const received: IntegrationEvent[] = [];

  beforeAll(async () => {
    client = await PlatformClient.start('funding-publication');
    scenario = new FundingScenario(client);
    await scenario.ready();
    db = new Database(':memory:');
    transport = new EmbeddedEventTransport({
      consumer: 'funding-listener',
      log: client.app.get<EventStore>(EVENT_STORE),
      publications: [...EMBEDDED_PUBLICATIONS],
      checkpoints: new SqliteCheckpointStore(db),
      inbox: new SqliteInbox(db),
      deadLetters: new SqliteDeadLetterStore(db),
    });
    consumer = await NestFactory.createMicroservice(recorderModule(received), {
      strategy: transport,
      logger: false,
    });
    consumer.useGlobalFilters(new HandlerErrorsPassThrough());
    await consumer.listen();
  });
  afterAll(async () => {
    await consumer?.close();
    await client?.close();
    db?.close();
  });

  const caughtUp = async () => {
    const deadline = Date.now() + 10_000;
    while ((await transport.lag())[fundingPublication.topic] !== 0) {
      if (Date.now() > deadline) throw new Error('the listener did not catch up with the log');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const of = (id: string) => received.filter((event) => event.streamId.endsWith(`-${id}`));

  it('delivers the envelope opened and the call published over HTTP', async () => {
    const { envelopeId, callId } = await scenario.publishedCall();
    await caughtUp();
    expect(of(envelopeId).map((event) => [event.type, event.context])).toEqual([
      ['EnvelopeOpened', 'funding'],
    ]);
    expect(of(envelopeId)[0].data).toMatchObject({ envelopeId, funderId: 'actor-iom' });
    expect(of(callId)).toEqual([
      expect.objectContaining({
        type: 'CallPublished',
        schemaVersion: 1,
        streamId: `callForProposals-${callId}`,
        data: expect.objectContaining({ callId, criteriaVersion: 1 }),
      }),
    ]);
  });

  it('delivers the submission and the screening, but nothing of the evaluation', async () => {
    const { callId } = await scenario.publishedCall();
    const applicationId = await scenario.assigned('association', callId);
    await scenario.evaluate('evaluator1', applicationId, 80);
    await caughtUp();

    expect(of(applicationId).map((event) => event.type)).toEqual([
      'ApplicationSubmitted',
      'ApplicationFoundEligible',
    ]);
    expect(of(applicationId)[0].data).toEqual(
      expect.objectContaining({ applicationId, callId, associationId: MD }),
    );
    const published = JSON.stringify(received);
    for (const evaluatorId of EVALUATOR_IDS) expect(published).not.toContain(evaluatorId);
    expect(published).not.toContain('Aucun lien avec le demandeur');
    expect(published).not.toContain('justification');
  });
});
