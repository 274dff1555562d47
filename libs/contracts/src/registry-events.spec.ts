import { RecordedEvent } from '@tadamon/eventsourcing';
import { toIntegrationEvent } from './publication';
import { registryPublication } from './registry-events';

const recorded = (type: string, streamId: string, data: unknown): RecordedEvent => ({
  id: '6f1c2a3b-0000-5000-8000-000000000001',
  type,
  schemaVersion: 1,
  data,
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    commandId: 'c',
    actor: { id: 'user-officer', roles: ['officer'] },
  },
  streamId,
  revision: 0,
  globalPosition: 7,
  recordedAt: '2026-11-29T10:00:00.000Z',
  prevHash: 'p',
  hash: 'h',
});

describe('registry publication', () => {
  it('publishes the public part of a registration: no legal registration, website or members', () => {
    const event = toIntegrationEvent(
      registryPublication,
      recorded('AssociationRegistered', 'association-a1', {
        associationId: 'a1',
        profile: {
          names: { fr: 'A' },
          hostCountries: ['FR'],
          originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
          sectors: ['14030'],
          legalRegistration: { country: 'FR', authority: 'Préfecture', number: 'W1' },
          membersCount: 12,
        },
        registeredAt: '2026-11-29T10:00:00.000Z',
        by: 'user-officer',
      }),
    );
    expect(registryPublication.topic).toBe('tadamon.registry.events.v1');
    expect(event?.data).toEqual({
      associationId: 'a1',
      names: { fr: 'A' },
      hostCountries: ['FR'],
      originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
      sectors: ['14030'],
      registeredAt: '2026-11-29T10:00:00.000Z',
    });
  });

  it('maps the status events to the association id and the instant', () => {
    const event = toIntegrationEvent(
      registryPublication,
      recorded('AssociationVerified', 'association-a1', {
        associationId: 'a1',
        verifiedAt: 't',
        by: 'user-officer',
      }),
    );
    expect(event).toMatchObject({ type: 'AssociationVerified', data: { associationId: 'a1', at: 't' } });
  });

  it('never tails contact persons, and keeps unmapped events private', () => {
    expect(registryPublication.categories).not.toContain('contactPerson');
    expect(
      toIntegrationEvent(registryPublication, recorded('AssociationProfileChanged', 'association-a1', {})),
    ).toBeUndefined();
    expect(
      toIntegrationEvent(registryPublication, recorded('ContactPersonAdded', 'contactPerson-p1', {})),
    ).toBeUndefined();
  });
});
