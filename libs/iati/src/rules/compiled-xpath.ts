import type { XmlAttr, XmlNode } from '../xml/light-dom';
import { asBoolean, asNodes, asString, compileSubset, SubsetExpression } from './xpath-subset';

// Required, not imported: xpath's typings pull the browser's DOM library into the whole program.
const xpath = require('xpath') as unknown;

interface XPathResult {
  booleanValue(): boolean;
  stringValue(): string;
  numberValue(): number;
  nodeset(): { toArray(): XmlNode[]; toUnsortedArray?(): XmlNode[] };
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
  /** The same expression walked directly on the DOM, when it is in the subset (xpath-subset.ts). */
  private readonly subset: SubsetExpression | null;
  constructor(readonly source: string) {
    this.parsed = parse(source);
    this.subset = compileSubset(source);
  }
  private result(node: XmlNode): XPathResult {
    return this.parsed.evaluate({ node, namespaces: NAMESPACES });
  }
  nodes(node: XmlNode): XmlNode[] {
    return this.subset ? asNodes(this.subset(node)) : this.result(node).nodeset().toArray();
  }
  boolean(node: XmlNode): boolean {
    return this.subset ? asBoolean(this.subset(node)) : this.result(node).booleanValue();
  }
  string(node: XmlNode): string {
    return this.subset ? asString(this.subset(node)) : this.result(node).stringValue();
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
export const textOf = (node: XmlNode): string =>
  node.nodeType === 2 ? (node as XmlAttr).value : (node.textContent ?? '');
