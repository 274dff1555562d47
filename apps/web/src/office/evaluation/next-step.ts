import { ApiRecord, recordField, textField } from '../../api/record-fields';

/**
 * Where an evaluator stands on one dossier, in the order the platform requires: declare any
 * conflict of interest, then open the dossier, then score every criterion once.
 */
export const EVALUATION_STEPS = ['declare', 'open', 'score', 'done'] as const;
export type EvaluationStep = (typeof EVALUATION_STEPS)[number] | 'conflict' | 'removed';

/** The next step of an assignment line (GET /assignments: `assignment` is the caller's place). */
export function nextStep(item: ApiRecord): EvaluationStep {
  const assignment = recordField(item, 'assignment');
  if (!assignment) return 'removed';
  if (textField(assignment, 'declaration') === 'conflict' || textField(assignment, 'conflict'))
    return 'conflict';
  if (textField(assignment, 'status') !== 'assigned') return 'removed';
  if (textField(assignment, 'scoredAt')) return 'done';
  if (textField(assignment, 'dossierOpenedAt')) return 'score';
  if (textField(assignment, 'declaration') === 'no-conflict') return 'open';
  return 'declare';
}

/**
 * The step shown: the read model's, unless this page already knows the evaluator went further (a
 * command it sent succeeded; the list follows the log a moment behind). The end steps stay.
 */
export function furthestStep(listed: EvaluationStep, done: EvaluationStep | null): EvaluationStep {
  if (done === null || listed === 'conflict' || listed === 'removed') return listed;
  if (done === 'conflict' || done === 'removed') return done;
  return EVALUATION_STEPS.indexOf(done) > EVALUATION_STEPS.indexOf(listed) ? done : listed;
}
