// `npm run generate:map`: the map page's region outlines, simplified for the size they are drawn at.
// morocco-map's regions.json (ODbL 1.0) has ~29,000 points, far more than a 520x560 px map shows
// (the map page loaded 25 kB gzip of it). Visvalingam's simplification (topojson-simplify, which
// keeps shared borders shared) drops every point whose triangle is under MIN_AREA_PX square pixels
// at that size, the names are dropped (the app shows its own), and the result is quantised again.
// The output is a derived database of the ODbL data: same licence (docs/web.md).
// Usage: node tools/web/simplify-regions.mjs [output]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bbox, quantize } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';

const require = createRequire(import.meta.url);
const SOURCE = require.resolve('morocco-map/data/regions.json');
const OUTPUT = process.argv[2] ?? 'apps/web/src/pages/region-map/regions.simplified.json';
// The map's box (region-shapes.ts MAP_WIDTH x MAP_HEIGHT) and the area threshold in its pixels.
const MAP_PX = 560;
const MIN_AREA_PX = 0.1;

const topology = JSON.parse(readFileSync(SOURCE, 'utf8'));
const [x0, y0, x1, y1] = bbox(topology);
// Degrees per pixel when the larger side of the bounding box fills the map (planar, as presimplify).
const degreesPerPx = Math.max(x1 - x0, y1 - y0) / MAP_PX;
const weighted = presimplify(topology);
const simplified = simplify(weighted, MIN_AREA_PX * degreesPerPx * degreesPerPx);
for (const geometry of simplified.objects.regions.geometries) delete geometry.properties;
const output = quantize(simplified, 1e4);

const points = (t) => t.arcs.reduce((sum, arc) => sum + arc.length, 0);
writeFileSync(OUTPUT, `${JSON.stringify(output)}\n`);
console.log(
  `${OUTPUT}: ${points(output)} points (of ${points(topology)}), ${readFileSync(OUTPUT).length} bytes`,
);
