import { Document, Filter, Projection, ProjectionWrite } from '@tadamon/read-store';
import { LocalizedText } from '../domain/field-validation';
import { PROJECT_RESULTS_CATEGORY } from '../domain/results/results';
import { ResultLevel } from '../domain/results/results-commands';
import { IndicatorDefinition, ResultsEvent } from '../domain/results/results-events';
import { IndicatorUpdate, IndicatorUpdateStatus } from '../domain/results/results-state';
import { documentKey } from './document-keys';

export const PARTNERSHIPS_RESULTS = 'partnerships_results';
export const PARTNERSHIPS_INDICATOR_UPDATES = 'partnerships_indicator_updates';

export interface ResultEntry {
  resultId: string;
  level: ResultLevel;
  title: LocalizedText;
  description: LocalizedText | null;
  definedAt: string;
}

export type IndicatorEntry = IndicatorDefinition & { definedAt: string; targetsRevisedAt: string | null };

/** The domain's update (the input of indicatorProgress) with the project it belongs to. */
export type IndicatorUpdateEntry = IndicatorUpdate & { projectId: string };

/** A project's results framework, id = the project's. Progress is computed by resultsView. */
export interface ResultsDoc extends Document {
  projectId: string;
  /** By documentKey(resultId), documentKey(indicatorId), documentKey(updateId). */
  results: Record<string, ResultEntry>;
  indicators: Record<string, IndicatorEntry>;
  updates: Record<string, IndicatorUpdateEntry>;
}

/** One update across projects, for the back office's queue ("waiting for approval"). */
export interface IndicatorUpdateDoc extends Document, IndicatorUpdateEntry {}

/** Update ids are unique within a project; `/` is not a character of ids. */
export const indicatorUpdateDocId = (projectId: string, updateId: string): string =>
  `${projectId}/${updateId}`;

export const resultsProjection: Projection = {
  name: 'partnerships-results',
  version: 1,
  collections: [PARTNERSHIPS_RESULTS, PARTNERSHIPS_INDICATOR_UPDATES],
  categories: [PROJECT_RESULTS_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as ResultsEvent;
    const projectId = event.data.projectId;
    const framework = (fields: Record<string, unknown>): ProjectionWrite => ({
      collection: PARTNERSHIPS_RESULTS,
      upsert: { id: projectId, update: { $set: { projectId, ...fields } } },
    });
    const update = (updateId: string, fields: Record<string, unknown>): ProjectionWrite[] => {
      const inFramework = Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [`updates.${documentKey(updateId)}.${k}`, v]),
      );
      return [
        framework(inFramework),
        {
          collection: PARTNERSHIPS_INDICATOR_UPDATES,
          upsert: { id: indicatorUpdateDocId(projectId, updateId), update: { $set: fields } },
        },
      ];
    };
    switch (event.type) {
      case 'ResultDefined': {
        const { resultId, level, title, description, definedAt } = event.data;
        const entry: ResultEntry = { resultId, level, title, description, definedAt };
        return [framework({ [`results.${documentKey(resultId)}`]: entry })];
      }
      case 'IndicatorDefined': {
        const { projectId: _p, by: _by, ...definition } = event.data;
        const entry: IndicatorEntry = { ...definition, targetsRevisedAt: null };
        return [framework({ [`indicators.${documentKey(definition.indicatorId)}`]: entry })];
      }
      case 'IndicatorTargetsRevised': {
        const key = `indicators.${documentKey(event.data.indicatorId)}`;
        return [
          framework({
            [`${key}.targets`]: event.data.targets,
            [`${key}.targetsRevisedAt`]: event.data.revisedAt,
          }),
        ];
      }
      case 'IndicatorUpdateSubmitted': {
        const { projectId: _p, submittedAt, by, ...submitted } = event.data;
        const entry: IndicatorUpdateEntry = {
          projectId,
          ...submitted,
          status: 'pending',
          submittedAt,
          submittedBy: by,
          decidedAt: null,
          decidedBy: null,
          returnReason: null,
        };
        return update(submitted.updateId, entry);
      }
      case 'IndicatorUpdateApproved':
        return update(event.data.updateId, {
          status: 'approved',
          decidedAt: event.data.approvedAt,
          decidedBy: event.data.by,
        });
      case 'IndicatorUpdateReturned':
        return update(event.data.updateId, {
          status: 'returned',
          decidedAt: event.data.returnedAt,
          decidedBy: event.data.by,
          returnReason: event.data.reason,
        });
      default:
        return [];
    }
  },
};

export interface IndicatorUpdatesQuery {
  status?: IndicatorUpdateStatus;
  projectId?: string;
  indicatorId?: string;
  /** Leaves out what this officer submitted: four eyes, they may not decide it. */
  decidableBy?: string;
}

export const indicatorUpdatesFilter = (query: IndicatorUpdatesQuery): Filter => {
  const filter: Filter = {};
  for (const key of ['status', 'projectId', 'indicatorId'] as const)
    if (query[key] !== undefined) filter[key] = query[key];
  if (query.decidableBy !== undefined) filter['submittedBy'] = { $ne: query.decidableBy };
  return filter;
};
