import type { Page } from 'playwright-core';

export interface WebPage {
  /** The screenshot's name. */
  name: string;
  path: string;
  /** Resolves when the page shows what it is for (its data loaded), so axe and the screenshot see it. */
  ready(page: Page): Promise<void>;
}

/**
 * Every page of the web app, as a browser opens it. A new page adds itself here: the browser spec
 * then checks it with axe and screenshots it in Arabic and French.
 */
export const WEB_PAGES: readonly WebPage[] = [
  {
    name: 'portal-home',
    path: '/',
    ready: async (page) => {
      // Three tables (host countries, sectors, regions): the last one drawn is enough.
      await page.getByRole('table').last().waitFor();
      await page.waitForLoadState('networkidle');
    },
  },
  ...(
    [
      ['region-map', '/map'],
      ['region', '/regions/MA-09'],
      ['association-directory', '/associations'],
      ['needs-catalogue', '/needs'],
      ['calls', '/calls'],
      // The demo data's call (libs/funding/src/demo).
      ['call', '/calls/call-icmd-phase-2-morocco'],
      // The Training demo's catalogue and its Paris session (libs/training/src/demo).
      ['training', '/training'],
      ['training-session', '/training/sessions/session-fundraising-paris-2027-02'],
      ['verify-credential', '/verify'],
    ] as const
  ).map(([name, path]): WebPage => ({
    name,
    path,
    ready: async (page) => {
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
    },
  })),
  {
    name: 'not-found',
    path: '/no-such-page/at-all',
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
];
