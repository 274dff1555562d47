/**
 * npm run screenshots — the README's pictures: one PNG per role and language (ar, fr) of the page
 * the role works from, written to docs/screenshots/<role>-<lang>.png. The built web app (built when
 * stale) is served by the embedded platform with its demo data; each role signs in through the
 * sign-in page as a person would, in a fresh browser whose language is the picture's.
 * Viewport 1280x800; the PNG is re-encoded with a palette of at most 256 colours (upng-js) to stay
 * small (a UI has few colours; text stays sharp).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@tadamon/testing';
import UPNG from 'upng-js';
import { Username } from '../apps/platform/src/registry/testing/platform-client';
import { TestLanguage, WebHarness } from '../apps/platform/src/web/testing/web-harness';

/** Each picture: the role's name in the file, the demo user who signs in (none: the public), the page. */
const PICTURES: readonly { role: string; user?: Username; path: string }[] = [
  { role: 'public', path: '/' },
  { role: 'officer', user: 'officer', path: '/office/registry' },
  { role: 'evaluator', user: 'evaluator1', path: '/office/evaluation' },
  { role: 'committee', user: 'committee', path: '/office/committee' },
  { role: 'association', user: 'association', path: '/office/association' },
  { role: 'partner', user: 'partner', path: '/office/partner' },
  { role: 'auditor', user: 'auditor', path: '/office/audit' },
];
const LANGUAGES: readonly TestLanguage[] = ['ar', 'fr'];
const OUT = join(repoRoot(), 'docs/screenshots');
const COLOURS = 256;

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The screenshot as a palette PNG (lossy only in colours the eye does not tell apart). */
function quantised(png: Buffer): Buffer {
  const image = UPNG.decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
  const [rgba] = UPNG.toRGBA8(image);
  return Buffer.from(UPNG.encode([rgba], image.width, image.height, COLOURS));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  log('building the web app when stale, starting the embedded platform and Chromium...');
  const web = await WebHarness.start('readme-screenshots');
  try {
    for (const { role, user, path } of PICTURES) {
      for (const language of LANGUAGES) {
        await web.withPage(language, async (page) => {
          if (user) await web.signIn(page, user, language);
          if (new URL(page.url() || 'about:blank', web.platform.baseUrl).pathname !== path)
            await page.goto(web.url(path), { waitUntil: 'domcontentloaded' });
          await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
          await page.waitForLoadState('networkidle');
          const file = join(OUT, `${role}-${language}.png`);
          const png = quantised(await page.screenshot({ fullPage: false }));
          writeFileSync(file, png);
          log(
            `  ${role}-${language}.png: ${user ?? 'no sign-in'} at ${path}, ${(png.length / 1000).toFixed(0)} kB`,
          );
        });
      }
    }
  } finally {
    await web.close();
  }
  log(`written ${PICTURES.length * LANGUAGES.length} pictures to docs/screenshots/`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`screenshots failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
