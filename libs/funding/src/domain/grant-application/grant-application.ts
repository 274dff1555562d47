import { Decider, streamName } from '@tadamon/eventsourcing';
import { NotCreated } from '../errors';
import { FieldIssues } from '../field-validation';
import { GRANT_APPLICATION } from './application-guards';
import { decideAgreement } from './decide-agreement';
import { decideDecision } from './decide-decision';
import { decideEvaluation } from './decide-evaluation';
import { checkDraft, decideSubmission } from './decide-submission';
import {
  AgreementCommand,
  EvaluationCommand,
  GrantApplicationCommand,
  SubmissionCommand,
} from './grant-application-commands';
import { GrantApplicationEvent } from './grant-application-events';
import { evolveGrantApplication } from './grant-application-evolve';
import { GrantApplicationState, initialGrantApplicationState } from './grant-application-state';

export const GRANT_APPLICATION_CATEGORY = 'grantApplication';
export const grantApplicationStreamName = (applicationId: string): string =>
  streamName(GRANT_APPLICATION_CATEGORY, applicationId);

const SUBMISSION: readonly string[] = [
  'DraftGrantApplication',
  'ChangeGrantApplication',
  'SubmitGrantApplication',
  'ScreenEligibility',
  'WithdrawGrantApplication',
  'FlagForAssociationSuspension',
  'ClearSuspensionFlag',
] satisfies SubmissionCommand['type'][];
const EVALUATION: readonly string[] = [
  'AssignEvaluator',
  'RemoveEvaluator',
  'DeclareConflictOfInterest',
  'RecordDetectedConflict',
  'OpenEvaluationDossier',
  'RecordEvaluatorScores',
  'ReachConsensusScore',
] satisfies EvaluationCommand['type'][];
const AGREEMENT: readonly string[] = [
  'SignGrantAgreement',
  'ReleaseTranche',
  'SubmitTrancheReport',
  'ReviewTrancheReport',
] satisfies AgreementCommand['type'][];

const isSubmission = (c: GrantApplicationCommand): c is SubmissionCommand => SUBMISSION.includes(c.type);
const isEvaluation = (c: GrantApplicationCommand): c is EvaluationCommand => EVALUATION.includes(c.type);
const isAgreement = (c: GrantApplicationCommand): c is AgreementCommand => AGREEMENT.includes(c.type);

export const decideGrantApplication = (
  command: GrantApplicationCommand,
  state: GrantApplicationState,
): GrantApplicationEvent[] => {
  if (state.status === 'none') {
    if (command.type !== 'DraftGrantApplication') throw new NotCreated(GRANT_APPLICATION, command.type);
    const { applicationId, callId, associationId, proposal } = checkDraft(command);
    const { now, actor } = command.metadata;
    return [
      {
        type: 'GrantApplicationDrafted',
        data: { applicationId, callId, associationId, proposal, draftedAt: now, by: actor.id },
      },
    ];
  }
  if (command.data.applicationId !== state.applicationId) {
    const issues = new FieldIssues();
    issues.add('applicationId', `must be ${state.applicationId}, the application of this stream`);
    issues.throwIfAny();
  }
  if (isSubmission(command)) return decideSubmission(command, state);
  if (isEvaluation(command)) return decideEvaluation(command, state);
  if (isAgreement(command)) return decideAgreement(command, state);
  return decideDecision(command, state);
};

export const grantApplicationDecider: Decider<
  GrantApplicationCommand,
  GrantApplicationEvent,
  GrantApplicationState
> = {
  decide: decideGrantApplication,
  evolve: evolveGrantApplication,
  initialState: initialGrantApplicationState,
};
