import { MoneyTotal } from '@tadamon/reference-data';
import { Filter } from '@tadamon/read-store';
import { AgreementSignature, AgreementStatus, commitmentTotalsOf } from '../domain/agreement/agreement-state';
import { AgreementTerms } from '../domain/agreement/agreement-terms';
import { documentKey } from './document-keys';
import { AgreementDoc, AgreementDocumentEntry, AgreementVersionEntry } from './agreements';

export interface AgreementVersionView extends Omit<AgreementVersionEntry, 'signatures'> {
  /** The whole terms of this version: what its signatories signed. */
  terms: AgreementTerms;
  /** Who signed, in the order of the signatories. */
  signatures: AgreementSignature[];
  /** Signatories who have not signed yet. */
  awaiting: string[];
}

/** An agreement as its page shows it: versions side by side, who signed when, what is pending. */
export interface AgreementView {
  agreementId: string;
  status: AgreementStatus;
  draftedAt: string;
  /** The terms of the version in force, or the draft before entry into force. */
  terms: AgreementTerms;
  /** Money committed under `terms`, per currency, and the estimated value of in-kind commitments. */
  commitmentTotals: readonly MoneyTotal[];
  inKindEstimateTotals: readonly MoneyTotal[];
  currentVersion: number;
  /** The versions that entered into force, oldest first. */
  versions: AgreementVersionView[];
  pending: AgreementVersionView | null;
  withdrawn: AgreementVersionView[];
  suspensions: { reason: string; from: string; to: string | null }[];
  ending: AgreementDoc['ending'];
  documents: AgreementDocumentEntry[];
  partyIds: string[];
}

const entryView = (
  doc: AgreementDoc,
  entry: AgreementVersionEntry,
  before: AgreementTerms,
): AgreementVersionView => {
  const signatories = entry.kind === 'original' ? doc.draft.parties.map((p) => p.partyId) : entry.signatories;
  const signed = (partyId: string) => entry.signatures[documentKey(partyId)];
  return {
    ...entry,
    signatories,
    terms: entry.kind === 'original' ? doc.draft : { ...before, ...entry.changes },
    signatures: signatories.filter(signed).map(signed),
    awaiting: signatories.filter((p) => !signed(p)),
  };
};

/** Suspension periods from the history; one still open ends with the agreement's ending. */
const suspensionPeriods = (doc: AgreementDoc): AgreementView['suspensions'] => {
  const periods: AgreementView['suspensions'] = [];
  for (const step of doc.suspensionHistory ?? []) {
    if (step.action === 'suspended') periods.push({ reason: step.reason ?? '', from: step.at, to: null });
    else if (periods.length > 0) periods[periods.length - 1].to = step.at;
  }
  const last = periods[periods.length - 1];
  if (last && last.to === null && doc.ending && doc.ending.kind !== 'completed') last.to = doc.ending.at;
  return periods;
};

/**
 * Folds the versions: version 1 is the draft as signed, each amendment in force applies its
 * changes to the terms before it (in version order). A pending or withdrawn amendment shows the
 * terms it proposed: those in force below its version, with its changes.
 */
export const agreementView = (doc: AgreementDoc): AgreementView => {
  const entries = Object.values(doc.versions ?? {}).sort((a, b) => a.version - b.version);
  const inForce = entries.filter((e) => e.enteredIntoForceAt !== null);
  const termsBelow = (version: number): AgreementTerms =>
    inForce
      .filter((e) => e.version < version)
      .reduce<AgreementTerms>(
        (terms, e) => (e.kind === 'original' ? doc.draft : { ...terms, ...e.changes }),
        doc.draft,
      );
  const versions = inForce.map((e) => entryView(doc, e, termsBelow(e.version)));
  const terms = versions.length > 0 ? versions[versions.length - 1].terms : doc.draft;
  const pendingEntry = doc.pendingKey ? doc.versions[doc.pendingKey] : undefined;
  return {
    agreementId: doc.agreementId,
    status: doc.status,
    draftedAt: doc.draftedAt,
    terms,
    ...commitmentTotalsOf(terms),
    currentVersion: doc.currentVersion,
    versions,
    pending: pendingEntry ? entryView(doc, pendingEntry, termsBelow(pendingEntry.version)) : null,
    withdrawn: entries
      .filter((e) => e.withdrawal !== null)
      .sort((a, b) => ((a.withdrawal?.at ?? '') < (b.withdrawal?.at ?? '') ? -1 : 1))
      .map((e) => entryView(doc, e, termsBelow(e.version))),
    suspensions: suspensionPeriods(doc),
    ending: doc.ending,
    documents: Object.values(doc.documents ?? {}).sort((a, b) => (a.attachedAt < b.attachedAt ? -1 : 1)),
    partyIds: doc.partyIds,
  };
};

export interface AgreementsQuery {
  /** Agreements a party was ever named in (draft, a version, a pending amendment). */
  partyId?: string;
  status?: AgreementStatus;
  programmeId?: string;
}

export const agreementsFilter = (query: AgreementsQuery): Filter => {
  const filter: Filter = {};
  if (query.partyId !== undefined) filter['partyIds'] = query.partyId;
  if (query.status !== undefined) filter['status'] = query.status;
  if (query.programmeId !== undefined) filter['programmeIds'] = query.programmeId;
  return filter;
};
