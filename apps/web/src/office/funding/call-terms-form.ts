import type { CallTermsDto } from '../../api/generated';
import {
  ApiRecord,
  moneyField,
  numberField,
  recordField,
  textField,
  textListField,
} from '../../api/record-fields';
import { minorUnitDigits } from '../../format/money';
import { localizedBody, LocalizedTextValue } from '../forms/LocalizedTextInputs';
import { moneyBody, MoneyInputValue } from '../forms/MoneyInput';
import { casablancaLocalToIso, isoToCasablancaLocal } from '../../format/casablanca-time';

export interface CriterionRow {
  criterionId: string;
  name: LocalizedTextValue;
  weight: string;
  threshold: string;
}

/** A call's terms as the officer types them (numbers as typed, the deadline in Casablanca). */
export interface CallTermsForm {
  programmeId: string;
  envelopeId: string;
  title: LocalizedTextValue;
  summary: LocalizedTextValue;
  budget: MoneyInputValue;
  hostCountries: string[];
  originRegions: string[];
  /** OECD DAC codes, separated by spaces or commas. */
  sectors: string[];
  minCoFinancingPercent: string;
  criteria: CriterionRow[];
  overallThreshold: string;
  evaluatorsPerProposal: string;
  internationalSelection: boolean;
  /** datetime-local in Africa/Casablanca. */
  deadline: string;
}

export const emptyCriterion = (index: number): CriterionRow => ({
  criterionId: `criterion-${index}`,
  name: {},
  weight: '',
  threshold: '0',
});

export const emptyCallTerms = (envelope?: { programmeId: string; envelopeId: string; currency: string }) => ({
  programmeId: envelope?.programmeId ?? '',
  envelopeId: envelope?.envelopeId ?? '',
  title: {},
  summary: {},
  budget: { text: '', currency: envelope?.currency ?? 'MAD' },
  hostCountries: [],
  originRegions: [],
  sectors: [],
  minCoFinancingPercent: '0',
  criteria: [emptyCriterion(1), emptyCriterion(2)],
  overallThreshold: '50',
  evaluatorsPerProposal: '3',
  internationalSelection: false,
  deadline: '',
});

/** A whole number as typed; what is not one goes as typed, for the platform to say why. */
const wholeNumber = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : (text as never));

const localized = (value: LocalizedTextValue) => localizedBody(value) as NonNullable<CallTermsDto['title']>;

/**
 * The terms as the API takes them. Nothing is checked here that the platform checks (weights
 * summing to 100, thresholds, the envelope's amount): its field errors come back by pointer.
 */
export function callTermsBody(form: CallTermsForm): CallTermsDto {
  const budget = moneyBody(form.budget);
  const sectors = form.sectors;
  return {
    programmeId: form.programmeId.trim(),
    envelopeId: form.envelopeId.trim(),
    title: localized(form.title),
    summary: localized(form.summary),
    ...(budget && {
      budget: { amountMinor: Number(budget.amountMinor), currency: budget.currency as never },
    }),
    eligibility: {
      hostCountries: form.hostCountries as never,
      originRegions: form.originRegions.map((code) => ({ scheme: 'iso3166-2:2015', code })),
      sectors: sectors as never,
      minCoFinancingPercent: wholeNumber(form.minCoFinancingPercent),
    },
    awardCriteria: {
      criteria: form.criteria.map((row) => ({
        criterionId: row.criterionId.trim(),
        name: localized(row.name),
        weight: wholeNumber(row.weight),
        threshold: wholeNumber(row.threshold),
      })),
      overallThreshold: wholeNumber(form.overallThreshold),
    },
    internationalSelection: form.internationalSelection,
    evaluatorsPerProposal: wholeNumber(form.evaluatorsPerProposal),
    deadline: casablancaLocalToIso(form.deadline) ?? form.deadline,
  };
}

const texts = (record: ApiRecord | undefined): LocalizedTextValue => ({
  fr: record ? textField(record, 'fr') : undefined,
  ar: record ? textField(record, 'ar') : undefined,
  en: record ? textField(record, 'en') : undefined,
});

const records = (value: unknown): ApiRecord[] =>
  Array.isArray(value) ? value.filter((v): v is ApiRecord => v !== null && typeof v === 'object') : [];

/** A draft call as read from the API, back into the form (to revise it). */
export function callTermsForm(call: ApiRecord): CallTermsForm {
  const eligibility = recordField(call, 'eligibility') ?? {};
  const award = recordField(call, 'awardCriteria') ?? {};
  const budget = moneyField(call, 'budget');
  const number = (record: ApiRecord, key: string) => String(numberField(record, key) ?? '');
  return {
    programmeId: textField(call, 'programmeId') ?? '',
    envelopeId: textField(call, 'envelopeId') ?? '',
    title: texts(recordField(call, 'title')),
    summary: texts(recordField(call, 'summary')),
    budget: budget
      ? { text: majorUnits(budget.amountMinor, budget.currency), currency: budget.currency }
      : { text: '', currency: 'MAD' },
    hostCountries: textListField(eligibility, 'hostCountries'),
    originRegions: records(eligibility['originRegions'])
      .map((region) => textField(region, 'code'))
      .filter((code): code is string => code !== undefined),
    sectors: textListField(eligibility, 'sectors'),
    minCoFinancingPercent: number(eligibility, 'minCoFinancingPercent') || '0',
    criteria: records(award['criteria']).map((criterion) => ({
      criterionId: textField(criterion, 'criterionId') ?? '',
      name: texts(recordField(criterion, 'name')),
      weight: number(criterion, 'weight'),
      threshold: number(criterion, 'threshold'),
    })),
    overallThreshold: number(award, 'overallThreshold'),
    evaluatorsPerProposal: number(call, 'evaluatorsPerProposal'),
    internationalSelection: call['internationalSelection'] === true,
    deadline: isoToCasablancaLocal(textField(call, 'deadline') ?? ''),
  };
}

/** Minor units as a plain amount the money input reads back (250000 MAD → "2500.00"). */
export function majorUnits(amountMinor: string | number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const minor = BigInt(amountMinor);
  if (digits === 0) return minor.toString();
  const scale = 10n ** BigInt(digits);
  return `${minor / scale}.${(minor % scale).toString().padStart(digits, '0')}`;
}
