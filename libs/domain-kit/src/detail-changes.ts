import { FieldIssueList as FieldIssues } from './field-issues';
import { checkObject, sameJson } from './field-checks';

/** The named details of a record's state, as a command gives them. */
export const detailsOf = <D extends object, K extends keyof D>(state: D, keys: readonly K[]): Pick<D, K> =>
  Object.fromEntries(keys.map((key) => [key, state[key]])) as Pick<D, K>;

/**
 * The `changes` of a revision: only the record's named details (any other member is refused with
 * `unknown`, e.g. "is not a detail of the module"), checked whole with the current ones so a change
 * is valid in its context, and only those that differ from the current ones (none: nothing to record).
 */
export const checkDetailChanges = <D extends Record<string, unknown>, I extends FieldIssues>(
  issues: I,
  current: D,
  value: unknown,
  details: readonly (keyof D & string)[],
  check: (issues: I, prefix: string, value: Record<string, unknown>) => D,
  unknown: string,
): Partial<D> => {
  const changes = checkObject(issues, 'changes', value);
  for (const key of Object.keys(changes))
    if (!(details as readonly string[]).includes(key)) issues.add(`changes.${key}`, unknown);
  const next = check(issues, 'changes.', { ...current, ...changes });
  const changed = details.filter((key) => !sameJson(next[key], current[key])).map((key) => [key, next[key]]);
  return Object.fromEntries(changed) as Partial<D>;
};
