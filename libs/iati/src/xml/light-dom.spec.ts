import { validateCodelists } from '../codelists/codelist-check';
import { Finding, parseXml, rulesEngine, validateAgainstRules } from '../rules/engine';
import { DEMO_ACTIVITIES } from '../testing/demo-activities';
import { generateActivities } from '../testing/generate-activities';
import { writeIatiActivities } from '../write-activities';
import { parseLightXml, XmlDocument, XmlElement, XmlNode } from './light-dom';

const NOW = new Date('2026-07-01T08:00:00Z');
const exportOf = (activities = DEMO_ACTIVITIES) =>
  [...writeIatiActivities(activities, { generatedAt: '2026-07-01T08:00:00Z' })].join('');
const findings = (document: XmlDocument): Finding[] => [
  ...rulesEngine().check(document, { now: NOW }),
  ...validateCodelists(document),
];

/** Everything the rules can read of a node, children and attributes included. */
const shape = (node: XmlNode): unknown => {
  const children: unknown[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(shape(child));
  const attributes =
    node.nodeType === 1
      ? Array.from({ length: (node as XmlElement).attributes.length }, (_, i) => {
          const attribute = (node as XmlElement).attributes[i];
          return [attribute.name, attribute.value, attribute.nodeValue, attribute.ownerElement === node];
        })
      : [];
  return [node.nodeType, node.nodeName, node.nodeValue, node.textContent, attributes, children];
};

describe('parseLightXml, the read-only DOM the rules read', () => {
  const xml = exportOf();

  const root = (document: XmlDocument) => shape(document.documentElement as XmlNode);

  it('builds the tree xmldom builds from the demo export', () => {
    expect(root(parseLightXml(xml))).toEqual(root(parseXml(xml)));
  });

  it('keeps text as xmldom does: entities and character references decoded, CDATA, whitespace, comments, namespaces', () => {
    const tricky =
      '<?xml version="1.0"?>\n<!-- before --><r xmlns:x="urn:x" a="1&amp;2&#10; \t tab" x:b=\'q"\'>\r\n' +
      '  a &lt; b &#x41;&#1601;<![CDATA[ <raw> & ]]>tail<!-- in -->after<?pi body?><e/>\n' +
      '<x:y x:c="d">é 🌴</x:y><narrative xml:lang="ar">فجيج</narrative>  </r>\n';
    const light = parseLightXml(tricky);
    expect(root(light)).toEqual(root(parseXml(tricky)));
    expect(light.documentElement?.textContent).toBe('\n  a < b Aف <raw> & tailafter\né 🌴فجيج  ');
    expect(light.documentElement?.getAttribute('a')).toBe('1&2\n   tab');
  });

  it('gives the findings xmldom gives on the demo activities: none', () => {
    expect(findings(parseLightXml(xml))).toEqual([]);
    expect(findings(parseLightXml(xml))).toEqual(findings(parseXml(xml)));
  });

  it.each([
    ['a sector percentage changed', 'code="31194" percentage="60"', 'code="31194" percentage="50"'],
    ['the planned end before the start', 'type="3" iso-date="2027-02-28"', 'type="3" iso-date="2024-02-28"'],
    [
      'a currency that is not one',
      'currency="MAD" value-date="2025-04-15">685839.42',
      'currency="MAX" value-date="2025-04-15">685839.42',
    ],
    ['a sector code that is not one', 'code="31140" percentage="40"', 'code="99999" percentage="40"'],
    [
      'a budget period longer than a year',
      '<period-end iso-date="2025-12-31"/>',
      '<period-end iso-date="2026-06-30"/>',
    ],
  ])('gives the findings xmldom gives on a tampered export: %s', (_, from, to) => {
    const tampered = xml.replace(from, to);
    expect(tampered).not.toBe(xml);
    const light = findings(parseLightXml(tampered));
    expect(light.length).toBeGreaterThan(0);
    expect(light).toEqual(findings(parseXml(tampered)));
  });

  it('catches the changed sector percentage with rule 2.1.2, the string given to validateAgainstRules', () => {
    const tampered = xml.replace('code="31194" percentage="60"', 'code="31194" percentage="50"');
    expect(validateAgainstRules(tampered, { now: NOW }).map((f) => [f.ruleId, f.detail])).toEqual([
      ['2.1.2', 'the sum is 90, 100 expected'],
    ]);
  });

  it('gives the findings xmldom gives on generated activities with dates pushed into the future', () => {
    const generated = exportOf([...generateActivities(50, { seed: 11 })]).replace(/2025-/g, '2029-');
    const light = findings(parseLightXml(generated));
    expect(light.length).toBeGreaterThan(0);
    expect(light).toEqual(findings(parseXml(generated)));
  });

  it.each([
    ['a tag left open', xml.replace('</title>', '')],
    ['a mismatched end tag', '<a><b></a>'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['an attribute twice', '<a x="1" x="2"/>'],
    ['an unbound prefix', '<p:a/>'],
    ['two roots', '<a/><b/>'],
    ['nothing', ''],
  ])('throws "not well-formed XML" on %s, as parseXml does', (_, bad) => {
    expect(() => parseXml(bad)).toThrow(/not well-formed XML: /);
    expect(() => parseLightXml(bad)).toThrow(/^not well-formed XML: /);
  });

  it('reads with the xpath library (expressions outside the subset) as xmldom does', () => {
    const xpath = require('xpath') as { select(e: string, n: unknown): unknown };
    const text = (nodes: unknown) => (nodes as XmlNode[]).map((n) => [n.nodeName, n.textContent]);
    for (const expression of [
      '//sector[position() = 2]/@code',
      '//sector[1]/following-sibling::sector/@percentage',
      '//narrative[lang("ar")]',
      '//iati-activity[last()]/iati-identifier',
      '//budget[value > 900000]/period-start/@iso-date',
    ]) {
      const light = xpath.select(expression, parseLightXml(xml));
      expect((light as unknown[]).length).toBeGreaterThan(0);
      expect(text(light)).toEqual(text(xpath.select(expression, parseXml(xml))));
    }
  });
});
