import {
  ActivityDateType,
  ActivityStatus,
  BudgetStatus,
  BudgetType,
  DocumentCategory,
  OrganisationRole,
  RelatedActivityType,
} from './codelists/embedded';
import {
  Currency,
  FileFormat,
  GeographicVocabulary,
  IndicatorMeasure,
  Language,
  OrganisationType,
  ResultType,
} from './codelists/non-embedded';

/**
 * The input of the IATI writer: one co-development project as IATI 2.03 sees it. It holds
 * organisations, places, money and results, and by construction no person: no names of people,
 * no contacts (IATI's contact-info is never written).
 */

/** Text in the programme's languages; at least one. Each becomes a narrative with its xml:lang. */
export type Narratives = Partial<Record<'ar' | 'fr' | 'en', string>>;

export interface IatiOrganisation {
  /** IATI organisation identifier (org-id.guide prefix + registration number). */
  readonly ref?: string;
  readonly type: OrganisationType;
  readonly names: Narratives;
}

export interface ReportingOrganisation extends IatiOrganisation {
  readonly ref: string;
}

export interface ParticipatingOrganisation extends IatiOrganisation {
  readonly role: OrganisationRole;
}

export interface ActivityDate {
  readonly type: ActivityDateType;
  /** YYYY-MM-DD. */
  readonly isoDate: string;
}

export interface AdministrativeArea {
  readonly vocabulary: GeographicVocabulary;
  readonly code: string;
  readonly level?: number;
}

export interface IatiLocation {
  /** The publisher's own reference: here the ISO 3166-2:MA code of the province (or region). */
  readonly ref?: string;
  readonly name: Narratives;
  /** Codes in IATI's GeographicVocabulary (A4 MA at level 0; Geonames ids when known). */
  readonly administrative: readonly AdministrativeArea[];
  /** WGS 84 coordinates, written as "lat lon" with srsName EPSG 4326. */
  readonly point?: { readonly lat: number; readonly lon: number };
}

export interface SectorShare {
  /** OECD DAC CRS purpose code, five digits (vocabulary 1). */
  readonly code: string;
  /** Shares of one activity sum to 100. */
  readonly percentage: number;
}

export interface Money {
  readonly amount: number;
  readonly currency: Currency;
  /** YYYY-MM-DD: the date of the exchange rate. */
  readonly valueDate: string;
}

export interface Budget {
  readonly type: BudgetType;
  readonly status: BudgetStatus;
  /** At most one year (IATI rule 7.5.3): one budget per year of the project. */
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: Money;
}

/** 2 commitment, 3 disbursement, 4 expenditure: the flows of a co-development project. */
export type ProjectTransactionType = '2' | '3' | '4';

export interface Transaction {
  /** The publisher's own reference of the transaction (tranche id, payment id). */
  readonly ref?: string;
  readonly type: ProjectTransactionType;
  readonly date: string;
  readonly value: Money;
  readonly description?: Narratives;
  readonly provider?: IatiOrganisation;
  readonly receiver?: IatiOrganisation;
}

export interface RelatedActivity {
  /** The other activity's IATI identifier (for a replication: its original's). */
  readonly ref: string;
  readonly type: RelatedActivityType;
}

export interface DocumentLink {
  readonly url: string;
  readonly format: FileFormat;
  readonly title: Narratives;
  readonly categories: readonly DocumentCategory[];
  readonly languages?: readonly Language[];
  readonly documentDate?: string;
}

export interface IndicatorValue {
  /** Numeric for measures 1-4; absent for qualitative (5), which says it in the comment. */
  readonly value?: number;
  readonly comment?: Narratives;
}

export interface IndicatorPeriod {
  readonly start: string;
  readonly end: string;
  readonly target?: IndicatorValue;
  readonly actual?: IndicatorValue;
}

export interface Indicator {
  readonly measure: IndicatorMeasure;
  /** True when more is better. */
  readonly ascending: boolean;
  readonly title: Narratives;
  readonly description?: Narratives;
  readonly baseline?: IndicatorValue & { readonly year: number; readonly isoDate?: string };
  readonly periods: readonly IndicatorPeriod[];
}

export interface Result {
  readonly type: ResultType;
  readonly title: Narratives;
  readonly description?: Narratives;
  readonly indicators: readonly Indicator[];
}

export interface IatiActivity {
  /** reporting org ref + '-' + project id (see activityIdentifier). */
  readonly identifier: string;
  /** When the project last changed (ISO date-time, not in the future). */
  readonly lastUpdated: string;
  readonly defaultCurrency: Currency;
  readonly title: Narratives;
  readonly description: Narratives;
  readonly reportingOrg: ReportingOrganisation;
  readonly participatingOrgs: readonly ParticipatingOrganisation[];
  readonly status: ActivityStatus;
  readonly dates: readonly ActivityDate[];
  /** The recipient country is Morocco at 100%: written, not carried. */
  readonly locations: readonly IatiLocation[];
  readonly sectors: readonly SectorShare[];
  readonly budgets: readonly Budget[];
  readonly transactions: readonly Transaction[];
  readonly relatedActivities: readonly RelatedActivity[];
  readonly documents: readonly DocumentLink[];
  readonly results: readonly Result[];
}

/** The IATI identifier of a project: its publisher's organisation identifier, '-', its own id. */
export const activityIdentifier = (reportingOrgRef: string, projectId: string): string =>
  `${reportingOrgRef}-${projectId}`;
