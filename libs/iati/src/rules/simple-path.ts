import type { Attr, Element, Node } from '@xmldom/xmldom';

/**
 * Most XPaths of the rulesets are plain location paths (`transaction/value/@value-date`,
 * `activity-date[@type='1']/@iso-date`). This walks the tree for those directly; the xpath
 * library, which builds a fresh evaluation context at every step, keeps the rest. Measured in
 * docs/iati.md: the rules run several times faster.
 */
export type SimplePath = (context: Node) => Node[];

type Step = (nodes: Node[]) => Node[];
type Predicate = (element: Element, position: number) => boolean;

const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
const ATTRIBUTE_TEST = new RegExp(`^@(${NAME})\\s*(=|!=)\\s*'([^']*)'$`);

const splitTopLevel = (expression: string, separator: string): string[] | null => {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === "'") quoted = !quoted;
    if (quoted) continue;
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && expression.startsWith(separator, i)) {
      parts.push(expression.slice(start, i).trim());
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  if (quoted || depth !== 0) return null;
  parts.push(expression.slice(start).trim());
  return parts;
};

/** `[2]` or `[@a = 'x' or @b != 'y' ...]`; anything else is not simple. */
function predicate(source: string): Predicate | null {
  if (/^\d+$/.test(source)) {
    const wanted = Number(source);
    return (_, position) => position === wanted;
  }
  const terms = splitTopLevel(source, ' or ');
  if (!terms) return null;
  const tests: ((element: Element) => boolean)[] = [];
  for (const term of terms) {
    const match = ATTRIBUTE_TEST.exec(term);
    if (!match) return null;
    const [, name, operator, value] = match;
    tests.push(
      operator === '='
        ? (element) => element.getAttributeNode(name)?.value === value
        : (element) => {
            const attribute = element.getAttributeNode(name);
            return attribute !== null && attribute !== undefined && attribute.value !== value;
          },
    );
  }
  return (element) => tests.some((test) => test(element));
}

const childElements = (node: Node, name: string, out: Node[]) => {
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1 && child.nodeName === name) out.push(child);
};
const descendantElements = (node: Node, name: string, out: Node[]) => {
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) {
      if (child.nodeName === name) out.push(child);
      descendantElements(child, name, out);
    }
};

function step(source: string): Step | null {
  if (source === '.' || source === 'self::node()') return (nodes) => nodes;
  if (source === '..') return (nodes) => nodes.map((n) => n.parentNode).filter((n): n is Node => !!n);
  if (source === 'text()')
    return (nodes) =>
      nodes.flatMap((n) => {
        const out: Node[] = [];
        for (let child = n.firstChild; child; child = child.nextSibling)
          if (child.nodeType === 3 || child.nodeType === 4) out.push(child);
        return out;
      });
  const attribute = new RegExp(`^@(${NAME})$`).exec(source);
  if (attribute) {
    const name = attribute[1];
    return (nodes) => {
      const out: Node[] = [];
      for (const n of nodes) {
        const found = n.nodeType === 1 ? (n as Element).getAttributeNode(name) : null;
        if (found) out.push(found as Attr);
      }
      return out;
    };
  }
  const element = new RegExp(`^(descendant::)?(${NAME})((?:\\[.*\\])?)$`).exec(source);
  if (!element) return null;
  const [, descendant, name, predicatesSource] = element;
  const predicates: Predicate[] = [];
  if (predicatesSource) {
    const inner = splitTopLevel(predicatesSource.slice(1, -1), '][');
    if (!inner) return null;
    for (const part of inner) {
      const compiled = predicate(part);
      if (!compiled) return null;
      predicates.push(compiled);
    }
  }
  return (nodes) => {
    const out: Node[] = [];
    for (const n of nodes) {
      const found: Node[] = [];
      (descendant ? descendantElements : childElements)(n, name, found);
      let kept = found;
      for (const p of predicates) kept = kept.filter((e, i) => p(e as Element, i + 1));
      out.push(...kept);
    }
    return out;
  };
}

/** A compiled simple path, or null when the expression needs the full XPath engine. */
export function compileSimplePath(expression: string): SimplePath | null {
  const union = splitTopLevel(expression, '|');
  if (!union) return null;
  const paths: Step[][] = [];
  for (let part of union) {
    const steps: Step[] = [];
    if (part.startsWith('descendant-or-self::node()/')) {
      const rest = part.slice('descendant-or-self::node()/'.length);
      if (!new RegExp(`^${NAME}`).test(rest)) return null;
      part = `descendant::${rest}`;
    }
    if (part === '' || part.startsWith('/')) return null;
    const sources = splitTopLevel(part, '/');
    if (!sources) return null;
    for (const source of sources) {
      const compiled = step(source);
      if (!compiled) return null;
      steps.push(compiled);
    }
    paths.push(steps);
  }
  return (context) => {
    const out: Node[] = [];
    for (const steps of paths) {
      let nodes: Node[] = [context];
      for (const s of steps) nodes = s(nodes);
      out.push(...nodes);
    }
    return out;
  };
}
