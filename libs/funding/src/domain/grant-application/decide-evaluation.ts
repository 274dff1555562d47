import { checkBoolean, checkList, checkText, FieldIssues, sameJson } from '../field-validation';
import { checkCriterionScores, ScoreSheet } from '../scoring/score-sheet';
import { scoreWith } from '../scoring/scoring-rules';
import {
  requiredId,
  requiredText,
  requireEvaluatorIsActor,
  requireStatus,
  stamp,
  termsOf,
} from './application-guards';
import {
  AssignEvaluator,
  DeclareConflictOfInterest,
  EvaluationCommand,
  OpenEvaluationDossier,
  ReachConsensusScore,
  RecordDetectedConflict,
  RecordEvaluatorScores,
  RemoveEvaluator,
} from './grant-application-commands';
import {
  DeclarationRequired,
  DossierNotOpened,
  EvaluationIncomplete,
  EvaluatorExcluded,
  EvaluatorNotAssigned,
} from './grant-application-errors';
import { EvaluatorRemovalReason, GrantApplicationEvent } from './grant-application-events';
import { activeEvaluators, Evaluator, GrantApplication } from './grant-application-state';

type Events = GrantApplicationEvent[];
type Stamp = { now: string; by: string };

const checkLinks = (value: unknown, min: number): string[] => {
  const issues = new FieldIssues();
  const links = checkList(issues, 'links', value, (f, v) => checkText(issues, f, v), { min, key: String });
  issues.throwIfAny();
  return links;
};

/** The assigned evaluator, or why they may not act on the dossier. */
const assignedEvaluator = (state: GrantApplication, evaluatorId: string): Evaluator => {
  const evaluator = state.evaluators[evaluatorId];
  if (!evaluator) throw new EvaluatorNotAssigned(evaluatorId);
  if (evaluator.status !== 'assigned') throw new EvaluatorExcluded(evaluatorId);
  return evaluator;
};

/**
 * An evaluator leaves the evaluation: removed, and, if a consensus had already been reached with
 * them, it is annulled (the application goes back to evaluation).
 */
const removal = (
  state: GrantApplication,
  evaluatorId: string,
  reason: EvaluatorRemovalReason,
  detail: string,
  { now, by }: Stamp,
): Events => {
  const { applicationId } = state;
  const events: Events = [
    { type: 'EvaluatorRemoved', data: { applicationId, evaluatorId, reason, detail, removedAt: now, by } },
  ];
  if (state.status === 'scored') {
    events.push({
      type: 'ConsensusScoreAnnulled',
      data: { applicationId, reason: `evaluator ${evaluatorId} removed: ${reason}`, annulledAt: now, by },
    });
  }
  return events;
};

/** A conflict the Registry links show: the evaluator is removed if assigned, else excluded in advance. */
const detection = (state: GrantApplication, evaluatorId: string, links: string[], at: Stamp): Events => {
  const evaluator = state.evaluators[evaluatorId];
  if (evaluator?.conflict) return [];
  const detected: GrantApplicationEvent = {
    type: 'ConflictOfInterestDetected',
    data: { applicationId: state.applicationId, evaluatorId, links, detectedAt: at.now, by: at.by },
  };
  if (evaluator?.status !== 'assigned') return [detected];
  return [detected, ...removal(state, evaluatorId, 'detected-conflict', links.join('; '), at)];
};

const assign = (state: GrantApplication, command: AssignEvaluator): Events => {
  const evaluatorId = requiredId('evaluatorId', command.data.evaluatorId);
  const links = checkLinks(command.data.linksToApplicant, 0);
  const evaluator = state.evaluators[evaluatorId];
  // Already assigned: nothing to change, whatever stage the evaluation has reached since.
  if (links.length === 0 && evaluator?.status === 'assigned') return [];
  requireStatus(state, command.type, ['eligible', 'under-evaluation']);
  const at = stamp(command.metadata);
  if (links.length > 0) return detection(state, evaluatorId, links, at);
  if (evaluator) throw new EvaluatorExcluded(evaluatorId);
  return [
    {
      type: 'EvaluatorAssigned',
      data: { applicationId: state.applicationId, evaluatorId, assignedAt: at.now, by: at.by },
    },
  ];
};

const remove = (state: GrantApplication, command: RemoveEvaluator): Events => {
  const evaluatorId = requiredId('evaluatorId', command.data.evaluatorId);
  const evaluator = state.evaluators[evaluatorId];
  if (evaluator?.status === 'removed') return [];
  requireStatus(state, command.type, ['under-evaluation']);
  if (evaluator?.status !== 'assigned') throw new EvaluatorNotAssigned(evaluatorId);
  const reason = requiredText('reason', command.data.reason);
  return removal(state, evaluatorId, 'removed-by-officer', reason, stamp(command.metadata));
};

const declare = (state: GrantApplication, command: DeclareConflictOfInterest): Events => {
  const evaluatorId = requiredId('evaluatorId', command.data.evaluatorId);
  requireEvaluatorIsActor(evaluatorId, command.metadata);
  const issues = new FieldIssues();
  const hasConflict = checkBoolean(issues, 'hasConflict', command.data.hasConflict);
  issues.throwIfAny();
  const known = state.evaluators[evaluatorId];
  if (hasConflict && known?.declaration === 'conflict') return [];
  const evaluator = assignedEvaluator(state, evaluatorId);
  if (!hasConflict && evaluator.declaration === 'no-conflict') return [];
  requireStatus(state, command.type, hasConflict ? ['under-evaluation', 'scored'] : ['under-evaluation']);
  const statement = requiredText('statement', command.data.statement);
  const at = stamp(command.metadata);
  const { applicationId } = state;
  if (!hasConflict) {
    return [
      {
        type: 'NoConflictOfInterestDeclared',
        data: { applicationId, evaluatorId, statement, declaredAt: at.now, by: at.by },
      },
    ];
  }
  return [
    {
      type: 'ConflictOfInterestDeclared',
      data: { applicationId, evaluatorId, statement, declaredAt: at.now, by: at.by },
    },
    ...removal(state, evaluatorId, 'declared-conflict', statement, at),
  ];
};

const detect = (state: GrantApplication, command: RecordDetectedConflict): Events => {
  const evaluatorId = requiredId('evaluatorId', command.data.evaluatorId);
  const links = checkLinks(command.data.links, 1);
  if (state.evaluators[evaluatorId]?.conflict) return [];
  requireStatus(state, command.type, ['eligible', 'under-evaluation', 'scored']);
  return detection(state, evaluatorId, links, stamp(command.metadata));
};

const open = (state: GrantApplication, command: OpenEvaluationDossier): Events => {
  const evaluatorId = requiredId('evaluatorId', command.data.evaluatorId);
  requireEvaluatorIsActor(evaluatorId, command.metadata);
  const evaluator = assignedEvaluator(state, evaluatorId);
  if (evaluator.dossierOpenedAt !== null) return [];
  requireStatus(state, command.type, ['under-evaluation', 'scored']);
  if (evaluator.declaration !== 'no-conflict') throw new DeclarationRequired(evaluatorId);
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'EvaluationDossierOpened',
      data: { applicationId: state.applicationId, evaluatorId, openedAt: now, by },
    },
  ];
};

const score = (state: GrantApplication, command: RecordEvaluatorScores): Events => {
  const evaluatorId = requiredId('evaluatorId', command.data.evaluatorId);
  requireEvaluatorIsActor(evaluatorId, command.metadata);
  const evaluator = assignedEvaluator(state, evaluatorId);
  const terms = termsOf(state, command.type);
  const issues = new FieldIssues();
  const scores = checkCriterionScores(issues, 'scores', command.data.scores, terms.awardCriteria);
  issues.throwIfAny();
  if (sameJson(scores, evaluator.scores)) return [];
  requireStatus(state, command.type, ['under-evaluation']);
  if (evaluator.declaration !== 'no-conflict') throw new DeclarationRequired(evaluatorId);
  if (evaluator.dossierOpenedAt === null) throw new DossierNotOpened(evaluatorId);
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'EvaluatorScoresRecorded',
      data: { applicationId: state.applicationId, evaluatorId, scores, scoredAt: now, by },
    },
  ];
};

const reachConsensus = (state: GrantApplication, command: ReachConsensusScore): Events => {
  // A consensus stands until annulled, also once the committee and the decision have followed.
  if (state.consensus !== null) return [];
  requireStatus(state, command.type, ['under-evaluation']);
  const terms = termsOf(state, command.type);
  const active = activeEvaluators(state);
  const missing = active.filter((e) => e.scores === null).map((e) => e.evaluatorId);
  const scored = active.length - missing.length;
  if (missing.length > 0 || scored < terms.evaluatorsPerProposal) {
    throw new EvaluationIncomplete(terms.evaluatorsPerProposal, missing.sort(), scored);
  }
  const sheets: ScoreSheet[] = active
    .map((e) => ({ evaluatorId: e.evaluatorId, scores: e.scores ?? [] }))
    .sort((a, b) => (a.evaluatorId < b.evaluatorId ? -1 : 1));
  const outcome = scoreWith(terms.scoringRulesVersion, terms.awardCriteria, sheets);
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'ConsensusScoreReached',
      data: { applicationId: state.applicationId, outcome, sheets, reachedAt: now, by },
    },
  ];
};

export const decideEvaluation = (command: EvaluationCommand, state: GrantApplication): Events => {
  switch (command.type) {
    case 'AssignEvaluator':
      return assign(state, command);
    case 'RemoveEvaluator':
      return remove(state, command);
    case 'DeclareConflictOfInterest':
      return declare(state, command);
    case 'RecordDetectedConflict':
      return detect(state, command);
    case 'OpenEvaluationDossier':
      return open(state, command);
    case 'RecordEvaluatorScores':
      return score(state, command);
    case 'ReachConsensusScore':
      return reachConsensus(state, command);
  }
};
