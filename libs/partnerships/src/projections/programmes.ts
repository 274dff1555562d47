import { Document, Filter, Projection, ProjectionWrite } from '@tadamon/read-store';
import { PROGRAMME_CATEGORY, ProgrammeEvent, ProgrammeStatus } from '../domain/programme/programme';
import { ProgrammeDetails } from '../domain/programme/programme-details';

export const PARTNERSHIPS_PROGRAMMES = 'partnerships_programmes';

/**
 * A programme's page header: its details as last revised. Its envelopes and awards are Funding's
 * read models (by `programmeId`), its agreements and projects this context's (agreementsFilter,
 * projectsFilter with `programmeId`).
 */
export interface ProgrammeDoc extends Document, ProgrammeDetails {
  programmeId: string;
  status: ProgrammeStatus;
  definedAt: string;
  revisedAt: string | null;
  closedAt: string | null;
  closingReason: string | null;
}

export const programmesProjection: Projection = {
  name: 'partnerships-programmes',
  version: 1,
  collections: [PARTNERSHIPS_PROGRAMMES],
  categories: [PROGRAMME_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as ProgrammeEvent;
    const id = event.data.programmeId;
    const set = (fields: Record<string, unknown>): ProjectionWrite[] => [
      { collection: PARTNERSHIPS_PROGRAMMES, upsert: { id, update: { $set: fields } } },
    ];
    switch (event.type) {
      case 'ProgrammeDefined': {
        const { name, description, partnerId, funderIds, budget, period, definedAt } = event.data;
        return set({
          programmeId: id,
          name,
          description,
          partnerId,
          funderIds,
          budget,
          period,
          status: 'active',
          definedAt,
          revisedAt: null,
          closedAt: null,
          closingReason: null,
        });
      }
      case 'ProgrammeRevised':
        return set({ ...event.data.changes, revisedAt: event.data.revisedAt });
      case 'ProgrammeClosed':
        return set({ status: 'closed', closedAt: event.data.closedAt, closingReason: event.data.reason });
      default:
        return [];
    }
  },
};

export interface ProgrammesQuery {
  status?: ProgrammeStatus;
  /** Programmes where this actor is the partner or a funder. */
  actorId?: string;
}

export const programmesFilter = (query: ProgrammesQuery): Filter => {
  const filter: Filter = {};
  if (query.status !== undefined) filter['status'] = query.status;
  if (query.actorId !== undefined)
    filter['$or'] = [{ partnerId: query.actorId }, { funderIds: query.actorId }];
  return filter;
};
