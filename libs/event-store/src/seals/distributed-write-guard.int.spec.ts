import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { LOG_SEAL_STREAM, NewEvent, NO_STREAM } from '@tadamon/eventsourcing';
import { requireServer } from '@tadamon/testing';
import { auditorRoleGrants, serviceRoleGrants } from '../postgres/event-store-roles';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { LogSealer } from './log-sealer';
import { generateSealKeyPair } from './seal-keys';
import { verifyLog } from './verify-log';

jest.setTimeout(120_000);

const keys = generateSealKeyPair();
const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'ScoreRecorded',
  schemaVersion: 1,
  data: { n },
  metadata: { correlationId: 'c', causationId: 'c', commandId: 'c', actor: { id: 'evaluator-1', roles: [] } },
});

/** What docs/audit.md claims guards the unsealed tail in the distributed profile, on the local PostgreSQL. */
describe('the distributed profile: who may write the log (PostgreSQL roles)', () => {
  const ownerUrl = requireServer('postgres');
  const suffix = randomUUID().replace(/-/g, '').slice(0, 12);
  const schema = `guard_${suffix}`;
  const serviceRole = `tadamon_svc_${suffix}`;
  const auditorRole = `tadamon_aud_${suffix}`;
  const owner = new Pool({ connectionString: ownerUrl, max: 2 });
  const urlAs = (role: string) => {
    const url = new URL(ownerUrl);
    url.username = role;
    url.password = 'guard-test';
    return url.toString();
  };
  let service: Pool | undefined;
  let auditor: Pool | undefined;
  const stores: PostgresEventStore[] = [];

  beforeAll(async () => {
    // The owner applies the migrations, then grants what docs/audit.md gives each role.
    stores.push(await PostgresEventStore.connect({ pool: owner, schema }));
    await owner.query(`CREATE ROLE "${serviceRole}" LOGIN PASSWORD 'guard-test'`);
    await owner.query(`CREATE ROLE "${auditorRole}" LOGIN PASSWORD 'guard-test'`);
    await owner.query(serviceRoleGrants(schema, serviceRole));
    await owner.query(auditorRoleGrants(schema, auditorRole));
    service = new Pool({ connectionString: urlAs(serviceRole), max: 2 });
    auditor = new Pool({ connectionString: urlAs(auditorRole), max: 2 });
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close().catch(() => undefined)));
    await service?.end();
    await auditor?.end();
    await owner.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    for (const role of [serviceRole, auditorRole]) {
      await owner.query(`DROP OWNED BY "${role}"`).catch(() => undefined);
      await owner.query(`DROP ROLE IF EXISTS "${role}"`);
    }
    await owner.end();
  });

  it("lets a service's role append and seal, never rewrite, remove or cut back an event", async () => {
    const store = await PostgresEventStore.connect({ pool: service, schema });
    stores.push(store);
    await store.appendToStream('evaluation-1', [event(1), event(2)], { expectedRevision: NO_STREAM });
    const [seal] = await new LogSealer({ store, privateKey: keys.privateKey }).sealNow();
    expect(seal).toMatchObject({ count: 2 });

    const refused = async (sql: string) =>
      expect((service as Pool).query(sql)).rejects.toThrow(/permission denied/);
    await refused(`DELETE FROM "${schema}".events WHERE stream_id = '${LOG_SEAL_STREAM}'`);
    await refused(`DELETE FROM "${schema}".events WHERE global_position = 2`);
    await refused(`UPDATE "${schema}".events SET data = '{"n":9}' WHERE global_position = 1`);
    await refused(`TRUNCATE "${schema}".events`);
    expect(await verifyLog(store, { publicKey: keys.publicKey })).toMatchObject({
      ok: true,
      unsealed: { count: 0 },
    });
  });

  it("refuses any append through the auditor's role", async () => {
    const store = await PostgresEventStore.connect({ pool: auditor, schema });
    stores.push(store);
    await expect(
      store.appendToStream('evaluation-2', [event(1)], { expectedRevision: NO_STREAM }),
    ).rejects.toThrow(/permission denied/);
  });

  it("cannot tell instances apart: an append with a service's credentials is sealed like its own", async () => {
    // Another instance, or whoever holds the service's credentials: the sealers vouch for what
    // the database accepted from the role, which is why the credentials are the guard.
    const intruder = await PostgresEventStore.connect({ pool: service, schema });
    stores.push(intruder);
    await intruder.appendToStream('evaluation-3', [event(3)], { expectedRevision: NO_STREAM });
    const store = await PostgresEventStore.connect({ pool: service, schema });
    stores.push(store);
    const [seal] = await new LogSealer({ store, privateKey: keys.privateKey }).sealNow();
    expect(seal.position).toBe(await intruder.headPosition().then((head) => head - 1));
  });
});
