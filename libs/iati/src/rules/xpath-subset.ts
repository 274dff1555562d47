import type { XmlAttr, XmlElement, XmlNode } from '../xml/light-dom';

/**
 * The XPath 1.0 the rulesets use, evaluated directly on the DOM: location paths of child,
 * attribute, parent, text() and descendant steps with predicates, `or`, `and`, `not()`,
 * `count()`, `number()`, `+`, comparisons, numbers and strings. The xpath library, which builds a
 * fresh evaluation context at every step, keeps whatever this does not parse. xpath-subset.spec.ts
 * checks that both give the same answer for every expression of standard.json.
 */
export type Value = XmlNode[] | number | string | boolean;
type Evaluate = (context: XmlNode) => Value;
export type SubsetExpression = Evaluate;

const TOKEN =
  /\s*(\d+(?:\.\d+)?|'[^']*'|"[^"]*"|!=|<=|>=|[=<>+()[\]/@|]|\.\.|\.|[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?(?:::|\(\))?|::)/y;

function tokenize(source: string): string[] | null {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const match = TOKEN.exec(source);
    if (!match) return /^\s*$/.test(source.slice(TOKEN.lastIndex)) ? tokens : null;
    tokens.push(match[1]);
  }
  return tokens;
}

const textOf = (node: XmlNode): string =>
  node.nodeType === 2 ? (node as XmlAttr).value : (node.textContent ?? '');
const toNumber = (value: Value): number =>
  typeof value === 'number'
    ? value
    : typeof value === 'boolean'
      ? Number(value)
      : typeof value === 'string'
        ? value.trim() === ''
          ? NaN
          : Number(value)
        : value.length === 0
          ? NaN
          : toNumber(textOf(value[0]));
const toBoolean = (value: Value): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : typeof value === 'number'
      ? value !== 0 && !Number.isNaN(value)
      : typeof value === 'string'
        ? value !== ''
        : value;

const COMPARE: Record<string, (a: number | string, b: number | string) => boolean> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** XPath 1.0 comparison (section 3.4): node-sets compare by any member. */
function compare(operator: string, left: Value, right: Value): boolean {
  const op = COMPARE[operator];
  const equality = operator === '=' || operator === '!=';
  if (Array.isArray(left) && Array.isArray(right))
    return left.some((l) =>
      right.some((r) => (equality ? op(textOf(l), textOf(r)) : op(toNumber(textOf(l)), toNumber(textOf(r))))),
    );
  if (Array.isArray(left) || Array.isArray(right)) {
    const [nodes, other, flipped] = (Array.isArray(left) ? [left, right, false] : [right, left, true]) as [
      XmlNode[],
      number | string | boolean,
      boolean,
    ];
    const apply = (a: number | string, b: number | string) => (flipped ? op(b, a) : op(a, b));
    if (typeof other === 'boolean') return apply(Number(nodes.length > 0), Number(other));
    if (typeof other === 'number') return nodes.some((n) => apply(toNumber(textOf(n)), other));
    return nodes.some((n) =>
      equality ? apply(textOf(n), other) : apply(toNumber(textOf(n)), toNumber(other)),
    );
  }
  if (equality) {
    if (typeof left === 'boolean' || typeof right === 'boolean')
      return op(Number(toBoolean(left)), Number(toBoolean(right)));
    if (typeof left === 'number' || typeof right === 'number') return op(toNumber(left), toNumber(right));
    return op(String(left), String(right));
  }
  return op(toNumber(left), toNumber(right));
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: string[]) {}
  private peek = (offset = 0) => this.tokens[this.at + offset];
  private take(expected?: string): string {
    const token = this.tokens[this.at++];
    if (token === undefined || (expected !== undefined && token !== expected))
      throw new SyntaxError(`expected ${expected}`);
    return token;
  }
  done = () => this.at === this.tokens.length;

  or(): Evaluate {
    let left = this.and();
    while (this.peek() === 'or') {
      this.take();
      const [a, b] = [left, this.and()];
      left = (c) => toBoolean(a(c)) || toBoolean(b(c));
    }
    return left;
  }
  private and(): Evaluate {
    let left = this.comparison();
    while (this.peek() === 'and') {
      this.take();
      const [a, b] = [left, this.comparison()];
      left = (c) => toBoolean(a(c)) && toBoolean(b(c));
    }
    return left;
  }
  private comparison(): Evaluate {
    const left = this.sum();
    const operator = this.peek();
    if (operator === undefined || !(operator in COMPARE)) return left;
    this.take();
    const right = this.sum();
    return (c) => compare(operator, left(c), right(c));
  }
  private sum(): Evaluate {
    let left = this.union();
    while (this.peek() === '+') {
      this.take();
      const [a, b] = [left, this.union()];
      left = (c) => toNumber(a(c)) + toNumber(b(c));
    }
    return left;
  }
  private union(): Evaluate {
    const first = this.primary();
    if (this.peek() !== '|') return first;
    const parts = [first];
    while (this.peek() === '|') {
      this.take();
      parts.push(this.primary());
    }
    return (c) => {
      const seen = new Set<XmlNode>();
      let partsFound = 0;
      for (const part of parts) {
        const value = part(c);
        if (!Array.isArray(value)) throw new TypeError('union of a non-node-set');
        if (value.length > 0) partsFound++;
        for (const node of value) seen.add(node);
      }
      return partsFound > 1 ? inDocumentOrder([...seen]) : [...seen];
    };
  }
  private primary(): Evaluate {
    const token = this.peek();
    if (token === undefined) throw new SyntaxError('unexpected end');
    if (/^\d/.test(token)) {
      const value = Number(this.take());
      return () => value;
    }
    if (token.startsWith("'") || token.startsWith('"')) {
      const value = this.take().slice(1, -1);
      return () => value;
    }
    if (token === '(') {
      this.take();
      const inner = this.or();
      this.take(')');
      return inner;
    }
    if (
      (token === 'not' || token === 'count' || token === 'number' || token === 'string') &&
      this.peek(1) === '('
    ) {
      this.take();
      this.take('(');
      const argument = this.or();
      this.take(')');
      if (token === 'not') return (c) => !toBoolean(argument(c));
      if (token === 'number') return (c) => toNumber(argument(c));
      if (token === 'string')
        return (c) => {
          const value = argument(c);
          return Array.isArray(value) ? (value.length ? textOf(value[0]) : '') : String(value);
        };
      return (c) => {
        const value = argument(c);
        if (!Array.isArray(value)) throw new TypeError('count of a non-node-set');
        return value.length;
      };
    }
    return this.path();
  }
  private path(): Evaluate {
    const steps: ((nodes: XmlNode[]) => XmlNode[])[] = [this.step()];
    while (this.peek() === '/') {
      this.take();
      steps.push(this.step());
    }
    return (c) => {
      let nodes: XmlNode[] = [c];
      for (const step of steps) nodes = step(nodes);
      return nodes;
    };
  }
  private step(): (nodes: XmlNode[]) => XmlNode[] {
    const token = this.take();
    if (token === '.') return (nodes) => nodes;
    if (token === 'self::') {
      this.take('node()');
      return (nodes) => nodes;
    }
    if (token === '..') return (nodes) => nodes.map((n) => n.parentNode).filter((n): n is XmlNode => !!n);
    if (token === 'text()') return (nodes) => nodes.flatMap(textChildren);
    if (token === '@') {
      const name = this.take();
      if (!/^[A-Za-z_]/.test(name)) throw new SyntaxError('attribute name');
      return (nodes) => {
        const out: XmlNode[] = [];
        for (const n of nodes) {
          const found = n.nodeType === 1 ? (n as XmlElement).getAttributeNode(name) : null;
          if (found) out.push(found);
        }
        return out;
      };
    }
    let descendant = false;
    let name = token;
    if (token === 'descendant::' || token === 'descendant-or-self::') {
      if (token === 'descendant-or-self::') {
        this.take('node()');
        this.take('/');
      }
      descendant = true;
      name = this.take();
    }
    if (!/^[A-Za-z_][\w.:-]*$/.test(name) || name.endsWith('::')) throw new SyntaxError(`step ${name}`);
    const predicates: Evaluate[] = [];
    while (this.peek() === '[') {
      this.take();
      predicates.push(this.or());
      this.take(']');
    }
    return (nodes) => {
      const out: XmlNode[] = [];
      for (const n of nodes) {
        let found: XmlNode[] = [];
        (descendant ? descendantElements : childElements)(n, name, found);
        for (const predicate of predicates)
          found = found.filter((element, i) => {
            const value = predicate(element);
            return typeof value === 'number' ? value === i + 1 : toBoolean(value);
          });
        out.push(...found);
      }
      return out;
    };
  }
}

const textChildren = (node: XmlNode): XmlNode[] => {
  const out: XmlNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3 || child.nodeType === 4) out.push(child);
  return out;
};
const childElements = (node: XmlNode, name: string, out: XmlNode[]) => {
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1 && child.nodeName === name) out.push(child);
};
const descendantElements = (node: XmlNode, name: string, out: XmlNode[]) => {
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) {
      if (child.nodeName === name) out.push(child);
      descendantElements(child, name, out);
    }
};
/** Document order of distinct nodes (an attribute right after its element). */
function inDocumentOrder(nodes: XmlNode[]): XmlNode[] {
  if (nodes.length < 2) return nodes;
  const order = new Map<XmlNode, number>();
  let index = 0;
  const root = (n: XmlNode): XmlNode => {
    let r = n.nodeType === 2 ? ((n as XmlAttr).ownerElement as XmlNode) : n;
    while (r.parentNode) r = r.parentNode;
    return r;
  };
  const walk = (n: XmlNode) => {
    order.set(n, index++);
    if (n.nodeType === 1) {
      const attributes = (n as XmlElement).attributes;
      for (let i = 0; i < attributes.length; i++) order.set(attributes[i], index++);
    }
    for (let child = n.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root(nodes[0]));
  return nodes.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** The compiled expression, or null when it is outside the subset (the xpath library takes it). */
export function compileSubset(source: string): SubsetExpression | null {
  const tokens = tokenize(source);
  if (!tokens || tokens.length === 0) return null;
  try {
    const parser = new Parser(tokens);
    const evaluate = parser.or();
    return parser.done() ? evaluate : null;
  } catch {
    return null;
  }
}

export const asNodes = (value: Value): XmlNode[] => {
  if (!Array.isArray(value)) throw new TypeError('the expression is not a node-set');
  return value;
};
export const asBoolean = toBoolean;
export const asString = (value: Value): string =>
  Array.isArray(value)
    ? value.length
      ? textOf(value[0])
      : ''
    : typeof value === 'number'
      ? numberString(value)
      : String(value);
const numberString = (value: number) => (Number.isNaN(value) ? 'NaN' : String(value));
