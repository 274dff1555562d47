import {
  applicationsControllerGet,
  callsControllerBoard,
  callsControllerGet,
  callsControllerList,
  envelopesControllerGet,
  envelopesControllerList,
  type CallsControllerListData,
} from '../../api/generated';

// The officer's reads of Funding. Records read to be changed keep their ETag (the stream's
// revision), which the command sends back as If-Match.

export const FUNDING_KEY = ['officeFunding'] as const;

import { revisionOf } from '../../api/revision';

export { revisionOf };

export const envelopesQuery = (page: number) => ({
  queryKey: [...FUNDING_KEY, 'envelopes', { page }] as const,
  queryFn: async () => (await envelopesControllerList({ query: { page }, throwOnError: true })).data,
});

export const envelopeQuery = (envelopeId: string) => ({
  queryKey: [...FUNDING_KEY, 'envelopes', envelopeId] as const,
  queryFn: async () => {
    const { data, response } = await envelopesControllerGet({ path: { envelopeId }, throwOnError: true });
    return { record: data, revision: revisionOf(response) };
  },
});

export type CallStatusFilter = NonNullable<CallsControllerListData['query']>['status'];

/** Every call the officer may see, of one status or all. */
export const officerCallsQuery = (page: number, status?: CallStatusFilter) => ({
  queryKey: [...FUNDING_KEY, 'calls', { page, status }] as const,
  queryFn: async () =>
    (await callsControllerList({ query: { page, ...(status && { status }) }, throwOnError: true })).data,
});

export const officerCallQuery = (callId: string) => ({
  queryKey: [...FUNDING_KEY, 'calls', callId] as const,
  queryFn: async () => {
    const { data, response } = await callsControllerGet({ path: { callId }, throwOnError: true });
    return { record: data, revision: revisionOf(response) };
  },
});

export const boardQuery = (callId: string, page: number) => ({
  queryKey: [...FUNDING_KEY, 'calls', callId, 'board', { page }] as const,
  queryFn: async () =>
    (await callsControllerBoard({ path: { callId }, query: { page }, throwOnError: true })).data,
});

export const applicationQuery = (applicationId: string) => ({
  queryKey: [...FUNDING_KEY, 'applications', applicationId] as const,
  queryFn: async () => {
    const { data, response } = await applicationsControllerGet({
      path: { applicationId },
      throwOnError: true,
    });
    return { record: data, revision: revisionOf(response) };
  },
});

/** What a call's change makes stale: the officer's lists and the public's. */
export const CALLS_KEYS = [
  [...FUNDING_KEY, 'calls'],
  ['funding', 'calls'],
];
