/**
 * The embedded IATI 2.03 codelists this library writes, as the vendored files give them
 * (vendor/codelists/*.xml, IATI-Codelists branch version-2.03). embedded.spec.ts checks each table
 * against its file, so a table cannot drift from the official list.
 */
export const ACTIVITY_DATE_TYPES = ['1', '2', '3', '4'] as const;
/** 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
export type ActivityDateType = (typeof ACTIVITY_DATE_TYPES)[number];

export const ACTIVITY_STATUSES = ['1', '2', '3', '4', '5', '6'] as const;
/** 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const BUDGET_STATUSES = ['1', '2'] as const;
/** 1 indicative, 2 committed. */
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

export const BUDGET_TYPES = ['1', '2'] as const;
/** 1 original, 2 revised. */
export type BudgetType = (typeof BUDGET_TYPES)[number];

export const DOCUMENT_CATEGORIES = [
  ...['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10', 'A11', 'A12'],
  ...['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'B12'],
  ...['B13', 'B14', 'B15', 'B16', 'B17', 'B18'],
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const ORGANISATION_ROLES = ['1', '2', '3', '4'] as const;
/** 1 funding, 2 accountable, 3 extending, 4 implementing. */
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const RELATED_ACTIVITY_TYPES = ['1', '2', '3', '4', '5'] as const;
/** 1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party. A replication names its original as 3. */
export type RelatedActivityType = (typeof RELATED_ACTIVITY_TYPES)[number];

export const TRANSACTION_TYPES = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** The embedded tables by codelist name, as mapping.xml names them. */
export const EMBEDDED_CODELISTS: Readonly<Record<string, readonly string[]>> = {
  ActivityDateType: ACTIVITY_DATE_TYPES,
  ActivityStatus: ACTIVITY_STATUSES,
  BudgetStatus: BUDGET_STATUSES,
  BudgetType: BUDGET_TYPES,
  DocumentCategory: DOCUMENT_CATEGORIES,
  OrganisationRole: ORGANISATION_ROLES,
  RelatedActivityType: RELATED_ACTIVITY_TYPES,
  TransactionType: TRANSACTION_TYPES,
};
