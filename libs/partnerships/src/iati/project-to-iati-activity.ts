import {
  ActivityDate,
  activityIdentifier,
  Budget,
  BudgetStatus,
  IatiActivity,
  IatiLocation,
  IatiOrganisation,
  moroccanLocation,
  Narratives,
  ParticipatingOrganisation,
  ReportingOrganisation,
  Transaction,
  yearlyBudgets,
} from '@tadamon/iati';
import { CURRENCIES, CurrencyCode, Money } from '@tadamon/reference-data';
import { ProjectLocation } from '../domain/project/project-details';
import { sectorShares } from '../domain/project/project-totals';
import { ProjectDoc } from '../projections/projects';

/**
 * The ministry as IATI's reporting organisation. `XI-IATI-MCMRE` is a placeholder until IATI
 * registers the ministry (docs/iati.md).
 */
export const MINISTRY_REPORTING_ORG: ReportingOrganisation = {
  ref: 'XI-IATI-MCMRE',
  type: '10',
  names: {
    ar: 'الوزارة المكلفة بالمغاربة المقيمين بالخارج',
    fr: "Ministère chargé des Marocains résidant à l'étranger",
    en: 'Ministry in charge of Moroccans living abroad',
  },
};

/** How a party (a Registry actor id) is named in IATI; undefined when the directory does not know it. */
export type IatiOrganisationDirectory = (partyId: string) => IatiOrganisation | undefined;

/** Where the host finds the parties' names and types (the Registry), for the ids of one export. */
export interface IatiOrganisationSource {
  directory(partyIds: readonly string[]): Promise<IatiOrganisationDirectory>;
}

export interface IatiMappingOptions {
  readonly reportingOrg?: ReportingOrganisation;
  readonly organisations?: IatiOrganisationDirectory;
}

/**
 * A party the directory does not know: named by its Registry id (an organisation's id, public in
 * the project's public view), type 90 "Other". No ref: an IATI organisation identifier is not
 * invented.
 */
const unknownOrganisation = (partyId: string): IatiOrganisation => ({ type: '90', names: { fr: partyId } });

const narratives = (text: Partial<Record<'ar' | 'fr' | 'en', string>> | null): Narratives => {
  const out: { ar?: string; fr?: string; en?: string } = {};
  for (const lang of ['ar', 'fr', 'en'] as const) {
    const value = text?.[lang];
    if (typeof value === 'string' && value.trim() !== '') out[lang] = value;
  }
  return out;
};

/** Minor units to IATI's decimal in major units, exactly (no float rounding beyond the currency's digits). */
export const majorUnits = (money: Money): number => {
  const digits = CURRENCIES[money.currency].minorUnits;
  return Number((money.amountMinor / 10 ** digits).toFixed(digits));
};

const day = (instant: string): string => instant.slice(0, 10);

/** The place, with the commune (public in the project's view) before the province's or region's name. */
const location = (place: ProjectLocation): IatiLocation => {
  const base = moroccanLocation(place.area.code, place.point ?? undefined);
  if (!place.commune) return base;
  const name: { ar?: string; fr?: string; en?: string } = {};
  for (const lang of ['ar', 'fr', 'en'] as const) {
    const area = base.name[lang];
    if (area) name[lang] = `${place.commune}, ${area}`;
  }
  return { ...base, name };
};

/**
 * Planned dates from the details; actual start the day implementation first began, actual end the
 * day the project was closed or cancelled (the status history's days).
 */
const activityDates = (doc: ProjectDoc): ActivityDate[] => {
  const dates: ActivityDate[] = [];
  const history = doc.statusHistory ?? [];
  const startedAt = history.find((h) => h.to === '2')?.at;
  const endedAt = [...history].reverse().find((h) => h.to === '4' || h.to === '5')?.at;
  if (doc.plannedStart) dates.push({ type: '1', isoDate: doc.plannedStart });
  if (startedAt) dates.push({ type: '2', isoDate: day(startedAt) });
  if (doc.plannedEnd) dates.push({ type: '3', isoDate: doc.plannedEnd });
  if (endedAt && startedAt) dates.push({ type: '4', isoDate: day(endedAt) });
  return dates;
};

/** The period a budget line covers, inside the project's planned dates. */
const linePeriod = (doc: ProjectDoc, line: ProjectDoc['budgetLines'][number]) => ({
  start: line.periodStart ?? doc.plannedStart ?? '',
  end: line.periodEnd ?? doc.plannedEnd ?? '',
});

/**
 * One original budget per currency and calendar year (IATI wants periods of at most a year that do
 * not overlap): each line's amount is shared across the years of its period pro rata of the days
 * (yearlyBudgets), then the lines of a currency are added year by year, in cents.
 */
const budgets = (doc: ProjectDoc): Budget[] => {
  const { plannedStart, plannedEnd } = doc;
  if (!plannedStart || !plannedEnd) return [];
  const status: BudgetStatus = doc.status === '1' ? '1' : '2';
  const byKey = new Map<string, { currency: CurrencyCode; year: string; cents: number }>();
  for (const line of doc.budgetLines) {
    const { start, end } = linePeriod(doc, line);
    const perYear = yearlyBudgets(
      start,
      end,
      { amount: majorUnits(line.amount), currency: line.amount.currency },
      status,
    );
    for (const b of perYear) {
      const year = b.periodStart.slice(0, 4);
      const key = `${line.amount.currency} ${year}`;
      const entry = byKey.get(key) ?? { currency: line.amount.currency, year, cents: 0 };
      entry.cents += Math.round(b.value.amount * 100);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .sort((a, b) => (a.year === b.year ? (a.currency < b.currency ? -1 : 1) : a.year < b.year ? -1 : 1))
    .map(({ currency, year, cents }) => {
      const periodStart = `${year}-01-01` < plannedStart ? plannedStart : `${year}-01-01`;
      const periodEnd = `${year}-12-31` > plannedEnd ? plannedEnd : `${year}-12-31`;
      return {
        type: '1',
        status,
        periodStart,
        periodEnd,
        value: { amount: cents / 100, currency, valueDate: plannedStart },
      };
    });
};

/** The latest instant the public facts of the project changed. */
const lastUpdated = (doc: ProjectDoc): string => {
  const instants = [
    doc.openedAt,
    doc.publishedAt,
    ...(doc.revisions ?? []).map((r) => r.at),
    ...(doc.statusHistory ?? []).map((h) => h.at),
    ...Object.values(doc.disbursements ?? {}).map((d) => d.at),
    ...Object.values(doc.expenditures ?? {}).map((e) => e.at),
  ].filter((at): at is string => typeof at === 'string');
  return instants.reduce((latest, at) => (at > latest ? at : latest));
};

/**
 * A project of the read model (partnerships_projects) as an IATI 2.03 activity. It takes what the
 * public view shows and no more: organisations (never a user id), places, sectors, budget lines as
 * yearly budgets, disbursements (3) and expenditures (4) as transactions without their descriptions
 * (internal notes); no revision log, no status reasons, no milestone or budget line label, no
 * documents. The caller decides which projects are exported (published ones).
 */
export function projectToIatiActivity(doc: ProjectDoc, options: IatiMappingOptions = {}): IatiActivity {
  const reportingOrg = options.reportingOrg ?? MINISTRY_REPORTING_ORG;
  const organisation = (partyId: string): IatiOrganisation =>
    options.organisations?.(partyId) ?? unknownOrganisation(partyId);
  const participatingOrgs: ParticipatingOrganisation[] = doc.participants.map((p) => ({
    ...organisation(p.partyId),
    role: p.role,
  }));
  const carrier = organisation(doc.carrierId);
  const funder = reportingOrg;
  const defaultCurrency = doc.budgetLines[0]?.amount.currency ?? 'MAD';
  const money = (amount: Money, valueDate: string) => ({
    amount: majorUnits(amount),
    currency: amount.currency,
    valueDate,
  });
  const disbursements: Transaction[] = Object.values(doc.disbursements ?? {}).map((d) => ({
    ref: d.trancheId,
    type: '3',
    date: d.on,
    value: money(d.amount, d.on),
    provider: funder,
    receiver: carrier,
  }));
  const expenditures: Transaction[] = Object.values(doc.expenditures ?? {}).map((e) => ({
    ref: e.expenditureId,
    type: '4',
    date: e.on,
    value: money(e.amount, e.on),
    provider: carrier,
  }));
  return {
    identifier: activityIdentifier(reportingOrg.ref, doc.projectId),
    lastUpdated: lastUpdated(doc),
    defaultCurrency,
    title: narratives(doc.title),
    description: narratives(doc.description),
    reportingOrg,
    participatingOrgs,
    status: doc.status,
    dates: activityDates(doc),
    locations: doc.locations.map(location),
    sectors: sectorShares(doc.sectors).map((s) => ({ code: s.code, percentage: Number(s.percentage) })),
    budgets: budgets(doc),
    transactions: [...disbursements, ...expenditures],
    relatedActivities: doc.replicationOf
      ? [{ ref: activityIdentifier(reportingOrg.ref, doc.replicationOf), type: '3' }]
      : [],
    documents: [],
    results: [],
  };
}
