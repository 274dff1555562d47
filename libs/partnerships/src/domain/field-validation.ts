import { FieldIssue, FieldIssueList } from '@tadamon/domain-kit';
import { ValidationFailed } from './errors';

// The checks every context shares live in @tadamon/domain-kit; Partnerships' deciders import them from here.
export {
  MAX_TEXT,
  MAX_LONG_TEXT,
  MAX_LIST,
  checkId,
  checkIds,
  checkText,
  checkOptionalText,
  checkLocalizedText,
  checkList,
  checkCountry,
  checkSector,
  checkObject,
  checkDate,
  checkInteger,
  checkMoney,
  checkOneOf,
  checkBoolean,
  checkCurrentRegion,
  checkInstant,
  isBefore,
  addDays,
  sameJson,
  checkDetailChanges,
  detailsOf,
} from '@tadamon/domain-kit';
export type { LocalizedText } from '@tadamon/domain-kit';

/** Collects every refused field of a command, then throws them together as ValidationFailed. */
export class FieldIssues extends FieldIssueList {
  protected failed(issues: readonly FieldIssue[]): ValidationFailed {
    return new ValidationFailed(issues);
  }
}
