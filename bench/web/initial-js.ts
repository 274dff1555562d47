import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ServedApp } from './served-app';

/** A JavaScript file as a first visit gets it: its size as served and gzipped (zlib's default level). */
export interface Chunk {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface PageLoad {
  chunks: Chunk[];
  rawBytes: number;
  gzipBytes: number;
}

const sized = (file: string, bytes: Buffer): Chunk => ({
  file,
  rawBytes: bytes.length,
  gzipBytes: gzipSync(bytes).length,
});

const total = (chunks: Chunk[]): PageLoad => ({
  chunks,
  rawBytes: chunks.reduce((sum, c) => sum + c.rawBytes, 0),
  gzipBytes: chunks.reduce((sum, c) => sum + c.gzipBytes, 0),
});

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The public pages measured: the path a visitor opens and the source file of its lazy route. */
export const PUBLIC_PAGES = {
  home: { path: '/', source: 'src/pages/portal-home/PortalHomePage.tsx' },
  map: { path: '/map', source: 'src/pages/region-map/RegionMapPage.tsx' },
  directory: {
    path: '/associations',
    source: 'src/pages/association-directory/AssociationDirectoryPage.tsx',
  },
} as const;
export type PublicPage = keyof typeof PUBLIC_PAGES;

/**
 * What Vite's manifest (build.manifest) says a first visit of `source` loads: the entry and its
 * static imports, the page's lazy chunk and its static imports (`initial`); then what the page
 * imports dynamically once shown (`deferred`, e.g. the map's TopoJSON).
 */
export function manifestLoad(buildDir: string, source: string): { initial: PageLoad; deferred: PageLoad } {
  const path = join(buildDir, '.vite/manifest.json');
  if (!existsSync(path))
    throw new Error(`${path} is missing: apps/web/vite.config.mts must set build.manifest (rebuild the app)`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const closure = (keys: string[], seen: Set<string>): string[] => {
    const files: string[] = [];
    const visit = (key: string) => {
      if (seen.has(key)) return;
      const chunk = manifest[key];
      if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
      seen.add(key);
      files.push(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    keys.forEach(visit);
    return files;
  };
  const seen = new Set<string>();
  const initial = closure(['index.html', source], seen);
  const deferred = closure(manifest[source]?.dynamicImports ?? [], seen);
  const load = (files: string[]) =>
    total(files.map((file) => sized(file, readFileSync(join(buildDir, file)))));
  return { initial: load(initial), deferred: load(deferred) };
}

/**
 * What Chromium actually downloads for a first visit of `path` (a fresh context: empty cache), until
 * the page has shown its heading and the network has been idle for 500 ms: every script response,
 * in the order received.
 */
export async function observedLoad(app: ServedApp, path: string): Promise<PageLoad> {
  const context = await app.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const bodies: Promise<Chunk>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const file = new URL(response.url()).pathname.replace(/^\//, '');
      bodies.push(response.body().then((body) => sized(file, body)));
    });
    const response = await page.goto(app.url(path), { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`GET ${path} answered ${response?.status()}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return total(await Promise.all(bodies));
  } finally {
    await context.close();
  }
}
