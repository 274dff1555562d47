import { InvalidTransition } from '../errors';
import {
  checkDate,
  checkOptionalText,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import { LifecycleCommand } from './agreement-commands';
import { AgreementNotEnded, AmendmentPending } from './agreement-errors';
import { AgreementEvent } from './agreement-events';
import { AGREEMENT, requireStatus, stamp } from './agreement-guards';
import { Agreement, currentAgreementVersion } from './agreement-state';

/** An agreement does not end under an amendment being signed: withdraw it first (or sign it). */
const requireNoPendingAmendment = (state: Agreement): void => {
  if (state.pending?.amendmentId)
    throw new AmendmentPending(state.pending.amendmentId, state.pending.version);
};

export const decideLifecycle = (command: LifecycleCommand, state: Agreement): AgreementEvent[] => {
  const { now, by } = stamp(command.metadata);
  const { agreementId } = state;
  const issues = new FieldIssues();
  switch (command.type) {
    case 'SuspendAgreement': {
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'suspended') return [];
      requireStatus(state, command.type, ['in-force']);
      return [{ type: 'AgreementSuspended', data: { agreementId, reason, suspendedAt: now, by } }];
    }
    case 'ResumeAgreement': {
      if (state.status === 'in-force') return [];
      requireStatus(state, command.type, ['suspended']);
      return [{ type: 'AgreementResumed', data: { agreementId, resumedAt: now, by } }];
    }
    case 'TerminateAgreement': {
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      const effectiveOn = checkDate(issues, 'effectiveOn', command.data.effectiveOn);
      issues.throwIfAny();
      const ending = state.ending;
      if (
        ending?.kind === 'terminated' &&
        sameJson([reason, effectiveOn], [ending.reason, ending.effectiveOn])
      )
        return [];
      requireStatus(state, command.type, ['in-force', 'suspended']);
      const since = currentAgreementVersion(state)?.effectiveOn ?? '';
      if (effectiveOn < since) {
        issues.add('effectiveOn', `must not be before ${since}, when the current version took effect`);
        issues.throwIfAny();
      }
      requireNoPendingAmendment(state);
      return [
        { type: 'AgreementTerminated', data: { agreementId, reason, effectiveOn, terminatedAt: now, by } },
      ];
    }
    case 'ExpireAgreement': {
      if (state.status === 'expired') return [];
      requireStatus(state, command.type, ['in-force', 'suspended']);
      const today = now.slice(0, 10);
      const { endDate } = state.terms;
      if (today <= endDate) throw new AgreementNotEnded(endDate, today);
      requireNoPendingAmendment(state);
      return [{ type: 'AgreementExpired', data: { agreementId, endDate, expiredAt: now, by } }];
    }
    case 'CompleteAgreement': {
      const note = checkOptionalText(issues, 'note', command.data.note, MAX_LONG_TEXT);
      issues.throwIfAny();
      if (state.status === 'completed') return [];
      if (state.status !== 'in-force') throw new InvalidTransition(AGREEMENT, state.status, command.type);
      requireNoPendingAmendment(state);
      return [{ type: 'AgreementCompleted', data: { agreementId, note, completedAt: now, by } }];
    }
  }
};
