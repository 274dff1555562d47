import { InvalidTransition } from '../errors';
import { checkDate, checkId, FieldIssues } from '../field-validation';
import { SignAgreement } from './agreement-commands';
import { NotAParty } from './agreement-errors';
import { AgreementEvent } from './agreement-events';
import { AGREEMENT, lastSignatureDate } from './agreement-guards';
import { Agreement } from './agreement-state';

/** Each party signs version 1; the last signature puts the agreement in force. */
export const decideSignature = (command: SignAgreement, state: Agreement): AgreementEvent[] => {
  const { now, actor } = command.metadata;
  const issues = new FieldIssues();
  const partyId = checkId(issues, 'partyId', command.data.partyId);
  const signedOn = checkDate(issues, 'signedOn', command.data.signedOn, now);
  issues.throwIfAny();
  const original = state.pending?.version === 1 ? state.pending : (state.versions[0] ?? null);
  if (original?.signatures.some((s) => s.partyId === partyId)) return [];
  const pending = state.pending;
  if (state.status !== 'negotiation' || pending === null)
    throw new InvalidTransition(AGREEMENT, state.status, command.type);
  if (!pending.signatories.includes(partyId)) throw new NotAParty(partyId, 1);
  const { agreementId } = state;
  const events: AgreementEvent[] = [
    {
      type: 'AgreementSigned',
      data: { agreementId, version: 1, partyId, signatoryId: actor.id, signedOn, recordedAt: now },
    },
  ];
  if (pending.signatures.length + 1 === pending.signatories.length) {
    const effectiveOn = lastSignatureDate([...pending.signatures.map((s) => s.signedOn), signedOn]);
    events.push({
      type: 'AgreementEnteredIntoForce',
      data: { agreementId, version: 1, effectiveOn, enteredIntoForceAt: now },
    });
  }
  return events;
};
