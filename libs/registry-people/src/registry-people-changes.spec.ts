import { IntegrationEvent } from '@tadamon/contracts';
import { associationChangeOf, contactChangeOf, organisationNamedBy } from './registry-people-changes';

const event = (type: string, data: Record<string, unknown>): IntegrationEvent => ({
  eventId: 'e-1',
  type,
  schemaVersion: 1,
  context: 'registry',
  streamId: 's',
  globalPosition: 42,
  occurredAt: '2026-12-07T10:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  data,
});
const card = { subjectId: 'p1', keyId: 'k1', ciphertext: 'AAAA', iv: 'i', tag: 't' };

describe('what the Registry’s events change in the directory of its people', () => {
  it('keeps the registered profile, then whether the association is verified', () => {
    expect(
      associationChangeOf(
        event('AssociationRegistered', {
          associationId: 'a1',
          names: { fr: 'A' },
          originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
          sectors: ['14030'],
          hostCountries: ['FR'],
        }),
      ),
    ).toEqual({
      kind: 'profile',
      id: 'a1',
      position: 42,
      originRegions: ['MA-09'],
      sectors: ['14030'],
      hostCountries: ['FR'],
    });
    expect(associationChangeOf(event('AssociationVerified', { associationId: 'a1' }))).toEqual({
      kind: 'standing',
      id: 'a1',
      position: 42,
      verified: true,
    });
    expect(associationChangeOf(event('AssociationReinstated', { associationId: 'a1' }))).toMatchObject({
      verified: true,
    });
    for (const type of [
      'AssociationSuspended',
      'AssociationRejected',
      'AssociationDissolved',
      'AssociationMerged',
    ])
      expect(associationChangeOf(event(type, { associationId: 'a1' }))).toMatchObject({ verified: false });
    expect(associationChangeOf(event('ActorRegistered', { actorId: 'x' }))).toBeUndefined();
  });

  it('names associations and actors from the public topic, and nothing else', () => {
    expect(
      organisationNamedBy(event('AssociationRegistered', { associationId: 'a1', names: { fr: 'A' } })),
    ).toEqual({
      id: 'a1',
      names: { fr: 'A' },
      position: 42,
    });
    expect(
      organisationNamedBy(event('ActorRegistered', { actorId: 'x1', kind: 'bank', names: { fr: 'X' } })),
    ).toEqual({ id: 'x1', names: { fr: 'X' }, position: 42 });
    expect(organisationNamedBy(event('AssociationVerified', { associationId: 'a1' }))).toBeUndefined();
  });

  it('maps each contacts event to its change, at the event’s position', () => {
    expect(
      contactChangeOf(
        event('ContactPersonAdded', {
          subjectId: 'p1',
          associationId: 'a1',
          role: 'president',
          personalData: card,
        }),
      ),
    ).toEqual({ kind: 'added', subjectId: 'p1', position: 42, associationId: 'a1', role: 'president', card });
    expect(contactChangeOf(event('ContactPersonChanged', { subjectId: 'p1', personalData: card }))).toEqual({
      kind: 'changed',
      subjectId: 'p1',
      position: 42,
      role: undefined,
      card,
    });
    expect(
      contactChangeOf(
        event('ConsentRecorded', {
          subjectId: 'p1',
          purpose: 'programme-communications',
          legalBasis: 'gdpr',
          decision: 'withdrawn',
        }),
      ),
    ).toEqual({
      kind: 'consent',
      subjectId: 'p1',
      position: 42,
      purpose: 'programme-communications',
      legalBasis: 'gdpr',
      decision: 'withdrawn',
    });
    expect(contactChangeOf(event('ContactPersonRemoved', { subjectId: 'p1', associationId: 'a1' }))).toEqual({
      kind: 'removed',
      subjectId: 'p1',
      position: 42,
    });
    expect(contactChangeOf(event('PersonalDataErased', { subjectId: 'p1', associationId: 'a1' }))).toEqual({
      kind: 'erased',
      subjectId: 'p1',
      position: 42,
      associationId: 'a1',
    });
    expect(contactChangeOf(event('SomethingElse', {}))).toBeUndefined();
  });
});
