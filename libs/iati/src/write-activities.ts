import {
  Budget,
  DocumentLink,
  IatiActivity,
  IatiLocation,
  IatiOrganisation,
  Indicator,
  IndicatorValue,
  Money,
  Narratives,
  ParticipatingOrganisation,
  Result,
  Transaction,
} from './activity';
import { decimal, escapeAttribute as attr, escapeText as text } from './xml/xml-text';

export interface WriteOptions {
  /** The file's generated-datetime (ISO date-time); given, so the same input writes the same bytes. */
  readonly generatedAt: string;
}

export const IATI_VERSION = '2.03';
/** WGS 84 latitude/longitude, the srsName IATI asks for. */
export const SRS_WGS84 = 'http://www.opengis.net/def/crs/EPSG/0/4326';
const LANG_ORDER = ['ar', 'fr', 'en'] as const;

/** Narratives in a fixed language order; empty ones are left out. */
const narratives = (names: Narratives): string => {
  let out = '';
  for (const lang of LANG_ORDER) {
    const value = names[lang];
    if (value !== undefined && value.trim() !== '')
      out += `<narrative xml:lang="${lang}">${text(value)}</narrative>`;
  }
  return out;
};

const byKey = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

const optionalAttr = (name: string, value: string | undefined): string =>
  value === undefined ? '' : ` ${name}="${attr(value)}"`;

const value = (money: Money): string =>
  `<value currency="${attr(money.currency)}" value-date="${attr(money.valueDate)}">${decimal(money.amount)}</value>`;

const participatingOrg = (org: ParticipatingOrganisation): string =>
  `<participating-org${optionalAttr('ref', org.ref)} type="${attr(org.type)}" role="${attr(org.role)}">` +
  `${narratives(org.names)}</participating-org>`;

const location = (place: IatiLocation): string => {
  let out = `<location${optionalAttr('ref', place.ref)}><name>${narratives(place.name)}</name>`;
  for (const area of place.administrative)
    out +=
      `<administrative vocabulary="${attr(area.vocabulary)}" code="${attr(area.code)}"` +
      `${area.level === undefined ? '' : ` level="${decimal(area.level)}"`}/>`;
  if (place.point)
    out += `<point srsName="${SRS_WGS84}"><pos>${decimal(place.point.lat)} ${decimal(place.point.lon)}</pos></point>`;
  return `${out}</location>`;
};

const budget = (b: Budget): string =>
  `<budget type="${attr(b.type)}" status="${attr(b.status)}">` +
  `<period-start iso-date="${attr(b.periodStart)}"/><period-end iso-date="${attr(b.periodEnd)}"/>` +
  `${value(b.value)}</budget>`;

const transactionOrg = (element: string, org: IatiOrganisation | undefined): string =>
  org
    ? `<${element}${optionalAttr('ref', org.ref)} type="${attr(org.type)}">${narratives(org.names)}</${element}>`
    : '';

const transaction = (t: Transaction): string =>
  `<transaction${optionalAttr('ref', t.ref)}><transaction-type code="${attr(t.type)}"/>` +
  `<transaction-date iso-date="${attr(t.date)}"/>${value(t.value)}` +
  `${t.description ? `<description>${narratives(t.description)}</description>` : ''}` +
  `${transactionOrg('provider-org', t.provider)}${transactionOrg('receiver-org', t.receiver)}</transaction>`;

const documentLink = (d: DocumentLink): string => {
  let out = `<document-link format="${attr(d.format)}" url="${attr(d.url)}"><title>${narratives(d.title)}</title>`;
  for (const category of [...d.categories].sort()) out += `<category code="${attr(category)}"/>`;
  for (const language of [...(d.languages ?? [])].sort()) out += `<language code="${attr(language)}"/>`;
  if (d.documentDate) out += `<document-date iso-date="${attr(d.documentDate)}"/>`;
  return `${out}</document-link>`;
};

const comment = (v: IndicatorValue): string =>
  v.comment ? `<comment>${narratives(v.comment)}</comment>` : '';

const indicatorValue = (element: string, v: IndicatorValue | undefined): string =>
  v
    ? `<${element}${v.value === undefined ? '' : ` value="${decimal(v.value)}"`}>${comment(v)}</${element}>`
    : '';

const indicator = (i: Indicator): string => {
  let out =
    `<indicator measure="${attr(i.measure)}" ascending="${i.ascending ? '1' : '0'}">` +
    `<title>${narratives(i.title)}</title>` +
    `${i.description ? `<description>${narratives(i.description)}</description>` : ''}`;
  if (i.baseline)
    out +=
      `<baseline year="${decimal(i.baseline.year)}"${optionalAttr('iso-date', i.baseline.isoDate)}` +
      `${i.baseline.value === undefined ? '' : ` value="${decimal(i.baseline.value)}"`}>${comment(i.baseline)}</baseline>`;
  for (const p of byKey(i.periods, (period) => period.start))
    out +=
      `<period><period-start iso-date="${attr(p.start)}"/><period-end iso-date="${attr(p.end)}"/>` +
      `${indicatorValue('target', p.target)}${indicatorValue('actual', p.actual)}</period>`;
  return `${out}</indicator>`;
};

const result = (r: Result): string =>
  `<result type="${attr(r.type)}"><title>${narratives(r.title)}</title>` +
  `${r.description ? `<description>${narratives(r.description)}</description>` : ''}` +
  `${r.indicators.map(indicator).join('')}</result>`;

/** One iati-activity element, its children in the schema's order and each list in a fixed order. */
export function activityXml(a: IatiActivity): string {
  let out =
    `<iati-activity last-updated-datetime="${attr(a.lastUpdated)}" xml:lang="fr" default-currency="${attr(a.defaultCurrency)}">` +
    `<iati-identifier>${text(a.identifier)}</iati-identifier>` +
    `<reporting-org ref="${attr(a.reportingOrg.ref)}" type="${attr(a.reportingOrg.type)}">${narratives(a.reportingOrg.names)}</reporting-org>` +
    `<title>${narratives(a.title)}</title>` +
    `<description type="1">${narratives(a.description)}</description>`;
  for (const org of byKey(
    a.participatingOrgs,
    (o) => `${o.role}|${o.ref ?? ''}|${o.names.fr ?? o.names.en ?? o.names.ar ?? ''}`,
  ))
    out += participatingOrg(org);
  out += `<activity-status code="${attr(a.status)}"/>`;
  for (const d of byKey(a.dates, (date) => date.type))
    out += `<activity-date type="${attr(d.type)}" iso-date="${attr(d.isoDate)}"/>`;
  out += '<recipient-country code="MA" percentage="100"/>';
  for (const place of a.locations) out += location(place);
  for (const s of byKey(a.sectors, (sector) => sector.code))
    out += `<sector vocabulary="1" code="${attr(s.code)}" percentage="${decimal(s.percentage)}"/>`;
  for (const b of byKey(a.budgets, (x) => x.periodStart)) out += budget(b);
  for (const t of byKey(a.transactions, (x) => `${x.date}|${x.type}|${x.ref ?? ''}`)) out += transaction(t);
  for (const d of byKey(a.documents, (x) => x.url)) out += documentLink(d);
  for (const r of byKey(a.relatedActivities, (x) => `${x.type}|${x.ref}`))
    out += `<related-activity ref="${attr(r.ref)}" type="${attr(r.type)}"/>`;
  for (const r of a.results) out += result(r);
  return `${out}</iati-activity>\n`;
}

const header = (options: WriteOptions): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  `<iati-activities version="${IATI_VERSION}" generated-datetime="${attr(options.generatedAt)}">\n`;
const FOOTER = '</iati-activities>\n';

/**
 * The IATI 2.03 file of the given activities, in chunks (the header, one per activity, the
 * footer): written to a file or a response as they come, never held whole. Activities are written
 * in the order given; the caller lists them in a stable order (by identifier).
 */
export function* writeIatiActivities(
  activities: Iterable<IatiActivity>,
  options: WriteOptions,
): Generator<string> {
  yield header(options);
  for (const activity of activities) yield activityXml(activity);
  yield FOOTER;
}

/** The same from an async source (a database cursor). */
export async function* streamIatiActivities(
  activities: AsyncIterable<IatiActivity> | Iterable<IatiActivity>,
  options: WriteOptions,
): AsyncGenerator<string> {
  yield header(options);
  for await (const activity of activities) yield activityXml(activity);
  yield FOOTER;
}
