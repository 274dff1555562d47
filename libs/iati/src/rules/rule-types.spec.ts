import { Document, Element } from '@xmldom/xmldom';
import { DEMO_ACTIVITIES } from '../testing/demo-activities';
import { writeIatiActivities } from '../write-activities';
import { Finding, parseXml, rulesEngine, rulesNeedingRegistry, validateAgainstRules } from './engine';
import { Ruleset } from './ruleset';

const NOW = new Date('2026-07-01T08:00:00Z');
const [FIGUIG] = DEMO_ACTIVITIES;
const xml = [...writeIatiActivities([FIGUIG], { generatedAt: '2026-07-01T08:00:00Z' })].join('');

/** The Figuig project's export, to be tampered with. */
const figuig = (): Document => parseXml(xml);
const first = (doc: Document | Element, tag: string) => doc.getElementsByTagName(tag)[0] as Element;
const all = (doc: Document, tag: string) => Array.from(doc.getElementsByTagName(tag)) as Element[];
const activity = (doc: Document) => first(doc, 'iati-activity');
const add = (doc: Document, parent: Element, tag: string, attributes: Record<string, string>) => {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  parent.appendChild(element);
  return element;
};
const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);
const check = (doc: Document) => validateAgainstRules(doc, { now: NOW });

describe('the rules engine, one rule type at a time (standard.json)', () => {
  it('passes the untouched export', () => {
    expect(check(figuig())).toEqual([]);
  });

  it('strict_sum: catches a tampered sector percentage, with the rule id, the activity and the sum', () => {
    const tampered = xml.replace('code="31194" percentage="60"', 'code="31194" percentage="50"');
    expect(tampered).not.toBe(xml);
    const findings = validateAgainstRules(tampered, { now: NOW });
    expect(findings).toEqual([
      {
        ruleId: '2.1.2',
        severity: 'error',
        category: 'classifications',
        message:
          'Percentage values for sectors, within a vocabulary (e.g. 1 - OECD DAC), must add up to 100%.',
        activityIdentifier: FIGUIG.identifier,
        path: '/iati-activities/iati-activity',
        detail: 'the sum is 90, 100 expected',
      },
    ]);
  });

  it('date_order: catches a planned end before the planned start (11.1.2)', () => {
    const doc = figuig();
    all(doc, 'activity-date')
      .find((d) => d.getAttribute('type') === '3')
      ?.setAttribute('iso-date', '2024-12-31');
    expect(ids(check(doc))).toEqual(['11.1.2']);
  });

  it('date_order against NOW: catches a transaction dated in the future (11.2.1)', () => {
    const doc = figuig();
    first(doc, 'transaction-date').setAttribute('iso-date', '2026-09-01');
    expect(ids(check(doc))).toEqual(['11.2.1']);
  });

  it('date_order in a budget: catches a period that ends before it starts (8.6.3)', () => {
    const doc = figuig();
    first(doc, 'budget').getElementsByTagName('period-end')[0].setAttribute('iso-date', '2025-01-01');
    const findings = check(doc);
    expect(ids(findings)).toEqual(['8.6.3']);
    expect(findings[0].path).toBe('/iati-activities/iati-activity/budget[1]');
  });

  it('time_limit: catches a budget period longer than a year (7.5.3)', () => {
    const doc = figuig();
    first(doc, 'budget').getElementsByTagName('period-end')[0].setAttribute('iso-date', '2026-12-31');
    expect(ids(check(doc))).toEqual(['7.5.3']);
  });

  it('date_now: catches a last-updated date-time in the future (11.1.1)', () => {
    const doc = figuig();
    activity(doc).setAttribute('last-updated-datetime', '2027-01-01T00:00:00Z');
    expect(ids(check(doc))).toEqual(['11.1.1']);
  });

  it('unique: catches an identifier equal to the reporting organisation ref (1.1.3)', () => {
    const doc = figuig();
    first(doc, 'reporting-org').setAttribute('ref', FIGUIG.identifier);
    expect(ids(check(doc))).toContain('1.1.3');
  });

  it("startswith: catches an identifier not prefixed by its publisher's ref (1.1.21, a warning)", () => {
    const doc = figuig();
    first(doc, 'iati-identifier').textContent = 'OTHER-ORG-PRJ-1';
    const findings = check(doc);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['1.1.21', 'warning']]);
  });

  it('no_spaces: catches an identifier ending with a space (1.3.1)', () => {
    const doc = figuig();
    first(doc, 'iati-identifier').textContent = `${FIGUIG.identifier} `;
    expect(ids(check(doc))).toEqual(['1.3.1']);
  });

  it('atleast_one: catches an activity with neither a planned nor an actual start (6.11.1)', () => {
    const doc = figuig();
    for (const date of all(doc, 'activity-date'))
      if (date.getAttribute('type') === '1' || date.getAttribute('type') === '2')
        date.parentNode?.removeChild(date);
    expect(ids(check(doc))).toEqual(['6.11.1']);
  });

  it('atleast_one on //title: catches a result title with no text (4.3.1)', () => {
    const doc = figuig();
    const title = first(first(doc, 'result'), 'title');
    while (title.firstChild) title.removeChild(title.firstChild);
    expect(ids(check(doc))).toEqual(['4.3.1']);
  });

  it('one_or_all: catches a narrative without a language when the activity names none (4.1.1)', () => {
    const doc = figuig();
    activity(doc).removeAttribute('xml:lang');
    first(doc, 'narrative').removeAttribute('xml:lang');
    expect(ids(check(doc))).toEqual(['4.1.1']);
  });

  it('one_or_all: catches a value without currency when the activity has no default (7.8.1)', () => {
    const doc = figuig();
    activity(doc).removeAttribute('default-currency');
    first(doc, 'value').removeAttribute('currency');
    expect(ids(check(doc))).toEqual(['7.8.1']);
  });

  it('range: catches a sector percentage above 100 (12.3.1)', () => {
    const doc = figuig();
    const [a, b] = all(doc, 'sector');
    a.setAttribute('percentage', '140');
    b.setAttribute('percentage', '-40');
    expect(ids(check(doc)).sort()).toEqual(['12.3.1']);
  });

  it('if_then: catches a single sector whose percentage is not 100 (2.1.4)', () => {
    const doc = figuig();
    const [, second] = all(doc, 'sector');
    second.parentNode?.removeChild(second);
    expect(ids(check(doc))).toEqual(['2.1.4']);
  });

  it('no_more_than_one: catches two default aid types of the DAC vocabulary (107.1.2)', () => {
    const doc = figuig();
    add(doc, activity(doc), 'default-aid-type', { code: 'A01' });
    add(doc, activity(doc), 'default-aid-type', { code: 'C01' });
    expect(ids(check(doc))).toEqual(['107.1.2']);
  });

  it('loop: substitutes each vocabulary and catches sectors of vocabulary 2 without percentages (2.1.1)', () => {
    const doc = figuig();
    add(doc, activity(doc), 'sector', { vocabulary: '2', code: '311', percentage: '50' });
    add(doc, activity(doc), 'sector', { vocabulary: '2', code: '140' });
    const findings = check(doc);
    expect(ids(findings)).toEqual(['2.1.1']);
    expect(findings[0].detail).toContain("sector[@vocabulary = '2']");
  });

  it('loop: substitutes only the keys in subs, as SPEC.rst says (the 2.1.2 loop keeps its literal $1 condition)', () => {
    const doc = figuig();
    add(doc, activity(doc), 'sector', { vocabulary: '2', code: '311', percentage: '50' });
    add(doc, activity(doc), 'sector', { vocabulary: '2', code: '140', percentage: '30' });
    expect(ids(check(doc))).toEqual([]);
  });

  it('loop with if_then: catches recipient regions of one vocabulary without percentages (3.4.1)', () => {
    const doc = figuig();
    add(doc, activity(doc), 'recipient-region', { code: '189', vocabulary: '1', percentage: '50' });
    add(doc, activity(doc), 'recipient-region', { code: '289', vocabulary: '1' });
    expect(ids(check(doc))).toContain('3.4.1');
  });

  it('condition: applies 6.14.1 to a DAC policy marker only', () => {
    const dac = figuig();
    add(dac, activity(dac), 'policy-marker', { vocabulary: '1', code: '1' });
    expect(ids(check(dac))).toEqual(['6.14.1']);
    const own = figuig();
    add(own, activity(own), 'policy-marker', { vocabulary: '99', code: 'X' });
    expect(ids(check(own))).toEqual(['6.13.1']);
  });

  it('between_dates: catches a budget line valued outside its period, in an organisation file (11.3.1)', () => {
    const doc = parseXml(
      '<iati-organisations version="2.03"><iati-organisation last-updated-datetime="2026-01-01T00:00:00Z" default-currency="MAD" xml:lang="fr">' +
        '<organisation-identifier>XI-IATI-MCMRE</organisation-identifier><reporting-org ref="XI-IATI-MCMRE" type="10"><narrative>M</narrative></reporting-org>' +
        '<recipient-country-budget><recipient-country code="MA"/><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/>' +
        '<value value-date="2025-01-01">100</value><budget-line><value value-date="2026-03-01">100</value></budget-line></recipient-country-budget>' +
        '</iati-organisation></iati-organisations>',
    );
    const findings = check(doc);
    expect(ids(findings)).toEqual(['11.3.1']);
    expect(findings[0].activityIdentifier).toBe('XI-IATI-MCMRE');
  });

  it('idCondition: skips the cases that need the IATI registry, and says which', () => {
    const doc = figuig();
    first(doc, 'iati-identifier').textContent = `${FIGUIG.identifier}/bad?`;
    expect(ids(check(doc))).toEqual([]); // 1.3.13 needs NOT_EXISTING_ORG_ID_PREFIX: not checked here
    expect(rulesNeedingRegistry()).toEqual(
      expect.arrayContaining(['1.3.13', '1.14.8', '1.14.13', '1.8.13', '1.10.13', '1.15.13', '1.11.13']),
    );
  });
});

describe('the rules engine, rule types standard.json does not use for activities', () => {
  const info = (id: string) => ({ id, severity: 'error' as const, category: 'test', message: id });
  const run = (ruleset: Ruleset, doc = figuig()) => ids(rulesEngine(ruleset).check(doc, { now: NOW }));
  const A = '/iati-activities/iati-activity';

  it('regex_matches and regex_no_matches', () => {
    expect(
      run({
        [A]: {
          regex_matches: {
            cases: [
              { paths: ['iati-identifier'], regex: '^XI-', ruleInfo: info('ok') },
              { paths: ['iati-identifier'], regex: '^MA-', ruleInfo: info('r1') },
            ],
          },
          regex_no_matches: {
            cases: [{ paths: ['iati-identifier'], regex: 'FIGUIG', ruleInfo: info('r2') }],
          },
        },
      }),
    ).toEqual(['r1', 'r2']);
  });

  it('only_one_of: excluded elements beside the paths, or not exactly one of them', () => {
    expect(
      run({
        [A]: {
          only_one_of: {
            cases: [{ excluded: ['recipient-country'], paths: ['sector'], ruleInfo: info('o1') }],
          },
        },
      }),
    ).toEqual(['o1']);
    expect(
      run({
        [A]: {
          only_one_of: {
            cases: [{ excluded: ['recipient-region'], paths: ['sector'], ruleInfo: info('o2') }],
          },
        },
      }),
    ).toEqual(['o2']);
    expect(
      run({
        [A]: {
          only_one_of: {
            cases: [{ excluded: ['recipient-region'], paths: ['reporting-org'], ruleInfo: info('o3') }],
          },
        },
      }),
    ).toEqual([]);
  });

  it('sum: ignores absent values, checks present ones', () => {
    expect(
      run({
        [A]: { sum: { cases: [{ paths: ['capital-spend/@percentage'], sum: 100, ruleInfo: info('s1') }] } },
      }),
    ).toEqual([]);
    expect(
      run({ [A]: { sum: { cases: [{ paths: ['sector/@percentage'], sum: 90, ruleInfo: info('s2') }] } } }),
    ).toEqual(['s2']);
  });

  it('dependent: some of the paths without the others', () => {
    expect(
      run({ [A]: { dependent: { cases: [{ paths: ['sector', 'policy-marker'], ruleInfo: info('d1') }] } } }),
    ).toEqual(['d1']);
  });

  it('eval: a case whose eval is false fails', () => {
    expect(
      run({
        [A]: {
          atleast_one: { cases: [{ paths: ['sector'], eval: 'count(sector) = 3', ruleInfo: info('e1') }] },
        },
      }),
    ).toEqual(['e1']);
  });

  it('camel-case rule names are the snake-case ones', () => {
    expect(
      run({
        [A]: {
          atLeastOne: { cases: [{ paths: ['fss'], ruleInfo: info('c1') }] },
          noMoreThanOne: { cases: [{ paths: ['sector'], ruleInfo: info('c2') }] },
        },
      }),
    ).toEqual(['c1', 'c2']);
  });

  it('refuses a rule type SPEC.rst does not define', () => {
    expect(() => rulesEngine({ [A]: { most_of: { cases: [] } } })).toThrow(/most_of/);
  });
});
