import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// `npm run dev:web`: the platform (npm start, port 3000 unless PLATFORM_URL says otherwise) answers
// the API; Vite serves the app with hot reload.
const platform = process.env.PLATFORM_URL ?? 'http://127.0.0.1:3000';

/**
 * Mantine's ScrollArea (inside every Table: the portal's pages) imports one hook, `useMergeRefs`,
 * from `@floating-ui/react`, a single module: the bundler then loads into the portal all of that
 * module the back office's dropdowns use (9 kB gzip). ScrollArea gets the same hook from
 * `@mantine/hooks` instead; the dropdowns keep floating-ui. The public pages' budget (200 kB,
 * `npm run bench:web`) is what this holds; if Mantine changes ScrollArea's imports, the bench shows it.
 */
const scrollAreaWithoutFloatingUi = (): Plugin => ({
  name: 'tadamon:scroll-area-without-floating-ui',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === '@floating-ui/react' && importer?.includes('/@mantine/core/esm/components/ScrollArea/'))
      return fileURLToPath(new URL('./build/scroll-area-merge-refs.ts', import.meta.url));
    return null;
  },
});

export default defineConfig({
  root,
  plugins: [react(), scrollAreaWithoutFloatingUi()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json: the chunks each entry and lazy page imports (npm run bench:web reads it).
    manifest: true,
  },
  server: {
    port: 4200,
    proxy: { '/api': platform, '/health': platform },
  },
});
