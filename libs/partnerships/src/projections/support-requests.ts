import { Document, Filter, Projection, ProjectionWrite, UpdateSpec } from '@tadamon/read-store';
import { SUPPORT_REQUEST_CATEGORY } from '../domain/support-request/support-request';
import {
  SupportAnswer,
  SupportKind,
  SupportRequestEvent,
} from '../domain/support-request/support-request-messages';
import {
  SupportRequest,
  supportRequestAge,
  supportRequestDurations,
  SupportRequestDurations,
  SupportRequestStatus,
} from '../domain/support-request/support-request-state';

export const PARTNERSHIPS_SUPPORT_REQUESTS = 'partnerships_support_requests';

/** One request with the instant of each step. The durations are the domain's, at read time. */
export interface SupportRequestDoc extends Document {
  requestId: string;
  requesterId: string;
  projectId: string | null;
  kind: SupportKind;
  subject: string;
  description: string;
  status: SupportRequestStatus;
  /** The officer assigned now. */
  officerId: string | null;
  assignments: { officerId: string; at: string; by: string }[];
  answer: SupportAnswer | null;
  answerKind: SupportAnswer['kind'] | null;
  answeredBy: string | null;
  closingNote: string | null;
  withdrawalReason: string | null;
  receivedAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  withdrawnAt: string | null;
  /** Whether the request still waits on the ministry (received, assigned, answered). */
  open: boolean;
}

export const supportRequestsProjection: Projection = {
  name: 'partnerships-support-requests',
  version: 1,
  collections: [PARTNERSHIPS_SUPPORT_REQUESTS],
  categories: [SUPPORT_REQUEST_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as SupportRequestEvent;
    const id = event.data.requestId;
    const write = (update: UpdateSpec): ProjectionWrite[] => [
      { collection: PARTNERSHIPS_SUPPORT_REQUESTS, upsert: { id, update } },
    ];
    switch (event.type) {
      case 'SupportRequested': {
        const { requestId, requesterId, projectId, kind, subject, description, receivedAt } = event.data;
        return write({
          $set: {
            requestId,
            requesterId,
            projectId,
            kind,
            subject,
            description,
            status: 'received',
            officerId: null,
            assignments: [],
            answer: null,
            answerKind: null,
            answeredBy: null,
            closingNote: null,
            withdrawalReason: null,
            receivedAt,
            answeredAt: null,
            closedAt: null,
            withdrawnAt: null,
            open: true,
          },
        });
      }
      case 'SupportRequestAssigned': {
        const { officerId, assignedAt, by } = event.data;
        return write({
          $set: { status: 'assigned', officerId },
          $push: { assignments: { officerId, at: assignedAt, by } },
        });
      }
      case 'SupportRequestAnswered': {
        const { answer, answeredAt, by } = event.data;
        return write({
          $set: { status: 'answered', answer, answerKind: answer.kind, answeredAt, answeredBy: by },
        });
      }
      case 'SupportRequestClosed':
        return write({
          $set: {
            status: 'closed',
            closingNote: event.data.note,
            closedAt: event.data.closedAt,
            open: false,
          },
        });
      case 'SupportRequestWithdrawn':
        return write({
          $set: {
            status: 'withdrawn',
            withdrawalReason: event.data.reason,
            withdrawnAt: event.data.withdrawnAt,
            open: false,
          },
        });
      default:
        return [];
    }
  },
};

/** The domain's request, rebuilt from a document. */
const supportRequestOf = (doc: SupportRequestDoc): SupportRequest => ({
  status: doc.status,
  requestId: doc.requestId,
  requesterId: doc.requesterId,
  projectId: doc.projectId,
  kind: doc.kind,
  subject: doc.subject,
  description: doc.description,
  officerId: doc.officerId,
  assignments: doc.assignments,
  answer: doc.answer,
  answeredBy: doc.answeredBy,
  closingNote: doc.closingNote,
  withdrawalReason: doc.withdrawalReason,
  receivedAt: doc.receivedAt,
  assignedAt: doc.assignments[0]?.at ?? null,
  answeredAt: doc.answeredAt,
  closedAt: doc.closedAt,
  withdrawnAt: doc.withdrawnAt,
});

export interface SupportRequestView extends SupportRequestDoc {
  /** The first assignment: a re-assignment does not restart the clock. */
  assignedAt: string | null;
  /** Milliseconds each step took (the domain's supportRequestDurations). */
  durations: SupportRequestDurations;
  /** How long an open request has waited at `now`; null once closed or withdrawn. */
  ageMs: number | null;
}

export const supportRequestView = (doc: SupportRequestDoc, now: string): SupportRequestView => {
  const request = supportRequestOf(doc);
  return {
    ...doc,
    assignedAt: request.assignedAt,
    durations: supportRequestDurations(request),
    ageMs: supportRequestAge(request, now),
  };
};

export interface SupportRequestsQuery {
  status?: SupportRequestStatus | SupportRequestStatus[];
  openOnly?: boolean;
  requesterId?: string;
  officerId?: string;
  projectId?: string;
  /** Received before this instant (with `now` minus an age, "waiting for more than N days"). */
  receivedBefore?: string;
}

/** Sort with { receivedAt: 1 } for the oldest first. */
export const supportRequestsFilter = (query: SupportRequestsQuery): Filter => {
  const filter: Filter = {};
  if (query.status !== undefined)
    filter['status'] = Array.isArray(query.status) ? { $in: query.status } : query.status;
  if (query.openOnly) filter['open'] = true;
  for (const key of ['requesterId', 'officerId', 'projectId'] as const)
    if (query[key] !== undefined) filter[key] = query[key];
  // Instants are stored as toISOString() gives them, so they compare as strings.
  if (query.receivedBefore !== undefined) filter['receivedAt'] = { $lt: query.receivedBefore };
  return filter;
};
