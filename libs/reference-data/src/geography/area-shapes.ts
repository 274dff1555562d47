import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { LocalizedNames } from '../languages/languages';
import { findGeoUnit } from './geo-code';
import { PROVINCES } from './provinces';
import { CURRENT_REGIONS, SCHEME_2015 } from './regions';
import provincesTopology from './shapes/provinces.topo.json';
import regionsTopology from './shapes/regions.topo.json';

/** The two levels a map groups by: the 12 regions, or the 75 provinces and prefectures (2015). */
export const AREA_LEVELS = ['region', 'province'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export type AreaGeometry =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** What every area feature says of its area, whatever layer it belongs to. */
export interface AreaProperties {
  /** ISO 3166-2:MA code of the 2015 scheme. */
  code: string;
  level: AreaLevel;
  /** The 2015 region the area lies in (its own code for a region). */
  region: string;
  names: LocalizedNames;
}

export interface AreaFeature<P extends object> {
  type: 'Feature';
  id: string;
  geometry: AreaGeometry;
  properties: AreaProperties & P;
}

/** RFC 7946 FeatureCollection with the outlines' attribution (a foreign member: ODbL asks for it). */
export interface AreaFeatureCollection<P extends object> {
  type: 'FeatureCollection';
  attribution: string;
  features: AreaFeature<P>[];
}

export const AREA_SHAPES_ATTRIBUTION =
  'Outlines: morocco-map 1.3.0 by Yousfi Saad, simplified (https://github.com/yousfiSaad/morocco-map); ' +
  'Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/1-0/';

const AREAS: Record<AreaLevel, readonly AreaProperties[]> = {
  region: CURRENT_REGIONS.map((r) => ({ code: r.code, level: 'region', region: r.code, names: r.names })),
  province: PROVINCES.map((p) => ({ code: p.code, level: 'province', region: p.region, names: p.names })),
};

const TOPOLOGIES: Record<AreaLevel, { topology: Topology; object: string }> = {
  region: { topology: regionsTopology as unknown as Topology, object: 'regions' },
  province: { topology: provincesTopology as unknown as Topology, object: 'provinces' },
};

/** ~1 m: the quantised outlines (~15 m steps) gain nothing from the float noise past it. */
const round = (coordinates: unknown): unknown =>
  typeof coordinates === 'number'
    ? Math.round(coordinates * 1e5) / 1e5
    : (coordinates as unknown[]).map(round);

const geometries = new Map<AreaLevel, ReadonlyMap<string, AreaGeometry>>();

/** Each area's outline at a level, keyed by code; decoded once from the committed TopoJSON. */
export const areaGeometries = (level: AreaLevel): ReadonlyMap<string, AreaGeometry> => {
  const cached = geometries.get(level);
  if (cached) return cached;
  const { topology, object } = TOPOLOGIES[level];
  const decoded = new Map(
    feature(topology, topology.objects[object] as GeometryCollection).features.map((f) => {
      const geometry = f.geometry as AreaGeometry;
      return [
        String(f.id),
        { type: geometry.type, coordinates: round(geometry.coordinates) } as AreaGeometry,
      ];
    }),
  );
  geometries.set(level, decoded);
  return decoded;
};

/**
 * A layer of every area at a level (zeros included: a choropleth needs each area), in code order,
 * each with its outline and what `propertiesOf` says of it.
 */
export const areaFeatureCollection = <P extends object>(
  level: AreaLevel,
  propertiesOf: (area: AreaProperties) => P,
): AreaFeatureCollection<P> => {
  const outlines = areaGeometries(level);
  return {
    type: 'FeatureCollection',
    attribution: AREA_SHAPES_ATTRIBUTION,
    features: AREAS[level].map((area) => ({
      type: 'Feature',
      id: area.code,
      geometry: outlines.get(area.code) as AreaGeometry,
      properties: { ...area, ...propertiesOf(area) },
    })),
  };
};

/** Degrees to kilometres near a point (equirectangular: exact enough over a few kilometres). */
const KM_PER_DEGREE_LAT = 110.57;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

const inRing = (ring: number[][], lon: number, lat: number): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

const kmToRing = (ring: number[][], lon: number, lat: number): number => {
  const kx = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    const [ax, ay] = [(ring[i - 1][0] - lon) * kx, (ring[i - 1][1] - lat) * KM_PER_DEGREE_LAT];
    const [bx, by] = [(ring[i][0] - lon) * kx, (ring[i][1] - lat) * KM_PER_DEGREE_LAT];
    const [dx, dy] = [bx - ax, by - ay];
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
};

/**
 * Whether a point lies in an area's outline (a region or a province of the 2015 scheme), or within
 * `toleranceKm` of it: the outlines are simplified (and a village on a border may be recorded on
 * either side), so a point a little outside is not refused. Undefined for an unknown code.
 */
export const areaContains = (
  code: string,
  point: { lat: number; lon: number },
  toleranceKm = 2,
): boolean | undefined => {
  const level = findGeoUnit(SCHEME_2015, code)?.level;
  const geometry = level && areaGeometries(level).get(code);
  if (!geometry) return undefined;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const { lon, lat } = point;
  if (
    polygons.some(([outer, ...holes]) => inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat)))
  )
    return true;
  return polygons.some((rings) => rings.some((ring) => kmToRing(ring, lon, lat) <= toleranceKm));
};
