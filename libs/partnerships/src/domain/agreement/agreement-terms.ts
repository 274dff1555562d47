import { isCalendarDate } from '@tadamon/domain-kit';
import { jsonDifferences } from '@tadamon/eventsourcing';
import { GeoCode, Money } from '@tadamon/reference-data';
import {
  checkCurrentRegion,
  checkDate,
  checkId,
  checkList,
  checkLocalizedText,
  checkMoney,
  checkObject,
  checkOneOf,
  checkSector,
  FieldIssues,
  LocalizedText,
  MAX_LONG_TEXT,
} from '../field-validation';

/** The Registry's kinds of actor a convention names (the MRE association and the local one apart). */
export const AGREEMENT_PARTY_KINDS = [
  'ministry',
  'association',
  'development-agency',
  'regional-investment-centre',
  'elected-council',
  'funder',
  'local-association',
] as const;
export type AgreementPartyKind = (typeof AGREEMENT_PARTY_KINDS)[number];

export const AGREEMENT_PARTY_ROLES = [
  'funding',
  'accountable',
  'extending',
  'implementing',
  'technical',
] as const;
export type AgreementPartyRole = (typeof AGREEMENT_PARTY_ROLES)[number];

export type AgreementCommitment =
  | { readonly kind: 'money'; readonly amount: Money }
  | { readonly kind: 'in-kind'; readonly description: LocalizedText; readonly estimatedValue?: Money };

export type AgreementParty = {
  readonly partyId: string;
  readonly partyKind: AgreementPartyKind;
  readonly roles: readonly AgreementPartyRole[];
  readonly commitments: readonly AgreementCommitment[];
};

/** What the parties sign: every version of the agreement holds a whole copy. */
export type AgreementTerms = {
  readonly object: LocalizedText;
  readonly programmeId: string | null;
  /** Sorted by partyId, so that the same parties always give the same terms. */
  readonly parties: readonly AgreementParty[];
  readonly startDate: string;
  readonly endDate: string;
  /** DAC 5-digit purpose codes, sorted. */
  readonly sectors: readonly string[];
  /** 2015 regions, sorted by code. */
  readonly regions: readonly GeoCode[];
};
export type AgreementTermName = keyof AgreementTerms;
export const AGREEMENT_TERM_NAMES: readonly AgreementTermName[] = [
  'object',
  'programmeId',
  'parties',
  'startDate',
  'endDate',
  'sectors',
  'regions',
];

export const MAX_AGREEMENT_PARTIES = 30;
export const MAX_PARTY_COMMITMENTS = 20;

const checkAgreementCommitment = (
  issues: FieldIssues,
  field: string,
  value: unknown,
): AgreementCommitment => {
  const input = checkObject(issues, field, value);
  const kind = checkOneOf(issues, `${field}.kind`, input['kind'], ['money', 'in-kind'] as const);
  if (kind === 'money') return { kind, amount: checkMoney(issues, `${field}.amount`, input['amount']) };
  const description = checkLocalizedText(issues, `${field}.description`, input['description']);
  const estimated = input['estimatedValue'];
  if (estimated === undefined || estimated === null) return { kind: 'in-kind', description };
  const estimatedValue = checkMoney(issues, `${field}.estimatedValue`, estimated);
  return { kind: 'in-kind', description, estimatedValue };
};

const checkAgreementParty = (issues: FieldIssues, field: string, value: unknown): AgreementParty => {
  const input = checkObject(issues, field, value);
  let position = 0;
  const roles = checkList(
    issues,
    `${field}.roles`,
    input['roles'],
    (f, v) => checkOneOf(issues, f, v, AGREEMENT_PARTY_ROLES),
    { min: 1, max: AGREEMENT_PARTY_ROLES.length, key: String },
  ).sort((a, b) => AGREEMENT_PARTY_ROLES.indexOf(a) - AGREEMENT_PARTY_ROLES.indexOf(b));
  const commitments = checkList(
    issues,
    `${field}.commitments`,
    input['commitments'],
    (f, v) => checkAgreementCommitment(issues, f, v),
    // Every commitment counts, even one given twice: none is dropped as a duplicate.
    { max: MAX_PARTY_COMMITMENTS, key: () => String(position++) },
  );
  const money = commitments.flatMap((c) => (c.kind === 'money' ? [c.amount.currency] : []));
  if (new Set(money).size < money.length)
    issues.add(`${field}.commitments`, 'money commitments must be in distinct currencies, one per currency');
  if (roles.includes('funding') && money.length === 0)
    issues.add(`${field}.commitments`, 'a funding party commits an amount of money');
  return {
    partyId: checkId(issues, `${field}.partyId`, input['partyId']),
    partyKind: checkOneOf(issues, `${field}.partyKind`, input['partyKind'], AGREEMENT_PARTY_KINDS),
    roles,
    commitments,
  };
};

const checkAgreementParties = (issues: FieldIssues, field: string, value: unknown): AgreementParty[] => {
  const parties = checkList(issues, field, value, (f, v) => checkAgreementParty(issues, f, v), {
    min: 2,
    max: MAX_AGREEMENT_PARTIES,
    key: (p) => p.partyId,
  });
  const listed = Array.isArray(value) ? Math.min(value.length, MAX_AGREEMENT_PARTIES) : 0;
  if (parties.length < listed) issues.add(field, 'each party is named once');
  if (Array.isArray(value) && value.length >= 2) {
    if (!parties.some((p) => p.roles.includes('accountable')))
      issues.add(field, 'at least one party is accountable');
    if (!parties.some((p) => p.partyKind === 'ministry'))
      issues.add(field, 'the ministry is a party to every agreement it records');
  }
  return parties.sort((a, b) => (a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : 0));
};

/** Every term checked, every refused one listed under `prefix` (`''` or `changes.`). */
export const checkAgreementTerms = (issues: FieldIssues, prefix: string, value: unknown): AgreementTerms => {
  const input = checkObject(issues, prefix === '' ? 'terms' : prefix.slice(0, -1), value);
  const programme = input['programmeId'];
  const object = checkLocalizedText(issues, `${prefix}object`, input['object'], MAX_LONG_TEXT);
  const programmeId =
    programme === undefined || programme === null ? null : checkId(issues, `${prefix}programmeId`, programme);
  const parties = checkAgreementParties(issues, `${prefix}parties`, input['parties']);
  const startDate = checkDate(issues, `${prefix}startDate`, input['startDate']);
  const endDate = checkDate(issues, `${prefix}endDate`, input['endDate']);
  if (isCalendarDate(startDate) && isCalendarDate(endDate) && endDate <= startDate)
    issues.add(`${prefix}endDate`, 'must be after startDate');
  const sectors = checkList(issues, `${prefix}sectors`, input['sectors'] ?? [], (f, v) =>
    checkSector(issues, f, v),
  ).sort();
  const regions = checkList(issues, `${prefix}regions`, input['regions'] ?? [], (f, v) =>
    checkCurrentRegion(issues, f, v),
  ).sort((a, b) => (a.code < b.code ? -1 : 1));
  return { object, programmeId, parties, startDate, endDate, sectors, regions };
};

/**
 * The terms after `changes` (some terms, whole): checked as a whole, since a change of one term
 * can break a rule over several (an end date before the start).
 */
export const checkTermChanges = (
  issues: FieldIssues,
  current: AgreementTerms,
  value: unknown,
): { terms: AgreementTerms; changes: Partial<AgreementTerms> } => {
  const changes = checkObject(issues, 'changes', value);
  const named = Object.keys(changes);
  for (const key of named)
    if (!(AGREEMENT_TERM_NAMES as readonly string[]).includes(key))
      issues.add(`changes.${key}`, 'is not a term of the agreement');
  const terms = checkAgreementTerms(issues, 'changes.', { ...current, ...changes });
  const picked = AGREEMENT_TERM_NAMES.filter((k) => named.includes(k)).map((k) => [k, terms[k]]);
  return { terms, changes: Object.fromEntries(picked) as Partial<AgreementTerms> };
};

// Parties are compared by id, not by position: adding a party then reads as one line.
const comparable = (terms: AgreementTerms) => ({
  ...terms,
  parties: Object.fromEntries(terms.parties.map((p) => [p.partyId, p])),
});

const LINE =
  /^(.*?): (?:expected (.*), (?:received nothing|missing)|unexpected (.*)|expected (.*), received (.*))$/;

/**
 * What changed between two versions, one line per place (`$.endDate: "2027-12-31" -> "2028-12-31"`,
 * `$.parties.cri-souss: added {...}`), read from the kit's JSON comparison.
 */
export const termDifferences = (before: AgreementTerms, after: AgreementTerms): string[] =>
  jsonDifferences(comparable(before), comparable(after), 100).map((line) => {
    const match = LINE.exec(line);
    if (!match) return line;
    const [, path, removed, added, from, to] = match;
    if (removed !== undefined) return `${path}: removed ${removed}`;
    if (added !== undefined) return `${path}: added ${added}`;
    return `${path}: ${from} -> ${to}`;
  });
