import {
  projectsControllerPublish,
  projectsControllerReach,
  projectsControllerReplicate,
  projectsControllerStatus,
  projectsControllerUnpublish,
  resultsControllerApprove,
  resultsControllerReturn,
  resultsControllerSubmit,
  type ProjectStatusDto,
  type SubmitUpdateDto,
} from '../../api/generated';
import type { CommandHeaders } from '../../api/use-command';

// The officer's commands on a project and on its results; each passes the command's headers
// (Idempotency-Key, If-Match) to the generated call.

export const changeStatus = async (projectId: string, body: ProjectStatusDto, headers: CommandHeaders) =>
  (await projectsControllerStatus({ path: { projectId }, body, headers, throwOnError: true })).data;

export const reachMilestone = async (
  projectId: string,
  milestoneId: string,
  reachedOn: string,
  headers: CommandHeaders,
) =>
  (
    await projectsControllerReach({
      path: { projectId, milestoneId },
      body: { reachedOn },
      headers,
      throwOnError: true,
    })
  ).data;

export const publishProject = async (projectId: string, headers: CommandHeaders) =>
  (await projectsControllerPublish({ path: { projectId }, headers, throwOnError: true })).data;

export const unpublishProject = async (projectId: string, reason: string, headers: CommandHeaders) =>
  (await projectsControllerUnpublish({ path: { projectId }, body: { reason }, headers, throwOnError: true }))
    .data;

export const proposeReplication = async (
  projectId: string,
  region: string,
  replicaProjectId: string | undefined,
  headers: CommandHeaders,
) =>
  (
    await projectsControllerReplicate({
      path: { projectId },
      body: {
        region: { scheme: 'iso3166-2:2015', code: region },
        ...(replicaProjectId ? { replicaProjectId } : {}),
      },
      headers,
      throwOnError: true,
    })
  ).data;

export interface UpdateSubmission {
  indicatorId: string;
  periodStart: string;
  periodEnd: string;
  value: number | string;
  evidence: SubmitUpdateDto['evidence'];
  comment?: string;
}

export const submitUpdate = async (projectId: string, update: UpdateSubmission, headers: CommandHeaders) =>
  (
    await resultsControllerSubmit({
      path: { projectId },
      // The OpenAPI document types `value` as an object; the API takes a number or a text.
      body: { ...update, value: update.value as unknown as SubmitUpdateDto['value'] },
      headers,
      throwOnError: true,
    })
  ).data;

export const approveUpdate = async (projectId: string, updateId: string, headers: CommandHeaders) =>
  (await resultsControllerApprove({ path: { projectId, updateId }, headers, throwOnError: true })).data;

export const returnUpdate = async (
  projectId: string,
  updateId: string,
  reason: string,
  headers: CommandHeaders,
) =>
  (
    await resultsControllerReturn({
      path: { projectId, updateId },
      body: { reason },
      headers,
      throwOnError: true,
    })
  ).data;
