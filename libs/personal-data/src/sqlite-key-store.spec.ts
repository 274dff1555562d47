import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from './sqlite-key-store';
import { personalDataContract } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'tadamon-keys-'));
personalDataContract(
  'the SQLite key store',
  async () => new SqliteKeyStore(join(dir, 'keys.db')),
  async () => rmSync(dir, { recursive: true, force: true }),
  { folder: dir },
);
