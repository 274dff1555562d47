import type { XmlAttr, XmlDocument, XmlElement } from '../xml/light-dom';
import { compile } from '../rules/compiled-xpath';
import { Finding, pathOf } from '../rules/engine';
import { EMBEDDED_CODELISTS } from './embedded';
import { CODELIST_MAPPINGS } from './mapping';
import { NON_EMBEDDED_CODELISTS } from './non-embedded';

const HELD: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({ ...EMBEDDED_CODELISTS, ...NON_EMBEDDED_CODELISTS }).map(([name, codes]) => [
    name,
    new Set(codes),
  ]),
);

interface Mapping {
  readonly codelist: string;
  readonly condition?: string;
}

/** The paths below iati-activity ("budget/value/@currency") as a tree of element names. */
interface PathStep {
  readonly children: Map<string, PathStep>;
  /** Mappings by attribute name, at this step. */
  readonly attributes: Map<string, Mapping[]>;
}
const newStep = (): PathStep => ({ children: new Map(), attributes: new Map() });
const BY_PATH = newStep();
/** The "//@x" mappings, by attribute name. */
const ANYWHERE = new Map<string, Mapping[]>();
for (const [path, codelist, condition] of CODELIST_MAPPINGS) {
  const mapping = { codelist, ...(condition ? { condition } : {}) };
  const add = (map: Map<string, Mapping[]>, key: string) => map.set(key, [...(map.get(key) ?? []), mapping]);
  if (path.startsWith('//iati-activity/')) {
    const names = path.slice('//iati-activity/'.length).split('/');
    const last = names.pop() as string;
    let step = BY_PATH;
    for (const name of names) {
      if (!step.children.has(name)) step.children.set(name, newStep());
      step = step.children.get(name) as PathStep;
    }
    if (last.startsWith('@')) add(step.attributes, last.slice(1)); // text() mappings are not checked
  } else if (path.startsWith('//@')) add(ANYWHERE, path.slice(3));
}

/**
 * Every coded attribute of an activity against its codelist (mapping.xml says which; a mapping's
 * condition, an XPath on the element, says when). One walk of the tree per activity. A codelist
 * this library does not hold is reported as info: the export never writes one.
 */
export function checkCodelists(activity: XmlElement, identifier: string, findings: Finding[]): void {
  const check = (element: XmlElement, attribute: XmlAttr, mappings: readonly Mapping[] | undefined) => {
    if (!mappings) return;
    for (const mapping of mappings) {
      if (mapping.condition && !compile(mapping.condition).boolean(element)) continue;
      const codes = HELD.get(mapping.codelist);
      if (codes?.has(attribute.value)) continue;
      findings.push({
        ruleId: `codelist:${mapping.codelist}`,
        severity: codes ? 'error' : 'info',
        category: 'codelist',
        message: codes
          ? `The code is not in the ${mapping.codelist} codelist.`
          : `The ${mapping.codelist} codelist is not held by this library: not checked.`,
        activityIdentifier: identifier,
        path: pathOf(attribute),
        detail: `'${attribute.value}'`,
      });
    }
  };
  const visit = (element: XmlElement, step: PathStep | undefined) => {
    const attributes = element.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i];
      check(element, attribute, step?.attributes.get(attribute.name));
      check(element, attribute, ANYWHERE.get(attribute.name));
    }
    for (let child = element.firstChild; child; child = child.nextSibling)
      if (child.nodeType === 1) visit(child as XmlElement, step?.children.get(child.nodeName));
  };
  visit(activity, BY_PATH);
}

/** The codelist check of every activity of a document, with the file's version. */
export function validateCodelists(document: XmlDocument): Finding[] {
  const findings: Finding[] = [];
  const root = document.documentElement;
  if (root?.nodeName === 'iati-activities' && !HELD.get('Version')?.has(root.getAttribute('version') ?? ''))
    findings.push({
      ruleId: 'codelist:Version',
      severity: 'error',
      category: 'codelist',
      message: 'The code is not in the Version codelist.',
      activityIdentifier: '',
      path: '/iati-activities/@version',
      detail: `'${root.getAttribute('version')}'`,
    });
  for (const activity of compile('/iati-activities/iati-activity').nodes(document) as XmlElement[])
    checkCodelists(activity, compile('string(iati-identifier)').string(activity).trim(), findings);
  return findings;
}
