import {
  checkInteger,
  checkList,
  checkLocalizedText,
  checkObject,
  checkOneOf,
  FieldIssues,
  LocalizedText,
  MAX_LONG_TEXT,
} from '../field-validation';

export const TRAINING_LANGUAGES = ['ar', 'fr', 'en'] as const;
export type TrainingLanguage = (typeof TRAINING_LANGUAGES)[number];

export const MODULE_THEMES = [
  'project-management',
  'fundraising',
  'governance',
  'financial-management',
  'integration',
  'co-development',
  'other',
] as const;
export type ModuleTheme = (typeof MODULE_THEMES)[number];

/** A competence is a short code of the ministry's framework (`PM-PLAN`) or a label in words. */
export type Competence = string | LocalizedText;

/** A training module of the catalogue (project management, fundraising ...). */
export type ModuleDetails = {
  /** The catalogue's short code, e.g. `GP-101`. */
  readonly code: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly durationMinutes: number;
  readonly competences: readonly Competence[];
  /** The languages the module is taught in, in the order given. */
  readonly languages: readonly TrainingLanguage[];
  readonly theme: ModuleTheme;
};
export type ModuleDetail = keyof ModuleDetails;
export const MODULE_DETAILS: readonly ModuleDetail[] = [
  'code',
  'title',
  'description',
  'durationMinutes',
  'competences',
  'languages',
  'theme',
];

const CODE = /^[A-Z0-9][A-Z0-9._-]{0,19}$/;
/** A year of teaching is far beyond any module: the bound only catches a typing slip. */
export const MAX_MODULE_MINUTES = 100_000;
export const MAX_COMPETENCES = 30;

const checkCode = (issues: FieldIssues, field: string, value: unknown): string => {
  if (typeof value !== 'string' || !CODE.test(value))
    issues.add(field, 'must be 1 to 20 capital letters, digits or . _ -, starting with a letter or digit');
  return String(value);
};

const checkCompetence = (issues: FieldIssues, field: string, value: unknown): Competence =>
  typeof value === 'string' ? checkCode(issues, field, value) : checkLocalizedText(issues, field, value);

export const checkModuleDetails = (issues: FieldIssues, prefix: string, value: unknown): ModuleDetails => {
  const input = checkObject(issues, prefix === '' ? 'data' : prefix.slice(0, -1), value);
  return {
    code: checkCode(issues, `${prefix}code`, input['code']),
    title: checkLocalizedText(issues, `${prefix}title`, input['title']),
    description: checkLocalizedText(issues, `${prefix}description`, input['description'], MAX_LONG_TEXT),
    durationMinutes: checkInteger(
      issues,
      `${prefix}durationMinutes`,
      input['durationMinutes'],
      1,
      MAX_MODULE_MINUTES,
    ),
    competences: checkList(
      issues,
      `${prefix}competences`,
      input['competences'],
      (f, v) => checkCompetence(issues, f, v),
      { max: MAX_COMPETENCES },
    ),
    languages: checkList(
      issues,
      `${prefix}languages`,
      input['languages'],
      (f, v) => checkOneOf(issues, f, v, TRAINING_LANGUAGES),
      { min: 1, max: TRAINING_LANGUAGES.length },
    ),
    theme: checkOneOf(issues, `${prefix}theme`, input['theme'], MODULE_THEMES),
  };
};
