import { AlreadyCreated } from '../errors';
import { checkDate, checkId, checkText, FieldIssues, MAX_LONG_TEXT, sameJson } from '../field-validation';
import { AmendmentCommand, SignAmendment } from './agreement-commands';
import { AmendmentPending, NoAmendmentPending, NotAParty } from './agreement-errors';
import { AgreementEvent } from './agreement-events';
import { lastSignatureDate, requireStatus, stamp } from './agreement-guards';
import { Agreement, currentAgreementVersion, knownAgreementAmendments } from './agreement-state';
import { checkTermChanges, termDifferences } from './agreement-terms';

type Proposal = { amendmentId: string; kind: 'amendment' | 'renewal'; changes: unknown; reason: string };

const AMENDMENT = 'agreementAmendment';

/**
 * A version n+1 awaiting the signatures of every party to version n or n+1 (a party leaving
 * the agreement agrees to it too).
 */
const propose = (
  command: AmendmentCommand,
  state: Agreement,
  issues: FieldIssues,
  proposal: Proposal,
): AgreementEvent[] => {
  const { now, by } = stamp(command.metadata);
  const { agreementId } = state;
  const { amendmentId, kind, reason } = proposal;
  const { terms, changes } = checkTermChanges(issues, state.terms, proposal.changes);
  issues.throwIfAny();
  const known = knownAgreementAmendments(state).find((v) => v.amendmentId === amendmentId);
  if (known) {
    if (known.kind === kind && known.reason === reason && sameJson(known.changes, changes)) return [];
    throw new AlreadyCreated(AMENDMENT, amendmentId);
  }
  requireStatus(state, command.type, ['in-force', 'suspended']);
  if (state.pending?.amendmentId)
    throw new AmendmentPending(state.pending.amendmentId, state.pending.version);
  const differences = termDifferences(state.terms, terms);
  if (differences.length === 0) {
    issues.add(kind === 'renewal' ? 'newEndDate' : 'changes', 'must change at least one term');
    issues.throwIfAny();
  }
  const signatories = [...new Set([...state.terms.parties, ...terms.parties].map((p) => p.partyId))].sort();
  const version = state.versions.length + 1;
  return [
    {
      type: 'AmendmentProposed',
      data: {
        agreementId,
        amendmentId,
        version,
        kind,
        changes,
        differences,
        signatories,
        reason,
        proposedAt: now,
        by,
      },
    },
  ];
};

const sign = (command: SignAmendment, state: Agreement, issues: FieldIssues): AgreementEvent[] => {
  const { now, actor } = command.metadata;
  const { agreementId } = state;
  const amendmentId = checkId(issues, 'amendmentId', command.data.amendmentId);
  const partyId = checkId(issues, 'partyId', command.data.partyId);
  const signedOn = checkDate(issues, 'signedOn', command.data.signedOn, now);
  issues.throwIfAny();
  const known = knownAgreementAmendments(state).find((v) => v.amendmentId === amendmentId);
  if (known?.signatures.some((s) => s.partyId === partyId)) return [];
  const pending = state.pending;
  if (!known || known !== pending) throw new NoAmendmentPending(amendmentId);
  requireStatus(state, command.type, ['in-force', 'suspended']);
  if (!pending.signatories.includes(partyId)) throw new NotAParty(partyId, pending.version);
  const current = currentAgreementVersion(state);
  if (current?.effectiveOn && signedOn < current.effectiveOn) {
    issues.add('signedOn', `must not be before ${current.effectiveOn}, when the amended version took effect`);
    issues.throwIfAny();
  }
  const { version } = pending;
  const events: AgreementEvent[] = [
    {
      type: 'AmendmentSigned',
      data: { agreementId, amendmentId, version, partyId, signatoryId: actor.id, signedOn, recordedAt: now },
    },
  ];
  if (pending.signatures.length + 1 === pending.signatories.length) {
    const effectiveOn = lastSignatureDate([...pending.signatures.map((s) => s.signedOn), signedOn]);
    events.push({
      type: 'AmendmentEnteredIntoForce',
      data: { agreementId, amendmentId, version, effectiveOn, enteredIntoForceAt: now },
    });
  }
  return events;
};

export const decideAmendment = (command: AmendmentCommand, state: Agreement): AgreementEvent[] => {
  const { now, by } = stamp(command.metadata);
  const issues = new FieldIssues();
  switch (command.type) {
    case 'ProposeAmendment': {
      const amendmentId = checkId(issues, 'amendmentId', command.data.amendmentId);
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      return propose(command, state, issues, {
        amendmentId,
        kind: 'amendment',
        changes: command.data.changes,
        reason,
      });
    }
    case 'RenewAgreement': {
      const amendmentId = checkId(issues, 'amendmentId', command.data.amendmentId);
      const newEndDate = checkDate(issues, 'newEndDate', command.data.newEndDate);
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      const renewed = knownAgreementAmendments(state).some((v) => v.amendmentId === amendmentId);
      if (issues.count === 0 && !renewed && newEndDate <= state.terms.endDate)
        issues.add('newEndDate', `must be after the current end date ${state.terms.endDate}`);
      issues.throwIfAny();
      return propose(command, state, issues, {
        amendmentId,
        kind: 'renewal',
        changes: { endDate: newEndDate },
        reason,
      });
    }
    case 'SignAmendment':
      return sign(command, state, issues);
    case 'WithdrawAmendment': {
      const amendmentId = checkId(issues, 'amendmentId', command.data.amendmentId);
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.withdrawnAmendments.some((v) => v.amendmentId === amendmentId)) return [];
      const pending = state.pending;
      if (pending?.amendmentId !== amendmentId) throw new NoAmendmentPending(amendmentId);
      const { agreementId } = state;
      const { version } = pending;
      return [
        {
          type: 'AmendmentWithdrawn',
          data: { agreementId, amendmentId, version, reason, withdrawnAt: now, by },
        },
      ];
    }
  }
};
