import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// `npm run dev:web`: the platform (npm start, port 3000 unless PLATFORM_URL says otherwise) answers
// the API; Vite serves the app with hot reload.
const platform = process.env.PLATFORM_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
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
