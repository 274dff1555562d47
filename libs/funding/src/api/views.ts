import { Document } from '@tadamon/read-store';
import { envelopeBalance, OpenedEnvelope } from '../domain/budget-envelope/budget-envelope';
import { DraftedCall } from '../domain/call-for-proposals/call-for-proposals';
import { GrantApplication } from '../domain/grant-application/grant-application-state';
import { ApplicationDoc, tranchesInOrder } from '../projections/applications';
import { documentKey } from '../projections/document-keys';

/** A read-model document as the API shows it: without the projection's bookkeeping. */
export const withoutInternals = <T extends Document>({
  _position: _p,
  _id: _i,
  ...view
}: T & { _position?: unknown }) => view;

export const callView = (call: DraftedCall) => ({
  callId: call.callId,
  status: call.status,
  criteriaVersion: call.criteriaVersion,
  publishedAt: call.publishedAt,
  ...call.terms,
});

export const envelopeView = (envelope: OpenedEnvelope) => ({
  envelopeId: envelope.envelopeId,
  status: envelope.status,
  ...envelope.terms,
  ...envelopeBalance(envelope),
  commitments: Object.values(envelope.commitments).map((c) => ({
    applicationId: c.applicationId,
    status: c.status,
    committed: { amountMinor: c.committedMinor, currency: envelope.terms.amount.currency },
    disbursed: { amountMinor: c.disbursedMinor, currency: envelope.terms.amount.currency },
    released: { amountMinor: c.releasedMinor, currency: envelope.terms.amount.currency },
  })),
});

/** The whole record: officers, the committee, auditors and admins. */
export const fullApplicationView = (application: GrantApplication) => ({
  ...application,
  evaluators: Object.values(application.evaluators),
});

/**
 * What the applicant association sees: its proposal, screening, consensus, decision and money, but
 * not who evaluated it nor their individual scores (each evaluator scores alone, unexposed).
 */
export const applicantView = (application: GrantApplication) => {
  const { evaluators, consensus, recommendation, ...rest } = application;
  return {
    ...rest,
    evaluatorCount: Object.values(evaluators).filter((e) => e.status === 'assigned').length,
    consensus: consensus && {
      consensus: consensus.consensus,
      passedThresholds: consensus.passedThresholds,
      failedThresholds: consensus.failedThresholds,
      perCriterion: consensus.perCriterion.map(({ lowest: _l, highest: _h, ...criterion }) => criterion),
      rulesVersion: consensus.rulesVersion,
    },
    recommendation: recommendation && {
      recommended: recommendation.recommended,
      rank: recommendation.rank,
      rationale: recommendation.rationale,
    },
  };
};

/** An evaluator's dossier: the proposal, the criteria to score, and their own declaration and scores. */
export const dossierView = (application: GrantApplication, evaluatorId: string) => {
  const evaluator = application.evaluators[evaluatorId];
  return {
    applicationId: application.applicationId,
    callId: application.callId,
    associationId: application.associationId,
    status: application.status,
    proposal: application.proposal,
    submittedAt: application.submittedAt,
    awardCriteria: application.terms?.awardCriteria ?? null,
    criteriaVersion: application.terms?.criteriaVersion ?? null,
    scoringRulesVersion: application.terms?.scoringRulesVersion ?? null,
    evaluator,
  };
};

/** A board line for the back office (without the projection's bookkeeping). */
export const boardItem = (doc: ApplicationDoc) => {
  const view = withoutInternals(doc);
  return { ...view, evaluators: Object.values(doc.evaluators ?? {}), tranches: tranchesInOrder(doc) };
};

/** A line of the association's own list: no evaluators. */
export const ownApplicationItem = (doc: ApplicationDoc) => {
  const { evaluators: _e, ...view } = boardItem(doc);
  return view;
};

/** A line of an evaluator's assignments: the application and their own place on it. */
export const assignmentItem = (doc: ApplicationDoc, evaluatorId: string) => ({
  applicationId: doc.applicationId,
  callId: doc.callId,
  associationId: doc.associationId,
  title: doc.title,
  region: doc.region,
  sectors: doc.sectors,
  applicationStatus: doc.status,
  flagged: doc.flag !== null,
  assignment: doc.evaluators?.[documentKey(evaluatorId)] ?? null,
});
