import { ApiRecord, recordField, recordListField, textField } from '../../api/record-fields';

/** A project's location as the map draws it. */
export interface ProjectPoint {
  projectId: string;
  title: ApiRecord | undefined;
  status: string | undefined;
  region: string;
  areaCode: string;
  commune: string | undefined;
  /** `[lon, lat]`, or undefined when the location names an area only. */
  lonLat: [number, number] | undefined;
}

export interface ProjectsLayer {
  /** Locations with a point. */
  points: ProjectPoint[];
  /** Per region: its distinct projects (with or without a point). */
  projectsPerRegion: Map<string, number>;
  /** Per region: its distinct projects that have a location there without a point. */
  unplacedPerRegion: Map<string, number>;
}

const lonLatOf = (geometry: ApiRecord | undefined): [number, number] | undefined => {
  if (!geometry || textField(geometry, 'type') !== 'Point') return undefined;
  const coordinates = geometry['coordinates'];
  if (!Array.isArray(coordinates) || coordinates.length < 2) return undefined;
  const [lon, lat] = coordinates;
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : undefined;
};

const countDistinct = (pairs: [string, string][]): Map<string, number> => {
  const sets = new Map<string, Set<string>>();
  for (const [region, projectId] of pairs) sets.set(region, (sets.get(region) ?? new Set()).add(projectId));
  return new Map([...sets].map(([region, ids]) => [region, ids.size]));
};

/**
 * The GeoJSON of GET /api/partnerships/map/projects.geojson read into what the map draws: a point
 * per located place, and per region the projects it holds (a project with two places in a region
 * counts once there).
 */
export function projectsLayer(geoJson: unknown): ProjectsLayer {
  const collection = geoJson !== null && typeof geoJson === 'object' ? (geoJson as ApiRecord) : {};
  const all: ProjectPoint[] = [];
  for (const item of recordListField(collection, 'features')) {
    const properties = recordField(item, 'properties');
    const projectId = properties && textField(properties, 'projectId');
    const region = properties && textField(properties, 'regionCode');
    if (!properties || !projectId || !region) continue;
    all.push({
      projectId,
      title: recordField(properties, 'title'),
      status: textField(properties, 'status'),
      region,
      areaCode: textField(properties, 'areaCode') ?? region,
      commune: textField(properties, 'commune'),
      lonLat: lonLatOf(recordField(item, 'geometry')),
    });
  }
  return {
    points: all.filter((p) => p.lonLat !== undefined),
    projectsPerRegion: countDistinct(all.map((p) => [p.region, p.projectId])),
    unplacedPerRegion: countDistinct(all.filter((p) => !p.lonLat).map((p) => [p.region, p.projectId])),
  };
}
