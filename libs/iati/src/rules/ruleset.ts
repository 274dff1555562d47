import standard from '../../vendor/rulesets/standard.json';

/** A ruleset as SPEC.rst describes it: context XPath -> rule name -> cases. */
export type Ruleset = Readonly<
  Record<string, Readonly<Record<string, { readonly cases: readonly RuleCase[] }>>>
>;

export interface RuleInfo {
  readonly id: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly category: string;
  readonly message: string;
  readonly link?: { readonly url?: string; readonly path?: string };
}

/** The keys a case may carry (SPEC.rst, "The possible keys in a case dictionary"). */
export interface RuleCase {
  readonly ruleInfo?: RuleInfo;
  readonly condition?: string;
  readonly idCondition?: string;
  readonly eval?: string;
  readonly paths?: readonly string[];
  readonly less?: string;
  readonly more?: string;
  readonly regex?: string;
  readonly sum?: number;
  readonly excluded?: readonly string[];
  readonly date?: string;
  readonly start?: string;
  readonly end?: string;
  readonly one?: string;
  readonly all?: string;
  readonly foreach?: string;
  readonly do?: Readonly<Record<string, { readonly cases: readonly RuleCase[] }>>;
  readonly subs?: readonly string[];
  readonly prefix?: readonly string[];
  readonly separator?: string;
  readonly if?: string;
  readonly then?: string;
  readonly min?: number;
  readonly max?: number;
}

/** The IATI validator's rules for 2.03 (vendor/rulesets/standard.json, unchanged). */
export const STANDARD_RULESET = standard as unknown as Ruleset;
