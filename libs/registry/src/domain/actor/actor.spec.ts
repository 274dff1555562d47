import { CommandMetadata, DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyRegistered, InvalidTransition, NotRegistered, ValidationFailed } from '../errors';
import { ActorCommand, actorDecider, ActorEvent, actorStreamName } from './actor';

const now = '2025-03-01T10:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'cmd-1', actor: { id: 'officer-1', roles: ['officer'] }, now };
const spec = DeciderSpecification.for(actorDecider);
const actorId = 'cri-souss-massa';
const command = <C extends ActorCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, metadata }) as C;
const souss = { scheme: 'iso3166-2:2015' as const, code: 'MA-09' };
const names = {
  ar: 'المركز الجهوي للاستثمار سوس ماسة',
  fr: "Centre régional d'investissement Souss-Massa",
  en: 'Souss-Massa Regional Investment Centre',
};
const register = command('RegisterActor', {
  actorId,
  kind: 'regional-investment-centre',
  names,
  regions: [souss],
  sectors: ['25030'],
});
const registered: ActorEvent = {
  type: 'ActorRegistered',
  data: {
    actorId,
    kind: 'regional-investment-centre',
    names,
    regions: [souss],
    sectors: ['25030'],
    registeredAt: now,
  },
};
const deactivated: ActorEvent = {
  type: 'ActorDeactivated',
  data: { actorId, deactivatedAt: now, by: 'officer-1' },
};

describe('actor', () => {
  it('lives in streams of the actor category', () => {
    expect(actorStreamName(actorId)).toBe('actor-cri-souss-massa');
  });

  describe('RegisterActor', () => {
    it('registers an organisation with its kind, names and regions covered', () => {
      spec.when(register).then([registered]);
    });
    it('changes nothing when registered again with the same data', () => {
      spec.given([registered]).when(register).thenNothingHappened();
    });
    it('refuses other data under the same id', () => {
      spec
        .given([registered])
        .when(command('RegisterActor', { ...register.data, kind: 'ministry' }))
        .thenThrows(AlreadyRegistered);
    });
    it('refuses an unknown kind, a province as a region and a 1997 region', () => {
      const error = spec
        .when(
          command('RegisterActor', {
            ...register.data,
            kind: 'bank' as 'funder',
            regions: [
              { scheme: 'iso3166-2:2015', code: 'MA-TIZ' },
              { scheme: 'iso3166-2:1997', code: 'MA-13' },
            ],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['kind', 'regions[0].code', 'regions[1].scheme']);
    });
  });

  describe('UpdateActor', () => {
    it('records only the changed fields', () => {
      const oriental = { scheme: 'iso3166-2:2015' as const, code: 'MA-02' };
      spec
        .given([registered])
        .when(command('UpdateActor', { actorId, names, regions: [souss, oriental] }))
        .then([
          {
            type: 'ActorUpdated',
            data: { actorId, changes: { regions: [souss, oriental] }, updatedAt: now, by: 'officer-1' },
          },
        ]);
    });
    it('changes nothing when nothing differs', () => {
      spec
        .given([registered])
        .when(command('UpdateActor', { actorId, sectors: ['25030'] }))
        .thenNothingHappened();
    });
    it('refuses to update a deactivated organisation', () => {
      spec
        .given([registered, deactivated])
        .when(command('UpdateActor', { actorId, sectors: [] }))
        .thenThrows(InvalidTransition);
    });
    it('refuses to update an organisation that was never registered', () => {
      spec.when(command('UpdateActor', { actorId, sectors: [] })).thenThrows(NotRegistered);
    });
  });

  describe('DeactivateActor', () => {
    it('deactivates an organisation', () => {
      spec.given([registered]).when(command('DeactivateActor', { actorId })).then([deactivated]);
    });
    it('changes nothing when already inactive', () => {
      spec
        .given([registered, deactivated])
        .when(command('DeactivateActor', { actorId }))
        .thenNothingHappened();
    });
    it('refuses a command for another actor than the stream holds', () => {
      spec
        .given([registered])
        .when(command('DeactivateActor', { actorId: 'cri-oriental' }))
        .thenThrows(ValidationFailed);
    });
  });
});
