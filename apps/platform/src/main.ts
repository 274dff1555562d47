import 'reflect-metadata';
import { createApp } from './create-app';

function port(): number {
  const raw = process.env.PORT ?? '3000';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`PORT must be an integer between 1 and 65535, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  const app = await createApp();
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port(), host);
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port()}`;
  console.log(`Tadamon platform (embedded profile) listening on ${url}  -  health: ${url}/health`);
}

main().catch((error) => {
  console.error('Tadamon platform failed to start:', error);
  process.exit(1);
});
