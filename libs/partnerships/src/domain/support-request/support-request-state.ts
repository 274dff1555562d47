import { SupportAnswer, SupportRequestDetails } from './support-request-messages';

export type SupportRequestStatus = 'received' | 'assigned' | 'answered' | 'closed' | 'withdrawn';

export type SupportRequest = {
  readonly status: SupportRequestStatus;
  readonly requestId: string;
  readonly officerId: string | null;
  /** Every assignment, the first one first: a re-assignment does not restart the clock. */
  readonly assignments: readonly { readonly officerId: string; readonly at: string; readonly by: string }[];
  readonly answer: SupportAnswer | null;
  readonly answeredBy: string | null;
  readonly closingNote: string | null;
  readonly withdrawalReason: string | null;
  readonly receivedAt: string;
  /** The first assignment. */
  readonly assignedAt: string | null;
  readonly answeredAt: string | null;
  readonly closedAt: string | null;
  readonly withdrawnAt: string | null;
} & SupportRequestDetails;

export type SupportRequestState = { readonly status: 'none' } | SupportRequest;

export const initialSupportRequestState = (): SupportRequestState => ({ status: 'none' });

/** Milliseconds each step took; null for a step not (yet) taken. */
export type SupportRequestDurations = {
  readonly receivedToAssigned: number | null;
  readonly assignedToAnswered: number | null;
  readonly answeredToClosed: number | null;
  /** From receipt to closing or withdrawal. */
  readonly total: number | null;
};

const between = (from: string | null, to: string | null): number | null =>
  from === null || to === null ? null : Date.parse(to) - Date.parse(from);

export const supportRequestDurations = (state: SupportRequestState): SupportRequestDurations => {
  if (state.status === 'none')
    return { receivedToAssigned: null, assignedToAnswered: null, answeredToClosed: null, total: null };
  return {
    receivedToAssigned: between(state.receivedAt, state.assignedAt),
    assignedToAnswered: between(state.assignedAt, state.answeredAt),
    answeredToClosed: between(state.answeredAt, state.closedAt),
    total: between(state.receivedAt, state.closedAt ?? state.withdrawnAt),
  };
};

/** How long an open request has waited, at `now` (the read model's "age"); null once it is over. */
export const supportRequestAge = (state: SupportRequestState, now: string): number | null =>
  state.status === 'none' || state.status === 'closed' || state.status === 'withdrawn'
    ? null
    : between(state.receivedAt, now);
