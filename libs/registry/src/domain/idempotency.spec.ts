import fc from 'fast-check';
import { Command, CommandMetadata, Decider, DomainEvent, foldEvents } from '@tadamon/eventsourcing';
import { AssociationCommand, associationDecider } from './association/association';
import { ActorCommand, actorDecider } from './actor/actor';
import { ContactPersonCommand, contactPersonDecider } from './contact-person/contact-person';
import { NetworkCommand, networkDecider } from './network/network';
import { RegionalNeedCommand, regionalNeedDecider } from './regional-need/regional-need';

const metadata: CommandMetadata = {
  commandId: 'cmd-1',
  actor: { id: 'officer-1', roles: ['officer'] },
  now: '2025-03-01T10:00:00.000Z',
};

/**
 * Runs random sequences of commands (failures are skipped, as the store would never append them)
 * and checks that every command that succeeded decides [] when repeated right after.
 */
const repeatsChangeNothing = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  pool: readonly C[],
): void => {
  fc.assert(
    fc.property(fc.array(fc.nat(pool.length - 1), { maxLength: 12 }), (picks) => {
      let state = decider.initialState();
      for (const pick of picks) {
        const command = pool[pick];
        let events: E[];
        try {
          events = decider.decide(command, state);
        } catch {
          continue;
        }
        state = foldEvents(decider, events, state);
        expect(decider.decide(command, state)).toEqual([]);
      }
    }),
    { numRuns: 300 },
  );
};

const make =
  <C extends Command>() =>
  (type: C['type'], data: C['data']): C =>
    ({ type, data, metadata }) as C;

describe('repeating a successful command changes nothing', () => {
  it('for associations', () => {
    const c = make<AssociationCommand>();
    const associationId = 'md-0001';
    repeatsChangeNothing(associationDecider, [
      c('RegisterAssociation', {
        associationId,
        profile: { names: { fr: 'Alp Atlas' }, hostCountries: ['FR'] },
      }),
      c('ChangeAssociationProfile', { associationId, changes: { membersCount: 40, sectors: ['14030'] } }),
      c('ChangeAssociationProfile', {
        associationId,
        changes: { hostCountries: ['FR', 'BE'], acronym: null },
      }),
      c('VerifyAssociation', { associationId }),
      c('RejectAssociation', { associationId, reason: 'incomplete' }),
      c('SuspendAssociation', { associationId, reason: 'audit' }),
      c('ReinstateAssociation', { associationId }),
      c('DissolveAssociation', { associationId, reason: 'general assembly' }),
      c('FlagSuspectedDuplicate', { associationId, otherAssociationId: 'md-0002', reason: 'same name' }),
      c('MergeAssociationInto', { associationId, survivorId: 'md-0002' }),
    ]);
  });

  it('for contact persons', () => {
    const c = make<ContactPersonCommand>();
    const subjectId = 'person-1';
    const sealed = (ciphertext: string) => ({
      subjectId,
      keyId: 'k1',
      ciphertext,
      iv: 'AAECAwQFBgcICQoL',
      tag: 'AAECAwQFBgcICQoLDA0ODw==',
    });
    repeatsChangeNothing(contactPersonDecider, [
      c('AddContactPerson', {
        subjectId,
        associationId: 'md-0001',
        role: 'president',
        personalData: sealed('YQ=='),
      }),
      c('ChangeContactPerson', { subjectId, role: 'treasurer', personalData: sealed('Yg==') }),
      c('RemoveContactPerson', { subjectId }),
      c('RecordConsent', {
        subjectId,
        purpose: 'registry-contact',
        legalBasis: 'law-09-08',
        decision: 'given',
      }),
      c('RecordConsent', {
        subjectId,
        purpose: 'registry-contact',
        legalBasis: 'law-09-08',
        decision: 'withdrawn',
      }),
      c('ErasePersonalData', { subjectId }),
    ]);
  });

  it('for actors', () => {
    const c = make<ActorCommand>();
    const actorId = 'iom';
    const names = { fr: 'Organisation internationale pour les migrations' };
    repeatsChangeNothing(actorDecider, [
      c('RegisterActor', { actorId, kind: 'funder', names, regions: [], sectors: ['15190'] }),
      c('UpdateActor', { actorId, regions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }] }),
      c('UpdateActor', { actorId, sectors: ['15190', '14030'] }),
      c('DeactivateActor', { actorId }),
    ]);
  });

  it('for networks', () => {
    const c = make<NetworkCommand>();
    const networkId = 'net-1';
    repeatsChangeNothing(networkDecider, [
      c('CreateNetwork', { networkId, kind: 'network', names: { fr: 'Réseau' } }),
      c('AddNetworkMember', { networkId, associationId: 'a-1' }),
      c('AddNetworkMember', { networkId, associationId: 'a-2' }),
      c('RemoveNetworkMember', { networkId, associationId: 'a-1' }),
      c('RenameNetwork', { networkId, names: { fr: 'Réseau Europe' } }),
    ]);
  });

  it('for regional needs', () => {
    const c = make<RegionalNeedCommand>();
    const needId = 'need-1';
    repeatsChangeNothing(regionalNeedDecider, [
      c('PublishRegionalNeed', {
        needId,
        publisherId: 'agence-du-sud',
        publisherKind: 'development-agency',
        publisherRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-10' }],
        location: { scheme: 'iso3166-2:2015', code: 'MA-10' },
        sector: '21020',
        title: { fr: 'Piste rurale' },
        description: { fr: 'Désenclavement de trois douars' },
        estimatedBudget: { amountMinor: 90_000_000, currency: 'MAD' },
        priority: 'medium',
      }),
      c('MatchRegionalNeed', { needId, associationIds: ['md-0001'], funderIds: [] }),
      c('MarkRegionalNeedAddressed', { needId, note: 'done' }),
      c('WithdrawRegionalNeed', { needId, reason: 'duplicate' }),
    ]);
  });
});
