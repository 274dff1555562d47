import { randomBytes } from 'node:crypto';
import { RegistryFactChange } from '@tadamon/funding';
import { requireServer } from '@tadamon/testing';
import { Pool, PoolClient } from 'pg';
import { PostgresRegistryFacts } from './postgres-registry-facts';

const schema = `funding_facts_${randomBytes(4).toString('hex')}`;

const applicant = (
  associationId: string,
  status: 'submitted' | 'verified' | 'suspended',
  position: number,
  extra: Partial<Extract<RegistryFactChange, { kind: 'applicant' }>> = {},
): RegistryFactChange => ({
  kind: 'applicant',
  associationId,
  status,
  position,
  at: `2026-01-0${position}T00:00:00.000Z`,
  ...extra,
});

describe('PostgresRegistryFacts', () => {
  const pool = new Pool({ connectionString: requireServer('postgres'), max: 4 });
  let facts: PostgresRegistryFacts;

  const inTransaction = async (work: (tx: PoolClient) => Promise<void>) => {
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await work(tx);
      await tx.query('COMMIT');
    } catch (error) {
      await tx.query('ROLLBACK');
      throw error;
    } finally {
      tx.release();
    }
  };

  beforeAll(async () => {
    facts = await PostgresRegistryFacts.create(pool, schema);
  });

  afterAll(async () => {
    await facts?.close();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  it('keeps the newest fact by Registry position, and the host countries only registration gives', async () => {
    await inTransaction(async (tx) => {
      await facts.record(tx, applicant('a1', 'submitted', 1, { hostCountries: ['FR', 'BE'] }));
      await facts.record(tx, applicant('a1', 'suspended', 3));
      await facts.record(tx, applicant('a1', 'verified', 2)); // older: changes nothing
      await facts.record(tx, applicant('a1', 'suspended', 3)); // repeated: changes nothing
    });
    expect(await facts.applicant('a1')).toEqual({
      associationId: 'a1',
      status: 'suspended',
      hostCountries: ['FR', 'BE'],
      survivorId: null,
      position: 3,
      changedAt: '2026-01-03T00:00:00.000Z',
    });
    expect(await facts.applicant('unknown')).toBeUndefined();
  });

  it('keeps each Registry actor with its kind, the newest by position', async () => {
    await inTransaction(async (tx) => {
      await facts.record(tx, { kind: 'actor', actorId: 'actor-iom', actorKind: 'funder', position: 20 });
      await facts.record(tx, { kind: 'actor', actorId: 'actor-iom', actorKind: 'ministry', position: 19 });
    });
    expect(await facts.actor('actor-iom')).toEqual({ actorId: 'actor-iom', kind: 'funder', position: 20 });
    expect(await facts.actor('actor-unknown')).toBeUndefined();
  });

  it('lists the networks an organisation is a member of, sorted, after the newest change', async () => {
    const member = (networkId: string, isMember: boolean, position: number): RegistryFactChange => ({
      kind: 'network-member',
      networkId,
      associationId: 'a2',
      member: isMember,
      position,
    });
    await inTransaction(async (tx) => {
      await facts.record(tx, member('net-b', true, 1));
      await facts.record(tx, member('net-a', true, 2));
      await facts.record(tx, member('net-c', true, 3));
      await facts.record(tx, member('net-c', false, 5));
      await facts.record(tx, member('net-c', true, 4)); // older than the removal
    });
    expect(await facts.networksOf('a2')).toEqual(['net-a', 'net-b']);
  });

  it('rolls a fact back with its transaction', async () => {
    await expect(
      inTransaction(async (tx) => {
        await facts.record(tx, applicant('a3', 'verified', 1));
        throw new Error('the policy failed');
      }),
    ).rejects.toThrow('the policy failed');
    expect(await facts.applicant('a3')).toBeUndefined();
  });

  it('makes a read of the applicant wait for a fact written and not yet committed', async () => {
    await inTransaction((tx) => facts.record(tx, applicant('a4', 'verified', 1)) as Promise<void>);
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await facts.record(tx, applicant('a4', 'suspended', 2));
      let read: string | undefined;
      const reading = facts.applicant('a4').then((known) => (read = known?.status));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(read).toBeUndefined(); // still waiting on the row
      await tx.query('COMMIT');
      await reading;
      expect(read).toBe('suspended');
    } finally {
      tx.release();
    }
  });

  it('answers every read of an applicant while a delivery holding its row takes more clients of the pool', async () => {
    // Issue 13, item 1: readers waiting on the row held the whole pool the delivery then needed.
    await inTransaction((tx) => facts.record(tx, applicant('a5', 'verified', 1)) as Promise<void>);
    const tx = await pool.connect();
    const more: PoolClient[] = [];
    try {
      await tx.query('BEGIN');
      await facts.record(tx, applicant('a5', 'suspended', 2));
      const reads = Promise.all(Array.from({ length: 12 }, () => facts.applicant('a5')));
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The delivery goes on (flagging the association's applications takes clients of the pool).
      const taken = Promise.all(Array.from({ length: 3 }, () => pool.connect()));
      const deadline = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the delivery waits for clients the readers hold')), 5_000).unref(),
      );
      more.push(...(await Promise.race([taken, deadline])));
      await tx.query('COMMIT');
      expect((await reads).map((known) => known?.status)).toEqual(Array(12).fill('suspended'));
    } finally {
      for (const client of more) client.release();
      tx.release();
    }
  }, 30_000);

  it('answers 503 with Retry-After when a delivery holds the applicant longer than the lock timeout', async () => {
    await inTransaction((tx) => facts.record(tx, applicant('a6', 'verified', 1)) as Promise<void>);
    const impatient = await PostgresRegistryFacts.create(pool, schema, { lockTimeoutMs: 300 });
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await facts.record(tx, applicant('a6', 'suspended', 2));
      await expect(impatient.applicant('a6')).rejects.toMatchObject({
        kind: 'not-ready',
        headers: { 'Retry-After': expect.any(String) },
      });
    } finally {
      await tx.query('ROLLBACK');
      tx.release();
      await impatient.close();
    }
  }, 30_000);
});
