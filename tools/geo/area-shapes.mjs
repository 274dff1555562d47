// `npm run generate:areas`: the outlines of the 12 regions and the 75 provinces and prefectures
// that the API's GeoJSON layers (needs and projects by area) carry.
// Source: morocco-map 1.3.0 (ODbL 1.0), whose TopoJSON ids are the ISO 3166-2:MA codes of the
// 2015 scheme. Visvalingam's simplification (topojson-simplify, shared borders kept shared) drops
// every point whose triangle is under MIN_AREA square degrees (about 0.1 km² here), the names are
// dropped (the API gives its own in ar/fr/en) and the result is quantised to 1e5 steps (about 15 m).
// Each area stays within 0.5% of the package's (a jest spec checks it, and that the committed files
// are what this tool writes). The output is a derived database of the ODbL data: same licence.
// Usage: node tools/geo/area-shapes.mjs [output folder]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { quantize } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';

const require = createRequire(import.meta.url);
const OUTPUT = process.argv[2] ?? 'libs/reference-data/src/geography/shapes';
const MIN_AREA = 1e-5;
const QUANTISATION = 1e5;

for (const level of ['regions', 'provinces']) {
  const topology = JSON.parse(readFileSync(require.resolve(`morocco-map/data/${level}.json`), 'utf8'));
  const simplified = simplify(presimplify(topology), MIN_AREA);
  for (const geometry of simplified.objects[level].geometries) delete geometry.properties;
  const output = join(OUTPUT, `${level}.topo.json`);
  writeFileSync(output, `${JSON.stringify(quantize(simplified, QUANTISATION))}\n`);
  console.log(`${output}: ${readFileSync(output).length} bytes`);
}
