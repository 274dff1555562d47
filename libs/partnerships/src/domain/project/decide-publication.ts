import {
  checkInteger,
  checkOneOf,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import {
  AttachProjectDocument,
  PROJECT_DOCUMENT_KINDS,
  ProjectDocument,
  PublishProject,
  UnpublishProject,
} from './project-commands';
import { ProjectDocumentAlreadyAttached, ProjectIncomplete } from './project-errors';
import { ProjectEvent } from './project-events';
import { missingDetails } from './project-rules';
import { OpenedProject } from './project-state';

const SHA256 = /^[0-9a-f]{64}$/;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/;

/** Documents are attached in every status: a cancellation letter, a final evaluation after closing. */
export const decideDocument = (command: AttachProjectDocument, state: OpenedProject): ProjectEvent[] => {
  const { data, metadata } = command;
  const issues = new FieldIssues();
  if (typeof data.sha256 !== 'string' || !SHA256.test(data.sha256))
    issues.add('sha256', 'must be a lower-case hex SHA-256 (64 characters)');
  const document: ProjectDocument = {
    sha256: String(data.sha256),
    name: checkText(issues, 'name', data.name),
    mediaType: String(data.mediaType),
    size: checkInteger(issues, 'size', data.size, 1, Number.MAX_SAFE_INTEGER),
    kind: checkOneOf(issues, 'kind', data.kind, PROJECT_DOCUMENT_KINDS),
  };
  if (typeof data.mediaType !== 'string' || !MEDIA_TYPE.test(data.mediaType))
    issues.add('mediaType', 'must be a media type such as application/pdf');
  issues.throwIfAny();
  const attached = state.documents[document.sha256];
  if (attached) {
    if (sameJson(attached, document)) return [];
    throw new ProjectDocumentAlreadyAttached(document.sha256, attached.name);
  }
  return [
    {
      type: 'ProjectDocumentAttached',
      data: { projectId: state.projectId, ...document, attachedAt: metadata.now, by: metadata.actor.id },
    },
  ];
};

/** Only public projects go to IATI; a project is published once it has what IATI needs. */
export const decidePublication = (command: PublishProject, state: OpenedProject): ProjectEvent[] => {
  if (state.visibility === 'public') return [];
  const missing = missingDetails(state.details);
  if (missing.length > 0) throw new ProjectIncomplete(state.projectId, missing);
  const { now, actor } = command.metadata;
  return [{ type: 'ProjectPublished', data: { projectId: state.projectId, publishedAt: now, by: actor.id } }];
};

export const decideUnpublication = (command: UnpublishProject, state: OpenedProject): ProjectEvent[] => {
  if (state.visibility === 'internal') return [];
  const issues = new FieldIssues();
  const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
  issues.throwIfAny();
  const { now, actor } = command.metadata;
  return [
    {
      type: 'ProjectUnpublished',
      data: { projectId: state.projectId, reason, unpublishedAt: now, by: actor.id },
    },
  ];
};
