import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import topology from 'morocco-map/data/regions.json';
import { MAP_HEIGHT, MAP_WIDTH, regionShapes } from './region-shapes';

describe('the regions’ shapes', () => {
  it('are the 12 regions of the package’s TopoJSON, MA-01 to MA-12, each an outline inside the map', () => {
    const shapes = regionShapes(topology as unknown as Topology);
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
});
