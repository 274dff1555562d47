// `npm run generate:api`, second step: the typed client of the web app from the committed OpenAPI
// document. ESM (the generator ships ESM only), so the drift test runs it as a child process.
// Usage: node tools/web/generate-client.mjs <openapi.json> <output folder>
import { createClient } from '@hey-api/openapi-ts';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: generate-client.mjs <openapi.json> <output folder>');
  process.exit(2);
}

await createClient({
  input,
  output: { path: output, clean: true },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
  logs: { level: 'silent' },
});
console.log(`API client generated in ${output}`);
