import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it); TADAMON_CHROMIUM names another binary. */
export const CHROMIUM_PATH = process.env.TADAMON_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium floods a closed network with refused
// connections (docs/testing.md). Playwright gives every launch a fresh temporary profile
// (--user-data-dir) and removes it on close; it refuses one passed in `args`.
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
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser tests need it. Install it with ` +
        '`apt-get install -y chromium fonts-noto-core` (.ci/run does) or set TADAMON_CHROMIUM to its path.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS, timeout: 60_000 });
}
