import { writeFileSync } from 'node:fs';
import { platformOpenApiDocument, serializeOpenApiDocument } from './platform-openapi-document';

// `npm run generate:api`, first step: node -r @swc-node/register this-file <out.json>
const out = process.argv[2];
if (!out) {
  console.error('usage: write-openapi-document <out.json>');
  process.exit(2);
}
platformOpenApiDocument()
  .then((document) => {
    writeFileSync(out, serializeOpenApiDocument(document));
    console.log(`OpenAPI document written to ${out}`);
    // The app's timers and pools are closed; exit anyway rather than wait on a straggler.
    process.exit(0);
  })
  .catch((error) => {
    console.error('Could not build the OpenAPI document:', error);
    process.exit(1);
  });
