import { Document, Projection, ProjectionWrite, UpdateSpec } from '@tadamon/read-store';
import { AGREEMENT_CATEGORY } from '../domain/agreement/agreement';
import { AgreementDocumentInput } from '../domain/agreement/agreement-documents';
import { AgreementEvent } from '../domain/agreement/agreement-events';
import { AgreementSignature, AgreementStatus } from '../domain/agreement/agreement-state';
import { AgreementTerms } from '../domain/agreement/agreement-terms';
import { documentKey } from './document-keys';

export const PARTNERSHIPS_AGREEMENTS = 'partnerships_agreements';

/** A version as proposed and signed: its terms are folded at read time (see agreement-view.ts). */
export interface AgreementVersionEntry {
  version: number;
  amendmentId: string | null;
  kind: 'original' | 'amendment' | 'renewal';
  reason: string | null;
  /** The terms an amendment sets, each whole (empty for the original, whose terms are `draft`). */
  changes: Partial<AgreementTerms>;
  differences: string[];
  /** The amendment's signatories; the original's are the draft's parties (see agreementView). */
  signatories: string[];
  /** By documentKey(partyId). */
  signatures: Record<string, AgreementSignature>;
  proposedAt: string;
  proposedBy: string;
  effectiveOn: string | null;
  enteredIntoForceAt: string | null;
  withdrawal: { reason: string; at: string; by: string } | null;
}

export interface AgreementDocumentEntry extends AgreementDocumentInput {
  attachedAt: string;
  attachedBy: string;
  detached: { reason: string; at: string; by: string } | null;
}

/**
 * One agreement: the draft terms (version 1 once submitted), every version proposed with its
 * signatures, documents, suspensions and ending. The current terms are the draft with each
 * amendment in force applied in order: an amendment's entry into force does not carry the terms,
 * and `project` sees one event, so agreementView folds them.
 */
export interface AgreementDoc extends Document {
  agreementId: string;
  status: AgreementStatus;
  draftedAt: string;
  draftedBy: string;
  draft: AgreementTerms;
  /** Every party of the draft, of a version or of the pending amendment: a party sees its agreements. */
  partyIds: string[];
  /** Every programme the draft or an amendment named. */
  programmeIds: string[];
  /** `original` and `amendment-<documentKey(amendmentId)>`. */
  versions: Record<string, AgreementVersionEntry>;
  /** The key in `versions` of the version awaiting signatures. */
  pendingKey: string | null;
  /** The version in force (0 before entry into force). */
  currentVersion: number;
  /** Suspensions and resumptions in order (agreementView makes periods of them). */
  suspensionHistory: { action: 'suspended' | 'resumed'; at: string; reason: string | null }[];
  suspended: { reason: string; since: string } | null;
  ending:
    | { kind: 'terminated'; reason: string; effectiveOn: string; at: string }
    | { kind: 'expired'; endDate: string; at: string }
    | { kind: 'completed'; note: string | null; at: string }
    | null;
  /** By SHA-256 (hex: no dots): the last attachment of each file. */
  documents: Record<string, AgreementDocumentEntry>;
  /** Every attachment and detachment, in order (the same file may be attached again). */
  documentHistory: {
    sha256: string;
    action: 'attached' | 'detached';
    at: string;
    by: string;
    reason: string | null;
  }[];
}

export const ORIGINAL_VERSION = 'original';
export const amendmentKey = (amendmentId: string): string => `amendment-${documentKey(amendmentId)}`;
const versionKey = (amendmentId: string | null) =>
  amendmentId === null ? ORIGINAL_VERSION : amendmentKey(amendmentId);

const signature = (key: string, data: AgreementSignature): Record<string, unknown> => ({
  [`versions.${key}.signatures.${documentKey(data.partyId)}`]: {
    partyId: data.partyId,
    signatoryId: data.signatoryId,
    signedOn: data.signedOn,
    recordedAt: data.recordedAt,
  },
});

const partyIdsOf = (terms: Partial<AgreementTerms>): string[] => (terms.parties ?? []).map((p) => p.partyId);

export const agreementsProjection: Projection = {
  name: 'partnerships-agreements',
  version: 1,
  collections: [PARTNERSHIPS_AGREEMENTS],
  categories: [AGREEMENT_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as AgreementEvent;
    const id = event.data.agreementId;
    const write = (update: UpdateSpec): ProjectionWrite[] => [
      { collection: PARTNERSHIPS_AGREEMENTS, upsert: { id, update } },
    ];
    const set = (fields: Record<string, unknown>) => write({ $set: fields });
    switch (event.type) {
      case 'AgreementDrafted': {
        const { terms, draftedAt, by } = event.data;
        return set({
          agreementId: id,
          status: 'draft',
          draftedAt,
          draftedBy: by,
          draft: terms,
          partyIds: partyIdsOf(terms),
          programmeIds: terms.programmeId === null ? [] : [terms.programmeId],
          versions: {},
          pendingKey: null,
          currentVersion: 0,
          suspensionHistory: [],
          suspended: null,
          ending: null,
          documents: {},
          documentHistory: [],
        });
      }
      case 'AgreementDraftRevised': {
        // Revised only before any signature: the draft is all there is, so the lists are replaced.
        const { changes } = event.data;
        const fields: Record<string, unknown> = {};
        for (const [term, value] of Object.entries(changes)) fields[`draft.${term}`] = value;
        if (changes.parties) fields['partyIds'] = partyIdsOf(changes);
        if (changes.programmeId !== undefined)
          fields['programmeIds'] = changes.programmeId === null ? [] : [changes.programmeId];
        return set(fields);
      }
      case 'AgreementSubmittedForSignature': {
        const { signatories, submittedAt, by } = event.data;
        const original: AgreementVersionEntry = {
          version: 1,
          amendmentId: null,
          kind: 'original',
          reason: null,
          changes: {},
          differences: [],
          signatories,
          signatures: {},
          proposedAt: submittedAt,
          proposedBy: by,
          effectiveOn: null,
          enteredIntoForceAt: null,
          withdrawal: null,
        };
        return set({
          status: 'negotiation',
          [`versions.${ORIGINAL_VERSION}`]: original,
          pendingKey: ORIGINAL_VERSION,
        });
      }
      case 'AgreementSigned':
        return set(signature(ORIGINAL_VERSION, event.data));
      case 'AmendmentSigned':
        return set(signature(amendmentKey(event.data.amendmentId), event.data));
      case 'AgreementEnteredIntoForce':
      case 'AmendmentEnteredIntoForce': {
        const key = versionKey(event.type === 'AmendmentEnteredIntoForce' ? event.data.amendmentId : null);
        const fields: Record<string, unknown> = {
          [`versions.${key}.effectiveOn`]: event.data.effectiveOn,
          [`versions.${key}.enteredIntoForceAt`]: event.data.enteredIntoForceAt,
          pendingKey: null,
          currentVersion: event.data.version,
        };
        if (event.type === 'AgreementEnteredIntoForce') fields['status'] = 'in-force';
        return set(fields);
      }
      case 'AmendmentProposed': {
        const { amendmentId, version, kind, changes, differences, signatories, reason, proposedAt, by } =
          event.data;
        const key = amendmentKey(amendmentId);
        const entry: AgreementVersionEntry = {
          version,
          amendmentId,
          kind,
          reason,
          changes,
          differences,
          signatories,
          signatures: {},
          proposedAt,
          proposedBy: by,
          effectiveOn: null,
          enteredIntoForceAt: null,
          withdrawal: null,
        };
        const programmes = changes.programmeId ? [changes.programmeId] : [];
        return write({
          $set: { [`versions.${key}`]: entry, pendingKey: key },
          // A party leaving signs the amendment too: it keeps seeing the agreement it was bound by.
          $addToSet: { partyIds: { $each: signatories }, programmeIds: { $each: programmes } },
        });
      }
      case 'AmendmentWithdrawn': {
        const { amendmentId, reason, withdrawnAt, by } = event.data;
        return set({
          [`versions.${amendmentKey(amendmentId)}.withdrawal`]: { reason, at: withdrawnAt, by },
          pendingKey: null,
        });
      }
      case 'AgreementSuspended': {
        const { reason, suspendedAt } = event.data;
        return write({
          $set: { status: 'suspended', suspended: { reason, since: suspendedAt } },
          $push: { suspensionHistory: { action: 'suspended', at: suspendedAt, reason } },
        });
      }
      case 'AgreementResumed':
        return write({
          $set: { status: 'in-force', suspended: null },
          $push: { suspensionHistory: { action: 'resumed', at: event.data.resumedAt, reason: null } },
        });
      case 'AgreementTerminated': {
        const { reason, effectiveOn, terminatedAt } = event.data;
        return set({
          status: 'terminated',
          suspended: null,
          ending: { kind: 'terminated', reason, effectiveOn, at: terminatedAt },
        });
      }
      case 'AgreementExpired': {
        const { endDate, expiredAt } = event.data;
        return set({
          status: 'expired',
          suspended: null,
          ending: { kind: 'expired', endDate, at: expiredAt },
        });
      }
      case 'AgreementCompleted':
        return set({
          status: 'completed',
          ending: { kind: 'completed', note: event.data.note, at: event.data.completedAt },
        });
      case 'AgreementDocumentAttached': {
        const { document, attachedAt, by } = event.data;
        const entry: AgreementDocumentEntry = { ...document, attachedAt, attachedBy: by, detached: null };
        return write({
          $set: { [`documents.${document.sha256}`]: entry },
          $push: {
            documentHistory: {
              sha256: document.sha256,
              action: 'attached',
              at: attachedAt,
              by,
              reason: null,
            },
          },
        });
      }
      case 'AgreementDocumentDetached': {
        const { sha256, reason, detachedAt, by } = event.data;
        return write({
          $set: { [`documents.${sha256}.detached`]: { reason, at: detachedAt, by } },
          $push: { documentHistory: { sha256, action: 'detached', at: detachedAt, by, reason } },
        });
      }
      default:
        return [];
    }
  },
};
