import { IatiActivity, Narratives } from './activity';
import { Finding } from './rules/engine';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string) =>
  ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
const isDateTime = (value: string) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
const hasText = (names: Narratives | undefined) =>
  !!names && Object.values(names).some((v) => !!v && v.trim() !== '');

/**
 * What the XSD would refuse in an activity, checked on the input: validateActivity runs on every
 * save and starting libxml2 for one activity costs tens of milliseconds. The writer fixes the
 * structure, so only values (dates, numbers) and required lists and texts can fail the schema.
 */
export function checkInputConstraints(a: IatiActivity): Finding[] {
  const findings: Finding[] = [];
  const fail = (path: string, detail: string) =>
    findings.push({
      ruleId: 'schema',
      severity: 'error',
      category: 'schema',
      message: 'The activity would not be valid against the IATI 2.03 schema.',
      activityIdentifier: a.identifier,
      path,
      detail,
    });
  const date = (path: string, value: string | undefined) => {
    if (value !== undefined && !isDate(value)) fail(path, `'${value}' is not a date (YYYY-MM-DD)`);
  };
  const number = (path: string, value: number | undefined) => {
    if (value !== undefined && !Number.isFinite(value)) fail(path, `${value} is not a finite number`);
  };
  const text = (path: string, names: Narratives | undefined) => {
    if (!hasText(names)) fail(path, 'no text in any language');
  };

  if (!isDateTime(a.lastUpdated)) fail('lastUpdated', `'${a.lastUpdated}' is not a date-time`);
  text('title', a.title);
  text('description', a.description);
  text('reportingOrg.names', a.reportingOrg.names);
  if (a.participatingOrgs.length === 0) fail('participatingOrgs', 'at least one participating organisation');
  if (a.dates.length === 0) fail('dates', 'at least one activity date');
  a.dates.forEach((d, i) => date(`dates[${i}].isoDate`, d.isoDate));
  a.locations.forEach((l, i) => {
    number(`locations[${i}].point.lat`, l.point?.lat);
    number(`locations[${i}].point.lon`, l.point?.lon);
  });
  a.sectors.forEach((s, i) => number(`sectors[${i}].percentage`, s.percentage));
  a.budgets.forEach((b, i) => {
    date(`budgets[${i}].periodStart`, b.periodStart);
    date(`budgets[${i}].periodEnd`, b.periodEnd);
    date(`budgets[${i}].value.valueDate`, b.value.valueDate);
    number(`budgets[${i}].value.amount`, b.value.amount);
  });
  a.transactions.forEach((t, i) => {
    date(`transactions[${i}].date`, t.date);
    date(`transactions[${i}].value.valueDate`, t.value.valueDate);
    number(`transactions[${i}].value.amount`, t.value.amount);
  });
  a.documents.forEach((d, i) => {
    text(`documents[${i}].title`, d.title);
    if (d.categories.length === 0) fail(`documents[${i}].categories`, 'at least one category');
    date(`documents[${i}].documentDate`, d.documentDate);
  });
  a.results.forEach((r, i) => {
    text(`results[${i}].title`, r.title);
    if (r.indicators.length === 0) fail(`results[${i}].indicators`, 'at least one indicator');
    r.indicators.forEach((indicator, j) => {
      const at = `results[${i}].indicators[${j}]`;
      text(`${at}.title`, indicator.title);
      if (indicator.baseline && !(Number.isInteger(indicator.baseline.year) && indicator.baseline.year > 0))
        fail(`${at}.baseline.year`, `${indicator.baseline.year} is not a year`);
      date(`${at}.baseline.isoDate`, indicator.baseline?.isoDate);
      indicator.periods.forEach((p, k) => {
        date(`${at}.periods[${k}].start`, p.start);
        date(`${at}.periods[${k}].end`, p.end);
        number(`${at}.periods[${k}].target.value`, p.target?.value);
        number(`${at}.periods[${k}].actual.value`, p.actual?.value);
      });
    });
  });
  return findings;
}
