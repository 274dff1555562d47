import type { Attr, Node } from '@xmldom/xmldom';
import { compileSimplePath, SimplePath } from './simple-path';

// Required, not imported: xpath's typings pull the browser's DOM library into the whole program.
const xpath = require('xpath') as unknown;

interface XPathResult {
  booleanValue(): boolean;
  stringValue(): string;
  numberValue(): number;
  nodeset(): { toArray(): Node[]; toUnsortedArray?(): Node[] };
}
interface ParsedXPath {
  evaluate(options: object): XPathResult;
}
// xpath's typings omit parse(), which compiles an expression once for many evaluations.
const parse = (xpath as { parse(expression: string): ParsedXPath }).parse;

const NAMESPACES = { xml: 'http://www.w3.org/XML/1998/namespace' };

/** An XPath 1.0 expression compiled once, evaluated against many context nodes. */
export class CompiledXPath {
  private readonly parsed: ParsedXPath;
  private readonly simple: SimplePath | null;
  /** `string(path)` of a simple path: the text of its first node. */
  private readonly simpleString: SimplePath | null;
  constructor(readonly source: string) {
    this.parsed = parse(source);
    this.simple = compileSimplePath(source);
    const inner = /^string\((.*)\)$/.exec(source);
    this.simpleString = inner ? compileSimplePath(inner[1]) : null;
  }
  private result(node: Node): XPathResult {
    return this.parsed.evaluate({ node, namespaces: NAMESPACES });
  }
  nodes(node: Node): Node[] {
    return this.simple ? this.simple(node) : this.result(node).nodeset().toArray();
  }
  boolean(node: Node): boolean {
    return this.simple ? this.simple(node).length > 0 : this.result(node).booleanValue();
  }
  string(node: Node): string {
    if (this.simpleString) {
      const [first] = this.simpleString(node);
      return first ? textOf(first) : '';
    }
    return this.result(node).stringValue();
  }
}

const cache = new Map<string, CompiledXPath>();

/** The compiled expression, from a cache shared by every rule (loops make new expressions per value). */
export const compile = (source: string): CompiledXPath => {
  let compiled = cache.get(source);
  if (!compiled) {
    compiled = new CompiledXPath(source);
    cache.set(source, compiled);
  }
  return compiled;
};

/** The text of an attribute or an element, as the rules read it. */
export const textOf = (node: Node): string =>
  node.nodeType === 2 ? (node as Attr).value : (node.textContent ?? '');
