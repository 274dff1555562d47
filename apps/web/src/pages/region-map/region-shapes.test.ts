import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import original from 'morocco-map/data/regions.json';
import simplified from './regions.simplified.json';
import { MAP_HEIGHT, MAP_WIDTH, regionShapes } from './region-shapes';

const TOOL = 'tools/web/simplify-regions.mjs';
/** The repository's root: vitest runs from it or from apps/web. */
const repo = (from = process.cwd()): string =>
  existsSync(join(from, TOOL)) || dirname(from) === from ? from : repo(dirname(from));

const areas = (topology: Topology) =>
  Object.fromEntries(
    feature(topology, topology.objects['regions'] as GeometryCollection).features.map((region) => [
      String(region.id),
      geoArea(region),
    ]),
  );

describe('the regions’ shapes', () => {
  it('are the 12 regions, MA-01 to MA-12, each an outline inside the map', () => {
    const shapes = regionShapes(simplified as unknown as Topology);
    expect(shapes.map((s) => s.region)).toEqual(
      Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`),
    );
    for (const shape of shapes) {
      expect(shape.path).toMatch(/^M/);
      const numbers = shape.path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-0.5);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(MAP_WIDTH, MAP_HEIGHT) + 0.5);
    }
  });

  it('keep each region’s area within 0.5% of the package’s outlines they are simplified from', () => {
    const before = areas(original as unknown as Topology);
    const after = areas(simplified as unknown as Topology);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const region of Object.keys(before))
      expect(Math.abs(after[region] - before[region]) / before[region]).toBeLessThan(0.005);
  });

  it('are what npm run generate:map makes of the package’s TopoJSON (committed, not edited)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-map-'));
    try {
      const output = join(dir, 'regions.json');
      execFileSync(process.execPath, [TOOL, output], { cwd: repo(), stdio: 'pipe' });
      expect(JSON.parse(readFileSync(output, 'utf8'))).toEqual(simplified);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
