import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

// The same launch as apps/platform/src/web/testing/chromium.ts (a lib cannot import an app):
// Debian's Chromium, and the flags that keep it off the closed network (docs/testing.md).
export const CHROMIUM_PATH = process.env.TADAMON_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium, headless. A missing browser is an error that says how to install it, never a skip. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium fonts-noto-core\` or set TADAMON_CHROMIUM.`,
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS, timeout: 60_000 });
}
