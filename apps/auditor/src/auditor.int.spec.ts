import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import {
  EventStore,
  generateSealKeyPair,
  LogSealer,
  PostgresEventStore,
  SEAL_PUBLIC_KEY_FILE,
  SealWitnessFile,
  SqliteEventStore,
} from '@tadamon/event-store';
import Database from 'better-sqlite3';
import { postgresLogTamper, sqliteLogTamper, sqliteStorageTamper } from '@tadamon/event-store/testing';
import { LOG_SEAL_STREAM, NewEvent, NO_STREAM } from '@tadamon/eventsourcing';
import { requireServer, runAuditor, WORKSPACE_ROOT } from '@tadamon/testing';

const keys = generateSealKeyPair();
const otherKeys = generateSealKeyPair();
const directories: string[] = [];
afterAll(() => directories.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-auditor-'));
  directories.push(dir);
  return dir;
}

/** Runs the auditor as a user does, in its own process, with only the environment given. */
const audit = runAuditor;

const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'ApplicationScored',
  schemaVersion: 1,
  data: { n, score: 70 + (n % 30), comment: 'Projet solide — مشروع متين' },
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    commandId: 'c',
    actor: { id: 'evaluator-2', roles: ['evaluator'] },
  },
});

/** Streams of `perStream` events each (in appends of `batch`), sealed, then `unsealed` more events. */
async function writeLog(
  store: EventStore,
  streams: number,
  perStream: number,
  batch = 5,
  unsealed = 2,
): Promise<string[]> {
  const ids = Array.from({ length: streams }, () => `grantApplication-${randomUUID()}`);
  for (const streamId of ids) {
    for (let i = 0; i < perStream; i += batch) {
      const events = Array.from({ length: Math.min(batch, perStream - i) }, (_, j) => event(i + j));
      await store.appendToStream(streamId, events, { expectedRevision: i === 0 ? NO_STREAM : i - 1 });
    }
  }
  await new LogSealer({ store, privateKey: keys.privateKey, everyEvents: 5000 }).sealNow();
  if (unsealed > 0) {
    await store.appendToStream(
      `evaluation-${randomUUID()}`,
      Array.from({ length: unsealed }, (_, n) => event(n)),
      {
        expectedRevision: NO_STREAM,
      },
    );
  }
  return ids;
}

async function withTamper<T>(
  file: string,
  work: (tamper: ReturnType<typeof sqliteLogTamper>) => Promise<T>,
): Promise<T> {
  const tamper = sqliteLogTamper(file);
  try {
    return await work(tamper);
  } finally {
    await tamper.close();
  }
}

describe('auditor verify (SQLite, in its own process)', () => {
  let dataDir: string;
  let file: string;
  let streams: string[];
  let knownKeys: string;
  // The auditor's pinned keys live with the auditor (here a folder of the test), never in DATA_DIR.
  const env = () => ({ DATA_DIR: dataDir, TADAMON_AUDITOR_KNOWN_KEYS: knownKeys });

  beforeAll(async () => {
    dataDir = tempDir();
    knownKeys = join(tempDir(), 'known-seal-keys');
    file = join(dataDir, 'events.db');
    const store = SqliteEventStore.open({ filename: file, synchronous: 'OFF' });
    streams = await writeLog(store, 4, 6);
    await store.close();
    // The embedded profile keeps the public key beside the log: the auditor's default.
    writeFileSync(join(dataDir, SEAL_PUBLIC_KEY_FILE), keys.publicKeyPem);
  });

  it('passes a clean log: exit 0 and a one-line verdict (defaults: DATA_DIR/events.db and DATA_DIR/seal-key.pub, pinned on first use)', async () => {
    const first = await audit(['verify'], env());
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`WARNING: FIRST USE: trusting the seal key ${keys.keyId}`);
    const run = await audit(['verify'], env());
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^verify: OK: 27 events in 6 streams of SQLite .*events\.db, every hash chain holds; 1 seals verified \(key ed25519:[0-9a-f]{16}\), the last covering 24 events up to position 24, sealed .*, digest [0-9a-f]{64}; 2 event\(s\) after position 24 not yet sealed/,
    );
  }, 60000);

  it('prints the result as JSON with --json, and verifies one stream with --stream', async () => {
    const json = await audit(['verify', '--json', '--sqlite-file', file], env());
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      verdict: 'ok',
      events: 27,
      seals: { checked: true, signaturesChecked: true, count: 1, last: { position: 24, count: 24 } },
      unsealed: { count: 2, firstPosition: 26 },
    });
    // The same verdict with the hashes recomputed by two worker threads, over blocks of the log.
    const threaded = await audit(['verify', '--json', '--threads', '2', '--sqlite-file', file], env());
    expect(threaded.code).toBe(0);
    expect(JSON.parse(threaded.stdout)).toMatchObject({
      verdict: 'ok',
      events: 27,
      streams: 6,
      threads: 2,
      // The store was closed: a log at rest, whose pages the threads read themselves.
      fileRead: true,
      seals: { count: 1, last: { position: 24, count: 24 } },
      unsealed: { count: 2, firstPosition: 26 },
    });
    const throughSqlite = await audit(
      ['verify', '--json', '--threads', '2', '--through-sqlite', '--sqlite-file', file],
      env(),
    );
    expect(JSON.parse(throughSqlite.stdout)).toMatchObject({
      verdict: 'ok',
      events: 27,
      threads: 2,
      fileRead: false,
    });
    const one = await audit(['verify', '--stream', streams[1]], env());
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(
      `verify: OK: stream ${streams[1]}: 6 events, its hash chain holds (the seals, which cover the removal of the newest events, are checked when the whole log is verified)\n`,
    );
  }, 60000);

  it('exits 1 naming the first broken event: a flipped byte, removed sealed events, a wrong key', async () => {
    const copy = join(tempDir(), 'events.db');
    const writer = SqliteEventStore.open({ filename: copy, synchronous: 'OFF' });
    await writeLog(writer, 4, 6);
    await writer.close();
    const tamper = sqliteLogTamper(copy);
    const copied = await tamper.rows();

    const wrongKey = await audit(
      [
        'verify',
        '--sqlite-file',
        copy,
        '--public-key',
        otherKeys.publicKeyPem.replace(/-----[A-Z ]+-----|\n/g, ''),
      ],
      env(),
    );
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toMatch(
      new RegExp(
        `^verify: BROKEN: first broken event: stream ${LOG_SEAL_STREAM}, revision 0, position 25, event [0-9a-f-]{36}: seal-bad-signature`,
      ),
    );

    const target = copied[9];
    await tamper.flipByte(target.id);
    const flipped = await audit(['verify', '--sqlite-file', copy], env());
    // Another log: its key (the one in DATA_DIR) is pinned on first use.
    expect(flipped).toMatchObject({ code: 1 });
    expect(flipped.stderr).toContain('WARNING: FIRST USE');
    expect(flipped.stdout).toBe(
      `verify: BROKEN: first broken event: stream ${target.streamId}, revision ${target.revision}, position 10, event ${target.id}: hash-mismatch (the event's content or stored hash was altered)\n`,
    );
    await tamper.rewrite([target]);

    // The eight newest sealed events, of two streams, go (their chains still hold); the seal stays.
    const newest = copied.slice(16, 24);
    expect(new Set(newest.map((row) => row.streamId)).size).toBe(2);
    await tamper.deleteEvents(newest.map((row) => row.id));
    await tamper.close();
    const removed = await audit(['verify', '--sqlite-file', copy, '--json'], env());
    expect(removed.code).toBe(1);
    expect(JSON.parse(removed.stdout)).toMatchObject({
      verdict: 'broken',
      broken: { streamId: LOG_SEAL_STREAM, revision: 0, position: 25, reason: 'seal-count-mismatch' },
    });
  }, 60000);

  it('gives one verdict on one thread, two threads, the file and through SQLite for a value stored as no adapter writes it', async () => {
    const copy = join(tempDir(), 'events.db');
    const writer = SqliteEventStore.open({ filename: copy, synchronous: 'OFF' });
    await writeLog(writer, 4, 6);
    await writer.close();
    const target = (await withTamper(copy, (tamper) => tamper.rows()))[9];
    const storage = sqliteStorageTamper(copy);
    // The same bytes as a BLOB: one thread said "argument must be a string" (exit 2), two said OK.
    storage.asBlob(target.globalPosition, 'data');
    storage.close();
    const expected =
      `verify: BROKEN: first broken event: stream ${target.streamId}, revision ${target.revision}, position 10, ` +
      `event ${target.id}: unexpected-storage (column data holds a value of class BLOB where the store writes TEXT in UTF-8: ` +
      'the platform would read it otherwise than the bytes hashed, or its queries would miss the row)\n';
    for (const options of [
      ['--threads', '1'],
      ['--threads', '2'],
      ['--threads', '1', '--through-sqlite'],
      ['--threads', '2', '--through-sqlite'],
    ]) {
      // The key given out of band: no first-use warning on stderr, only the verdict on stdout.
      const key = ['--public-key', join(dataDir, 'seal-key.pub')];
      const run = await audit(['verify', '--sqlite-file', copy, ...key, ...options], env());
      expect({ options, ...run }).toEqual({ options, code: 1, stdout: expected, stderr: '' });
    }
  }, 120000);

  it('exits 2 with a clear message for usage and store errors', async () => {
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['verify'], { DATA_DIR: tempDir() }, /no seal public key: give --public-key/],
      [
        ['verify', '--sqlite-file', join(tempDir(), 'none.db'), '--chains-only'],
        {},
        /cannot open the event store \(SQLite .*none\.db\): no event store file at/,
      ],
      [['verify', '--bogus'], env(), /unknown option --bogus/],
      [['verify', '--store', 'mongo'], env(), /must be one of sqlite, postgres, kurrentdb, not "mongo"/],
      [['verify', '--store', 'postgres'], env(), /needs --database-url or DATABASE_URL/],
      [['verify', '--public-key', './missing.pub'], env(), /--public-key: no key file at .*missing\.pub/],
      [['verify', '--public-key', 'bm90IGEga2V5'], env(), /--public-key: the key cannot be read/],
      [
        ['verify', '--stream', 'grantApplication-nobody'],
        env(),
        /stream grantApplication-nobody does not exist/,
      ],
      [
        ['verify', '--database-url', 'postgres://tadamon:secret@127.0.0.1:1/none', '--chains-only'],
        {},
        /cannot open the event store \(PostgreSQL postgres:\/\/tadamon:\*\*\*@127\.0\.0\.1:1\/none \(schema tadamon_events\)\): .*ECONNREFUSED/,
      ],
      [['verify', '--threads', '0'], env(), /--threads takes an integer from 1 to 64, not 0/],
      [['rewrite'], env(), /unknown command "rewrite"/],
      [[], env(), /^usage: npm run audit/],
    ];
    for (const [args, environment, message] of cases) {
      const run = await audit(args, environment);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain('secret');
    }
  }, 120000);

  it('draws a progress bar on stderr for a large log', async () => {
    const dir = tempDir();
    const store = SqliteEventStore.open({ filename: join(dir, 'events.db'), synchronous: 'OFF' });
    await writeLog(store, 20, 520, 260, 0);
    await store.close();
    const run = await audit(['verify', '--public-key', keys.publicKeyPem], { DATA_DIR: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^verify: OK: 10,4\d\d events in 21 streams .*every event is sealed\n$/);
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[lines.length - 1]).toMatch(/^verify \[#{30}\] 100% 10,4\d\d events, [\d,]+ events\/s$/);
    const quiet = await audit(['verify', '--public-key', keys.publicKeyPem, '--no-progress'], {
      DATA_DIR: dir,
    });
    expect(quiet).toMatchObject({ code: 0, stderr: '' });
  }, 60000);

  it('runs through its npx launcher (package.json bin tadamon-audit) from any folder', async () => {
    const run = await audit(
      ['verify', '--sqlite-file', file],
      env(),
      [join(WORKSPACE_ROOT, 'apps/auditor/bin/tadamon-audit.js')],
      tempDir(),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^verify: OK: 27 events/);
  }, 60000);
});

describe('auditor verify trusts keys and seals held outside the log', () => {
  /** A sealed SQLite log in a folder of its own, with the embedded profile's public key beside it. */
  async function sealedFolder(): Promise<{ dataDir: string; file: string; env: NodeJS.ProcessEnv }> {
    const dataDir = tempDir();
    const file = join(dataDir, 'events.db');
    const store = SqliteEventStore.open({ filename: file, synchronous: 'OFF' });
    await writeLog(store, 3, 4, 2, 0);
    await store.close();
    writeFileSync(join(dataDir, SEAL_PUBLIC_KEY_FILE), keys.publicKeyPem);
    const env = { DATA_DIR: dataDir, TADAMON_AUDITOR_KNOWN_KEYS: join(tempDir(), 'known-seal-keys') };
    return { dataDir, file, env };
  }

  it('pins the key of a log on first use with a loud warning, then a changed key is an error', async () => {
    const { dataDir, env } = await sealedFolder();
    const first = await audit(['verify'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(
      new RegExp(
        `WARNING: FIRST USE: trusting the seal key ${keys.keyId} found in .*seal-key\\.pub,\\nINSIDE THE AUDITED FOLDER`,
      ),
    );
    expect(readFileSync(env.TADAMON_AUDITOR_KNOWN_KEYS as string, 'utf8')).toContain(keys.keyId);
    expect(await audit(['verify'], env)).toMatchObject({ code: 0, stderr: '' });

    writeFileSync(join(dataDir, SEAL_PUBLIC_KEY_FILE), otherKeys.publicKeyPem);
    const changed = await audit(['verify'], env);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(
      new RegExp(
        `^verify: SEAL KEY CHANGED: the seal key of SQLite .*events\\.db is ${otherKeys.keyId} .*but ${keys.keyId} was pinned for it`,
      ),
    );
    // A key given out of band wins over the pin and the folder.
    expect((await audit(['verify', '--public-key', keys.publicKeyPem], env)).code).toBe(0);
  }, 60000);

  it('fails a log whose key pair was replaced in DATA_DIR and every seal re-signed', async () => {
    const { dataDir, file, env } = await sealedFolder();
    expect((await audit(['verify'], env)).code).toBe(0);
    // The forger's whole job: the seals removed, the log resealed with a new pair, its public key in DATA_DIR.
    const tamper = sqliteLogTamper(file);
    await tamper.deleteEvents(
      (await tamper.rows()).filter((r) => r.streamId === LOG_SEAL_STREAM).map((r) => r.id),
    );
    await tamper.close();
    const store = SqliteEventStore.open({ filename: file, synchronous: 'OFF' });
    await new LogSealer({ store, privateKey: otherKeys.privateKey }).sealNow();
    await store.close();
    writeFileSync(join(dataDir, SEAL_PUBLIC_KEY_FILE), otherKeys.publicKeyPem);
    // What verify said before the pins: the new pair is self-consistent.
    expect((await audit(['verify', '--public-key', otherKeys.publicKeyPem], env)).code).toBe(0);

    const replaced = await audit(['verify'], env);
    expect(replaced.code).toBe(1);
    expect(replaced.stdout).toMatch(/^verify: SEAL KEY CHANGED/);
    // Without the public key file in the folder, the pinned key itself finds the re-signed seals.
    rmSync(join(dataDir, SEAL_PUBLIC_KEY_FILE));
    const pinned = await audit(['verify'], env);
    expect(pinned.code).toBe(1);
    expect(pinned.stdout).toMatch(/^verify: BROKEN: .*seal-bad-signature/);
  }, 60000);

  it('refuses a known-keys file inside the audited folder', async () => {
    const { dataDir, env } = await sealedFolder();
    const run = await audit(['verify', '--known-keys', join(dataDir, 'pins')], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the known-keys file .*pins is inside the audited folder/);
    expect(existsSync(join(dataDir, 'pins'))).toBe(false);
  }, 60000);

  it('--known-seals: a log cut back to an earlier seal fails, with its witnessed digests', async () => {
    const { file, env } = await sealedFolder();
    const witness = new SealWitnessFile(join(tempDir(), 'seal-witness.jsonl'));
    const store = SqliteEventStore.open({ filename: file, synchronous: 'OFF' });
    const sealer = new LogSealer({
      store,
      privateKey: keys.privateKey,
      onSeal: (seal) => witness.record(seal),
    });
    await store.appendToStream(`evaluation-${randomUUID()}`, [event(1), event(2)], {
      expectedRevision: NO_STREAM,
    });
    await sealer.sealNow();
    witness.flush();
    await store.close();
    const known = ['--known-seals', witness.file, '--public-key', keys.publicKeyPem];
    expect((await audit(['verify', ...known], env)).code).toBe(0);

    // The newest events go together with the newest seal: the log ends at the earlier seal.
    const tamper = sqliteLogTamper(file);
    const rows = await tamper.rows();
    const lastSeal = rows.filter((r) => r.streamId === LOG_SEAL_STREAM).at(-1);
    await tamper.deleteEvents(
      rows.filter((r) => r.globalPosition >= (lastSeal?.globalPosition as number) - 2).map((r) => r.id),
    );
    await tamper.close();
    expect((await audit(['verify', '--public-key', keys.publicKeyPem], env)).code).toBe(0);
    const cut = await audit(['verify', ...known], env);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(
      /^verify: BROKEN: first broken event: stream logSeal-global: known-seal-missing \(1 of the 1 seal digest\(s\) witnessed outside the log is not in it .*cut back to an earlier seal/,
    );
  }, 60000);

  it('--known-seals: a backup copied without its -wal (fewer events than witnessed) fails', async () => {
    const { file, env } = await sealedFolder();
    const witness = new SealWitnessFile(join(tempDir(), 'seal-witness.jsonl'));
    // The live platform: its newest commits are still in events.db-wal, not yet checkpointed.
    const checkpoint = new Database(file);
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
    const store = SqliteEventStore.open({ filename: file, synchronous: 'OFF' });
    const sealer = new LogSealer({
      store,
      privateKey: keys.privateKey,
      onSeal: (seal) => witness.record(seal),
    });
    for (let i = 0; i < 9; i++)
      await store.appendToStream(`evaluation-${randomUUID()}`, [event(i)], { expectedRevision: NO_STREAM });
    await sealer.sealNow();
    witness.flush();
    const backup = join(tempDir(), 'events.db');
    copyFileSync(file, backup);
    await store.close();
    const restored = { ...env, TADAMON_SQLITE_FILE: backup };
    const known = ['--known-seals', witness.file, '--public-key', keys.publicKeyPem];
    // Without the witness the backup verifies: its events are fewer, its seals intact.
    const plain = await audit(['verify', '--public-key', keys.publicKeyPem, '--json'], restored);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).events).toBeLessThan(
      JSON.parse(readFileSync(witness.file, 'utf8').trim().split('\n').at(-1) as string).count,
    );
    const run = await audit(['verify', ...known], restored);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/known-seal-missing .*a backup without its -wal/);
  }, 60000);

  it('--known-seals refuses a file that holds no digest or a mangled line', async () => {
    const { env } = await sealedFolder();
    const bad = join(tempDir(), 'known');
    writeFileSync(bad, '# witnessed\nnot a digest\n');
    const run = await audit(['verify', '--known-seals', bad, '--public-key', keys.publicKeyPem], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 2: neither a seal digest/);
  }, 60000);
});

describe('auditor verify (PostgreSQL, in its own process)', () => {
  const schema = `auditor_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  let pool: Pool;
  let streams: string[];

  beforeAll(async () => {
    pool = new Pool({ connectionString: requireServer('postgres'), max: 2 });
    const store = await PostgresEventStore.connect({ pool, schema });
    streams = await writeLog(store, 3, 5);
    await store.close();
  });
  afterAll(async () => {
    await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool?.end();
  });

  it('verifies the log read-only with the key from TADAMON_SEAL_PUBLIC_KEY, then names a tampered event', async () => {
    const env = {
      TADAMON_EVENT_STORE: 'postgres',
      DATABASE_URL: requireServer('postgres'),
      TADAMON_SEAL_PUBLIC_KEY: keys.publicKeyPem,
    };
    const clean = await audit(['verify', '--schema', schema], env);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toMatch(
      /^verify: OK: 18 events in 5 streams of PostgreSQL .*\(schema auditor_[0-9a-f]+\), every hash chain holds; 1 seals verified/,
    );

    const rows = await postgresLogTamper(pool, schema).rows();
    const target = rows.find((row) => row.streamId === streams[2] && row.revision === 3);
    await postgresLogTamper(pool, schema).flipByte(target?.id as string);
    const broken = await audit(['verify', '--schema', schema], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `verify: BROKEN: first broken event: stream ${streams[2]}, revision 3, position ${target?.globalPosition}, event ${target?.id}: hash-mismatch`,
    );
  }, 60000);
});
