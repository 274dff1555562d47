import type { XmlNode } from '../xml/light-dom';
import { compile, textOf } from './compiled-xpath';
import { RuleCase } from './ruleset';

/** What one case says of one context element: passed, failed (with why), or not applicable. */
export type Outcome =
  { readonly passed: true } | { readonly passed: false; readonly detail: string } | 'not-applicable';

export interface CheckEnvironment {
  readonly now: Date;
}

type Check = (element: XmlNode, rule: RuleCase, env: CheckEnvironment) => Outcome;

const PASS: Outcome = { passed: true };
const fail = (detail: string): Outcome => ({ passed: false, detail });

const matches = (element: XmlNode, paths: readonly string[] = []): XmlNode[] =>
  paths.flatMap((path) => compile(path).nodes(element));
const texts = (element: XmlNode, paths: readonly string[] = []): string[] =>
  matches(element, paths).map(textOf);

const DAY_MS = 86_400_000;
/** The date a path points at (its first match), or the clock for NOW; null when absent or unreadable. */
const dates = (element: XmlNode, path: string | undefined, env: CheckEnvironment): number[] => {
  if (path === undefined) return [];
  if (path === 'NOW') return [env.now.getTime()];
  return compile(path)
    .nodes(element)
    .map((node) => Date.parse(textOf(node)))
    .filter((time) => !Number.isNaN(time));
};
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

const atLeastOne: Check = (element, rule) =>
  matches(element, rule.paths).length >= 1 ? PASS : fail(`none of ${rule.paths?.join(', ')}`);

const noMoreThanOne: Check = (element, rule) => {
  const count = matches(element, rule.paths).length;
  return count <= 1 ? PASS : fail(`${count} of ${rule.paths?.join(', ')}`);
};

const onlyOneOf: Check = (element, rule) => {
  const count = matches(element, rule.paths).length;
  const excludedPresent = (rule.excluded ?? []).some((path) => compile(path).nodes(element).length > 0);
  if (excludedPresent)
    return count === 0 ? PASS : fail(`${rule.paths?.join(', ')} beside ${rule.excluded?.join(', ')}`);
  return count === 1 ? PASS : fail(`${count} of ${rule.paths?.join(', ')}, one expected`);
};

/** `all` names what must hold everywhere when `one` is absent (the keywords of the JS validator). */
const ALL_CHECKS: Readonly<Record<string, { each: string; must: string }>> = {
  lang: { each: 'descendant::narrative', must: '@xml:lang' },
  sector: { each: 'transaction', must: 'sector' },
  currency: { each: 'descendant::value | descendant::forecast | descendant::loan-status', must: '@currency' },
  'recipient-country|recipient-region': { each: 'transaction', must: 'recipient-country | recipient-region' },
};
const oneOrAll: Check = (element, rule) => {
  if (rule.one !== undefined && compile(rule.one).nodes(element).length > 0) return PASS;
  const all = ALL_CHECKS[rule.all ?? ''];
  if (!all)
    return compile(rule.all ?? 'false()').boolean(element)
      ? PASS
      : fail(`neither ${rule.one} nor ${rule.all}`);
  const must = compile(all.must);
  const missing = compile(all.each)
    .nodes(element)
    .filter((node) => must.nodes(node).length === 0);
  return missing.length === 0
    ? PASS
    : fail(`no ${rule.one} and ${missing.length} ${all.each} without ${all.must}`);
};

const dependent: Check = (element, rule) => {
  const present = (rule.paths ?? []).map((path) => compile(path).nodes(element).length > 0);
  return present.some(Boolean) && !present.every(Boolean)
    ? fail(`only some of ${rule.paths?.join(', ')}`)
    : PASS;
};

const sumOf = (values: string[]) => Number(values.reduce((acc, value) => acc + Number(value), 0).toFixed(4));
const strictSum: Check = (element, rule) => {
  const total = sumOf(texts(element, rule.paths));
  return total === Number(rule.sum) ? PASS : fail(`the sum is ${total}, ${rule.sum} expected`);
};
const sum: Check = (element, rule, env) =>
  matches(element, rule.paths).length === 0 ? PASS : strictSum(element, rule, env);

const dateOrder: Check = (element, rule, env) => {
  const less = dates(element, rule.less, env);
  const more = dates(element, rule.more, env);
  if (less.length === 0 || more.length === 0) return 'not-applicable';
  const latest = Math.max(...less);
  const earliest = Math.min(...more);
  return latest <= earliest
    ? PASS
    : fail(`${rule.less} ${isoDay(latest)} is after ${rule.more} ${isoDay(earliest)}`);
};

const dateNow: Check = (element, rule, env) => {
  const found = dates(element, rule.date, env);
  if (found.length === 0) return 'not-applicable';
  const late = found.find((time) => time > env.now.getTime());
  return late === undefined ? PASS : fail(`${rule.date} ${new Date(late).toISOString()} is in the future`);
};

const timeLimit: Check = (element, rule, env) => {
  const [start] = dates(element, rule.start, env);
  const [end] = dates(element, rule.end, env);
  if (start === undefined || end === undefined) return 'not-applicable';
  const days = Math.floor((end - start) / DAY_MS);
  return days <= 365 ? PASS : fail(`${isoDay(start)} to ${isoDay(end)} is ${days} days, more than a year`);
};

const betweenDates: Check = (element, rule, env) => {
  const found = dates(element, rule.date, env);
  const [start] = dates(element, rule.start, env);
  const [end] = dates(element, rule.end, env);
  if (found.length === 0 || start === undefined || end === undefined) return 'not-applicable';
  const outside = found.find((time) => time < start || time > end);
  return outside === undefined
    ? PASS
    : fail(`${isoDay(outside)} is outside ${isoDay(start)} to ${isoDay(end)}`);
};

const regexCache = new Map<string, RegExp>();
const regexOf = (source: string) => {
  let regex = regexCache.get(source);
  if (!regex) regexCache.set(source, (regex = new RegExp(source)));
  return regex;
};
// An empty value passes, as in the IATI validator: emptiness is other rules' business.
const regexRule =
  (mustMatch: boolean): Check =>
  (element, rule) => {
    const regex = regexOf(rule.regex ?? '');
    const bad = texts(element, rule.paths).find((value) => value !== '' && regex.test(value) !== mustMatch);
    return bad === undefined
      ? PASS
      : fail(`'${bad}' ${mustMatch ? 'does not match' : 'matches'} ${rule.regex}`);
  };

const startsWith: Check = (element, rule) => {
  const prefixes = texts(element, rule.prefix).map((prefix) => prefix + (rule.separator ?? ''));
  const bad = texts(element, rule.paths).find(
    (value) => !prefixes.some((prefix) => value.startsWith(prefix)),
  );
  return bad === undefined
    ? PASS
    : fail(`'${bad}' does not start with ${prefixes.map((p) => `'${p}'`).join(' or ') || 'a prefix'}`);
};

const unique: Check = (element, rule) => {
  const values = texts(element, rule.paths);
  const seen = new Set<string>();
  const repeated = values.find((value) => (seen.has(value) ? true : (seen.add(value), false)));
  return repeated === undefined ? PASS : fail(`'${repeated}' appears more than once`);
};

const ifThen: Check = (element, rule) => {
  if (!compile(rule.if ?? 'false()').boolean(element)) return 'not-applicable';
  return compile(rule.then ?? 'true()').boolean(element)
    ? PASS
    : fail(`${rule.if} holds but not ${rule.then}`);
};

const range: Check = (element, rule) => {
  const bad = texts(element, rule.paths).find((text) => {
    const value = Number(text);
    return (
      Number.isNaN(value) ||
      (rule.min !== undefined && value < rule.min) ||
      (rule.max !== undefined && value > rule.max)
    );
  });
  return bad === undefined ? PASS : fail(`${bad} is outside ${rule.min ?? '-∞'}..${rule.max ?? '∞'}`);
};

const noSpaces: Check = (element, rule) => {
  const bad = texts(element, rule.paths).find((value) => /^\s|\s$/.test(value));
  return bad === undefined ? PASS : fail(`'${bad}' starts or ends with a space`);
};

/** Every rule type of SPEC.rst but loop (the engine expands loops into these). */
export const RULE_CHECKS: Readonly<Record<string, Check>> = {
  atleast_one: atLeastOne,
  no_more_than_one: noMoreThanOne,
  only_one_of: onlyOneOf,
  one_or_all: oneOrAll,
  dependent,
  sum,
  strict_sum: strictSum,
  date_order: dateOrder,
  date_now: dateNow,
  time_limit: timeLimit,
  between_dates: betweenDates,
  regex_matches: regexRule(true),
  regex_no_matches: regexRule(false),
  startswith: startsWith,
  unique,
  if_then: ifThen,
  range,
  no_spaces: noSpaces,
};

/** SPEC.rst: the JS validator reads snake-case or camel-case rule names alike. */
export const canonicalRuleName = (name: string): string =>
  name === 'startsWith'
    ? 'startswith'
    : name === 'atLeastOne'
      ? 'atleast_one'
      : name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
