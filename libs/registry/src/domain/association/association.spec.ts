import { CommandMetadata, DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyRegistered, InvalidTransition, NotRegistered, ValidationFailed } from '../errors';
import {
  AssociationCommand,
  associationDecider,
  AssociationEvent,
  AssociationMergedAway,
  AssociationProfile,
  associationStreamName,
  checkAssociationProfile,
} from './association';

const now = '2025-03-01T10:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'cmd-1', actor: { id: 'officer-1', roles: ['officer'] }, now };
const associationId = 'md-0001';
const spec = DeciderSpecification.for(associationDecider);

const profile: AssociationProfile = {
  names: { ar: 'الهجرة والتنمية', fr: 'Migrations et Développement', en: 'Migration and Development' },
  acronym: 'M&D',
  legalRegistration: { country: 'FR', authority: 'Préfecture des Bouches-du-Rhône', number: 'W133001234' },
  hostCountries: ['FR'],
  hostCities: [{ country: 'FR', name: 'Marseille' }],
  originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
  originProvinces: [{ scheme: 'iso3166-2:2015', code: 'MA-TAR' }],
  originCommunes: [{ province: { scheme: 'iso3166-2:2015', code: 'MA-TAR' }, name: 'Taliouine' }],
  sectors: ['14030', '23630'],
  membersCount: 120,
  website: 'https://www.migdev.org',
  foundedOn: '1986-05-01',
};

const command = <C extends AssociationCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, metadata }) as C;
const register = command('RegisterAssociation', { associationId, profile });
const registered: AssociationEvent = {
  type: 'AssociationRegistered',
  data: { associationId, profile, registeredAt: now, by: 'officer-1' },
};
const verified: AssociationEvent = {
  type: 'AssociationVerified',
  data: { associationId, verifiedAt: now, by: 'officer-1' },
};
const suspended: AssociationEvent = {
  type: 'AssociationSuspended',
  data: { associationId, reason: 'accounts not filed', suspendedAt: now, by: 'officer-1' },
};
const rejected: AssociationEvent = {
  type: 'AssociationRejected',
  data: { associationId, reason: 'not an association of Moroccans abroad', rejectedAt: now, by: 'officer-1' },
};
const dissolved: AssociationEvent = {
  type: 'AssociationDissolved',
  data: { associationId, reason: 'dissolved by its general assembly', dissolvedAt: now, by: 'officer-1' },
};
const merged: AssociationEvent = {
  type: 'AssociationMerged',
  data: { associationId, survivorId: 'md-0002', mergedAt: now, by: 'officer-1' },
};

const issuesOf = (error: ValidationFailed): string[] => error.issues.map((i) => i.field);

describe('association', () => {
  it('lives in streams of the association category', () => {
    expect(associationStreamName(associationId)).toBe('association-md-0001');
  });

  describe('RegisterAssociation', () => {
    it('registers a submitted association with its normalised profile and who registered it', () => {
      spec.when(register).then([registered]);
    });

    it('fills the fields a registration leaves out and trims names', () => {
      spec
        .when(
          command('RegisterAssociation', {
            associationId,
            profile: { names: { fr: '  Alp Atlas ' }, hostCountries: ['FR', 'FR', 'BE'] },
          }),
        )
        .then([
          {
            type: 'AssociationRegistered',
            data: {
              associationId,
              profile: {
                names: { fr: 'Alp Atlas' },
                acronym: null,
                legalRegistration: null,
                hostCountries: ['FR', 'BE'],
                hostCities: [],
                originRegions: [],
                originProvinces: [],
                originCommunes: [],
                sectors: [],
                membersCount: null,
                website: null,
                foundedOn: null,
              },
              registeredAt: now,
              by: 'officer-1',
            },
          },
        ]);
    });

    it('is idempotent: the same registration again changes nothing', () => {
      spec.given([registered]).when(register).thenNothingHappened();
    });

    it('refuses another registration on an existing association', () => {
      spec
        .given([registered])
        .when(command('RegisterAssociation', { associationId, profile: { ...profile, acronym: 'MD' } }))
        .thenThrows(AlreadyRegistered);
    });

    it('refuses a profile without French name, with unknown codes, and lists every bad field', () => {
      const error = spec
        .when(
          command('RegisterAssociation', {
            associationId,
            profile: {
              ...profile,
              names: { ar: 'الهجرة والتنمية' } as AssociationProfile['names'],
              hostCountries: ['FR', 'MA', 'XX'],
              originRegions: [{ scheme: 'iso3166-2:1997', code: 'MA-99' }],
              originProvinces: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
              sectors: ['99999'],
              membersCount: -1,
              website: 'javascript:alert(1)',
              foundedOn: '2030-01-01',
            },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(issuesOf(error)).toEqual([
        'profile.names.fr',
        'profile.hostCountries[1]',
        'profile.hostCountries[2]',
        'profile.originRegions[0].code',
        'profile.originProvinces[0].code',
        'profile.sectors[0]',
        'profile.membersCount',
        'profile.website',
        'profile.foundedOn',
      ]);
    });

    it('refuses a host city outside the host countries', () => {
      const error = spec
        .when(
          command('RegisterAssociation', {
            associationId,
            profile: { ...profile, hostCities: [{ country: 'BE', name: 'Bruxelles' }] },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(issuesOf(error)).toEqual(['profile.hostCities[0].country']);
    });

    it('accepts origins recorded in the 1997 scheme, with their scheme', () => {
      const old = { scheme: 'iso3166-2:1997' as const, code: 'MA-13' };
      expect(checkAssociationProfile({ ...profile, originRegions: [old] }, now).originRegions).toEqual([old]);
    });

    it('refuses an id that cannot be a stream id', () => {
      spec
        .when(command('RegisterAssociation', { associationId: '-bad id', profile }))
        .thenThrows(ValidationFailed);
    });

    it('refuses unknown profile fields', () => {
      const error = spec
        .when(
          command('RegisterAssociation', {
            associationId,
            profile: { ...profile, password: 'x' } as unknown as AssociationProfile,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(issuesOf(error)).toEqual(['profile.password']);
    });
  });

  describe('ChangeAssociationProfile', () => {
    it('records only the fields that changed', () => {
      spec
        .given([registered])
        .when(
          command('ChangeAssociationProfile', {
            associationId,
            changes: { acronym: 'M&D', membersCount: 150, sectors: ['14030', '23630', '12230'] },
          }),
        )
        .then([
          {
            type: 'AssociationProfileChanged',
            data: {
              associationId,
              changes: { membersCount: 150, sectors: ['14030', '23630', '12230'] },
              changedAt: now,
              by: 'officer-1',
            },
          },
        ]);
    });

    it('changes nothing when every given field already has its value', () => {
      spec
        .given([registered, verified])
        .when(
          command('ChangeAssociationProfile', {
            associationId,
            changes: { website: 'https://www.migdev.org' },
          }),
        )
        .thenNothingHappened();
    });

    it('refuses a change that leaves a host city outside the host countries, naming what it changed', () => {
      const countries = spec
        .given([registered])
        .when(command('ChangeAssociationProfile', { associationId, changes: { hostCountries: ['BE'] } }))
        .thenThrows(ValidationFailed);
      expect(issuesOf(countries)).toEqual(['changes.hostCountries']);
      const cities = spec
        .given([registered])
        .when(
          command('ChangeAssociationProfile', {
            associationId,
            changes: { hostCities: [{ country: 'BE', name: 'Bruxelles' }] },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(issuesOf(cities)).toEqual(['changes.hostCities[0].country']);
    });

    it('refuses a change on a dissolved association', () => {
      spec
        .given([registered, dissolved])
        .when(command('ChangeAssociationProfile', { associationId, changes: { membersCount: 3 } }))
        .thenThrows(InvalidTransition);
    });

    it('refuses a command for another association than the stream holds', () => {
      spec
        .given([registered])
        .when(command('ChangeAssociationProfile', { associationId: 'other-1', changes: { membersCount: 3 } }))
        .thenThrows(ValidationFailed);
    });

    it('refuses a change on an association that was never registered', () => {
      spec
        .when(command('ChangeAssociationProfile', { associationId, changes: { membersCount: 3 } }))
        .thenThrows(NotRegistered);
    });
  });

  describe('VerifyAssociation', () => {
    it('verifies a submitted association and records the officer', () => {
      spec.given([registered]).when(command('VerifyAssociation', { associationId })).then([verified]);
    });
    it('changes nothing on a verified association', () => {
      spec
        .given([registered, verified])
        .when(command('VerifyAssociation', { associationId }))
        .thenNothingHappened();
    });
    it('refuses to verify a rejected association', () => {
      spec
        .given([registered, rejected])
        .when(command('VerifyAssociation', { associationId }))
        .thenThrows(InvalidTransition);
    });
  });

  describe('RejectAssociation', () => {
    const reject = command('RejectAssociation', {
      associationId,
      reason: 'not an association of Moroccans abroad',
    });
    it('rejects a submitted association with the reason', () => {
      spec.given([registered]).when(reject).then([rejected]);
    });
    it('changes nothing on a rejected association', () => {
      spec.given([registered, rejected]).when(reject).thenNothingHappened();
    });
    it('refuses to reject a verified association (suspend it instead)', () => {
      spec.given([registered, verified]).when(reject).thenThrows(InvalidTransition);
    });
    it('refuses a rejection without a reason', () => {
      spec
        .given([registered])
        .when(command('RejectAssociation', { associationId, reason: ' ' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('SuspendAssociation', () => {
    const suspend = command('SuspendAssociation', { associationId, reason: 'accounts not filed' });
    it('suspends a verified association', () => {
      spec.given([registered, verified]).when(suspend).then([suspended]);
    });
    it('changes nothing on a suspended association', () => {
      spec.given([registered, verified, suspended]).when(suspend).thenNothingHappened();
    });
    it('refuses to suspend an association that was never verified', () => {
      spec.given([registered]).when(suspend).thenThrows(InvalidTransition);
    });
  });

  describe('ReinstateAssociation', () => {
    const reinstate = command('ReinstateAssociation', { associationId });
    it('reinstates a suspended association as verified', () => {
      spec
        .given([registered, verified, suspended])
        .when(reinstate)
        .then([
          { type: 'AssociationReinstated', data: { associationId, reinstatedAt: now, by: 'officer-1' } },
        ]);
    });
    it('changes nothing on a verified association', () => {
      spec.given([registered, verified]).when(reinstate).thenNothingHappened();
    });
    it('refuses to reinstate a submitted association', () => {
      spec.given([registered]).when(reinstate).thenThrows(InvalidTransition);
    });
  });

  describe('DissolveAssociation', () => {
    const dissolve = command('DissolveAssociation', {
      associationId,
      reason: 'dissolved by its general assembly',
    });
    it('dissolves a suspended association', () => {
      spec.given([registered, verified, suspended]).when(dissolve).then([dissolved]);
    });
    it('changes nothing on a dissolved association', () => {
      spec.given([registered, dissolved]).when(dissolve).thenNothingHappened();
    });
    it('refuses to dissolve a rejected association', () => {
      spec.given([registered, rejected]).when(dissolve).thenThrows(InvalidTransition);
    });
  });

  describe('FlagSuspectedDuplicate', () => {
    const flag = command('FlagSuspectedDuplicate', {
      associationId,
      otherAssociationId: 'md-0002',
      reason: 'same legal registration number',
    });
    it('flags a suspected duplicate with the other association and the reason', () => {
      spec
        .given([registered])
        .when(flag)
        .then([
          {
            type: 'AssociationSuspectedDuplicateFlagged',
            data: {
              associationId,
              otherAssociationId: 'md-0002',
              reason: 'same legal registration number',
              flaggedAt: now,
              by: 'officer-1',
            },
          },
        ]);
    });
    it('changes nothing when that pair is already flagged', () => {
      const flaggedEvents = associationDecider.decide(
        flag,
        associationDecider.evolve(associationDecider.initialState(), registered),
      );
      spec
        .given([registered, ...flaggedEvents])
        .when(flag)
        .thenNothingHappened();
    });
    it('refuses to flag an association as a duplicate of itself', () => {
      spec
        .given([registered])
        .when(
          command('FlagSuspectedDuplicate', {
            associationId,
            otherAssociationId: associationId,
            reason: 'x',
          }),
        )
        .thenThrows(ValidationFailed);
    });
  });

  describe('MergeAssociationInto', () => {
    const merge = command('MergeAssociationInto', { associationId, survivorId: 'md-0002' });
    it('merges a duplicate into its survivor with an explicit event', () => {
      spec.given([registered, verified]).when(merge).then([merged]);
    });
    it('changes nothing when merged again into the same survivor', () => {
      spec.given([registered, merged]).when(merge).thenNothingHappened();
    });
    it('refuses any further command once merged', () => {
      spec
        .given([registered, merged])
        .when(command('VerifyAssociation', { associationId }))
        .thenThrows(AssociationMergedAway, (e) => e.survivorId === 'md-0002');
      spec
        .given([registered, merged])
        .when(command('MergeAssociationInto', { associationId, survivorId: 'md-0003' }))
        .thenThrows(AssociationMergedAway);
    });
    it('refuses to merge an association into itself', () => {
      spec
        .given([registered])
        .when(command('MergeAssociationInto', { associationId, survivorId: associationId }))
        .thenThrows(ValidationFailed);
    });
    it('refuses to merge a dissolved association', () => {
      spec.given([registered, dissolved]).when(merge).thenThrows(InvalidTransition);
    });
  });
});
