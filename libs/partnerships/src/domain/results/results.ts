import { Decider, streamName } from '@tadamon/eventsourcing';
import { NotCreated } from '../errors';
import { checkId, FieldIssues } from '../field-validation';
import { decideIndicator, decideResult, decideTargets } from './decide-definition';
import { decideApproval, decideReturn, decideSubmission } from './decide-updates';
import { ResultsCommand } from './results-commands';
import { ResultsEvent } from './results-events';
import { evolveResults, initialResultsState, ResultsState } from './results-state';

// The results framework of a project has its own stream (id = the project's id): updates and
// their approvals do not contend with edits of the project.
export const PROJECT_RESULTS_CATEGORY = 'projectResults';
export const projectResultsStreamName = (projectId: string): string =>
  streamName(PROJECT_RESULTS_CATEGORY, projectId);

const RESULTS = 'projectResults';

const checkStreamProject = (state: ResultsState, projectId: unknown): string => {
  const issues = new FieldIssues();
  const id = checkId(issues, 'projectId', projectId);
  if (state.status !== 'none' && issues.count === 0 && id !== state.projectId)
    issues.add('projectId', `must be ${state.projectId}, the project of this stream`);
  issues.throwIfAny();
  return id;
};

export const decideResults = (command: ResultsCommand, state: ResultsState): ResultsEvent[] => {
  const projectId = checkStreamProject(state, command.data.projectId);
  // The first result defined opens the framework.
  if (command.type === 'DefineResult') return decideResult(command, state, projectId);
  if (state.status === 'none') throw new NotCreated(RESULTS, command.type);
  switch (command.type) {
    case 'DefineIndicator':
      return decideIndicator(command, state);
    case 'ReviseIndicatorTargets':
      return decideTargets(command, state);
    case 'SubmitIndicatorUpdate':
      return decideSubmission(command, state);
    case 'ApproveIndicatorUpdate':
      return decideApproval(command, state);
    case 'ReturnIndicatorUpdate':
      return decideReturn(command, state);
  }
};

export const resultsDecider: Decider<ResultsCommand, ResultsEvent, ResultsState> = {
  decide: decideResults,
  evolve: evolveResults,
  initialState: initialResultsState,
};
