import { Document, DOMParser } from '@xmldom/xmldom';
import { parseLightXml, XmlAttr, XmlDocument, XmlElement, XmlNode } from '../xml/light-dom';
import { compile, CompiledXPath } from './compiled-xpath';
import { canonicalRuleName, CheckEnvironment, RULE_CHECKS } from './rule-checks';
import { RuleCase, RuleInfo, Ruleset, STANDARD_RULESET } from './ruleset';

export interface Finding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly category: string;
  readonly message: string;
  /** The iati-identifier of the activity (organisation-identifier of an organisation) at fault. */
  readonly activityIdentifier: string;
  /** Where: the context element, e.g. /iati-activities/iati-activity[2]/budget[3]. */
  readonly path: string;
  /** What the engine saw, e.g. "the sum is 90, 100 expected". */
  readonly detail: string;
}

export interface RulesOptions {
  /** The clock of the date_now and NOW rules; given in tests. */
  readonly now?: Date;
}

type RecordKind = 'activity' | 'organisation';
const RECORDS: Readonly<Record<RecordKind, { prefix: string; select: string; identifier: string }>> = {
  activity: {
    prefix: '/iati-activities/iati-activity',
    select: '/iati-activities/iati-activity',
    identifier: 'iati-identifier',
  },
  organisation: {
    prefix: '/iati-organisations/iati-organisation',
    select: '/iati-organisations/iati-organisation',
    identifier: 'organisation-identifier',
  },
};

interface CompiledCase {
  readonly ruleName: string;
  readonly rule: RuleCase;
}
interface CompiledLoop {
  readonly foreach: CompiledXPath;
  readonly rule: RuleCase;
}
interface CompiledContext {
  readonly source: string;
  /** The context's elements, relative to one activity (or organisation). */
  readonly selector: CompiledXPath;
  readonly cases: readonly CompiledCase[];
  readonly loops: readonly CompiledLoop[];
}
type CompiledRuleset = Readonly<Record<RecordKind, readonly CompiledContext[]>>;

/** Splits a union at its top-level bars (not those inside predicates). */
const unionParts = (expression: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(expression.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(expression.slice(start).trim());
  return parts;
};

/** The context rewritten relative to one record, or null when it is about the other kind. */
const relativeTo = (kind: RecordKind, context: string): string | null => {
  const prefix = RECORDS[kind].prefix;
  const parts = unionParts(context).map((part) => {
    if (part === prefix) return 'self::node()';
    if (part.startsWith(`${prefix}/`)) return part.slice(prefix.length + 1);
    if (part.startsWith('//')) return `descendant-or-self::node()/${part.slice(2)}`;
    return null;
  });
  return parts.every((part) => part !== null) ? parts.join(' | ') : null;
};

const checkedRuleName = (name: string): string => {
  const canonical = canonicalRuleName(name);
  if (!(canonical in RULE_CHECKS)) throw new Error(`rule type ${name} is not one of SPEC.rst's`);
  return canonical;
};

/** Compiles every XPath of a ruleset once; loops compile their substituted expressions on first use. */
export function compileRuleset(ruleset: Ruleset): CompiledRuleset {
  const compiled: Record<RecordKind, CompiledContext[]> = { activity: [], organisation: [] };
  for (const [context, rules] of Object.entries(ruleset))
    for (const kind of ['activity', 'organisation'] as const) {
      const relative = relativeTo(kind, context);
      if (relative === null) continue;
      const cases: CompiledCase[] = [];
      const loops: CompiledLoop[] = [];
      for (const [name, { cases: ruleCases }] of Object.entries(rules)) {
        if (name !== 'loop') checkedRuleName(name);
        for (const rule of ruleCases) {
          if (name === 'loop') {
            for (const inner of Object.keys(rule.do ?? {})) checkedRuleName(inner);
            loops.push({ foreach: compile(rule.foreach ?? ''), rule });
            continue;
          }
          const ruleName = checkedRuleName(name);
          for (const path of [rule.condition, rule.eval, rule.if, rule.then, ...(rule.paths ?? [])])
            if (path !== undefined) compile(path);
          cases.push({ ruleName, rule });
        }
      }
      compiled[kind].push({ source: context, selector: compile(relative), cases, loops });
    }
  return compiled;
}

/** The ids of the cases that need the IATI registry (idCondition): documented and not checked here. */
export const rulesNeedingRegistry = (ruleset: Ruleset = STANDARD_RULESET): string[] => {
  const ids = new Set<string>();
  const visit = (rule: RuleCase) => {
    if (rule.idCondition !== undefined && rule.ruleInfo) ids.add(rule.ruleInfo.id);
    for (const inner of Object.values(rule.do ?? {})) inner.cases.forEach(visit);
  };
  for (const rules of Object.values(ruleset))
    for (const { cases } of Object.values(rules)) cases.forEach(visit);
  return [...ids].sort();
};

const SUBSTITUTABLE = [
  'paths',
  'condition',
  'if',
  'then',
  'less',
  'more',
  'regex',
  'excluded',
  'one',
  'all',
] as const;
const substitute = (rule: RuleCase, subs: readonly string[], value: string): RuleCase => {
  const replaced: Record<string, unknown> = { ...rule };
  for (const key of subs) {
    if (!SUBSTITUTABLE.includes(key as (typeof SUBSTITUTABLE)[number])) continue;
    const original = replaced[key];
    if (typeof original === 'string') replaced[key] = original.split('$1').join(value);
    else if (Array.isArray(original))
      replaced[key] = original.map((item: string) => item.split('$1').join(value));
  }
  return replaced as RuleCase;
};

/** XPath location of a node, e.g. /iati-activities/iati-activity[2]/budget[3]. */
export const pathOf = (node: XmlNode): string => {
  const steps: string[] = [];
  let current: XmlNode | null = node;
  while (current && current.nodeType !== 9) {
    if (current.nodeType === 2) {
      steps.push(`@${(current as XmlAttr).name}`);
      current = (current as XmlAttr).ownerElement;
      continue;
    }
    let index = 1;
    let total = 0;
    const name: string = current.nodeName;
    for (let sibling = current.parentNode?.firstChild; sibling; sibling = sibling.nextSibling)
      if (sibling.nodeName === name) {
        total++;
        if (sibling === current) index = total;
      }
    steps.push(total > 1 ? `${name}[${index}]` : name);
    current = current.parentNode;
  }
  return `/${steps.reverse().join('/')}`;
};

/** Rules of one record (an iati-activity element), checked as the validator checks one activity. */
function checkRecord(
  record: XmlElement,
  contexts: readonly CompiledContext[],
  env: CheckEnvironment,
  identifier: string,
  findings: Finding[],
): void {
  const apply = (element: XmlNode, ruleName: string, rule: RuleCase) => {
    if (rule.idCondition !== undefined) return; // needs the IATI registry: see rulesNeedingRegistry
    if (rule.condition !== undefined && !compile(rule.condition).boolean(element)) return;
    if (ruleName === 'startswith' && rule.prefix?.includes('ORG-ID-PREFIX')) return; // the registry's prefix list
    const evalFails = rule.eval !== undefined && !compile(rule.eval).boolean(element);
    const outcome = evalFails
      ? { passed: false as const, detail: `${rule.eval} is false` }
      : RULE_CHECKS[ruleName](element, rule, env);
    if (outcome === 'not-applicable' || outcome.passed) return;
    const info: RuleInfo = rule.ruleInfo ?? {
      id: ruleName,
      severity: 'error',
      category: 'iati',
      message: ruleName,
    };
    findings.push({
      ruleId: info.id,
      severity: info.severity,
      category: info.category,
      message: info.message,
      activityIdentifier: identifier,
      path: pathOf(element),
      detail: outcome.detail,
    });
  };
  for (const context of contexts) {
    const elements = context.selector.nodes(record);
    if (elements.length === 0) continue;
    for (const element of elements) {
      for (const { ruleName, rule } of context.cases) apply(element, ruleName, rule);
      for (const loop of context.loops) {
        const values = [...new Set(loop.foreach.nodes(element).map((node) => node.nodeValue ?? ''))];
        for (const [inner, { cases }] of Object.entries(loop.rule.do ?? {}))
          for (const rule of cases)
            for (const value of values)
              apply(element, canonicalRuleName(inner), substitute(rule, loop.rule.subs ?? [], value));
      }
    }
  }
}

let standardCompiled: CompiledRuleset | undefined;

export interface RulesEngine {
  /** Findings of every activity (or organisation) in a document. */
  check(document: XmlDocument, options?: RulesOptions): Finding[];
}

export function rulesEngine(ruleset: Ruleset = STANDARD_RULESET): RulesEngine {
  const compiled =
    ruleset === STANDARD_RULESET ? (standardCompiled ??= compileRuleset(ruleset)) : compileRuleset(ruleset);
  return {
    check(document, options = {}) {
      const env: CheckEnvironment = { now: options.now ?? new Date() };
      const findings: Finding[] = [];
      for (const kind of ['activity', 'organisation'] as const) {
        const { select, identifier } = RECORDS[kind];
        const idPath = compile(`string(${identifier})`);
        for (const record of compile(select).nodes(document) as XmlElement[])
          checkRecord(record, compiled[kind], env, idPath.string(record).trim(), findings);
      }
      return findings;
    },
  };
}

/**
 * Parses XML with xmldom, for callers that edit or query the DOM beyond XmlDocument (the rules
 * read parseLightXml's nodes, faster to build); a document that is not well-formed throws with the
 * parser's message.
 */
export function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

/** The IATI validator's rules (standard.json) over a document: what SPEC.rst says each rule means. */
export function validateAgainstRules(input: string | XmlDocument, options: RulesOptions = {}): Finding[] {
  const document = typeof input === 'string' ? parseLightXml(input) : input;
  return rulesEngine().check(document, options);
}
