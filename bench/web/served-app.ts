import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PlatformClient } from '../../apps/platform/src/registry/testing/platform-client';
import { launchChromium } from '../../apps/platform/src/web/testing/chromium';
import { ensureWebBuild } from '../../apps/platform/src/web/testing/web-build';

/** The raw limit of a page load: no script, no stylesheet, one line of text (an LCP needs content). */
export const EMPTY_PAGE = '/bench-empty.html';
const EMPTY_HTML =
  '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>Tadamon</title></head>' +
  '<body><p>Tadamon</p></body></html>\n';

/**
 * The production build served by the embedded platform (demo data, a temporary DATA_DIR, a free
 * port) from a copy of dist/apps/web that also holds the empty page: the empty page then comes
 * through the same @fastify/static route, headers and connection as index.html, so what separates
 * the two loads is the app's own work. The build folder itself is left untouched.
 */
export class ServedApp {
  private constructor(
    readonly platform: PlatformClient,
    readonly browser: Browser,
    readonly buildDir: string,
    private readonly webRoot: string,
  ) {}

  static async start(log: (line: string) => void): Promise<ServedApp> {
    log('web build: checking dist/apps/web against its sources (builds it when stale)...');
    const buildDir = await ensureWebBuild();
    const webRoot = mkdtempSync(join(tmpdir(), 'tadamon-bench-web-root-'));
    cpSync(buildDir, webRoot, { recursive: true });
    writeFileSync(join(webRoot, EMPTY_PAGE), EMPTY_HTML);
    log('starting the embedded platform (demo data) with the built web app...');
    let platform: PlatformClient | undefined;
    try {
      platform = await PlatformClient.start('bench-web', { webRoot });
      log(`platform at ${platform.baseUrl}; launching Chromium...`);
      return new ServedApp(platform, await launchChromium(), buildDir, webRoot);
    } catch (error) {
      await platform?.close();
      rmSync(webRoot, { recursive: true, force: true });
      throw error;
    }
  }

  url(path: string): string {
    return new URL(path, this.platform.baseUrl).toString();
  }

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      await this.platform.close();
      rmSync(this.webRoot, { recursive: true, force: true });
    }
  }
}
