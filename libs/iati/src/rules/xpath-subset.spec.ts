import type { Document, Element, Node } from '@xmldom/xmldom';
import { generateActivities } from '../testing/generate-activities';
import { DEMO_ACTIVITIES } from '../testing/demo-activities';
import { writeIatiActivities } from '../write-activities';
import { parseXml } from './engine';
import { RuleCase, STANDARD_RULESET } from './ruleset';
import { asBoolean, asNodes, compileSubset, SubsetExpression } from './xpath-subset';

interface XPathResult {
  booleanValue(): boolean;
  nodeset(): { toArray(): Node[] };
}
const xpath = require('xpath') as { parse(e: string): { evaluate(o: object): XPathResult } };
const viaXpath = (expression: string, node: Node) =>
  xpath.parse(expression).evaluate({ node, namespaces: { xml: 'http://www.w3.org/XML/1998/namespace' } });

/** Every expression of standard.json, $1 given the values loops meet, as the engine evaluates them. */
function rulesetExpressions(): { paths: string[]; booleans: string[] } {
  const paths = new Set<string>([
    'iati-identifier',
    'descendant-or-self::node()/title',
    'transaction/provider-org | planned-disbursement/provider-org',
  ]);
  const booleans = new Set<string>();
  const each = (value: string, add: (v: string) => void) =>
    ['1', '2', '98'].forEach((v) => add(value.split('$1').join(v)));
  const visit = (rule: RuleCase) => {
    for (const key of ['one', 'less', 'more', 'date', 'start', 'end', 'foreach'] as const) {
      const value = rule[key];
      if (typeof value === 'string' && value !== 'NOW') paths.add(value);
    }
    for (const path of [...(rule.paths ?? []), ...(rule.prefix ?? []), ...(rule.excluded ?? [])])
      if (path !== 'ORG-ID-PREFIX') each(path, (v) => paths.add(v));
    for (const key of ['condition', 'if', 'then', 'eval'] as const) {
      const value = rule[key];
      if (value) each(value, (v) => booleans.add(v));
    }
    for (const inner of Object.values(rule.do ?? {})) inner.cases.forEach(visit);
  };
  for (const rules of Object.values(STANDARD_RULESET))
    for (const { cases } of Object.values(rules)) cases.forEach(visit);
  return { paths: [...paths], booleans: [...booleans] };
}

/** Demo and generated activities, with what they never carry added to some: other vocabularies, regions, aid types, policy markers. */
function documents(): Document[] {
  const activities = [...DEMO_ACTIVITIES, ...generateActivities(20, { seed: 7 })];
  const plain = parseXml(
    [...writeIatiActivities(activities, { generatedAt: '2026-07-01T00:00:00Z' })].join(''),
  );
  const varied = parseXml(
    [...writeIatiActivities(activities.slice(0, 6), { generatedAt: '2026-07-01T00:00:00Z' })].join(''),
  );
  const add = (parent: Element, tag: string, attributes: Record<string, string>) => {
    const element = varied.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    parent.appendChild(element);
    return element;
  };
  Array.from(varied.getElementsByTagName('iati-activity')).forEach((activity, i) => {
    if (i % 2 === 0) add(activity, 'sector', { vocabulary: '2', code: '311', percentage: '40' });
    if (i % 3 === 0)
      add(activity, 'sector', { vocabulary: '98', code: 'X' }).appendChild(varied.createElement('narrative'));
    if (i % 2 === 1) add(activity, 'recipient-region', { vocabulary: '1', code: '289', percentage: '100' });
    if (i % 3 === 1) add(activity, 'default-aid-type', { code: 'A01' });
    if (i % 3 === 2) add(activity, 'default-aid-type', { code: 'A01', vocabulary: '2' });
    if (i === 4) activity.removeChild(activity.getElementsByTagName('recipient-country')[0]);
    if (i === 5) add(activity, 'policy-marker', { vocabulary: '1', code: '1', significance: '2' });
  });
  return [plain, varied];
}

const contextsOf = (document: Document): Node[] =>
  viaXpath(
    '//iati-activity | //transaction | //budget | //indicator | //period | //baseline | //target | //actual | //participating-org | //policy-marker | //sector',
    document,
  )
    .nodeset()
    .toArray();

describe('the XPath subset', () => {
  const { paths, booleans } = rulesetExpressions();
  const contexts = documents().flatMap(contextsOf);

  it('takes every expression of standard.json', () => {
    expect([...paths, ...booleans].filter((e) => compileSubset(e) === null)).toEqual([]);
  });

  it.each(paths)('selects what XPath 1.0 selects: %s', (path) => {
    const subset = compileSubset(path) as SubsetExpression;
    for (const context of contexts)
      expect(asNodes(subset(context))).toEqual(viaXpath(path, context).nodeset().toArray());
  });

  it.each(booleans)('answers what XPath 1.0 answers: %s', (expression) => {
    const subset = compileSubset(expression) as SubsetExpression;
    let holds = 0;
    for (const context of contexts) {
      const expected = viaXpath(expression, context).booleanValue();
      expect([expression, asBoolean(subset(context))]).toEqual([expression, expected]);
      if (expected) holds++;
    }
    expect(holds).toBeLessThanOrEqual(contexts.length);
  });

  it.each([
    'sector[position() = 1]',
    'count(sector) div 2',
    '/iati-activities',
    'sector[@a = "x"',
    'following-sibling::sector',
  ])('leaves %s to the xpath library', (expression) => {
    expect(compileSubset(expression)).toBeNull();
  });
});
