import { GeoCode, Money } from '@tadamon/reference-data';
import {
  checkCountry,
  checkCurrentRegion,
  checkInteger,
  checkList,
  checkMoney,
  checkObject,
  checkSector,
  FieldIssues,
} from '../field-validation';

/** What an application must meet to be evaluated; an empty list means "any". */
export type EligibilityRules = {
  /** The association must be established in one of these countries. */
  readonly hostCountries: readonly string[];
  /** The project must take place in one of these regions of origin (2015 scheme). */
  readonly originRegions: readonly GeoCode[];
  /** The project must be in at least one of these sectors (OECD DAC codes). */
  readonly sectors: readonly string[];
  /** The most an application may request, in the call's currency; null: up to the call's budget. */
  readonly maxAmountRequested: Money | null;
  /** The least share of the project's total cost the association brings, in whole percent. */
  readonly minCoFinancingPercent: number;
};

export const NO_ELIGIBILITY_RULES: EligibilityRules = {
  hostCountries: [],
  originRegions: [],
  sectors: [],
  maxAmountRequested: null,
  minCoFinancingPercent: 0,
};

export const checkEligibilityRules = (
  issues: FieldIssues,
  field: string,
  value: unknown,
): EligibilityRules => {
  const input = checkObject(issues, field, value);
  for (const key of Object.keys(input)) {
    if (!(key in NO_ELIGIBILITY_RULES)) issues.add(`${field}.${key}`, 'is not an eligibility rule');
  }
  const given = (key: keyof EligibilityRules): unknown => input[key] ?? NO_ELIGIBILITY_RULES[key];
  return {
    hostCountries: checkList(issues, `${field}.hostCountries`, given('hostCountries'), (f, v) =>
      checkCountry(issues, f, v),
    ),
    originRegions: checkList(issues, `${field}.originRegions`, given('originRegions'), (f, v) =>
      checkCurrentRegion(issues, f, v),
    ),
    sectors: checkList(issues, `${field}.sectors`, given('sectors'), (f, v) => checkSector(issues, f, v)),
    maxAmountRequested:
      input['maxAmountRequested'] === undefined || input['maxAmountRequested'] === null
        ? null
        : checkMoney(issues, `${field}.maxAmountRequested`, input['maxAmountRequested']),
    minCoFinancingPercent: checkInteger(
      issues,
      `${field}.minCoFinancingPercent`,
      given('minCoFinancingPercent'),
      0,
      99,
    ),
  };
};
