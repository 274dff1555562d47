import { randomUUID } from 'node:crypto';
import { fundingPublication, GrantAwardedV1, IntegrationEvent } from '@tadamon/contracts';
import { toKafkaMessage } from '@tadamon/messaging';
import { Producer } from 'kafkajs';

/** Plays Funding: its integration events, put on its topic as its relay would. */
export class FundingTopic {
  private position = 0;

  constructor(private readonly producer: Producer) {}

  /** A GrantAwarded of the application, as Funding's publication maps it. */
  grantAwarded(applicationId: string, associationId: string): IntegrationEvent {
    this.position += 1;
    const data: GrantAwardedV1 = {
      applicationId,
      callId: `call-of-${applicationId}`,
      associationId,
      envelopeId: `envelope-of-${applicationId}`,
      criteriaVersion: 1,
      scoringRulesVersion: 'v1',
      decidedAt: new Date().toISOString(),
      amount: { amountMinor: 25_000_000, currency: 'USD' },
      project: {
        title: { fr: `Eau potable ${applicationId}` },
        summary: { fr: 'Raccordement de six douars au réseau.' },
        sectors: ['14030'],
        region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
        coFinancing: { amountMinor: 5_000_000, currency: 'USD' },
      },
    };
    return {
      eventId: randomUUID(),
      type: 'GrantAwarded',
      schemaVersion: 1,
      context: 'funding',
      streamId: `grantApplication-${applicationId}`,
      globalPosition: this.position,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      data: data as unknown as Record<string, unknown>,
    };
  }

  /** Sends the event (the same event sent twice is a redelivery, as after a lost offset commit). */
  async send(event: IntegrationEvent): Promise<void> {
    await this.producer.send({
      topic: fundingPublication.topic,
      acks: -1,
      messages: [toKafkaMessage(event)],
    });
  }
}
