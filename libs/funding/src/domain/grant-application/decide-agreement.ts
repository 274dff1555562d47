import { CurrencyMismatch, InvalidTransition } from '../errors';
import {
  checkBoolean,
  checkDate,
  checkId,
  checkIds,
  checkList,
  checkMoney,
  checkObject,
  checkText,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import { GRANT_APPLICATION, requiredId, requireNotFlagged, requireStatus, stamp } from './application-guards';
import {
  AgreementCommand,
  ReleaseTranche,
  ReviewTrancheReport,
  SignGrantAgreement,
  SubmitTrancheReport,
  TrancheSchedule,
} from './grant-application-commands';
import { AgreementAlreadySigned, TrancheGated, TrancheNotFound } from './grant-application-errors';
import { GrantApplicationEvent } from './grant-application-events';
import { GrantAgreement, GrantApplication, Tranche } from './grant-application-state';

type Events = GrantApplicationEvent[];

const checkTranche = (issues: FieldIssues, field: string, value: unknown): TrancheSchedule => {
  const input = checkObject(issues, field, value);
  return {
    trancheId: checkId(issues, `${field}.trancheId`, input['trancheId']),
    amount: checkMoney(issues, `${field}.amount`, input['amount']),
    dueOn: checkDate(issues, `${field}.dueOn`, input['dueOn']),
  };
};

const checkAgreement = (command: SignGrantAgreement) => {
  const issues = new FieldIssues();
  const agreementId = checkId(issues, 'agreementId', command.data.agreementId);
  const signedOn = checkDate(issues, 'signedOn', command.data.signedOn);
  if (issues.count === 0 && signedOn > command.metadata.now.slice(0, 10))
    issues.add('signedOn', 'must not be in the future');
  const signatories = checkIds(issues, 'signatories', command.data.signatories, { min: 2, max: 10 });
  const listed = Array.isArray(command.data.tranches) ? command.data.tranches.length : 0;
  const tranches = checkList(
    issues,
    'tranches',
    command.data.tranches,
    (f, v) => checkTranche(issues, f, v),
    {
      min: 1,
      max: 24,
      key: (t) => t.trancheId,
    },
  );
  if (tranches.length < Math.min(listed, 24)) issues.add('tranches', 'tranche ids must be distinct');
  tranches.forEach((t, i) => {
    if (i > 0 && t.dueOn < tranches[i - 1].dueOn)
      issues.add(`tranches[${i}].dueOn`, 'must not be before the previous tranche');
  });
  issues.throwIfAny();
  return { agreementId, signedOn, signatories, tranches };
};

/** The awarded amount, split into tranches that add up to it exactly. */
const checkScheduleMatchesAward = (state: GrantApplication, tranches: readonly TrancheSchedule[]): void => {
  if (state.decision?.kind !== 'award') return;
  const awarded = state.decision.amount;
  const other = tranches.find((t) => t.amount.currency !== awarded.currency);
  if (other) throw new CurrencyMismatch(awarded.currency, other.amount.currency);
  // In BigInt: tranches are capped one by one, their sum is not.
  const total = tranches.reduce((sum, t) => sum + BigInt(t.amount.amountMinor), 0n);
  if (total !== BigInt(awarded.amountMinor)) {
    const issues = new FieldIssues();
    issues.add('tranches', `must add up to the award (${awarded.amountMinor} minor units), not ${total}`);
    issues.throwIfAny();
  }
};

const sign = (state: GrantApplication, command: SignGrantAgreement): Events => {
  const agreement = checkAgreement(command);
  if (state.agreement !== null) {
    const { agreementId, signedOn, signatories } = state.agreement;
    const tranches = state.agreement.tranches.map(({ trancheId, amount, dueOn }) => ({
      trancheId,
      amount,
      dueOn,
    }));
    if (sameJson({ agreementId, signedOn, signatories, tranches }, agreement)) return [];
    throw new AgreementAlreadySigned(state.agreement.agreementId);
  }
  requireStatus(state, command.type, ['awarded']);
  requireNotFlagged(state);
  checkScheduleMatchesAward(state, agreement.tranches);
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'GrantAgreementSigned',
      data: { applicationId: state.applicationId, ...agreement, recordedAt: now, by },
    },
  ];
};

const agreementOf = (state: GrantApplication, commandType: string): GrantAgreement => {
  if (state.agreement === null)
    throw new InvalidTransition(GRANT_APPLICATION, `${state.status} without agreement`, commandType);
  return state.agreement;
};

const trancheOf = (agreement: GrantAgreement, trancheId: string): { tranche: Tranche; index: number } => {
  const index = agreement.tranches.findIndex((t) => t.trancheId === trancheId);
  if (index < 0) throw new TrancheNotFound(trancheId);
  return { tranche: agreement.tranches[index], index };
};

const release = (state: GrantApplication, command: ReleaseTranche): Events => {
  const trancheId = requiredId('trancheId', command.data.trancheId);
  const agreement = agreementOf(state, command.type);
  const { tranche, index } = trancheOf(agreement, trancheId);
  if (tranche.releasedAt !== null) return [];
  requireStatus(state, command.type, ['awarded']);
  requireNotFlagged(state);
  if (index !== agreement.tranches.findIndex((t) => t.releasedAt === null))
    throw new TrancheGated(trancheId, 'not-next');
  if (index > 0 && agreement.tranches[index - 1].report?.status !== 'approved') {
    throw new TrancheGated(trancheId, 'report-not-approved');
  }
  const envelopeId = state.decision?.kind === 'award' ? state.decision.envelopeId : '';
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'TrancheReleased',
      data: {
        applicationId: state.applicationId,
        trancheId,
        amount: tranche.amount,
        envelopeId,
        releasedAt: now,
        by,
      },
    },
  ];
};

const submitReport = (state: GrantApplication, command: SubmitTrancheReport): Events => {
  const issues = new FieldIssues();
  const trancheId = checkId(issues, 'trancheId', command.data.trancheId);
  const reportId = checkId(issues, 'reportId', command.data.reportId);
  const summary = checkText(issues, 'summary', command.data.summary, MAX_LONG_TEXT);
  issues.throwIfAny();
  const { tranche } = trancheOf(agreementOf(state, command.type), trancheId);
  const report = tranche.report;
  if (report?.reportId === reportId && report.status !== 'returned') return [];
  requireStatus(state, command.type, ['awarded']);
  if (tranche.releasedAt === null)
    throw new InvalidTransition(GRANT_APPLICATION, 'tranche not released', command.type);
  if (report !== null && report.status !== 'returned') {
    throw new InvalidTransition(GRANT_APPLICATION, `report ${report.status}`, command.type);
  }
  const { now, by } = stamp(command.metadata);
  return [
    {
      type: 'TrancheReportSubmitted',
      data: { applicationId: state.applicationId, trancheId, reportId, summary, submittedAt: now, by },
    },
  ];
};

const review = (state: GrantApplication, command: ReviewTrancheReport): Events => {
  const issues = new FieldIssues();
  const trancheId = checkId(issues, 'trancheId', command.data.trancheId);
  const approved = checkBoolean(issues, 'approved', command.data.approved);
  const comment = checkText(issues, 'comment', command.data.comment, MAX_LONG_TEXT);
  issues.throwIfAny();
  const { tranche } = trancheOf(agreementOf(state, command.type), trancheId);
  const report = tranche.report;
  if (report === null) throw new InvalidTransition(GRANT_APPLICATION, 'no report', command.type);
  if (report.status === (approved ? 'approved' : 'returned')) return [];
  if (report.status !== 'submitted')
    throw new InvalidTransition(GRANT_APPLICATION, `report ${report.status}`, command.type);
  const { now, by } = stamp(command.metadata);
  const data = {
    applicationId: state.applicationId,
    trancheId,
    reportId: report.reportId,
    comment,
    reviewedAt: now,
    by,
  };
  return [approved ? { type: 'TrancheReportApproved', data } : { type: 'TrancheReportReturned', data }];
};

export const decideAgreement = (command: AgreementCommand, state: GrantApplication): Events => {
  switch (command.type) {
    case 'SignGrantAgreement':
      return sign(state, command);
    case 'ReleaseTranche':
      return release(state, command);
    case 'SubmitTrancheReport':
      return submitReport(state, command);
    case 'ReviewTrancheReport':
      return review(state, command);
  }
};
