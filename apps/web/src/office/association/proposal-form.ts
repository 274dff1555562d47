import type { ApplicationDocumentDto, ProposalDto } from '../../api/generated';
import {
  ApiRecord,
  moneyField,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../api/record-fields';
import { localizedBody, LocalizedTextValue } from '../forms/LocalizedTextInputs';
import type { MoneyInputValue } from '../forms/MoneyInput';
import { Money, moneyDto, moneyText } from './money-body';
import { isSectorCode } from './sector-codes';

export const DOCUMENT_KINDS = [
  'project-description',
  'budget',
  'statutes',
  'activity-report',
  'partnership-letter',
  'other',
] as const satisfies readonly ApplicationDocumentDto['kind'][];

export interface DocumentRow {
  documentId: string;
  kind: ApplicationDocumentDto['kind'];
  name: string;
  /** Empty until a file was chosen and its SHA-256 computed. */
  sha256: string;
}

export interface ProposalForm {
  title: LocalizedTextValue;
  summary: LocalizedTextValue;
  sectors: string[];
  region: string;
  amountRequested: MoneyInputValue;
  coFinancing: MoneyInputValue;
  documents: DocumentRow[];
}

export const emptyProposal = (currency = 'MAD'): ProposalForm => ({
  title: {},
  summary: {},
  sectors: [],
  region: '',
  amountRequested: { text: '', currency },
  coFinancing: { text: '', currency },
  documents: [],
});

const localized = (record: ApiRecord, key: string): LocalizedTextValue => {
  const texts = recordField(record, key) ?? {};
  return { fr: textField(texts, 'fr'), ar: textField(texts, 'ar'), en: textField(texts, 'en') };
};

const money = (record: ApiRecord, key: string, currency: string): MoneyInputValue => {
  const value = moneyField(record, key);
  return value ? moneyText(value.amountMinor, value.currency) : { text: '', currency };
};

/** The form of a draft, from the application's record (its `proposal`). */
export function proposalFormOf(application: ApiRecord): ProposalForm {
  const proposal = recordField(application, 'proposal') ?? {};
  const currency = moneyField(proposal, 'amountRequested')?.currency ?? 'MAD';
  return {
    title: localized(proposal, 'title'),
    summary: localized(proposal, 'summary'),
    sectors: textListField(proposal, 'sectors'),
    region: textField(recordField(proposal, 'region') ?? {}, 'code') ?? '',
    amountRequested: money(proposal, 'amountRequested', currency),
    coFinancing: money(proposal, 'coFinancing', currency),
    documents: recordListField(proposal, 'documents').map((row) => ({
      documentId: textField(row, 'documentId') ?? '',
      kind: DOCUMENT_KINDS.find((k) => k === textField(row, 'kind')) ?? 'other',
      name: textField(row, 'name') ?? '',
      sha256: textField(row, 'sha256') ?? '',
    })),
  };
}

/**
 * The proposal as the API takes it. What the reader left blank is left out, so the platform names
 * the missing field; an amount that is not one is sent as 0, which the platform refuses under
 * its field (the form already says so under the input).
 */
export function proposalBody(form: ProposalForm): ProposalDto {
  const amount = (value: MoneyInputValue): Money | undefined =>
    value.text.trim() === ''
      ? undefined
      : (moneyDto(value) ?? { amountMinor: 0, currency: value.currency as Money['currency'] });
  const amountRequested = amount(form.amountRequested);
  const coFinancing = amount(form.coFinancing);
  return {
    title: localizedBody(form.title),
    summary: localizedBody(form.summary),
    sectors: form.sectors.filter(isSectorCode),
    ...(form.region && { region: { scheme: 'iso3166-2:2015', code: form.region } }),
    ...(amountRequested && { amountRequested }),
    ...(coFinancing && { coFinancing }),
    documents: form.documents.map(({ documentId, kind, name, sha256 }) => ({
      documentId,
      kind,
      name: name.trim(),
      sha256,
    })),
  };
}

/** The pointers the proposal form shows errors for, under `prefix` (`/proposal` or ``). */
export const proposalPointers = (prefix: string, documents: number): string[] => [
  ...['title', 'summary'].flatMap((key) =>
    ['', '/fr', '/ar', '/en'].map((language) => `${prefix}/${key}${language}`),
  ),
  `${prefix}/sectors`,
  `${prefix}/region`,
  `${prefix}/region/code`,
  ...['amountRequested', 'coFinancing'].flatMap((key) =>
    ['', '/amountMinor', '/currency'].map((part) => `${prefix}/${key}${part}`),
  ),
  `${prefix}/documents`,
  ...Array.from({ length: documents }, (_, i) =>
    ['name', 'kind', 'sha256'].map((key) => `${prefix}/documents/${i}/${key}`),
  ).flat(),
];
