import { Decider, streamName } from '@tadamon/eventsourcing';
import { NotCreated } from '../errors';
import { FieldIssues } from '../field-validation';
import { decideOpening, decideOpeningFromAward, PROJECT } from './decide-opening';
import { decideDisbursement, decideExpenditure } from './decide-money';
import { decideMilestone, decideReplication, decideStatusChange } from './decide-progress';
import { decideDocument, decidePublication, decideUnpublication } from './decide-publication';
import { decideRevision } from './decide-revision';
import { ProjectCommand } from './project-commands';
import { ProjectEvent } from './project-events';
import { evolveProject, initialProjectState, OpenedProject, ProjectState } from './project-state';

export const PROJECT_CATEGORY = 'project';
export const projectStreamName = (projectId: string): string => streamName(PROJECT_CATEGORY, projectId);

const checkStreamProject = (state: OpenedProject, projectId: unknown): void => {
  const issues = new FieldIssues();
  if (projectId !== state.projectId)
    issues.add('projectId', `must be ${state.projectId}, the project of this stream`);
  issues.throwIfAny();
};

export const decideProject = (command: ProjectCommand, state: ProjectState): ProjectEvent[] => {
  if (command.type === 'OpenProject') return decideOpening(command, state);
  if (command.type === 'OpenProjectFromAward') return decideOpeningFromAward(command, state);
  if (state.status === 'none') throw new NotCreated(PROJECT, command.type);
  checkStreamProject(state, command.data.projectId);
  switch (command.type) {
    case 'ReviseProject':
      return decideRevision(command, state);
    case 'ChangeProjectStatus':
      return decideStatusChange(command, state);
    case 'ReachMilestone':
      return decideMilestone(command, state);
    case 'RecordProjectDisbursement':
      return decideDisbursement(command, state);
    case 'RecordExpenditure':
      return decideExpenditure(command, state);
    case 'AttachProjectDocument':
      return decideDocument(command, state);
    case 'PublishProject':
      return decidePublication(command, state);
    case 'UnpublishProject':
      return decideUnpublication(command, state);
    case 'ProposeReplication':
      return decideReplication(command, state);
  }
};

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
};
