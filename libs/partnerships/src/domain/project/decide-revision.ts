import { InvalidTransition } from '../errors';
import { checkObject, FieldIssues, sameJson } from '../field-validation';
import { PROJECT } from './decide-opening';
import { ReviseProject } from './project-commands';
import { DETAIL_CHECKS, PROJECT_DETAIL_FIELDS, ProjectDetailField, ProjectDetails } from './project-details';
import { ProjectEvent } from './project-events';
import { checkCofinancingWithinBudget, checkCoherence, checkReachedMilestonesKept } from './project-rules';
import { OpenedProject } from './project-state';
import { OPEN_STATUSES } from './project-status';

const isDetail = (key: string): key is ProjectDetailField =>
  (PROJECT_DETAIL_FIELDS as readonly string[]).includes(key);

/** Details that may be emptied by a revision; the others, once given, stay given. */
const CLEARABLE: readonly ProjectDetailField[] = ['programmeId', 'cofinancing', 'milestones'];

export const decideRevision = (command: ReviseProject, state: OpenedProject): ProjectEvent[] => {
  if (!OPEN_STATUSES.includes(state.status)) throw new InvalidTransition(PROJECT, state.status, command.type);
  const issues = new FieldIssues();
  const changes = checkObject(issues, 'changes', command.data.changes);
  const revised: Partial<Record<ProjectDetailField, unknown>> = {};
  for (const [key, value] of Object.entries(changes)) {
    const field = `changes.${key}`;
    if (key === 'carrierId') issues.add(field, 'is not revised: another carrier is another project');
    else if (!isDetail(key)) issues.add(field, 'is not a detail of a project');
    else if ((value === null || value === undefined) && CLEARABLE.includes(key))
      revised[key] = key === 'programmeId' ? null : [];
    else if (value === null && key === 'agreementId' && state.origin.kind !== 'agreement')
      revised[key] = null;
    else if (value === null || value === undefined) issues.add(field, 'must be given: it cannot be removed');
    else revised[key] = DETAIL_CHECKS[key](issues, field, value);
  }
  if (issues.count === 0 && Object.keys(changes).length === 0)
    issues.add('changes', 'must name at least one detail');
  const details = { ...state.details, ...revised } as ProjectDetails;
  if (issues.count === 0) checkCoherence(issues, details, state.carrierId, 'changes.');
  issues.throwIfAny();
  checkCofinancingWithinBudget(details);
  checkReachedMilestonesKept(details, state.reached);
  const changed = (Object.keys(revised) as ProjectDetailField[]).filter(
    (key) => !sameJson(revised[key], state.details[key]),
  );
  if (changed.length === 0) return [];
  const pick = (from: Partial<Record<ProjectDetailField, unknown>>): Partial<ProjectDetails> =>
    Object.fromEntries(changed.map((key) => [key, from[key]]));
  return [
    {
      type: 'ProjectRevised',
      data: {
        projectId: state.projectId,
        changes: pick(revised),
        previous: pick(state.details),
        revisedAt: command.metadata.now,
        by: command.metadata.actor.id,
      },
    },
  ];
};
