import { areaContains, findGeoUnit, GeoCode, Money, regionsFor, SCHEME_2015 } from '@tadamon/reference-data';
import {
  checkDate,
  checkId,
  checkInteger,
  checkList,
  checkLocalizedText,
  checkMoney,
  checkObject,
  checkOneOf,
  checkOptionalText,
  checkSector,
  FieldIssues,
  LocalizedText,
  MAX_LONG_TEXT,
} from '../field-validation';

/** IATI OrganisationRole: who funds, who is accountable, who extends (manages funds), who implements. */
export const PROJECT_PARTICIPANT_ROLES = ['1', '2', '3', '4'] as const;
export type ProjectParticipantRole = (typeof PROJECT_PARTICIPANT_ROLES)[number];
export const IMPLEMENTING: ProjectParticipantRole = '4';

export type ProjectParticipant = { readonly partyId: string; readonly role: ProjectParticipantRole };
/** WGS 84 degrees, at most 6 decimals (about 10 cm): the precision IATI's <point> needs, no more. */
export type GeoPoint = { readonly lat: number; readonly lon: number };
export type ProjectLocation = {
  /** A 2015 region or a province or prefecture. */
  readonly area: GeoCode;
  /** The 2015 region of the area, derived, so read models group by region without reference data. */
  readonly region: string;
  readonly commune: string | null;
  readonly point: GeoPoint | null;
};
/** A DAC 5-digit purpose code and its share in hundredths of a percent (3350 = 33.50 %). */
export type SectorShare = { readonly code: string; readonly percentageHundredths: number };
export type ProjectBudgetLine = {
  readonly lineId: string;
  readonly label: LocalizedText;
  readonly amount: Money;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
};
export type CofinancingShare = { readonly partyId: string; readonly amount: Money };
export type ProjectMilestone = {
  readonly milestoneId: string;
  readonly title: LocalizedText;
  readonly due: string;
};

/**
 * What an officer may revise. A project opened from an award starts without title, description,
 * locations, sectors, budget lines or dates (the award does not carry them): null or empty until
 * revised, and required before implementation or publication (see missingDetails).
 */
export type ProjectDetails = {
  readonly title: LocalizedText | null;
  readonly description: LocalizedText | null;
  readonly participants: readonly ProjectParticipant[];
  readonly agreementId: string | null;
  readonly programmeId: string | null;
  readonly locations: readonly ProjectLocation[];
  readonly sectors: readonly SectorShare[];
  readonly budgetLines: readonly ProjectBudgetLine[];
  readonly cofinancing: readonly CofinancingShare[];
  readonly milestones: readonly ProjectMilestone[];
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
};
export type ProjectDetailField = keyof ProjectDetails;
export const PROJECT_DETAIL_FIELDS: readonly ProjectDetailField[] = [
  'title',
  'description',
  'participants',
  'agreementId',
  'programmeId',
  'locations',
  'sectors',
  'budgetLines',
  'cofinancing',
  'milestones',
  'plannedStart',
  'plannedEnd',
];

export const WHOLE_PERCENT = 10_000;
// Morocco with its southern provinces (the 2015 regions Laâyoune-Sakia El Hamra and Dakhla-Oued Ed-Dahab).
export const MOROCCO_BOUNDS = { minLat: 20.7, maxLat: 35.95, minLon: -17.2, maxLon: -0.95 } as const;

const hasAtMostSixDecimals = (value: number): boolean => Number(value.toFixed(6)) === value;

/** A list whose items are distinct by `key`: each repeat is refused at its own index. */
const checkDistinct = <T>(
  issues: FieldIssues,
  field: string,
  value: unknown,
  item: (field: string, value: unknown) => T,
  key: (item: T) => string,
  keyField: string,
  min = 0,
): T[] => {
  let index = 0;
  const items = checkList(issues, field, value, item, { min, key: () => String(index++) });
  const seen = new Set<string>();
  items.forEach((checked, i) => {
    const k = key(checked);
    if (seen.has(k)) issues.add(`${field}[${i}]${keyField}`, 'appears twice');
    seen.add(k);
  });
  return items;
};

export const checkArea = (issues: FieldIssues, field: string, value: unknown): GeoCode => {
  const { scheme, code } = checkObject(issues, field, value);
  const unit = typeof code === 'string' ? findGeoUnit(SCHEME_2015, code) : undefined;
  if (scheme !== SCHEME_2015) issues.add(`${field}.scheme`, `must be ${SCHEME_2015}`);
  else if (!unit) issues.add(`${field}.code`, 'must be a region or a province of the 2015 scheme');
  return { scheme: SCHEME_2015, code: String(code) };
};

/** The 2015 region of a valid area (a region is its own). */
export const regionOfArea = (area: GeoCode): string => regionsFor(area.code, area.scheme)[0].code;

/** How far outside its area's (simplified) outline a point may be: a place on a border, the outlines' error. */
export const POINT_TOLERANCE_KM = 2;

const checkPoint = (issues: FieldIssues, field: string, value: unknown): GeoPoint | null => {
  if (value === undefined || value === null) return null;
  const { lat, lon } = checkObject(issues, field, value);
  const coordinate = (name: 'lat' | 'lon', v: unknown, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      issues.add(`${field}.${name}`, `must be a number from ${min} to ${max} (inside Morocco)`);
    else if (!hasAtMostSixDecimals(v)) issues.add(`${field}.${name}`, 'must have at most 6 decimals');
    return Number(v);
  };
  const { minLat, maxLat, minLon, maxLon } = MOROCCO_BOUNDS;
  return { lat: coordinate('lat', lat, minLat, maxLat), lon: coordinate('lon', lon, minLon, maxLon) };
};

const checkLocation = (issues: FieldIssues, field: string, value: unknown): ProjectLocation => {
  const input = checkObject(issues, field, value);
  const before = issues.count;
  const area = checkArea(issues, `${field}.area`, input['area']);
  const region = issues.count === before ? regionOfArea(area) : '';
  const commune = checkOptionalText(issues, `${field}.commune`, input['commune']);
  const pointIssues = issues.count;
  const point = checkPoint(issues, `${field}.point`, input['point']);
  if (
    region &&
    point &&
    issues.count === pointIssues &&
    areaContains(area.code, point, POINT_TOLERANCE_KM) === false
  )
    issues.add(
      `${field}.point`,
      `must lie in ${area.code} (it is more than ${POINT_TOLERANCE_KM} km outside)`,
    );
  return { area, region, commune, point };
};

export const checkLocations = (issues: FieldIssues, field: string, value: unknown): ProjectLocation[] =>
  checkDistinct(issues, field, value, (f, v) => checkLocation(issues, f, v), JSON.stringify, '', 1);

export const checkSectors = (issues: FieldIssues, field: string, value: unknown): SectorShare[] => {
  const before = issues.count;
  const sectors = checkDistinct(
    issues,
    field,
    value,
    (f, v) => {
      const input = checkObject(issues, f, v);
      return {
        code: checkSector(issues, `${f}.code`, input['code']),
        percentageHundredths: checkInteger(
          issues,
          `${f}.percentageHundredths`,
          input['percentageHundredths'],
          1,
          WHOLE_PERCENT,
        ),
      };
    },
    (s) => s.code,
    '.code',
    1,
  );
  const sum = sectors.reduce((total, s) => total + s.percentageHundredths, 0);
  if (issues.count === before && sum !== WHOLE_PERCENT)
    issues.add(field, `the percentages must sum to 100 % (10000 hundredths), not ${sum / 100} %`);
  return sectors;
};

export const checkParticipants = (issues: FieldIssues, field: string, value: unknown): ProjectParticipant[] =>
  checkDistinct(
    issues,
    field,
    value,
    (f, v) => {
      const input = checkObject(issues, f, v);
      return {
        partyId: checkId(issues, `${f}.partyId`, input['partyId']),
        role: checkOneOf(issues, `${f}.role`, input['role'], PROJECT_PARTICIPANT_ROLES),
      };
    },
    (p) => `${p.partyId} ${p.role}`,
    '',
    1,
  );

export const checkOptionalDate = (issues: FieldIssues, field: string, value: unknown): string | null =>
  value === undefined || value === null ? null : checkDate(issues, field, value);

export const checkBudgetLines = (issues: FieldIssues, field: string, value: unknown): ProjectBudgetLine[] =>
  checkDistinct(
    issues,
    field,
    value,
    (f, v) => {
      const input = checkObject(issues, f, v);
      const line: ProjectBudgetLine = {
        lineId: checkId(issues, `${f}.lineId`, input['lineId']),
        label: checkLocalizedText(issues, `${f}.label`, input['label']),
        amount: checkMoney(issues, `${f}.amount`, input['amount']),
        periodStart: checkOptionalDate(issues, `${f}.periodStart`, input['periodStart']),
        periodEnd: checkOptionalDate(issues, `${f}.periodEnd`, input['periodEnd']),
      };
      if (line.periodStart && line.periodEnd && line.periodEnd < line.periodStart)
        issues.add(`${f}.periodEnd`, 'must not be before periodStart');
      return line;
    },
    (l) => l.lineId,
    '.lineId',
    1,
  );

export const checkCofinancing = (issues: FieldIssues, field: string, value: unknown): CofinancingShare[] =>
  checkDistinct(
    issues,
    field,
    value,
    (f, v) => {
      const input = checkObject(issues, f, v);
      return {
        partyId: checkId(issues, `${f}.partyId`, input['partyId']),
        amount: checkMoney(issues, `${f}.amount`, input['amount']),
      };
    },
    (s) => `${s.partyId} ${s.amount.currency}`,
    '',
  );

export const checkMilestones = (issues: FieldIssues, field: string, value: unknown): ProjectMilestone[] =>
  checkDistinct(
    issues,
    field,
    value,
    (f, v) => {
      const input = checkObject(issues, f, v);
      return {
        milestoneId: checkId(issues, `${f}.milestoneId`, input['milestoneId']),
        title: checkLocalizedText(issues, `${f}.title`, input['title']),
        due: checkDate(issues, `${f}.due`, input['due']),
      };
    },
    (m) => m.milestoneId,
    '.milestoneId',
  );

export const checkTitle = (issues: FieldIssues, field: string, value: unknown): LocalizedText =>
  checkLocalizedText(issues, field, value);
export const checkDescription = (issues: FieldIssues, field: string, value: unknown): LocalizedText =>
  checkLocalizedText(issues, field, value, MAX_LONG_TEXT);
export const checkOptionalId = (issues: FieldIssues, field: string, value: unknown): string | null =>
  value === undefined || value === null ? null : checkId(issues, field, value);

type DetailCheck = (issues: FieldIssues, field: string, value: unknown) => unknown;
/** The check of each detail, for an opening (all of them) and a revision (those it names). */
export const DETAIL_CHECKS: Readonly<Record<ProjectDetailField, DetailCheck>> = {
  title: checkTitle,
  description: checkDescription,
  participants: checkParticipants,
  agreementId: checkOptionalId,
  programmeId: checkOptionalId,
  locations: checkLocations,
  sectors: checkSectors,
  budgetLines: checkBudgetLines,
  cofinancing: checkCofinancing,
  milestones: checkMilestones,
  plannedStart: checkDate,
  plannedEnd: checkDate,
};
