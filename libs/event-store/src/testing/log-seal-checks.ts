import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_SEAL_STREAM, LogSeal } from '@tadamon/eventsourcing';
import { runAuditor, until } from '@tadamon/testing';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { SealKeyPair } from '../seals/seal-keys';
import { verifyLog } from '../seals/verify-log';

/**
 * Waits until a seal in the service's PostgreSQL log covers `position`, then checks that it is
 * signed with `keys` and that the whole log verifies with the public key, signatures included.
 */
export async function expectSealedUpTo(
  databaseUrl: string,
  position: number,
  keys: SealKeyPair,
): Promise<void> {
  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, readOnly: true });
  try {
    const lastSeal = async () =>
      (await store.readStream(LOG_SEAL_STREAM, { direction: 'backwards', maxCount: 1 }).catch(() => []))[0]
        ?.data as LogSeal | undefined;
    await until(
      async () => ((await lastSeal())?.position ?? 0) >= position,
      `a seal over position ${position} in ${LOG_SEAL_STREAM}`,
    );
    expect(await lastSeal()).toMatchObject({ version: 1, keyId: keys.keyId });
    const verdict = await verifyLog(store, { publicKey: keys.publicKey });
    expect(verdict).toMatchObject({ ok: true, seals: { checked: true, signaturesChecked: true } });
    expect(verdict.seals.count).toBeGreaterThan(0);
  } finally {
    await store.close();
  }
}

/**
 * After a service stopped: the auditor's command, in its own process, verifies the log with the
 * public key and finds nothing left unsealed (the service sealed up to its head at stop).
 */
export async function expectAuditorFindsAllSealed(databaseUrl: string, publicKeyPem: string): Promise<void> {
  const keyDir = mkdtempSync(join(tmpdir(), 'tadamon-e2e-seal-'));
  try {
    const publicKeyFile = join(keyDir, 'seal-key.pub');
    writeFileSync(publicKeyFile, publicKeyPem);
    const audit = await runAuditor([
      'verify',
      '--database-url',
      databaseUrl,
      '--public-key',
      publicKeyFile,
      '--json',
      '--no-progress',
    ]);
    expect({ code: audit.code, stderr: audit.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(audit.stdout)).toMatchObject({
      ok: true,
      seals: { signaturesChecked: true },
      unsealed: { count: 0 },
    });
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
}
