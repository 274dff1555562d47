/**
 * The embedded platform in its own process, for the kill test:
 * `node -r @swc-node/register <this file> <dataDir>`. Env: SMTP_URL (where its emails go). Prints
 * one JSON line, `{"ready":true,"url":…}`, once it listens; the test kills it with SIGKILL.
 * Attempts a kill leaves open are taken again after a 2 s lease (the default is a minute).
 */
import 'reflect-metadata';
import { createApp } from '../../create-app';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: platform-child.ts <dataDir>');
  const app = await createApp({
    dataDir,
    // PLATFORM_CHILD_LOG=1: the platform's log on stdout (a failing run's diagnosis).
    logger: process.env.PLATFORM_CHILD_LOG === '1',
    notifications: {
      pollIntervalMs: 200,
      sendingLeaseMs: 2_000,
      emailRetryDelaysMs: [0, 1_000, 1_000, 2_000, 5_000, 10_000],
    },
  });
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ ready: true, url: await app.getUrl() })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
