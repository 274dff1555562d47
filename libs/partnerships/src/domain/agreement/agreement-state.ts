import { CurrencyCode, moneyTotal, MoneyTotal } from '@tadamon/reference-data';
import { AgreementDocumentInput } from './agreement-documents';
import { AgreementTerms } from './agreement-terms';

export type AgreementStatus =
  'draft' | 'negotiation' | 'in-force' | 'suspended' | 'completed' | 'terminated' | 'expired';

export type AgreementSignature = {
  readonly partyId: string;
  /** Who signed for the party. */
  readonly signatoryId: string;
  readonly signedOn: string;
  readonly recordedAt: string;
};

/** A version of the terms: the original (1) or an amendment (2, 3 ...), with who signed it and when. */
export type AgreementVersion = {
  readonly version: number;
  readonly amendmentId: string | null;
  readonly kind: 'original' | 'amendment' | 'renewal';
  readonly reason: string | null;
  readonly terms: AgreementTerms;
  /** The terms the amendment set (empty for the original). */
  readonly changes: Partial<AgreementTerms>;
  readonly differences: readonly string[];
  readonly signatories: readonly string[];
  readonly signatures: readonly AgreementSignature[];
  readonly proposedAt: string;
  readonly proposedBy: string;
  /** The date of the last signature; null until every signatory has signed. */
  readonly effectiveOn: string | null;
  readonly enteredIntoForceAt: string | null;
  readonly withdrawal: { readonly reason: string; readonly at: string; readonly by: string } | null;
};

export type AttachedAgreementDocument = AgreementDocumentInput & {
  readonly attachedAt: string;
  readonly attachedBy: string;
  /** Detached documents stay in the history. */
  readonly detached: { readonly reason: string; readonly at: string; readonly by: string } | null;
};

export type AgreementSuspension = {
  readonly reason: string;
  readonly from: string;
  readonly to: string | null;
};

export type AgreementEnding =
  | {
      readonly kind: 'terminated';
      readonly reason: string;
      readonly effectiveOn: string;
      readonly at: string;
    }
  | { readonly kind: 'expired'; readonly endDate: string; readonly at: string }
  | { readonly kind: 'completed'; readonly note: string | null; readonly at: string };

export type Agreement = {
  readonly status: AgreementStatus;
  readonly agreementId: string;
  readonly draftedAt: string;
  readonly draftedBy: string;
  /** The draft before entry into force, then the terms of the current version. */
  readonly terms: AgreementTerms;
  /** The versions that entered into force, oldest first: the last one is current. */
  readonly versions: readonly AgreementVersion[];
  /** The version awaiting signatures: version 1 in negotiation, then an amendment. */
  readonly pending: AgreementVersion | null;
  readonly withdrawnAmendments: readonly AgreementVersion[];
  /** Money the parties commit under `terms`, per currency. */
  readonly commitmentTotals: readonly MoneyTotal[];
  /** The estimated value of in-kind commitments that carry one, per currency. */
  readonly inKindEstimateTotals: readonly MoneyTotal[];
  readonly documents: readonly AttachedAgreementDocument[];
  readonly suspensions: readonly AgreementSuspension[];
  readonly ending: AgreementEnding | null;
};

export type AgreementState = { readonly status: 'none' } | Agreement;

export const initialAgreementState = (): AgreementState => ({ status: 'none' });

const totals = (amounts: readonly { amountMinor: number; currency: CurrencyCode }[]): MoneyTotal[] => {
  const sums = new Map<CurrencyCode, bigint>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0n) + BigInt(a.amountMinor));
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, m]) => moneyTotal(m, c));
};

/** The totals per currency of the parties' money and in-kind commitments. */
export const commitmentTotalsOf = (
  terms: AgreementTerms,
): Pick<Agreement, 'commitmentTotals' | 'inKindEstimateTotals'> => {
  const commitments = terms.parties.flatMap((p) => p.commitments);
  return {
    commitmentTotals: totals(commitments.flatMap((c) => (c.kind === 'money' ? [c.amount] : []))),
    inKindEstimateTotals: totals(
      commitments.flatMap((c) => (c.kind === 'in-kind' && c.estimatedValue ? [c.estimatedValue] : [])),
    ),
  };
};

export const currentAgreementVersion = (state: Agreement): AgreementVersion | null =>
  state.versions[state.versions.length - 1] ?? null;

/** Every amendment id the agreement has seen, pending, in force or withdrawn. */
export const knownAgreementAmendments = (state: Agreement): AgreementVersion[] =>
  [...state.versions, ...(state.pending ? [state.pending] : []), ...state.withdrawnAmendments].filter(
    (v) => v.amendmentId !== null,
  );
