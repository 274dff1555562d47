/* eslint-disable no-control-regex -- the characters XML 1.0 excludes: matching them is the point */
/**
 * The raw limit of the export: the same bytes as writeIatiActivities, built the plainest way, one
 * function appending to one string, escaping with one regex replace. run.ts checks the bytes are
 * the same before timing either.
 */
import type { IatiActivity, Narratives } from '@tadamon/iati';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const STRIP =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const t = (s: string) => s.replace(STRIP, '').replace(/[&<>\r]/g, (c) => ESCAPES[c]);
const a = (s: string) => s.replace(STRIP, '').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]);
const n = (v: number) => String(v);
const sorted = <T>(items: readonly T[], key: (x: T) => string) =>
  [...items].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
const narr = (names: Narratives) => {
  let s = '';
  for (const lang of ['ar', 'fr', 'en'] as const) {
    const v = names[lang];
    if (v !== undefined && v.trim() !== '')
      s += '<narrative xml:lang="' + lang + '">' + t(v) + '</narrative>';
  }
  return s;
};
const opt = (name: string, v: string | undefined) => (v === undefined ? '' : ' ' + name + '="' + a(v) + '"');

export function plainIatiXml(activities: readonly IatiActivity[], generatedAt: string): string {
  let s =
    '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="' +
    a(generatedAt) +
    '">\n';
  for (const x of activities) {
    s +=
      '<iati-activity last-updated-datetime="' +
      a(x.lastUpdated) +
      '" xml:lang="fr" default-currency="' +
      a(x.defaultCurrency) +
      '">';
    s += '<iati-identifier>' + t(x.identifier) + '</iati-identifier>';
    s +=
      '<reporting-org ref="' +
      a(x.reportingOrg.ref) +
      '" type="' +
      a(x.reportingOrg.type) +
      '">' +
      narr(x.reportingOrg.names) +
      '</reporting-org>';
    s +=
      '<title>' + narr(x.title) + '</title><description type="1">' + narr(x.description) + '</description>';
    for (const o of sorted(
      x.participatingOrgs,
      (o) => o.role + '|' + (o.ref ?? '') + '|' + (o.names.fr ?? o.names.en ?? o.names.ar ?? ''),
    ))
      s +=
        '<participating-org' +
        opt('ref', o.ref) +
        ' type="' +
        a(o.type) +
        '" role="' +
        a(o.role) +
        '">' +
        narr(o.names) +
        '</participating-org>';
    s += '<activity-status code="' + a(x.status) + '"/>';
    for (const d of sorted(x.dates, (d) => d.type))
      s += '<activity-date type="' + a(d.type) + '" iso-date="' + a(d.isoDate) + '"/>';
    s += '<recipient-country code="MA" percentage="100"/>';
    for (const l of x.locations) {
      s += '<location' + opt('ref', l.ref) + '><name>' + narr(l.name) + '</name>';
      for (const ad of l.administrative)
        s +=
          '<administrative vocabulary="' +
          a(ad.vocabulary) +
          '" code="' +
          a(ad.code) +
          '"' +
          (ad.level === undefined ? '' : ' level="' + n(ad.level) + '"') +
          '/>';
      if (l.point)
        s +=
          '<point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>' +
          n(l.point.lat) +
          ' ' +
          n(l.point.lon) +
          '</pos></point>';
      s += '</location>';
    }
    for (const se of sorted(x.sectors, (se) => se.code))
      s += '<sector vocabulary="1" code="' + a(se.code) + '" percentage="' + n(se.percentage) + '"/>';
    for (const b of sorted(x.budgets, (b) => b.periodStart))
      s +=
        '<budget type="' +
        a(b.type) +
        '" status="' +
        a(b.status) +
        '"><period-start iso-date="' +
        a(b.periodStart) +
        '"/><period-end iso-date="' +
        a(b.periodEnd) +
        '"/><value currency="' +
        a(b.value.currency) +
        '" value-date="' +
        a(b.value.valueDate) +
        '">' +
        n(b.value.amount) +
        '</value></budget>';
    for (const tr of sorted(x.transactions, (tr) => tr.date + '|' + tr.type + '|' + (tr.ref ?? ''))) {
      s +=
        '<transaction' +
        opt('ref', tr.ref) +
        '><transaction-type code="' +
        a(tr.type) +
        '"/><transaction-date iso-date="' +
        a(tr.date) +
        '"/><value currency="' +
        a(tr.value.currency) +
        '" value-date="' +
        a(tr.value.valueDate) +
        '">' +
        n(tr.value.amount) +
        '</value>';
      if (tr.description) s += '<description>' + narr(tr.description) + '</description>';
      if (tr.provider)
        s +=
          '<provider-org' +
          opt('ref', tr.provider.ref) +
          ' type="' +
          a(tr.provider.type) +
          '">' +
          narr(tr.provider.names) +
          '</provider-org>';
      if (tr.receiver)
        s +=
          '<receiver-org' +
          opt('ref', tr.receiver.ref) +
          ' type="' +
          a(tr.receiver.type) +
          '">' +
          narr(tr.receiver.names) +
          '</receiver-org>';
      s += '</transaction>';
    }
    for (const d of sorted(x.documents, (d) => d.url)) {
      s +=
        '<document-link format="' +
        a(d.format) +
        '" url="' +
        a(d.url) +
        '"><title>' +
        narr(d.title) +
        '</title>';
      for (const c of [...d.categories].sort()) s += '<category code="' + a(c) + '"/>';
      for (const l of [...(d.languages ?? [])].sort()) s += '<language code="' + a(l) + '"/>';
      if (d.documentDate) s += '<document-date iso-date="' + a(d.documentDate) + '"/>';
      s += '</document-link>';
    }
    for (const r of sorted(x.relatedActivities, (r) => r.type + '|' + r.ref))
      s += '<related-activity ref="' + a(r.ref) + '" type="' + a(r.type) + '"/>';
    for (const r of x.results) {
      s +=
        '<result type="' +
        a(r.type) +
        '"><title>' +
        narr(r.title) +
        '</title>' +
        (r.description ? '<description>' + narr(r.description) + '</description>' : '');
      for (const i of r.indicators) {
        s +=
          '<indicator measure="' +
          a(i.measure) +
          '" ascending="' +
          (i.ascending ? '1' : '0') +
          '"><title>' +
          narr(i.title) +
          '</title>' +
          (i.description ? '<description>' + narr(i.description) + '</description>' : '');
        if (i.baseline)
          s +=
            '<baseline year="' +
            n(i.baseline.year) +
            '"' +
            opt('iso-date', i.baseline.isoDate) +
            (i.baseline.value === undefined ? '' : ' value="' + n(i.baseline.value) + '"') +
            '>' +
            (i.baseline.comment ? '<comment>' + narr(i.baseline.comment) + '</comment>' : '') +
            '</baseline>';
        for (const p of sorted(i.periods, (p) => p.start)) {
          s +=
            '<period><period-start iso-date="' + a(p.start) + '"/><period-end iso-date="' + a(p.end) + '"/>';
          for (const [tag, v] of [
            ['target', p.target],
            ['actual', p.actual],
          ] as const)
            if (v)
              s +=
                '<' +
                tag +
                (v.value === undefined ? '' : ' value="' + n(v.value) + '"') +
                '>' +
                (v.comment ? '<comment>' + narr(v.comment) + '</comment>' : '') +
                '</' +
                tag +
                '>';
          s += '</period>';
        }
        s += '</indicator>';
      }
      s += '</result>';
    }
    s += '</iati-activity>\n';
  }
  return s + '</iati-activities>\n';
}
