import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { MAP_HEIGHT, MAP_WIDTH, regionShapes, RegionShape } from '../region-map/region-shapes';

/** The region map's outlines, with the same projection for the projects' points. */
export interface ProjectsMapBase {
  shapes: RegionShape[];
  /** Each region's centre on the map (where its count of projects without a point is drawn). */
  centres: Map<string, [number, number]>;
  /** `[lon, lat]` to the map's `[x, y]`; null outside the projection. */
  project(lonLat: [number, number]): [number, number] | null;
}

export function projectsMapBase(topology: Topology): ProjectsMapBase {
  const regions = feature(topology, topology.objects['regions'] as GeometryCollection);
  const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], regions);
  const path = geoPath(projection);
  return {
    shapes: regionShapes(topology),
    centres: new Map(regions.features.map((r) => [String(r.id), path.centroid(r)])),
    project: (lonLat) => projection(lonLat),
  };
}

/** The region map's simplified TopoJSON, in the map page's own chunk. */
export async function loadProjectsMapBase(): Promise<ProjectsMapBase> {
  const topology = (await import('../region-map/regions.simplified.json')).default as unknown as Topology;
  return projectsMapBase(topology);
}
