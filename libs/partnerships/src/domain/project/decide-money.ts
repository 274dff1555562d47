import { InvalidTransition } from '../errors';
import {
  checkDate,
  checkId,
  checkMoney,
  checkOneOf,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import { PROJECT } from './decide-opening';
import { DISBURSEMENT_SOURCES, RecordExpenditure, RecordProjectDisbursement } from './project-commands';
import { ExpenditureAlreadyRecorded, TrancheAlreadyRecorded } from './project-errors';
import { ProjectEvent } from './project-events';
import { ProjectExpenditure, OpenedProject } from './project-state';
import { OPEN_STATUSES } from './project-status';

/**
 * A tranche Funding released is a fact already paid: it is recorded whatever the project's status
 * (refusing it would stall the policy and understate what was paid). A manual entry is refused
 * once the project is closed or cancelled.
 */
export const decideDisbursement = (
  command: RecordProjectDisbursement,
  state: OpenedProject,
): ProjectEvent[] => {
  const { now, actor } = command.metadata;
  const issues = new FieldIssues();
  const trancheId = checkId(issues, 'trancheId', command.data.trancheId);
  const amount = checkMoney(issues, 'amount', command.data.amount);
  const on = checkDate(issues, 'on', command.data.on, now);
  const source = checkOneOf(issues, 'source', command.data.source, DISBURSEMENT_SOURCES);
  issues.throwIfAny();
  const recorded = state.disbursements[trancheId];
  if (recorded) {
    if (sameJson(recorded.amount, amount) && recorded.source === source) return [];
    throw new TrancheAlreadyRecorded(trancheId, recorded.amount);
  }
  if (source === 'manual' && !OPEN_STATUSES.includes(state.status))
    throw new InvalidTransition(PROJECT, state.status, command.type);
  return [
    {
      type: 'ProjectDisbursementRecorded',
      data: { projectId: state.projectId, trancheId, amount, on, source, recordedAt: now, by: actor.id },
    },
  ];
};

export const decideExpenditure = (command: RecordExpenditure, state: OpenedProject): ProjectEvent[] => {
  const { now, actor } = command.metadata;
  const issues = new FieldIssues();
  const expenditure: ProjectExpenditure = {
    expenditureId: checkId(issues, 'expenditureId', command.data.expenditureId),
    amount: checkMoney(issues, 'amount', command.data.amount),
    on: checkDate(issues, 'on', command.data.on, now),
    description: checkText(issues, 'description', command.data.description, MAX_LONG_TEXT),
  };
  issues.throwIfAny();
  const recorded = state.expenditures[expenditure.expenditureId];
  if (recorded) {
    if (sameJson(recorded, expenditure)) return [];
    throw new ExpenditureAlreadyRecorded(expenditure.expenditureId);
  }
  if (!OPEN_STATUSES.includes(state.status)) throw new InvalidTransition(PROJECT, state.status, command.type);
  return [
    {
      type: 'ExpenditureRecorded',
      data: { projectId: state.projectId, ...expenditure, recordedAt: now, by: actor.id },
    },
  ];
};
