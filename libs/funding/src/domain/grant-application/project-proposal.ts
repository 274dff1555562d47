import { GeoCode, Money } from '@tadamon/reference-data';
import {
  checkCurrentRegion,
  checkId,
  checkList,
  checkLocalizedText,
  checkMoney,
  checkObject,
  checkOneOf,
  checkSector,
  checkText,
  FieldIssues,
  LocalizedText,
  MAX_LONG_TEXT,
} from '../field-validation';

export const DOCUMENT_KINDS = [
  'project-description',
  'budget',
  'statutes',
  'activity-report',
  'partnership-letter',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document stored by the application layer, referenced with its hash so the dossier is provable. */
export type ApplicationDocument = {
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly name: string;
  /** Lower-case hex SHA-256 of the file. */
  readonly sha256: string;
};

/** What the association proposes: the project, its place and sectors, its money, its documents. */
export type ProjectProposal = {
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly sectors: readonly string[];
  /** The region of origin where the project takes place (2015 scheme). */
  readonly region: GeoCode;
  readonly amountRequested: Money;
  /** What the association and its partners bring, in the same currency; may be zero. */
  readonly coFinancing: Money;
  readonly documents: readonly ApplicationDocument[];
};
export type ProposalField = keyof ProjectProposal;

const SHA256 = /^[0-9a-f]{64}$/;

const checkDocument = (issues: FieldIssues, field: string, value: unknown): ApplicationDocument => {
  const input = checkObject(issues, field, value);
  const sha256 = input['sha256'];
  if (typeof sha256 !== 'string' || !SHA256.test(sha256))
    issues.add(`${field}.sha256`, 'must be a lower-case hex SHA-256');
  return {
    documentId: checkId(issues, `${field}.documentId`, input['documentId']),
    kind: checkOneOf(issues, `${field}.kind`, input['kind'], DOCUMENT_KINDS),
    name: checkText(issues, `${field}.name`, input['name']),
    sha256: String(sha256),
  };
};

const proposalCheckers: {
  [K in ProposalField]: (issues: FieldIssues, field: string, value: unknown) => ProjectProposal[K];
} = {
  title: (issues, field, value) => checkLocalizedText(issues, field, value),
  summary: (issues, field, value) => checkLocalizedText(issues, field, value, MAX_LONG_TEXT),
  sectors: (issues, field, value) =>
    checkList(issues, field, value, (f, v) => checkSector(issues, f, v), { min: 1, max: 10, key: String }),
  region: checkCurrentRegion,
  amountRequested: (issues, field, value) => checkMoney(issues, field, value),
  coFinancing: (issues, field, value) => checkMoney(issues, field, value, { allowZero: true }),
  documents: (issues, field, value) =>
    checkList(issues, field, value, (f, v) => checkDocument(issues, f, v), { key: (d) => d.documentId }),
};
export const PROPOSAL_FIELDS = Object.keys(proposalCheckers) as ProposalField[];

/** Checks the given fields only (unknown ones refused); `undefined` values count as absent. */
export const checkProposalFields = (
  issues: FieldIssues,
  field: string,
  value: unknown,
): Partial<ProjectProposal> => {
  const input = checkObject(issues, field, value);
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (!(PROPOSAL_FIELDS as string[]).includes(key))
      issues.add(`${field}.${key}`, 'is not a field of a proposal');
    else result[key] = proposalCheckers[key as ProposalField](issues, `${field}.${key}`, v);
  }
  return result as Partial<ProjectProposal>;
};

/** Rules across fields: the co-financing is in the currency of the request. */
export const checkProposalConsistency = (
  issues: FieldIssues,
  field: string,
  proposal: ProjectProposal,
): void => {
  if (proposal.coFinancing.currency !== proposal.amountRequested.currency) {
    issues.add(
      `${field}.coFinancing.currency`,
      `must be ${proposal.amountRequested.currency}, the currency of the request`,
    );
  }
};

/** A whole proposal (documents may come later), normalised. */
export const checkProposal = (issues: FieldIssues, field: string, value: unknown): ProjectProposal => {
  const given = checkProposalFields(issues, field, value);
  for (const key of PROPOSAL_FIELDS) {
    if (given[key] === undefined && key !== 'documents') issues.add(`${field}.${key}`, 'is required');
  }
  const proposal = { documents: [], ...given } as ProjectProposal;
  if (issues.count === 0) checkProposalConsistency(issues, field, proposal);
  return PROPOSAL_FIELDS.reduce((p, f) => ({ ...p, [f]: proposal[f] }), {} as ProjectProposal);
};
