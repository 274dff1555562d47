import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, PostgresKeyStore } from '@tadamon/personal-data';
import { AssociationChange, ContactChange, PostgresRegistryPeople } from '@tadamon/registry-people';
import { inPostgresTransaction } from '@tadamon/registry-people/testing';
import { requireServer } from '@tadamon/testing';
import { Pool } from 'pg';
import { RegistryTrainees } from './registry-trainees';

const url = requireServer('postgres');
const pool = new Pool({ connectionString: url, max: 4 });
const id = randomBytes(4).toString('hex');
const schema = `training_trainees_${id}`;
const keysSchema = `training_trainees_keys_${id}`;
let keys: PostgresKeyStore;
let cipher: PersonalDataCipher;
let people: PostgresRegistryPeople;
let trainees: RegistryTrainees;
const inTransaction = inPostgresTransaction(pool);
const contacts = (...changes: ContactChange[]) =>
  inTransaction(async (tx) => {
    for (const change of changes) await people.recordContact(tx, change);
  });
const standing = (associationId: string, position: number, verified: boolean) =>
  inTransaction((tx) =>
    people.recordAssociation(tx, {
      kind: 'standing',
      id: associationId,
      position,
      verified,
    } as AssociationChange),
  );
const added = async (subjectId: string, associationId: string, position: number, card: object) =>
  ({
    kind: 'added',
    subjectId,
    position,
    associationId,
    role: 'president',
    card: await cipher.seal(subjectId, card),
  }) as ContactChange;

beforeAll(async () => {
  keys = await PostgresKeyStore.connect(url, keysSchema);
  cipher = new PersonalDataCipher(keys, randomBytes(32).toString('base64'));
  people = await PostgresRegistryPeople.create(pool, cipher, schema);
  trainees = new RegistryTrainees(people);
});

afterAll(async () => {
  await keys.close();
  for (const name of [schema, keysSchema]) await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await pool.end();
});

describe('Training’s trainees from the directory of the Registry’s people', () => {
  it('gives a contact person’s association and whether it is verified now', async () => {
    await contacts(await added('p1', 'a1', 1, { fullName: 'Amina' }));
    // Registered, never verified: the public topic said nothing of its standing yet.
    expect(await trainees.standing('p1')).toEqual({
      traineeId: 'p1',
      associationId: 'a1',
      associationVerified: false,
      contactActive: true,
    });
    await standing('a1', 2, true);
    expect(await trainees.standing('p1')).toMatchObject({ associationVerified: true });
    await standing('a1', 3, false); // suspended
    expect(await trainees.standing('p1')).toMatchObject({ associationVerified: false });
    await standing('a1', 4, true); // reinstated
    expect(await trainees.standing('p1')).toMatchObject({ associationVerified: true });
    expect(await trainees.standing('nobody')).toBeUndefined();
  });

  it('tells a removed or erased contact person apart from an active one', async () => {
    await contacts(
      await added('p2', 'a1', 5, { fullName: 'Karim' }),
      await added('p3', 'a1', 6, { fullName: 'Leila' }),
      { kind: 'removed', subjectId: 'p2', position: 7 },
      { kind: 'erased', subjectId: 'p3', position: 8, associationId: 'a1' },
    );
    expect(await trainees.standing('p2')).toMatchObject({ contactActive: false });
    expect(await trainees.standing('p3')).toMatchObject({ contactActive: false });
  });

  it('opens a card for a certificate’s name, and answers erased once the key is gone', async () => {
    await contacts(
      await added('p4', 'a2', 9, { fullName: 'Nadia Alaoui', email: 'n@x.example', preferredLanguage: 'fr' }),
      await added('p5', 'a2', 10, { fullName: 'Omar', preferredLanguage: 'de' }),
    );
    expect(await trainees.openCard('p4')).toEqual({
      fullName: 'Nadia Alaoui',
      email: 'n@x.example',
      language: 'fr',
    });
    expect(await trainees.openCard('p5')).toEqual({ fullName: 'Omar', email: null, language: null });
    await cipher.erase('p4');
    expect(await trainees.openCard('p4')).toBe('erased');
    expect(await trainees.openCard('nobody')).toBeUndefined();
  });

  it('names the association from the public topic', async () => {
    await inTransaction((tx) =>
      people.recordOrganisation(tx, {
        id: 'a2',
        names: { fr: 'Migrations & Développement', ar: 'الهجرة والتنمية' },
        position: 11,
      }),
    );
    expect(await trainees.associationNames('a2')).toEqual({
      fr: 'Migrations & Développement',
      ar: 'الهجرة والتنمية',
    });
    expect(await trainees.associationNames('unknown')).toBeUndefined();
  });
});
