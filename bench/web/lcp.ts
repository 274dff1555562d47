import type { Page } from 'playwright-core';
import { ServedApp } from './served-app';

/** How many times slower than this machine the renderer runs (CDP Emulation.setCPUThrottlingRate). */
export const CPU_THROTTLING = 4;

export interface Paint {
  /** Largest Contentful Paint, ms after the navigation started. */
  lcpMs: number;
  /** The element of the last LCP entry (tag and its first characters of text). */
  element: string;
}

/** Runs in the page before its own scripts: keeps the latest LCP entry (page code, hence a string). */
const OBSERVE_LCP = `
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const element = entry.element;
    window.__benchLcp = {
      time: entry.startTime,
      element: element ? element.tagName.toLowerCase() + ' "' + (element.textContent || '').slice(0, 40) + '"' : '?',
    };
  }
}).observe({ type: 'largest-contentful-paint', buffered: true });
`;

/**
 * One first visit of `path` (a fresh context: empty cache, no stored language, French browser) with
 * the renderer's CPU throttled. `ready` waits for what the page is for (its heading, its rows); the
 * LCP is read once the network has then been idle for 500 ms and 300 ms more have passed, so no
 * later, larger paint is missed.
 */
export async function measureLcp(
  app: ServedApp,
  path: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<Paint> {
  const context = await app.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript({ content: OBSERVE_LCP });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    const response = await page.goto(app.url(path), { waitUntil: 'load', timeout: 60_000 });
    if (response?.status() !== 200) throw new Error(`GET ${path} answered ${response?.status()}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const lcp = (await page.evaluate('window.__benchLcp')) as { time: number; element: string } | undefined;
    if (!lcp) throw new Error(`${path}: Chromium reported no Largest Contentful Paint`);
    return { lcpMs: lcp.time, element: lcp.element };
  } finally {
    await context.close();
  }
}
