import { AreaFeatureCollection, AreaLevel, areaFeatureCollection } from '@tadamon/reference-data';
import { DocumentStore } from '@tadamon/read-store';
import { ActivityStatus } from '../domain/project/project-status';
import { AreaProjectFigures, areaProjectFigures, noProjects } from './area-project-figures';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsFilter } from './projects';

export interface ProjectsByAreaQuery {
  level: AreaLevel;
  sector?: string;
  status?: ActivityStatus;
}

/**
 * The published projects as a GeoJSON layer of areas: every region, or every province and
 * prefecture, with its outline and its projects' figures (zeros included). A project located at a
 * province counts in that province and its region; one located at a whole region in the region
 * layer only. Counted at query time, as partnershipsFigures says why.
 */
export const projectsByArea = async (
  docs: DocumentStore,
  query: ProjectsByAreaQuery,
): Promise<AreaFeatureCollection<AreaProjectFigures>> => {
  const projects = await docs
    .collection<ProjectDoc>(PARTNERSHIPS_PROJECTS)
    .find(projectsFilter({ publicOnly: true, sectorCode: query.sector, status: query.status }), {
      projection: { status: 1, regionCodes: 1, provinceCodes: 1, sectorCodes: 1, budgetLines: 1 },
    });
  const figures = areaProjectFigures(
    projects,
    (p) => (query.level === 'region' ? p.regionCodes : p.provinceCodes) ?? [],
  );
  return areaFeatureCollection(query.level, (area) => figures.get(area.code) ?? noProjects());
};
