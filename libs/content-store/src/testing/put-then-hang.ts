/**
 * A put that never finishes, in its own process, for the crash test:
 *   node -r @swc-node/register put-then-hang.ts '<ContentStoreSettings as JSON>'
 * Sends `halfway` on stdout once 2 MiB went into the store, then waits to be killed.
 */
import { randomBytes } from 'node:crypto';
import { openContentStore } from '../open-content-store';

const HALF = 2 * 1024 * 1024;

async function* body(): AsyncIterable<Uint8Array> {
  for (let sent = 0; sent < HALF; sent += 256 * 1024) yield randomBytes(256 * 1024);
  // The next chunk is asked for only once the previous one is in the store.
  process.stdout.write('halfway\n');
  await new Promise(() => undefined);
}

async function main(): Promise<void> {
  const store = await openContentStore(JSON.parse(process.argv[2]));
  await store.put(body(), { maxBytes: 64 * 1024 * 1024 });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
