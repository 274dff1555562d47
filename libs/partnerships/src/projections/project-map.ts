import { ActivityStatus } from '../domain/project/project-status';
import { LocalizedText } from '../domain/field-validation';
import { ProjectDoc } from './projects';

export interface ProjectFeatureProperties {
  projectId: string;
  title: LocalizedText | null;
  status: ActivityStatus;
  /** The location's 2015 region, and its province or prefecture when given at that level. */
  regionCode: string;
  provinceCode: string | null;
  /** The area's code as given (region or province): what a map without a point groups by. */
  areaCode: string;
  commune: string | null;
  sectorCodes: string[];
}

/** RFC 7946: a located feature has a Point `[lon, lat]`; an area-only one a null geometry. */
export interface ProjectFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: ProjectFeatureProperties;
}

export interface ProjectFeatureCollection {
  type: 'FeatureCollection';
  features: ProjectFeature[];
}

/**
 * The public map's layer: one feature per location of each project, a point where the location
 * has one, else no geometry and the area's codes for the map to place it in its region or
 * province. Give it public projects only (projectsFilter({ publicOnly: true })).
 */
export const projectsGeoJson = (
  docs: readonly Pick<ProjectDoc, 'projectId' | 'title' | 'status' | 'locations' | 'sectorCodes'>[],
): ProjectFeatureCollection => ({
  type: 'FeatureCollection',
  features: docs.flatMap((doc) =>
    doc.locations.map((location): ProjectFeature => ({
      type: 'Feature',
      geometry: location.point
        ? { type: 'Point', coordinates: [location.point.lon, location.point.lat] }
        : null,
      properties: {
        projectId: doc.projectId,
        title: doc.title,
        status: doc.status,
        regionCode: location.region,
        provinceCode: location.area.code === location.region ? null : location.area.code,
        areaCode: location.area.code,
        commune: location.commune,
        sectorCodes: doc.sectorCodes,
      },
    })),
  ),
});
