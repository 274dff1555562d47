import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { areaContains, AreaGeometry, areaFeatureCollection, areaGeometries, AreaLevel } from './area-shapes';
import { PROVINCES } from './provinces';
import { CURRENT_REGIONS } from './regions';

const REPO = join(__dirname, '../../../..');
const SHAPES = join(__dirname, 'shapes');
const OBJECTS: Record<AreaLevel, string> = { region: 'regions', province: 'provinces' };

/** Planar area in square degrees (shoelace, holes subtracted): enough to compare two outlines. */
const ringArea = (ring: number[][]): number =>
  Math.abs(
    ring.reduce(
      (sum, [x, y], i) => sum + x * ring[(i + 1) % ring.length][1] - ring[(i + 1) % ring.length][0] * y,
      0,
    ),
  ) / 2;
const polygonArea = (rings: number[][][]): number =>
  ringArea(rings[0]) - rings.slice(1).reduce((s, r) => s + ringArea(r), 0);
const area = (g: AreaGeometry): number =>
  g.type === 'Polygon' ? polygonArea(g.coordinates) : g.coordinates.reduce((s, p) => s + polygonArea(p), 0);

const packageAreas = (level: AreaLevel): Map<string, number> => {
  const topology = JSON.parse(
    readFileSync(require.resolve(`morocco-map/data/${OBJECTS[level]}.json`), 'utf8'),
  ) as Topology;
  return new Map(
    feature(topology, topology.objects[OBJECTS[level]] as GeometryCollection).features.map((f) => [
      String(f.id),
      area(f.geometry as AreaGeometry),
    ]),
  );
};

describe('the areas’ outlines', () => {
  it('give the 12 regions in code order, each with its names, an outline in Morocco and the attribution', () => {
    const layer = areaFeatureCollection('region', () => ({}));
    expect(layer.type).toBe('FeatureCollection');
    expect(layer.attribution).toMatch(/ODbL/);
    expect(layer.features.map((f) => f.id)).toEqual(CURRENT_REGIONS.map((r) => r.code));
    for (const f of layer.features) {
      expect(f.properties).toMatchObject({ code: f.id, level: 'region', region: f.id });
      expect(f.properties.names.ar).toBeTruthy();
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      const points = f.geometry.coordinates.flat(f.geometry.type === 'Polygon' ? 1 : 2) as number[][];
      for (const [lon, lat] of points) {
        expect(lon).toBeGreaterThan(-17.2);
        expect(lon).toBeLessThan(-0.9);
        expect(lat).toBeGreaterThan(20.7);
        expect(lat).toBeLessThan(36);
      }
    }
  });

  it('give the 75 provinces and prefectures, each in its region, with closed rings', () => {
    const layer = areaFeatureCollection('province', (p) => ({ echo: p.code }));
    expect(layer.features.map((f) => f.id)).toEqual(PROVINCES.map((p) => p.code));
    for (const f of layer.features) {
      expect(f.properties.region).toBe(PROVINCES.find((p) => p.code === f.id)?.region);
      expect(f.properties.echo).toBe(f.id);
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });

  it.each(['region', 'province'] as const)(
    'keep each %s’s area within 0.5%% of the package’s outlines they are simplified from',
    (level) => {
      const before = packageAreas(level);
      const after = areaGeometries(level);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [code, geometry] of after)
        expect(
          Math.abs(area(geometry) - (before.get(code) as number)) / (before.get(code) as number),
        ).toBeLessThan(0.005);
    },
  );

  it('tile each region with its provinces (their areas add up to the region’s within 1%)', () => {
    const regions = areaGeometries('region');
    const provinces = areaGeometries('province');
    for (const region of CURRENT_REGIONS) {
      const sum = PROVINCES.filter((p) => p.region === region.code).reduce(
        (s, p) => s + area(provinces.get(p.code) as AreaGeometry),
        0,
      );
      const whole = area(regions.get(region.code) as AreaGeometry);
      expect(Math.abs(sum - whole) / whole).toBeLessThan(0.01);
    }
  });

  it('are what npm run generate:areas makes of the package (committed, not edited)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-areas-'));
    try {
      execFileSync(process.execPath, ['tools/geo/area-shapes.mjs', dir], { cwd: REPO, stdio: 'pipe' });
      for (const level of Object.values(OBJECTS))
        expect(readFileSync(join(dir, `${level}.topo.json`), 'utf8')).toBe(
          readFileSync(join(SHAPES, `${level}.topo.json`), 'utf8'),
        );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('whether an area holds a point', () => {
  it('finds places in their province and region, and not in another', () => {
    const tafraout = { lat: 29.7245, lon: -8.9744 };
    expect(areaContains('MA-TIZ', tafraout)).toBe(true);
    expect(areaContains('MA-09', tafraout)).toBe(true);
    expect(areaContains('MA-TAR', tafraout)).toBe(false);
    expect(areaContains('MA-02', tafraout)).toBe(false);
    expect(areaContains('MA-CAS', { lat: 33.5731, lon: -7.5898 })).toBe(true); // Casablanca
    expect(areaContains('MA-FIG', { lat: 32.1091, lon: -1.2286 })).toBe(true); // Figuig, on the border
    expect(areaContains('MA-01', { lat: 48.8566, lon: 2.3522 })).toBe(false); // Paris
  });

  it('takes a point just outside an outline (within the tolerance), not one farther', () => {
    // Agadir's coast: a point in the sea 1 km off the beach, and one 10 km off.
    expect(areaContains('MA-AGD', { lat: 30.42, lon: -9.63 })).toBe(true);
    expect(areaContains('MA-AGD', { lat: 30.42, lon: -9.75 })).toBe(false);
    expect(areaContains('MA-AGD', { lat: 30.42, lon: -9.75 }, 20)).toBe(true);
  });

  it('says nothing of an unknown area', () => {
    expect(areaContains('MA-99', { lat: 30, lon: -8 })).toBeUndefined();
  });

  it('holds every province’s own first vertex, and each province lies in its region', () => {
    for (const province of PROVINCES) {
      const geometry = areaGeometries('province').get(province.code) as AreaGeometry;
      const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
      const [lon, lat] = ring[0];
      expect(areaContains(province.code, { lat, lon })).toBe(true);
      expect(areaContains(province.region, { lat, lon })).toBe(true);
    }
  });
});
