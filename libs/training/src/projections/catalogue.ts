import { Document, Filter, Projection, ProjectionWrite } from '@tadamon/read-store';
import { ModuleDetails } from '../domain/module/module-details';
import { ModuleEvent, ModuleStatus, TRAINING_MODULE_CATEGORY } from '../domain/module/module';
import { PathDetails } from '../domain/path/path-details';
import { PathEvent, PathStatus, TRAINING_PATH_CATEGORY } from '../domain/path/path';

export const TRAINING_MODULES = 'training_modules';
export const TRAINING_PATHS = 'training_paths';

/** A module of the catalogue as last revised (public). */
export interface ModuleDoc extends Document, ModuleDetails {
  moduleId: string;
  status: ModuleStatus;
  definedAt: string;
  revisedAt: string | null;
  retiredAt: string | null;
  retiringReason: string | null;
}

/** A path (modules in the order they are taken) as last revised (public). */
export interface PathDoc extends Document, PathDetails {
  pathId: string;
  status: PathStatus;
  definedAt: string;
  revisedAt: string | null;
  retiredAt: string | null;
  retiringReason: string | null;
}

const set = (collection: string, id: string, fields: Record<string, unknown>): ProjectionWrite[] => [
  { collection, upsert: { id, update: { $set: fields } } },
];

/** The catalogue: modules and paths. Sessions have their own read model (sessions.ts). */
export const catalogueProjection: Projection = {
  name: 'training-catalogue',
  version: 1,
  collections: [TRAINING_MODULES, TRAINING_PATHS],
  categories: [TRAINING_MODULE_CATEGORY, TRAINING_PATH_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as ModuleEvent | PathEvent;
    switch (event.type) {
      case 'ModuleDefined': {
        const { moduleId, definedAt, by: _by, ...details } = event.data;
        return set(TRAINING_MODULES, moduleId, {
          moduleId,
          ...details,
          status: 'active',
          definedAt,
          revisedAt: null,
          retiredAt: null,
          retiringReason: null,
        });
      }
      case 'ModuleRevised':
        return set(TRAINING_MODULES, event.data.moduleId, {
          ...event.data.changes,
          revisedAt: event.data.revisedAt,
        });
      case 'ModuleRetired':
        return set(TRAINING_MODULES, event.data.moduleId, {
          status: 'retired',
          retiredAt: event.data.retiredAt,
          retiringReason: event.data.reason,
        });
      case 'PathDefined': {
        const { pathId, definedAt, by: _by, ...details } = event.data;
        return set(TRAINING_PATHS, pathId, {
          pathId,
          ...details,
          status: 'active',
          definedAt,
          revisedAt: null,
          retiredAt: null,
          retiringReason: null,
        });
      }
      case 'PathRevised':
        return set(TRAINING_PATHS, event.data.pathId, {
          ...event.data.changes,
          revisedAt: event.data.revisedAt,
        });
      case 'PathRetired':
        return set(TRAINING_PATHS, event.data.pathId, {
          status: 'retired',
          retiredAt: event.data.retiredAt,
          retiringReason: event.data.reason,
        });
      default:
        return [];
    }
  },
};

export interface CatalogueQuery {
  status?: ModuleStatus;
  /** Modules of this theme; paths containing this module. */
  theme?: string;
  moduleId?: string;
}

export const modulesFilter = (query: CatalogueQuery): Filter => {
  const filter: Filter = {};
  if (query.status !== undefined) filter['status'] = query.status;
  if (query.theme !== undefined) filter['theme'] = query.theme;
  return filter;
};

export const pathsFilter = (query: CatalogueQuery): Filter => {
  const filter: Filter = {};
  if (query.status !== undefined) filter['status'] = query.status;
  if (query.moduleId !== undefined) filter['moduleIds'] = query.moduleId;
  return filter;
};
