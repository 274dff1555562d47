import { CurrencyCode, Money, moneyTotal } from '@tadamon/reference-data';
import { FieldIssues } from '../field-validation';
import { IMPLEMENTING, ProjectDetailField, ProjectDetails } from './project-details';
import { CofinancingExceedsBudget, ReachedMilestoneRemoved } from './project-errors';

/** Exact sums per currency (BigInt: a sum may pass 2^53 minor units), in currency order. */
export const sumByCurrency = (amounts: Iterable<Money>): Map<CurrencyCode, bigint> => {
  const sums = new Map<CurrencyCode, bigint>();
  for (const { amountMinor, currency } of amounts)
    sums.set(currency, (sums.get(currency) ?? 0n) + BigInt(amountMinor));
  return new Map([...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

/**
 * The rules across details, on the details as they would be after the command: `prefix` is
 * `changes.` for a revision, so each refused field is named as the command sent it.
 */
export const checkCoherence = (
  issues: FieldIssues,
  details: ProjectDetails,
  carrierId: string,
  prefix = '',
): void => {
  const { participants, cofinancing, budgetLines, milestones, plannedStart, plannedEnd } = details;
  if (!participants.some((p) => p.partyId === carrierId && p.role === IMPLEMENTING))
    issues.add(`${prefix}participants`, `must name the carrier ${carrierId} as implementing (role 4)`);
  const parties = new Set(participants.map((p) => p.partyId));
  cofinancing.forEach((share, i) => {
    if (!parties.has(share.partyId))
      issues.add(`${prefix}cofinancing[${i}].partyId`, 'must be a participant of the project');
  });
  if (plannedStart !== null && plannedEnd !== null && plannedEnd <= plannedStart)
    issues.add(`${prefix}plannedEnd`, 'must be after plannedStart');
  budgetLines.forEach((line, i) => {
    if (plannedStart !== null && line.periodStart !== null && line.periodStart < plannedStart)
      issues.add(`${prefix}budgetLines[${i}].periodStart`, 'must not be before plannedStart');
    if (plannedEnd !== null && line.periodEnd !== null && line.periodEnd > plannedEnd)
      issues.add(`${prefix}budgetLines[${i}].periodEnd`, 'must not be after plannedEnd');
  });
  milestones.forEach((milestone, i) => {
    if (plannedStart !== null && milestone.due < plannedStart)
      issues.add(`${prefix}milestones[${i}].due`, 'must not be before plannedStart');
  });
};

/** The partners do not pledge more, in a currency, than the budget lines hold in it. */
export const checkCofinancingWithinBudget = (details: ProjectDetails): void => {
  const budget = sumByCurrency(details.budgetLines.map((l) => l.amount));
  for (const [currency, shares] of sumByCurrency(details.cofinancing.map((s) => s.amount))) {
    const lines = budget.get(currency) ?? 0n;
    if (shares > lines)
      throw new CofinancingExceedsBudget(moneyTotal(shares, currency), moneyTotal(lines, currency));
  }
};

export const checkReachedMilestonesKept = (
  details: ProjectDetails,
  reached: Readonly<Record<string, string>>,
): void => {
  const kept = new Set(details.milestones.map((m) => m.milestoneId));
  const dropped = Object.keys(reached).filter((id) => !kept.has(id));
  if (dropped.length > 0) throw new ReachedMilestoneRemoved(dropped.sort());
};

/** What a project needs before implementation and publication (an award-born one lacks these at first). */
export const missingDetails = (details: ProjectDetails): ProjectDetailField[] => {
  const missing: ProjectDetailField[] = [];
  if (details.title === null) missing.push('title');
  if (details.description === null) missing.push('description');
  if (details.locations.length === 0) missing.push('locations');
  if (details.sectors.length === 0) missing.push('sectors');
  if (details.budgetLines.length === 0) missing.push('budgetLines');
  if (details.plannedStart === null) missing.push('plannedStart');
  if (details.plannedEnd === null) missing.push('plannedEnd');
  return missing;
};
