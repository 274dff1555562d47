import { Money } from '@tadamon/reference-data';
import { Document, Filter, Projection, ProjectionWrite } from '@tadamon/read-store';
import {
  CALL_FOR_PROPOSALS_CATEGORY,
  CallForProposalsEvent,
  CallStatus,
} from '../domain/call-for-proposals/call-for-proposals';
import { CallTerms } from '../domain/call-for-proposals/call-terms';
import { LocalizedText } from '../domain/field-validation';

export const FUNDING_CALLS = 'funding_calls';

/** A call in the catalogue: its terms as published (they are public once the call is). */
export interface CallDoc extends Document, Omit<CallTerms, 'title' | 'summary' | 'budget'> {
  callId: string;
  title: LocalizedText;
  summary: LocalizedText;
  budget: Money;
  status: CallStatus;
  criteriaVersion: number;
  draftedAt: string;
  publishedAt: string | null;
  closedAt: string | null;
}

const write = (id: string, set: Record<string, unknown>): ProjectionWrite[] => [
  { collection: FUNDING_CALLS, upsert: { id, update: { $set: set } } },
];

export const callsProjection: Projection = {
  name: 'funding-calls',
  version: 1,
  collections: [FUNDING_CALLS],
  categories: [CALL_FOR_PROPOSALS_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as CallForProposalsEvent;
    const id = event.data.callId;
    switch (event.type) {
      case 'CallForProposalsDrafted':
        return write(id, {
          callId: id,
          ...event.data.terms,
          status: 'draft',
          criteriaVersion: event.data.criteriaVersion,
          draftedAt: event.data.draftedAt,
          publishedAt: null,
          closedAt: null,
        });
      case 'CallForProposalsRevised':
        return write(id, { ...event.data.changes, criteriaVersion: event.data.criteriaVersion });
      case 'CallForProposalsPublished':
        return write(id, {
          status: 'published',
          criteriaVersion: event.data.criteriaVersion,
          deadline: event.data.deadline,
          publishedAt: event.data.publishedAt,
        });
      case 'CallDeadlineExtended':
        return write(id, { deadline: event.data.deadline });
      case 'CallForProposalsClosed':
        return write(id, { status: 'closed', closedAt: event.data.closedAt });
      default:
        return [];
    }
  },
};

export interface CallsQuery {
  /** The public list: published calls whose deadline is after `now`. */
  openAt?: string;
  status?: CallStatus;
  programmeId?: string;
}

export const callsFilter = (query: CallsQuery): Filter => {
  const filter: Filter = {};
  if (query.openAt !== undefined) {
    filter['status'] = 'published';
    // Deadlines are stored as toISOString() gives them, so they compare as strings.
    filter['deadline'] = { $gt: query.openAt };
  } else if (query.status !== undefined) filter['status'] = query.status;
  if (query.programmeId !== undefined) filter['programmeId'] = query.programmeId;
  return filter;
};
