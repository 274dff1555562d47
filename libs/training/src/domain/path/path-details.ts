import {
  checkId,
  checkList,
  checkLocalizedText,
  checkObject,
  FieldIssues,
  LocalizedText,
} from '../field-validation';

/** A path: several modules taken in order (e.g. "Porteur de projet": governance, then project management). */
export type PathDetails = {
  readonly title: LocalizedText;
  /** Module ids in the order they are taken; distinct, at least two. */
  readonly moduleIds: readonly string[];
};
export type PathDetail = keyof PathDetails;
export const PATH_DETAILS: readonly PathDetail[] = ['title', 'moduleIds'];
export const MAX_PATH_MODULES = 20;

// The order is meaningful, so a repeated module is refused rather than silently dropped.
const checkModuleIds = (issues: FieldIssues, field: string, value: unknown): string[] => {
  const ids = checkList(issues, field, value, (f, v) => checkId(issues, f, v), {
    min: 2,
    max: MAX_PATH_MODULES,
    key: String,
  });
  const listed = Array.isArray(value) ? Math.min(value.length, MAX_PATH_MODULES) : 0;
  if (ids.length < listed) issues.add(field, 'must not list a module twice');
  return ids;
};

export const checkPathDetails = (issues: FieldIssues, prefix: string, value: unknown): PathDetails => {
  const input = checkObject(issues, prefix === '' ? 'data' : prefix.slice(0, -1), value);
  return {
    title: checkLocalizedText(issues, `${prefix}title`, input['title']),
    moduleIds: checkModuleIds(issues, `${prefix}moduleIds`, input['moduleIds']),
  };
};
