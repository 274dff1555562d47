import { PersonalDataCipher } from '@tadamon/personal-data';
import { AssociationChange, ContactChange, OrganisationNamed } from '../directory/contact-changes';
import { PostgresContactDirectory } from '../infrastructure/postgres-contact-directory';

/** The directory under the contract: the store, the Registry's cipher, and a delivery's transaction. */
export interface ContactDirectoryUnderTest<Tx> {
  directory: Pick<
    PostgresContactDirectory,
    'organisationNames' | 'contactsOf' | 'contact' | 'openContact' | 'usersOf' | 'associationsMatching'
  > & {
    recordOrganisation(tx: Tx, change: OrganisationNamed): Promise<void>;
    recordAssociation(tx: Tx, change: AssociationChange): Promise<void>;
    recordContact(tx: Tx, change: ContactChange): Promise<void>;
  };
  /** Seals as the Registry does, with the key store the directory opens cards with. */
  cipher: PersonalDataCipher;
  /** Runs `work` in a transaction committed when it returns, rolled back when it throws. */
  inTransaction(work: (tx: Tx) => Promise<void>): Promise<void>;
}

const card = { fullName: 'Amina Berrada', email: 'amina@contract.example.org', preferredLanguage: 'ar' };

/** The contacts directory's contract (RecipientDirectory, fed by the Registry's topics). */
export function contactDirectoryContract<Tx>(
  name: string,
  open: () => Promise<ContactDirectoryUnderTest<Tx>>,
): void {
  describe(`${name}: Notifications' directory of the Registry's people`, () => {
    let under: ContactDirectoryUnderTest<Tx>;
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

    it('finds the public associations a call is for, by region, sector and host country', async () => {
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
      const standing = (id: string, position: number, visible: boolean) =>
        ({ kind: 'standing', id: `${id}-${tag}`, position, public: visible }) as const;
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

    it('lists an organisation’s contacts, consented only once programme communications are given', async () => {
      await record(await added('p2', 1), await added('p1', 2), consent('p1', 3, 'given'));
      expect(await under.directory.contactsOf('a1')).toEqual([
        { subjectId: 'p1', organisationId: 'a1', status: 'active', consented: true },
        { subjectId: 'p2', organisationId: 'a1', status: 'active', consented: false },
      ]);
      await record(consent('p1', 4, 'withdrawn'));
      expect(await under.directory.contact('p1')).toMatchObject({ consented: false });
      expect(await under.directory.contactsOf('a2')).toEqual([]);
    });

    it('opens the sealed card only when asked, with the person’s key and their consent', async () => {
      await record(await added('p1', 1), consent('p1', 2, 'given'));
      expect(await under.directory.openContact('p1')).toEqual({
        fullName: 'Amina Berrada',
        email: 'amina@contract.example.org',
        language: 'ar',
        consented: true,
      });
      expect(await under.directory.openContact('nobody')).toBeUndefined();
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
      expect(await under.directory.openContact('p1')).toMatchObject({
        email: 'new@contract.example.org',
        language: 'fr',
      });
    });

    it('keeps a removed person out of the active ones', async () => {
      await record(await added('p1', 1), { kind: 'removed', subjectId: 'p1', position: 2 });
      expect(await under.directory.contact('p1')).toMatchObject({ status: 'removed' });
    });

    it('shows an erased person as erased, even when an older event is delivered again', async () => {
      const first = await added('p1', 1);
      await record(first, consent('p1', 2, 'given'));
      await under.cipher.erase('p1');
      await record({ kind: 'erased', subjectId: 'p1', position: 3, associationId: 'a1' });
      await record(first);
      expect(await under.directory.contact('p1')).toMatchObject({ status: 'erased' });
      expect(await under.directory.openContact('p1')).toBe('erased');
    });

    it('reports a card whose key is destroyed as erased, before the erasure event arrives', async () => {
      await record(await added('p1', 1));
      await under.cipher.erase('p1');
      expect(await under.directory.openContact('p1')).toBe('erased');
    });

    it('writes nothing of a delivery whose transaction rolls back', async () => {
      const change = await added('p1', 1);
      await expect(
        under.inTransaction(async (tx) => {
          await under.directory.recordContact(tx, change);
          throw new Error('the delivery failed');
        }),
      ).rejects.toThrow('the delivery failed');
      expect(await under.directory.contact('p1')).toBeUndefined();
    });

    it('has no users: in-app notices are the embedded platform’s', async () => {
      expect(await under.directory.usersOf()).toEqual([]);
    });
  });
}
