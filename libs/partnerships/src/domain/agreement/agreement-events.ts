import { DomainEvent } from '@tadamon/eventsourcing';
import { AgreementDocumentInput } from './agreement-documents';
import { AgreementTerms } from './agreement-terms';

type Id = { agreementId: string };

export type AgreementDrafted = DomainEvent<
  'AgreementDrafted',
  Id & { terms: AgreementTerms; draftedAt: string; by: string }
>;
/** `changes`: the terms the revision set, whole; `differences`: what changed, one line each. */
export type AgreementDraftRevised = DomainEvent<
  'AgreementDraftRevised',
  Id & { changes: Partial<AgreementTerms>; differences: string[]; revisedAt: string; by: string }
>;
/** `signatories`: the parties whose signature puts version 1 in force. */
export type AgreementSubmittedForSignature = DomainEvent<
  'AgreementSubmittedForSignature',
  Id & { signatories: string[]; submittedAt: string; by: string }
>;
/** `signatoryId`: who signed for the party (the actor); `recordedAt`: when the platform learnt it. */
export type AgreementSigned = DomainEvent<
  'AgreementSigned',
  Id & { version: 1; partyId: string; signatoryId: string; signedOn: string; recordedAt: string }
>;
/** `effectiveOn`: the date of the last signature. */
export type AgreementEnteredIntoForce = DomainEvent<
  'AgreementEnteredIntoForce',
  Id & { version: 1; effectiveOn: string; enteredIntoForceAt: string }
>;

export type AmendmentProposed = DomainEvent<
  'AmendmentProposed',
  Id & {
    amendmentId: string;
    version: number;
    /** A renewal is the amendment of the end date alone. */
    kind: 'amendment' | 'renewal';
    changes: Partial<AgreementTerms>;
    differences: string[];
    signatories: string[];
    reason: string;
    proposedAt: string;
    by: string;
  }
>;
export type AmendmentSigned = DomainEvent<
  'AmendmentSigned',
  Id & {
    amendmentId: string;
    version: number;
    partyId: string;
    signatoryId: string;
    signedOn: string;
    recordedAt: string;
  }
>;
export type AmendmentEnteredIntoForce = DomainEvent<
  'AmendmentEnteredIntoForce',
  Id & { amendmentId: string; version: number; effectiveOn: string; enteredIntoForceAt: string }
>;
export type AmendmentWithdrawn = DomainEvent<
  'AmendmentWithdrawn',
  Id & { amendmentId: string; version: number; reason: string; withdrawnAt: string; by: string }
>;

export type AgreementSuspended = DomainEvent<
  'AgreementSuspended',
  Id & { reason: string; suspendedAt: string; by: string }
>;
export type AgreementResumed = DomainEvent<'AgreementResumed', Id & { resumedAt: string; by: string }>;
/** `effectiveOn`: the first day the agreement no longer binds the parties. */
export type AgreementTerminated = DomainEvent<
  'AgreementTerminated',
  Id & { reason: string; effectiveOn: string; terminatedAt: string; by: string }
>;
export type AgreementExpired = DomainEvent<
  'AgreementExpired',
  Id & { endDate: string; expiredAt: string; by: string }
>;
export type AgreementCompleted = DomainEvent<
  'AgreementCompleted',
  Id & { note: string | null; completedAt: string; by: string }
>;

export type AgreementDocumentAttached = DomainEvent<
  'AgreementDocumentAttached',
  Id & { document: AgreementDocumentInput; attachedAt: string; by: string }
>;
export type AgreementDocumentDetached = DomainEvent<
  'AgreementDocumentDetached',
  Id & { sha256: string; reason: string; detachedAt: string; by: string }
>;

export type AgreementEvent =
  | AgreementDrafted
  | AgreementDraftRevised
  | AgreementSubmittedForSignature
  | AgreementSigned
  | AgreementEnteredIntoForce
  | AmendmentProposed
  | AmendmentSigned
  | AmendmentEnteredIntoForce
  | AmendmentWithdrawn
  | AgreementSuspended
  | AgreementResumed
  | AgreementTerminated
  | AgreementExpired
  | AgreementCompleted
  | AgreementDocumentAttached
  | AgreementDocumentDetached;
