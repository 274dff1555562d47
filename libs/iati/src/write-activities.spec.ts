import { IatiActivity, Narratives } from './activity';
import { validateCodelists } from './codelists/codelist-check';
import { parseXml, validateAgainstRules } from './rules/engine';
import { validateAgainstSchema } from './schema/validate-schema';
import { DEMO_ACTIVITIES } from './testing/demo-activities';
import { streamIatiActivities, writeIatiActivities } from './write-activities';

const OPTIONS = { generatedAt: '2026-07-01T08:00:00Z' };
const NOW = new Date('2026-07-01T08:00:00Z');
const write = (activities: Iterable<IatiActivity>) => [...writeIatiActivities(activities, OPTIONS)].join('');

const HOSTILE = `</narrative><iati-activity>"&amp;" l'<b>équipe</b> ]]> جمعية 🌴🇲🇦 \t`;
const hostile = (names: Narratives): Narratives =>
  Object.fromEntries(Object.keys(names).map((lang) => [lang, HOSTILE]));

/** Every free-text field of an activity replaced by text built to break XML. */
const withHostileText = (a: IatiActivity): IatiActivity => ({
  ...a,
  title: hostile(a.title),
  description: hostile(a.description),
  reportingOrg: { ...a.reportingOrg, names: hostile(a.reportingOrg.names) },
  participatingOrgs: a.participatingOrgs.map((o) => ({ ...o, names: hostile(o.names) })),
  locations: a.locations.map((l) => ({ ...l, name: hostile(l.name) })),
  transactions: a.transactions.map((t) => ({
    ...t,
    ref: `${t.ref ?? 'T'}"<&>'`,
    description: hostile(t.description ?? { fr: 'x' }),
    ...(t.provider ? { provider: { ...t.provider, names: hostile(t.provider.names) } } : {}),
    ...(t.receiver ? { receiver: { ...t.receiver, names: hostile(t.receiver.names) } } : {}),
  })),
  documents: a.documents.map((d) => ({ ...d, url: `${d.url}?a=1&b="2"<3>`, title: hostile(d.title) })),
  results: a.results.map((r) => ({
    ...r,
    title: hostile(r.title),
    indicators: r.indicators.map((i) => ({
      ...i,
      title: hostile(i.title),
      ...(i.baseline
        ? {
            baseline: {
              ...i.baseline,
              ...(i.baseline.comment ? { comment: hostile(i.baseline.comment) } : {}),
            },
          }
        : {}),
      periods: i.periods.map((p) => ({
        ...p,
        ...(p.target?.comment ? { target: { comment: hostile(p.target.comment) } } : {}),
        ...(p.actual?.comment ? { actual: { comment: hostile(p.actual.comment) } } : {}),
      })),
    })),
  })),
});

describe('writeIatiActivities', () => {
  const xml = write(DEMO_ACTIVITIES);

  it('writes the demo projects valid against the IATI 2.03 schema', async () => {
    expect(await validateAgainstSchema(xml)).toEqual([]);
  });

  it('writes the demo projects with no rule error and no finding at all', () => {
    expect(validateAgainstRules(xml, { now: NOW })).toEqual([]);
  });

  it('writes every code of the demo projects from its codelist', () => {
    expect(validateCodelists(parseXml(xml))).toEqual([]);
  });

  it('stamps the version and the given generated-datetime', () => {
    expect(xml).toContain('<iati-activities version="2.03" generated-datetime="2026-07-01T08:00:00Z">');
  });

  it('streams a header, one chunk per activity and a footer', () => {
    const chunks = [...writeIatiActivities(DEMO_ACTIVITIES, OPTIONS)];
    expect(chunks).toHaveLength(DEMO_ACTIVITIES.length + 2);
    expect(chunks[1].startsWith('<iati-activity ')).toBe(true);
    expect(chunks[chunks.length - 1]).toBe('</iati-activities>\n');
  });

  it('streams the same bytes from an async source', async () => {
    async function* source() {
      yield* DEMO_ACTIVITIES;
    }
    let streamed = '';
    for await (const chunk of streamIatiActivities(source(), OPTIONS)) streamed += chunk;
    expect(streamed).toBe(xml);
  });

  it('writes the same bytes whatever the order of the lists inside an activity', () => {
    const shuffled = DEMO_ACTIVITIES.map((a) => ({
      ...a,
      participatingOrgs: [...a.participatingOrgs].reverse(),
      dates: [...a.dates].reverse(),
      sectors: [...a.sectors].reverse(),
      budgets: [...a.budgets].reverse(),
      transactions: [...a.transactions].reverse(),
    }));
    expect(write(shuffled)).toBe(xml);
  });

  it('writes hostile, Arabic and emoji text in every text field well-formed, schema-valid and unchanged', async () => {
    const activities = DEMO_ACTIVITIES.map(withHostileText);
    const hostileXml = write(activities);
    expect(await validateAgainstSchema(hostileXml)).toEqual([]);
    const document = parseXml(hostileXml);
    const narratives = Array.from(document.getElementsByTagName('narrative'));
    expect(narratives.length).toBeGreaterThan(50);
    for (const narrative of narratives) expect(narrative.textContent).toBe(HOSTILE);
    expect(document.getElementsByTagName('iati-activity')).toHaveLength(activities.length);
    const refs = Array.from(document.getElementsByTagName('transaction')).map((t) => t.getAttribute('ref'));
    expect(refs).toContain(`FIG-C-1"<&>'`);
  });

  it('strips control characters from text rather than writing a file no parser reads', async () => {
    const [first] = DEMO_ACTIVITIES;
    const dirty = { ...first, title: { fr: 'Projet\u0000 de\u0008 Figuig\uFFFF' } };
    const dirtyXml = write([dirty]);
    expect(await validateAgainstSchema(dirtyXml)).toEqual([]);
    expect(parseXml(dirtyXml).getElementsByTagName('narrative')[3]?.textContent).toBe('Projet de Figuig');
  });

  it('writes no contact information: the model has no place for people', () => {
    expect(xml).not.toContain('contact-info');
    expect(xml).not.toContain('person-name');
    expect(xml).not.toContain('email');
  });
});
