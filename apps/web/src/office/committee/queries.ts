import { revisionOf } from '../../api/revision';
import {
  applicationsControllerGet,
  callsControllerBoard,
  callsControllerList,
  callsControllerRankingOf,
  envelopesControllerGet,
} from '../../api/generated';

// Query functions over the generated client (`throwOnError`: a problem is the query's error).

/** Closed calls: their applications wait for the committee (the committee also sees drafts). */
export const callsToDecideQuery = (page: number) => ({
  queryKey: ['funding', 'calls', 'closed', { page }] as const,
  queryFn: async () =>
    (await callsControllerList({ query: { status: 'closed', page, pageSize: 20 }, throwOnError: true })).data,
});

export const rankingQuery = (callId: string) => ({
  queryKey: ['funding', 'calls', callId, 'ranking'] as const,
  queryFn: async () => (await callsControllerRankingOf({ path: { callId }, throwOnError: true })).data,
});

export const boardQuery = (callId: string, page: number) => ({
  queryKey: ['funding', 'calls', callId, 'board', { page }] as const,
  queryFn: async () =>
    (await callsControllerBoard({ path: { callId }, query: { page, pageSize: 50 }, throwOnError: true }))
      .data,
});

export const envelopeQuery = (envelopeId: string) => ({
  queryKey: ['funding', 'envelopes', envelopeId] as const,
  queryFn: async () => (await envelopesControllerGet({ path: { envelopeId }, throwOnError: true })).data,
});

/** One application folded from its stream, with its revision (the ETag) for If-Match. */
export const applicationQuery = (applicationId: string) => ({
  queryKey: ['funding', 'applications', applicationId] as const,
  queryFn: async () => {
    const { data, response } = await applicationsControllerGet({
      path: { applicationId },
      throwOnError: true,
    });
    return { record: data, revision: revisionOf(response) };
  },
});

/** What a decision on an application changes: the application, its call's board and ranking, the envelopes. */
export const decisionInvalidates = (applicationId: string, callId: string) => [
  applicationQuery(applicationId).queryKey,
  ['funding', 'calls', callId],
  ['funding', 'envelopes'],
];
