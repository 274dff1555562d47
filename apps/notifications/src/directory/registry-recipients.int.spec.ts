import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, PostgresKeyStore } from '@tadamon/personal-data';
import { ContactChange, PostgresRegistryPeople } from '@tadamon/registry-people';
import { inPostgresTransaction } from '@tadamon/registry-people/testing';
import { requireServer } from '@tadamon/testing';
import { Pool } from 'pg';
import { RegistryRecipients } from './registry-recipients';

const url = requireServer('postgres');
const pool = new Pool({ connectionString: url, max: 4 });
const id = randomBytes(4).toString('hex');
const schema = `notifications_recipients_${id}`;
const keysSchema = `notifications_recipients_keys_${id}`;
let keys: PostgresKeyStore;
let cipher: PersonalDataCipher;
let recipients: RegistryRecipients;
const record = (people: PostgresRegistryPeople, ...changes: ContactChange[]) =>
  inPostgresTransaction(pool)(async (tx) => {
    for (const change of changes) await people.recordContact(tx, change);
  });
let people: PostgresRegistryPeople;

beforeAll(async () => {
  keys = await PostgresKeyStore.connect(url, keysSchema);
  cipher = new PersonalDataCipher(keys, randomBytes(32).toString('base64'));
  people = await PostgresRegistryPeople.create(pool, cipher, schema);
  recipients = new RegistryRecipients(people);
});

afterAll(async () => {
  await keys.close();
  for (const name of [schema, keysSchema]) await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await pool.end();
});

const consent = (subjectId: string, position: number, decision: 'given' | 'withdrawn'): ContactChange => ({
  kind: 'consent',
  subjectId,
  position,
  purpose: 'programme-communications',
  legalBasis: 'law-09-08',
  decision,
});

describe('Notifications’ recipients from the directory of the Registry’s people', () => {
  it('lists contacts as consenting only while programme communications are given', async () => {
    const card = await cipher.seal('p1', {
      fullName: 'Amina Berrada',
      email: 'a@x.example',
      preferredLanguage: 'ar',
    });
    await record(
      people,
      { kind: 'added', subjectId: 'p1', position: 1, associationId: 'a1', role: 'president', card },
      { kind: 'added', subjectId: 'p2', position: 2, associationId: 'a1', role: 'treasurer', card },
      consent('p1', 3, 'given'),
      consent('p2', 4, 'given'),
      consent('p2', 5, 'withdrawn'),
    );
    expect(await recipients.contactsOf('a1')).toEqual([
      { subjectId: 'p1', organisationId: 'a1', status: 'active', consented: true },
      { subjectId: 'p2', organisationId: 'a1', status: 'active', consented: false },
    ]);
    expect(await recipients.openContact('p1')).toEqual({
      fullName: 'Amina Berrada',
      email: 'a@x.example',
      language: 'ar',
      consented: true,
    });
  });

  it('reads an unknown language as none, an erased person as erased and an unknown one as absent', async () => {
    const card = await cipher.seal('p3', { fullName: 'Youssef', preferredLanguage: 'de' });
    await record(people, {
      kind: 'added',
      subjectId: 'p3',
      position: 6,
      associationId: 'a2',
      role: 'other',
      card,
    });
    expect(await recipients.openContact('p3')).toEqual({
      fullName: 'Youssef',
      email: null,
      language: null,
      consented: false,
    });
    await cipher.erase('p3');
    expect(await recipients.openContact('p3')).toBe('erased');
    expect(await recipients.openContact('nobody')).toBeUndefined();
    expect(await recipients.contact('nobody')).toBeUndefined();
  });

  it('has no users: in-app notices are the embedded platform’s', async () => {
    expect(await recipients.usersOf()).toEqual([]);
  });
});
