import { IntegrationEvent } from '@tadamon/contracts';
import { PersonalDataCipher } from '@tadamon/personal-data';
import { PostgresRegistryPeople } from '../postgres-registry-people';
import { AssociationChange, ContactChange, OrganisationNamed } from '../registry-people-changes';

/** The directory under the contract: the store, the Registry's cipher, and a delivery's transaction. */
export interface RegistryPeopleUnderTest<Tx> {
  directory: Pick<
    PostgresRegistryPeople,
    'organisationNames' | 'associationStanding' | 'peopleOf' | 'person' | 'openCard' | 'associationsMatching'
  > & {
    recordOrganisation(tx: Tx, change: OrganisationNamed): Promise<void>;
    recordAssociation(tx: Tx, change: AssociationChange): Promise<void>;
    recordContact(tx: Tx, change: ContactChange): Promise<void>;
    applyRegistryEvent(tx: Tx, event: IntegrationEvent): Promise<void>;
    applyContactsEvent(tx: Tx, event: IntegrationEvent): Promise<void>;
  };
  /** Seals as the Registry does, with the key store the directory opens cards with. */
  cipher: PersonalDataCipher;
  /** Runs `work` in a transaction committed when it returns, rolled back when it throws. */
  inTransaction(work: (tx: Tx) => Promise<void>): Promise<void>;
}

const card = { fullName: 'Amina Berrada', email: 'amina@contract.example.org', preferredLanguage: 'ar' };

const registryEvent = (
  type: string,
  globalPosition: number,
  data: Record<string, unknown>,
): IntegrationEvent => ({
  eventId: `e-${type}-${globalPosition}`,
  type,
  schemaVersion: 1,
  context: 'registry',
  streamId: 's',
  globalPosition,
  occurredAt: '2026-12-07T10:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  data,
});

/** The contract of a directory of the Registry's people, fed by the Registry's two topics. */
export function registryPeopleContract<Tx>(
  name: string,
  open: () => Promise<RegistryPeopleUnderTest<Tx>>,
): void {
  describe(`${name}: a directory of the Registry's people`, () => {
    let under: RegistryPeopleUnderTest<Tx>;
    beforeEach(async () => {
      under = await open();
    });
    const record = (...changes: ContactChange[]) =>
      under.inTransaction(async (tx) => {
        for (const change of changes) await under.directory.recordContact(tx, change);
      });
    const added = async (subjectId: string, position: number, data = card): Promise<ContactChange> => ({
      kind: 'added',
      subjectId,
      position,
      associationId: 'a1',
      role: 'president',
      card: await under.cipher.seal(subjectId, data),
    });
    const consent = (
      subjectId: string,
      position: number,
      decision: 'given' | 'withdrawn',
    ): ContactChange => ({
      kind: 'consent',
      subjectId,
      position,
      purpose: 'programme-communications',
      legalBasis: 'law-09-08',
      decision,
    });

    it('finds the verified associations a call is for, by region, sector and host country', async () => {
      const tag = `${Date.now()}`;
      const profile = (
        id: string,
        position: number,
        regions: string[],
        sectors: string[],
        countries: string[],
      ) =>
        ({
          kind: 'profile',
          id: `${id}-${tag}`,
          position,
          originRegions: regions,
          sectors,
          hostCountries: countries,
        }) as const;
      const standing = (id: string, position: number, verified: boolean) =>
        ({ kind: 'standing', id: `${id}-${tag}`, position, verified }) as const;
      await under.inTransaction(async (tx) => {
        for (const change of [
          profile('water', 1, ['MA-09'], ['14030'], ['FR']),
          standing('water', 2, true),
          profile('health', 3, ['MA-09'], ['12220'], ['BE']),
          standing('health', 4, true),
          profile('pending', 5, ['MA-09'], ['14030'], ['FR']),
          standing('suspended', 7, false),
          standing('suspended', 6, true), // older than what is held: changes nothing
          profile('suspended', 8, ['MA-09'], ['14030'], ['FR']),
        ] as AssociationChange[])
          await under.directory.recordAssociation(tx, change);
      });
      const mine = (ids: string[]) => ids.filter((id) => id.endsWith(tag)).map((id) => id.split('-')[0]);
      const match = (originRegions: string[], sectors: string[], hostCountries: string[]) =>
        under.directory.associationsMatching({ originRegions, sectors, hostCountries }).then(mine);
      expect(await match(['MA-09'], ['14030'], ['FR'])).toEqual(['water']);
      expect(await match(['MA-09'], [], [])).toEqual(['health', 'water']);
      expect(await match([], ['12220', '99999'], [])).toEqual(['health']);
      expect(await match(['MA-01'], [], [])).toEqual([]);
    });

    it('names organisations from the public topic, a later name replacing an earlier one', async () => {
      await under.inTransaction(async (tx) => {
        await under.directory.recordOrganisation(tx, { id: 'a1', names: { fr: 'Ancien' }, position: 1 });
        await under.directory.recordOrganisation(tx, {
          id: 'a1',
          names: { fr: 'Nouveau', ar: 'جديد' },
          position: 5,
        });
        await under.directory.recordOrganisation(tx, { id: 'a1', names: { fr: 'Rejoué' }, position: 3 });
      });
      expect(await under.directory.organisationNames('a1')).toEqual({ fr: 'Nouveau', ar: 'جديد' });
      expect(await under.directory.organisationNames('unknown')).toBeUndefined();
    });

    it('knows whether an association is verified now, an older standing changing nothing', async () => {
      const standing = (position: number, verified: boolean): AssociationChange => ({
        kind: 'standing',
        id: 'a1',
        position,
        verified,
      });
      const recordStanding = (change: AssociationChange) =>
        under.inTransaction((tx) => under.directory.recordAssociation(tx, change));
      expect(await under.directory.associationStanding('a1')).toBeUndefined();
      await under.inTransaction((tx) =>
        under.directory.recordAssociation(tx, {
          kind: 'profile',
          id: 'a1',
          position: 1,
          originRegions: [],
          sectors: [],
          hostCountries: [],
        }),
      );
      expect(await under.directory.associationStanding('a1')).toEqual({ verified: false });
      await recordStanding(standing(2, true));
      expect(await under.directory.associationStanding('a1')).toEqual({ verified: true });
      await recordStanding(standing(4, false));
      await recordStanding(standing(3, true));
      expect(await under.directory.associationStanding('a1')).toEqual({ verified: false });
    });

    it('lists an association’s people with their last consent per purpose and legal basis', async () => {
      await record(await added('p2', 1), await added('p1', 2), consent('p1', 3, 'given'));
      expect(await under.directory.peopleOf('a1')).toEqual([
        {
          subjectId: 'p1',
          associationId: 'a1',
          role: 'president',
          status: 'active',
          consents: { 'programme-communications|law-09-08': 'given' },
        },
        { subjectId: 'p2', associationId: 'a1', role: 'president', status: 'active', consents: {} },
      ]);
      await record(consent('p1', 4, 'withdrawn'));
      expect(await under.directory.person('p1')).toMatchObject({
        consents: { 'programme-communications|law-09-08': 'withdrawn' },
      });
      expect(await under.directory.peopleOf('a2')).toEqual([]);
      expect(await under.directory.person('nobody')).toBeUndefined();
    });

    it('opens the sealed card only when asked, with the person’s key', async () => {
      await record(await added('p1', 1));
      expect(await under.directory.openCard('p1')).toEqual(card);
      expect(await under.directory.openCard('nobody')).toBeUndefined();
    });

    it('takes a changed card and role, and ignores a change older than what it has', async () => {
      const first = await added('p1', 1);
      const newer = await under.cipher.seal('p1', {
        ...card,
        email: 'new@contract.example.org',
        preferredLanguage: 'fr',
      });
      await record(first, { kind: 'changed', subjectId: 'p1', position: 4, card: newer, role: 'treasurer' });
      await record({ ...first, position: 2 });
      expect(await under.directory.openCard('p1')).toMatchObject({
        email: 'new@contract.example.org',
        preferredLanguage: 'fr',
      });
      expect(await under.directory.person('p1')).toMatchObject({ role: 'treasurer', status: 'active' });
    });

    it('keeps a removed person apart from the active ones', async () => {
      await record(await added('p1', 1), { kind: 'removed', subjectId: 'p1', position: 2 });
      expect(await under.directory.person('p1')).toMatchObject({ status: 'removed' });
    });

    it('shows an erased person as erased, even when an older event is delivered again', async () => {
      const first = await added('p1', 1);
      await record(first, consent('p1', 2, 'given'));
      await under.cipher.erase('p1');
      await record({ kind: 'erased', subjectId: 'p1', position: 3, associationId: 'a1' });
      await record(first);
      expect(await under.directory.person('p1')).toMatchObject({ status: 'erased' });
      expect(await under.directory.openCard('p1')).toBe('erased');
    });

    it('reports a card whose key is destroyed as erased, before the erasure event arrives', async () => {
      await record(await added('p1', 1));
      await under.cipher.erase('p1');
      expect(await under.directory.openCard('p1')).toBe('erased');
    });

    it('applies the Registry’s events as they come off its topics, a redelivery changing nothing', async () => {
      const sealedCard = await under.cipher.seal('p1', card);
      const events = {
        registered: registryEvent('AssociationRegistered', 10, {
          associationId: 'a1',
          names: { fr: 'Assoc' },
        }),
        verified: registryEvent('AssociationVerified', 11, { associationId: 'a1' }),
        suspended: registryEvent('AssociationSuspended', 13, { associationId: 'a1' }),
        added: registryEvent('ContactPersonAdded', 12, {
          subjectId: 'p1',
          associationId: 'a1',
          role: 'president',
          personalData: sealedCard,
        }),
        removed: registryEvent('ContactPersonRemoved', 14, { subjectId: 'p1', associationId: 'a1' }),
      };
      await under.inTransaction(async (tx) => {
        await under.directory.applyRegistryEvent(tx, events.registered);
        await under.directory.applyRegistryEvent(tx, events.verified);
        await under.directory.applyContactsEvent(tx, events.added);
        await under.directory.applyContactsEvent(tx, registryEvent('SomethingElse', 15, {}));
      });
      expect(await under.directory.organisationNames('a1')).toEqual({ fr: 'Assoc' });
      expect(await under.directory.associationStanding('a1')).toEqual({ verified: true });
      expect(await under.directory.person('p1')).toMatchObject({ associationId: 'a1', status: 'active' });
      await under.inTransaction(async (tx) => {
        await under.directory.applyRegistryEvent(tx, events.suspended);
        await under.directory.applyContactsEvent(tx, events.removed);
        // Delivered again, later: older than what is held.
        await under.directory.applyRegistryEvent(tx, events.verified);
        await under.directory.applyContactsEvent(tx, events.added);
      });
      expect(await under.directory.associationStanding('a1')).toEqual({ verified: false });
      expect(await under.directory.person('p1')).toMatchObject({ status: 'removed' });
    });

    it('writes nothing of a delivery whose transaction rolls back', async () => {
      const change = await added('p1', 1);
      await expect(
        under.inTransaction(async (tx) => {
          await under.directory.recordContact(tx, change);
          throw new Error('the delivery failed');
        }),
      ).rejects.toThrow('the delivery failed');
      expect(await under.directory.person('p1')).toBeUndefined();
    });
  });
}
