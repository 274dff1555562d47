import { randomUUID } from 'node:crypto';
import {
  AssociationRegisteredV1,
  ContextPublication,
  fundingPublication,
  GrantAwardedV1,
  IntegrationEvent,
  registryContactsPublication,
  registryPublication,
  toIntegrationEvent,
  trainingPublication,
} from '@tadamon/contracts';
import { RecordedEvent } from '@tadamon/eventsourcing';
import { toKafkaMessage } from '@tadamon/messaging';
import { SealedPersonalData } from '@tadamon/personal-data';
import { Producer } from 'kafkajs';

/**
 * Plays the Registry, Funding and Training: their domain events mapped by their own publications, put on
 * their topics as their relays would (the same mapping, key and headers).
 */
export class ContextTopics {
  private position = 0;

  constructor(private readonly producer: Producer) {}

  private recorded(type: string, streamId: string, data: unknown): RecordedEvent {
    this.position += 1;
    const id = randomUUID();
    return {
      id,
      type,
      schemaVersion: 1,
      data,
      metadata: {
        correlationId: id,
        causationId: id,
        commandId: id,
        actor: { id: 'e2e', roles: ['officer'] },
      },
      streamId,
      revision: 0,
      globalPosition: this.position,
      recordedAt: new Date().toISOString(),
      prevHash: '',
      hash: '',
    };
  }

  private publish(
    publication: ContextPublication,
    type: string,
    streamId: string,
    data: unknown,
  ): IntegrationEvent {
    const event = toIntegrationEvent(publication, this.recorded(type, streamId, data));
    if (!event) throw new Error(`${publication.topic} does not publish ${type}`);
    return event;
  }

  associationRegistered(associationId: string, names: AssociationRegisteredV1['names']): IntegrationEvent {
    return this.publish(registryPublication, 'AssociationRegistered', `association-${associationId}`, {
      associationId,
      profile: { names, hostCountries: ['FR'], originRegions: [], sectors: ['14030'] },
      registeredAt: new Date().toISOString(),
    });
  }

  contactPersonAdded(associationId: string, card: SealedPersonalData): IntegrationEvent {
    return this.publish(
      registryContactsPublication,
      'ContactPersonAdded',
      `contactPerson-${card.subjectId}`,
      {
        subjectId: card.subjectId,
        associationId,
        role: 'president',
        personalData: card,
        addedAt: new Date().toISOString(),
      },
    );
  }

  consentGiven(subjectId: string, purpose = 'programme-communications'): IntegrationEvent {
    return this.publish(registryContactsPublication, 'ConsentRecorded', `contactPerson-${subjectId}`, {
      subjectId,
      purpose,
      legalBasis: 'law-09-08',
      decision: 'given',
      at: new Date().toISOString(),
    });
  }

  grantAwarded(applicationId: string, associationId: string): IntegrationEvent {
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
    // As apps/partnerships' FundingTopic: the integration event itself, shaped by GrantAwardedV1.
    const recorded = this.recorded('GrantAwarded', `grantApplication-${applicationId}`, data);
    return {
      eventId: recorded.id,
      type: 'GrantAwarded',
      schemaVersion: 1,
      context: 'funding',
      streamId: recorded.streamId,
      globalPosition: recorded.globalPosition,
      occurredAt: recorded.recordedAt,
      correlationId: recorded.metadata.correlationId,
      causationId: recorded.metadata.causationId,
      data: data as unknown as Record<string, unknown>,
    };
  }

  moduleDefined(moduleId: string, title: { fr: string; ar?: string }): IntegrationEvent {
    return this.publish(trainingPublication, 'ModuleDefined', `trainingModule-${moduleId}`, {
      moduleId,
      code: moduleId.toUpperCase(),
      title,
      theme: 'governance',
      durationMinutes: 240,
      languages: ['fr', 'ar'],
      definedAt: new Date().toISOString(),
    });
  }

  sessionScheduled(sessionId: string, moduleId: string, startsAt: string): IntegrationEvent {
    const endsAt = new Date(new Date(startsAt).getTime() + 4 * 3_600_000).toISOString();
    return this.publish(trainingPublication, 'SessionScheduled', `trainingSession-${sessionId}`, {
      sessionId,
      moduleId,
      language: 'fr',
      timezone: 'Africa/Casablanca',
      place: { mode: 'in-person', city: 'Oujda', country: 'MA' },
      sittings: [{ sittingId: 'day-1', startsAt, endsAt }],
      trainers: ['user-trainer'],
      capacity: 20,
      scheduledAt: new Date().toISOString(),
    });
  }

  enrolmentConfirmed(sessionId: string, traineeId: string, associationId: string): IntegrationEvent {
    return this.publish(trainingPublication, 'EnrolmentConfirmed', `trainingSession-${sessionId}`, {
      sessionId,
      traineeId,
      associationId,
      promotedFromWaitingList: false,
      confirmedAt: new Date().toISOString(),
    });
  }

  /** Sends events in order (the same event sent twice is a redelivery, as after a lost offset commit). */
  async send(...events: IntegrationEvent[]): Promise<void> {
    for (const event of events) {
      const publications = [
        registryPublication,
        registryContactsPublication,
        fundingPublication,
        trainingPublication,
      ];
      const topic = publications.find((p) => p.categories.includes(event.streamId.split('-')[0]))?.topic;
      if (!topic) throw new Error(`no topic for ${event.streamId}`);
      await this.producer.send({ topic, acks: -1, messages: [toKafkaMessage(event)] });
    }
  }
}
