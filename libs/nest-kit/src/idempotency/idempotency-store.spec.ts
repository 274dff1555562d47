import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idempotencyStoreContract } from './idempotency-store.contract';
import { InMemoryIdempotencyStore } from './in-memory-idempotency-store';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

idempotencyStoreContract('in memory', (now) => ({
  store: new InMemoryIdempotencyStore(now),
  close: (): void => undefined,
}));

idempotencyStoreContract('SQLite', (now) => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
  const store = new SqliteIdempotencyStore(join(dir, 'idempotency.db'), now);
  return {
    store,
    close: (): void => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
