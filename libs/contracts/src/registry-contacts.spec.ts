import { RecordedEvent } from '@tadamon/eventsourcing';
import { toIntegrationEvent } from './publication';
import { REGISTRY_CONTACTS_TOPIC, registryContactsPublication } from './registry-contacts';
import { registryPublication } from './registry-events';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: '6f1c2a3b-0000-5000-8000-000000000011',
  type,
  schemaVersion: 1,
  data,
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    commandId: 'c',
    actor: { id: 'user-officer', roles: ['officer'] },
  },
  streamId: 'contactPerson-p1',
  revision: 0,
  globalPosition: 9,
  recordedAt: '2026-11-29T10:00:00.000Z',
  prevHash: 'p',
  hash: 'h',
});
const publish = (type: string, data: unknown) =>
  toIntegrationEvent(registryContactsPublication, recorded(type, data));

const card = { subjectId: 'p1', keyId: 'k1', ciphertext: 'AAAA', iv: 'x'.repeat(16), tag: 'y'.repeat(24) };
const at = '2026-11-29T10:00:00.000Z';

describe('the registry contacts publication', () => {
  it('is the Registry’s, on its restricted topic, tailing contact persons only', () => {
    expect(registryContactsPublication.context).toBe('registry');
    expect(registryContactsPublication.topic).toBe(REGISTRY_CONTACTS_TOPIC);
    expect(REGISTRY_CONTACTS_TOPIC).toBe('tadamon.registry.contacts.v1');
    expect(registryContactsPublication.categories).toEqual(['contactPerson']);
    expect(registryPublication.categories).not.toContain('contactPerson');
  });

  it('carries the card sealed, as the Registry holds it, and nothing beside it', () => {
    const event = publish('ContactPersonAdded', {
      subjectId: 'p1',
      associationId: 'a1',
      role: 'president',
      personalData: { ...card, fullName: 'not a field of a sealed card' },
      addedAt: at,
    });
    expect(event).toMatchObject({
      type: 'ContactPersonAdded',
      context: 'registry',
      streamId: 'contactPerson-p1',
    });
    expect(event?.data).toEqual({
      subjectId: 'p1',
      associationId: 'a1',
      role: 'president',
      personalData: card,
      addedAt: at,
    });
  });

  it('tells only what changed', () => {
    expect(
      publish('ContactPersonChanged', { subjectId: 'p1', role: 'treasurer', changedAt: at })?.data,
    ).toEqual({
      subjectId: 'p1',
      role: 'treasurer',
      changedAt: at,
    });
    expect(
      publish('ContactPersonChanged', { subjectId: 'p1', personalData: card, changedAt: at })?.data,
    ).toEqual({
      subjectId: 'p1',
      personalData: card,
      changedAt: at,
    });
  });

  it('publishes consent, removal and erasure, but not who erased', () => {
    expect(
      publish('ConsentRecorded', {
        subjectId: 'p1',
        purpose: 'programme-communications',
        legalBasis: 'law-09-08',
        decision: 'given',
        at,
      })?.data,
    ).toEqual({
      subjectId: 'p1',
      purpose: 'programme-communications',
      legalBasis: 'law-09-08',
      decision: 'given',
      at,
    });
    expect(
      publish('ContactPersonRemoved', { subjectId: 'p1', associationId: 'a1', removedAt: at })?.data,
    ).toEqual({
      subjectId: 'p1',
      associationId: 'a1',
      removedAt: at,
    });
    expect(
      publish('PersonalDataErased', {
        subjectId: 'p1',
        associationId: 'a1',
        erasedAt: at,
        by: 'user-officer',
      })?.data,
    ).toEqual({ subjectId: 'p1', associationId: 'a1', erasedAt: at });
  });

  it('keeps every other Registry event off the contacts topic', () => {
    expect(publish('AssociationRegistered', { associationId: 'a1' })).toBeUndefined();
  });
});
