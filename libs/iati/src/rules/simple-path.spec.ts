import type { Node } from '@xmldom/xmldom';
import { generateActivities } from '../testing/generate-activities';
import { DEMO_ACTIVITIES } from '../testing/demo-activities';
import { writeIatiActivities } from '../write-activities';
import { parseXml } from './engine';
import { STANDARD_RULESET, RuleCase } from './ruleset';
import { compileSimplePath } from './simple-path';

const xpath = require('xpath') as { parse(e: string): { select(o: object): Node[] } };
const viaXpath = (expression: string, node: Node) =>
  xpath.parse(expression).select({ node, namespaces: { xml: 'http://www.w3.org/XML/1998/namespace' } });

/** Every location path of standard.json, as the engine evaluates them below an activity. */
function rulesetPaths(): string[] {
  const found = new Set<string>([
    'iati-identifier',
    'descendant-or-self::node()/title',
    'transaction/provider-org | planned-disbursement/provider-org',
  ]);
  const visit = (rule: RuleCase) => {
    for (const key of ['one', 'less', 'more', 'date', 'start', 'end', 'foreach'] as const) {
      const value = rule[key];
      if (typeof value === 'string' && value !== 'NOW') found.add(value);
    }
    for (const path of [...(rule.paths ?? []), ...(rule.prefix ?? []), ...(rule.excluded ?? [])])
      found.add(path.replace(/\$1/g, '1'));
    for (const inner of Object.values(rule.do ?? {})) inner.cases.forEach(visit);
  };
  for (const rules of Object.values(STANDARD_RULESET))
    for (const { cases } of Object.values(rules)) cases.forEach(visit);
  return [...found];
}

describe('simple paths', () => {
  const activities = [...DEMO_ACTIVITIES, ...generateActivities(30, { seed: 7 })];
  const document = parseXml(
    [...writeIatiActivities(activities, { generatedAt: '2026-07-01T00:00:00Z' })].join(''),
  );
  const contexts = [
    ...(viaXpath('/iati-activities/iati-activity', document) as Node[]),
    ...(viaXpath(
      '//transaction | //budget | //indicator | //period | //baseline | //participating-org',
      document,
    ) as Node[]),
  ];

  it('compiles most of the ruleset paths', () => {
    const paths = rulesetPaths();
    const simple = paths.filter((path) => compileSimplePath(path) !== null);
    expect(simple.length / paths.length).toBeGreaterThan(0.7);
  });

  it.each(rulesetPaths().filter((path) => compileSimplePath(path) !== null))(
    'selects what XPath 1.0 selects: %s',
    (path) => {
      const simple = compileSimplePath(path);
      for (const context of contexts) expect(simple?.(context)).toEqual(viaXpath(path, context));
    },
  );

  it.each([
    'sector[@vocabulary != 1]/@vocabulary',
    'sector[not(@vocabulary)]',
    'count(sector) > 1',
    '/iati-activities',
    "sector[@vocabulary = '1' or not(@vocabulary)]",
  ])('leaves %s to the XPath engine', (path) => {
    expect(compileSimplePath(path)).toBeNull();
  });
});
