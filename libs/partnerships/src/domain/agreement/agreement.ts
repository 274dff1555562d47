import { Decider, streamName } from '@tadamon/eventsourcing';
import { NotCreated } from '../errors';
import { checkId, FieldIssues } from '../field-validation';
import {
  AgreementCommand,
  AmendmentCommand,
  DocumentCommand,
  DraftingCommand,
  LifecycleCommand,
} from './agreement-commands';
import { AgreementEvent } from './agreement-events';
import { evolveAgreement } from './agreement-evolve';
import { AGREEMENT } from './agreement-guards';
import { AgreementState, initialAgreementState } from './agreement-state';
import { checkAgreementTerms } from './agreement-terms';
import { decideAmendment } from './decide-amendment';
import { decideDocuments } from './decide-documents';
import { decideDrafting } from './decide-drafting';
import { decideLifecycle } from './decide-lifecycle';
import { decideSignature } from './decide-signature';

export const AGREEMENT_CATEGORY = 'partnershipAgreement';
export const agreementStreamName = (agreementId: string): string =>
  streamName(AGREEMENT_CATEGORY, agreementId);

const DRAFTING: readonly string[] = [
  'DraftAgreement',
  'ReviseAgreementDraft',
  'SubmitAgreementForSignature',
] satisfies DraftingCommand['type'][];
const AMENDMENT: readonly string[] = [
  'ProposeAmendment',
  'RenewAgreement',
  'SignAmendment',
  'WithdrawAmendment',
] satisfies AmendmentCommand['type'][];
const LIFECYCLE: readonly string[] = [
  'SuspendAgreement',
  'ResumeAgreement',
  'TerminateAgreement',
  'ExpireAgreement',
  'CompleteAgreement',
] satisfies LifecycleCommand['type'][];

const isDrafting = (c: AgreementCommand): c is DraftingCommand => DRAFTING.includes(c.type);
const isAmendment = (c: AgreementCommand): c is AmendmentCommand => AMENDMENT.includes(c.type);
const isLifecycle = (c: AgreementCommand): c is LifecycleCommand => LIFECYCLE.includes(c.type);
const isDocument = (c: AgreementCommand): c is DocumentCommand =>
  c.type === 'AttachAgreementDocument' || c.type === 'DetachAgreementDocument';

export const decideAgreement = (command: AgreementCommand, state: AgreementState): AgreementEvent[] => {
  const issues = new FieldIssues();
  const agreementId = checkId(issues, 'agreementId', command.data.agreementId);
  if (state.status === 'none') {
    if (command.type !== 'DraftAgreement') throw new NotCreated(AGREEMENT, command.type);
    const terms = checkAgreementTerms(issues, '', command.data);
    issues.throwIfAny();
    const { now, actor } = command.metadata;
    return [{ type: 'AgreementDrafted', data: { agreementId, terms, draftedAt: now, by: actor.id } }];
  }
  if (agreementId !== state.agreementId)
    issues.add('agreementId', `must be ${state.agreementId}, the agreement of this stream`);
  issues.throwIfAny();
  if (isDrafting(command)) return decideDrafting(command, state);
  if (isAmendment(command)) return decideAmendment(command, state);
  if (isLifecycle(command)) return decideLifecycle(command, state);
  if (isDocument(command)) return decideDocuments(command, state);
  return decideSignature(command, state);
};

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  decide: decideAgreement,
  evolve: evolveAgreement,
  initialState: initialAgreementState,
};
