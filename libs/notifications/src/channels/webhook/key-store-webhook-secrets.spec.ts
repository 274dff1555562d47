import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from '@tadamon/personal-data';
import { webhookSecretsContract } from './testing/webhook-secrets-contract';

const dir = mkdtempSync(join(tmpdir(), 'tadamon-webhook-secrets-'));
webhookSecretsContract(
  'the SQLite key store',
  async () => new SqliteKeyStore(join(dir, 'keys.db')),
  async () => rmSync(dir, { recursive: true, force: true }),
  dir,
);
