import { CommandMetadata } from '@tadamon/eventsourcing';
import { Money } from '@tadamon/reference-data';
import { AmountAboveCallBudget } from '../refused-fields';
import { InvalidTransition } from '../errors';
import { checkId, checkIds, checkText, FieldIssues, MAX_LONG_TEXT } from '../field-validation';
import { ApplicationFlagged, NotTheEvaluator } from './grant-application-errors';
import { EvaluationTerms, GrantApplication, GrantApplicationStatus } from './grant-application-state';

export const GRANT_APPLICATION = 'grantApplication';

/** When and by whom: what every event of a command records. */
export const stamp = (metadata: CommandMetadata): { now: string; by: string } => ({
  now: metadata.now,
  by: metadata.actor.id,
});

export const requireStatus = (
  state: GrantApplication,
  commandType: string,
  allowed: readonly GrantApplicationStatus[],
): void => {
  if (!allowed.includes(state.status))
    throw new InvalidTransition(GRANT_APPLICATION, state.status, commandType);
};

/** The call's terms, copied at submission: present in every status after `submitted`. */
export const termsOf = (state: GrantApplication, commandType: string): EvaluationTerms => {
  if (state.terms === null) throw new InvalidTransition(GRANT_APPLICATION, state.status, commandType);
  return state.terms;
};

export const requireNotFlagged = (state: GrantApplication): void => {
  if (state.flag !== null) throw new ApplicationFlagged(state.applicationId, state.flag.reason);
};

/** A required text of the command (a reason, a rationale...), or ValidationFailed. */
export const requiredText = (field: string, value: unknown, max = MAX_LONG_TEXT): string => {
  const issues = new FieldIssues();
  const text = checkText(issues, field, value, max);
  issues.throwIfAny();
  return text;
};

export const requiredId = (field: string, value: unknown): string => {
  const issues = new FieldIssues();
  const id = checkId(issues, field, value);
  issues.throwIfAny();
  return id;
};

/** The committee members who took a decision: at least one, distinct, sorted. */
export const checkCommittee = (issues: FieldIssues, value: unknown): string[] =>
  checkIds(issues, 'committeeMembers', value, { min: 1, max: 30 });

/** Declarations and scores are the evaluator's own act: nobody files them for someone else. */
export const requireEvaluatorIsActor = (evaluatorId: string, metadata: CommandMetadata): void => {
  if (metadata.actor.id !== evaluatorId) throw new NotTheEvaluator(evaluatorId, metadata.actor.id);
};

/**
 * No application asks for more than the call's whole budget: it could never be funded within it.
 * (Another currency is the screening's refusal, not this one.)
 */
export const requireWithinCallBudget = (
  budget: Money,
  requested: { amountMinor: number; currency: string } | undefined,
  field: string,
): void => {
  if (requested?.currency === budget.currency && requested.amountMinor > budget.amountMinor)
    throw new AmountAboveCallBudget(budget, { ...requested, currency: budget.currency }, field);
};
