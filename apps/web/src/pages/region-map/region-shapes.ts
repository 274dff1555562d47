import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MAP_WIDTH = 520;
export const MAP_HEIGHT = 560;

/** One region's outline as an SVG path, keyed by its ISO 3166-2:MA code (MA-01..MA-12). */
export interface RegionShape {
  region: string;
  path: string;
}

/**
 * The regions of a TopoJSON topology (object `regions`) projected (Mercator) to fill the map's
 * box. Only the geometry and the code are used: the names are ours (the package's English names
 * of MA-10..MA-12 carry annotations).
 */
export function regionShapes(topology: Topology, width = MAP_WIDTH, height = MAP_HEIGHT): RegionShape[] {
  const regions = feature(topology, topology.objects['regions'] as GeometryCollection);
  const path = geoPath(geoMercator().fitSize([width, height], regions)).digits(1);
  return regions.features
    .map((region) => ({ region: String(region.id), path: path(region) ?? '' }))
    .sort((a, b) => a.region.localeCompare(b.region));
}

/**
 * The package's TopoJSON (ODbL 1.0) simplified for the map's size (`npm run generate:map`), in its
 * own chunk: only the map page loads it.
 */
export async function loadRegionShapes(): Promise<RegionShape[]> {
  const topology = (await import('./regions.simplified.json')).default as unknown as Topology;
  return regionShapes(topology);
}
