import { SaxesParser, SaxesTagNS } from 'saxes';

/**
 * The part of the DOM the rules, the codelists and the XPath read. xmldom's nodes have it, and so
 * do the read-only nodes parseLightXml builds, which cost a fifth of xmldom's parse.
 */
export interface XmlNode {
  /** 1 element, 2 attribute, 3 text, 4 CDATA, 7 processing instruction, 8 comment, 9 document. */
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: XmlNode | null;
  readonly firstChild: XmlNode | null;
  readonly nextSibling: XmlNode | null;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
}
export interface XmlAttr extends XmlNode {
  readonly name: string;
  readonly value: string;
  readonly ownerElement: XmlElement | null;
}
export interface XmlElement extends XmlNode {
  readonly attributes: { readonly length: number; readonly [index: number]: XmlAttr };
  getAttributeNode(name: string): XmlAttr | null;
  getAttribute(name: string): string | null;
}
export interface XmlDocument extends XmlNode {
  readonly documentElement: XmlElement | null;
}

// Beyond the interfaces, the nodes carry what the xpath library reads for the expressions
// outside xpath-subset.ts: names and namespaces, lastChild, previousSibling, childNodes, item().

abstract class LightNode implements XmlNode {
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;
  parentNode: LightParent | null = null;
  previousSibling: LightNode | null = null;
  nextSibling: LightNode | null = null;
  get firstChild(): LightNode | null {
    return null;
  }
  get lastChild(): LightNode | null {
    return null;
  }
  get nodeValue(): string | null {
    return null;
  }
  get textContent(): string | null {
    return this.nodeValue;
  }
  get childNodes(): LightNode[] {
    const nodes: LightNode[] = [];
    for (let child = this.firstChild; child; child = child.nextSibling) nodes.push(child);
    return nodes;
  }
  get ownerDocument(): LightDocument | null {
    let node: LightNode | null = this.parentNode;
    while (node && node.nodeType !== 9) node = node.parentNode;
    return node as LightDocument | null;
  }
}

abstract class LightParent extends LightNode {
  private first: LightNode | null = null;
  private last: LightNode | null = null;
  override get firstChild() {
    return this.first;
  }
  override get lastChild() {
    return this.last;
  }
  append(child: LightNode): void {
    child.parentNode = this;
    if (this.last) {
      this.last.nextSibling = child;
      child.previousSibling = this.last;
    } else this.first = child;
    this.last = child;
  }
}

class LightCharacterData extends LightNode {
  constructor(
    readonly nodeType: 3 | 4 | 8,
    readonly data: string,
  ) {
    super();
  }
  get nodeName() {
    return this.nodeType === 3 ? '#text' : this.nodeType === 4 ? '#cdata-section' : '#comment';
  }
  override get nodeValue() {
    return this.data;
  }
}

class LightProcessingInstruction extends LightNode {
  readonly nodeType = 7;
  constructor(
    readonly target: string,
    readonly data: string,
  ) {
    super();
  }
  get nodeName() {
    return this.target;
  }
  override get nodeValue() {
    return this.data;
  }
}

class LightAttr extends LightNode implements XmlAttr {
  readonly nodeType = 2;
  constructor(
    readonly name: string,
    readonly localName: string,
    readonly prefix: string | null,
    readonly namespaceURI: string | null,
    readonly value: string,
    readonly ownerElement: LightElement,
  ) {
    super();
  }
  get nodeName() {
    return this.name;
  }
  override get nodeValue() {
    return this.value;
  }
}

class LightAttributes {
  [index: number]: LightAttr;
  length = 0;
  item(index: number): LightAttr | null {
    return this[index] ?? null;
  }
}

class LightElement extends LightParent implements XmlElement {
  readonly nodeType = 1;
  readonly attributes = new LightAttributes();
  constructor(
    readonly nodeName: string,
    readonly localName: string,
    readonly prefix: string | null,
    readonly namespaceURI: string | null,
  ) {
    super();
  }
  get tagName() {
    return this.nodeName;
  }
  override get textContent(): string {
    let text = '';
    const collect = (node: LightNode) => {
      for (let child = node.firstChild; child; child = child.nextSibling)
        if (child.nodeType === 3 || child.nodeType === 4) text += (child as LightCharacterData).data;
        else if (child.nodeType === 1) collect(child);
    };
    collect(this);
    return text;
  }
  getAttributeNode(name: string): LightAttr | null {
    const attributes = this.attributes;
    for (let i = 0; i < attributes.length; i++) if (attributes[i].name === name) return attributes[i];
    return null;
  }
  getAttribute(name: string): string | null {
    return this.getAttributeNode(name)?.value ?? null;
  }
  getAttributeNS(namespaceURI: string | null, localName: string): string | null {
    const attributes = this.attributes;
    for (let i = 0; i < attributes.length; i++)
      if (attributes[i].localName === localName && attributes[i].namespaceURI === (namespaceURI || null))
        return attributes[i].value;
    return null;
  }
}

class LightDocument extends LightParent implements XmlDocument {
  readonly nodeType = 9;
  readonly nodeName = '#document';
  documentElement: LightElement | null = null;
  override get textContent() {
    return null;
  }
}

/**
 * Parses XML with saxes (well-formedness and namespaces checked) into read-only nodes: the root
 * element's tree as xmldom builds it (entities decoded, CDATA its own node, whitespace, comments and
 * processing instructions kept); unlike xmldom, no node for the XML declaration or the whitespace
 * around the root. A document that is not well-formed throws `not well-formed XML: ...`, as
 * parseXml does.
 */
export function parseLightXml(xml: string): XmlDocument {
  const document = new LightDocument();
  let current: LightParent = document;
  // Six handlers at most: a seventh property set on the parser turns it into a dictionary-mode
  // object in V8 and saxes runs four times slower. Without an error handler saxes throws.
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const element = new LightElement(tag.name, tag.local, tag.prefix || null, tag.uri || null);
    const attributes = element.attributes;
    for (const name in tag.attributes) {
      const { local, prefix, uri, value } = tag.attributes[name];
      attributes[attributes.length++] = new LightAttr(
        name,
        local,
        prefix || null,
        uri || null,
        value,
        element,
      );
    }
    current.append(element);
    if (current === document) document.documentElement = element;
    current = element;
  });
  parser.on('closetag', () => {
    current = current.parentNode as LightParent;
  });
  // Outside the root element there is only whitespace (saxes fails on anything else): left out.
  parser.on('text', (text) => {
    if (current !== document) current.append(new LightCharacterData(3, text));
  });
  parser.on('cdata', (text) => current.append(new LightCharacterData(4, text)));
  parser.on('comment', (text) => current.append(new LightCharacterData(8, text)));
  parser.on('processinginstruction', ({ target, body }) =>
    current.append(new LightProcessingInstruction(target, body)),
  );
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new Error(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  return document;
}
