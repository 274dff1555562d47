import { Command } from '@tadamon/eventsourcing';
import { AgreementDocumentInput } from './agreement-documents';
import { AgreementTerms } from './agreement-terms';

type Id = { agreementId: string };

/** Terms as a client sends them: programmeId, sectors and regions may be left out. */
export type AgreementTermsInput = Omit<AgreementTerms, 'programmeId' | 'sectors' | 'regions'> &
  Partial<Pick<AgreementTerms, 'programmeId' | 'sectors' | 'regions'>>;

export type DraftAgreement = Command<'DraftAgreement', Id & AgreementTermsInput>;
/** Some terms, each given whole (a new parties list replaces the old one). */
export type ReviseAgreementDraft = Command<
  'ReviseAgreementDraft',
  Id & { changes: Partial<AgreementTermsInput> }
>;
export type SubmitAgreementForSignature = Command<'SubmitAgreementForSignature', Id>;
/** The actor signs for the party: the application layer checked they act for it. */
export type SignAgreement = Command<'SignAgreement', Id & { partyId: string; signedOn: string }>;

export type ProposeAmendment = Command<
  'ProposeAmendment',
  Id & { amendmentId: string; changes: Partial<AgreementTermsInput>; reason: string }
>;
/** A renewal is an amendment of the end date: every party signs it. */
export type RenewAgreement = Command<
  'RenewAgreement',
  Id & { amendmentId: string; newEndDate: string; reason: string }
>;
export type SignAmendment = Command<
  'SignAmendment',
  Id & { amendmentId: string; partyId: string; signedOn: string }
>;
export type WithdrawAmendment = Command<'WithdrawAmendment', Id & { amendmentId: string; reason: string }>;

export type SuspendAgreement = Command<'SuspendAgreement', Id & { reason: string }>;
export type ResumeAgreement = Command<'ResumeAgreement', Id>;
export type TerminateAgreement = Command<'TerminateAgreement', Id & { reason: string; effectiveOn: string }>;
/** Sent by a process once the end date has passed. */
export type ExpireAgreement = Command<'ExpireAgreement', Id>;
export type CompleteAgreement = Command<'CompleteAgreement', Id & { note?: string }>;

export type AttachAgreementDocument = Command<
  'AttachAgreementDocument',
  Id & { document: AgreementDocumentInput }
>;
export type DetachAgreementDocument = Command<
  'DetachAgreementDocument',
  Id & { sha256: string; reason: string }
>;

export type DraftingCommand = DraftAgreement | ReviseAgreementDraft | SubmitAgreementForSignature;
export type AmendmentCommand = ProposeAmendment | RenewAgreement | SignAmendment | WithdrawAmendment;
export type LifecycleCommand =
  SuspendAgreement | ResumeAgreement | TerminateAgreement | ExpireAgreement | CompleteAgreement;
export type DocumentCommand = AttachAgreementDocument | DetachAgreementDocument;
export type AgreementCommand =
  DraftingCommand | SignAgreement | AmendmentCommand | LifecycleCommand | DocumentCommand;
