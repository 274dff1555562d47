import { AlreadyCreated, InvalidTransition } from '../errors';
import {
  checkDate,
  checkId,
  checkOptionalText,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import { checkEvidence, checkIndicatorValue } from './indicator-definition';
import { ApproveIndicatorUpdate, ReturnIndicatorUpdate, SubmitIndicatorUpdate } from './results-commands';
import { IndicatorNotFound, IndicatorUpdateNotFound, SameHand } from './results-errors';
import { ResultsEvent } from './results-events';
import { IndicatorUpdate, ResultsFramework } from './results-state';

const UPDATE = 'indicatorUpdate';

export const decideSubmission = (command: SubmitIndicatorUpdate, state: ResultsFramework): ResultsEvent[] => {
  const { data, metadata } = command;
  const indicator = state.indicators[data.indicatorId];
  if (!indicator) throw new IndicatorNotFound(String(data.indicatorId));
  const issues = new FieldIssues();
  const updateId = checkId(issues, 'updateId', data.updateId);
  const before = issues.count;
  const periodStart = checkDate(issues, 'periodStart', data.periodStart);
  const periodEnd = checkDate(issues, 'periodEnd', data.periodEnd);
  const periods = indicator.targets.map((t) => `${t.periodStart}..${t.periodEnd}`);
  if (issues.count === before && !periods.includes(`${periodStart}..${periodEnd}`))
    issues.add('periodStart', `must start a target period of the indicator: ${periods.join(', ')}`);
  else if (issues.count === before && periodStart > metadata.now.slice(0, 10))
    issues.add('periodStart', 'must not be in the future: the period has not begun');
  const value = checkIndicatorValue(issues, 'value', data.value, indicator.measure);
  const evidence = checkEvidence(issues, data.evidence);
  const comment = checkOptionalText(issues, 'comment', data.comment, MAX_LONG_TEXT);
  issues.throwIfAny();
  const submitted = {
    updateId,
    indicatorId: indicator.indicatorId,
    periodStart,
    periodEnd,
    value,
    evidence,
    comment,
  };
  const existing = state.updates[updateId];
  if (existing) {
    const {
      status: _s,
      submittedAt: _at,
      submittedBy: _by,
      decidedAt: _d,
      decidedBy: _db,
      returnReason: _r,
      ...was
    } = existing;
    if (sameJson(was, submitted)) return [];
    throw new AlreadyCreated(UPDATE, updateId);
  }
  return [
    {
      type: 'IndicatorUpdateSubmitted',
      data: { projectId: state.projectId, ...submitted, submittedAt: metadata.now, by: metadata.actor.id },
    },
  ];
};

/** The update, decided on by someone other than its submitter (four eyes come before any no-op). */
const updateFor = (state: ResultsFramework, updateId: unknown, actorId: string): IndicatorUpdate => {
  const update = state.updates[String(updateId)];
  if (!update) throw new IndicatorUpdateNotFound(String(updateId));
  if (update.submittedBy === actorId) throw new SameHand(update.updateId, actorId);
  return update;
};

export const decideApproval = (command: ApproveIndicatorUpdate, state: ResultsFramework): ResultsEvent[] => {
  const { now, actor } = command.metadata;
  const update = updateFor(state, command.data.updateId, actor.id);
  if (update.status === 'approved') return [];
  if (update.status !== 'pending') throw new InvalidTransition(UPDATE, update.status, command.type);
  const { updateId, indicatorId } = update;
  return [
    {
      type: 'IndicatorUpdateApproved',
      data: { projectId: state.projectId, updateId, indicatorId, approvedAt: now, by: actor.id },
    },
  ];
};

export const decideReturn = (command: ReturnIndicatorUpdate, state: ResultsFramework): ResultsEvent[] => {
  const { now, actor } = command.metadata;
  const update = updateFor(state, command.data.updateId, actor.id);
  const issues = new FieldIssues();
  const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
  issues.throwIfAny();
  if (update.status === 'returned') return [];
  if (update.status !== 'pending') throw new InvalidTransition(UPDATE, update.status, command.type);
  const { updateId, indicatorId } = update;
  return [
    {
      type: 'IndicatorUpdateReturned',
      data: { projectId: state.projectId, updateId, indicatorId, reason, returnedAt: now, by: actor.id },
    },
  ];
};
