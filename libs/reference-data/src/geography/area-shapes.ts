import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { LocalizedNames } from '../languages/languages';
import { PROVINCES } from './provinces';
import { CURRENT_REGIONS } from './regions';
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
