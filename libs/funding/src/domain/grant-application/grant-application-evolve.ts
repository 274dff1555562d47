import { GrantApplicationEvent } from './grant-application-events';
import { Evaluator, GrantApplication, GrantApplicationState, Tranche } from './grant-application-state';

const NEW_EVALUATOR: Omit<Evaluator, 'evaluatorId'> = {
  status: 'assigned',
  declaration: 'pending',
  conflict: null,
  dossierOpenedAt: null,
  scores: null,
};

const withEvaluator = (
  state: GrantApplication,
  evaluatorId: string,
  change: Partial<Evaluator>,
): GrantApplication => ({
  ...state,
  evaluators: {
    ...state.evaluators,
    [evaluatorId]: { ...NEW_EVALUATOR, ...state.evaluators[evaluatorId], ...change, evaluatorId },
  },
});

const withTranche = (
  state: GrantApplication,
  trancheId: string,
  change: (t: Tranche) => Tranche,
): GrantApplication =>
  state.agreement === null
    ? state
    : {
        ...state,
        agreement: {
          ...state.agreement,
          tranches: state.agreement.tranches.map((t) => (t.trancheId === trancheId ? change(t) : t)),
        },
      };

export const evolveGrantApplication = (
  state: GrantApplicationState,
  event: GrantApplicationEvent,
): GrantApplicationState => {
  if (event.type === 'GrantApplicationDrafted') {
    const { applicationId, callId, associationId, proposal } = event.data;
    return {
      status: 'draft',
      applicationId,
      callId,
      associationId,
      proposal,
      submittedAt: null,
      terms: null,
      screening: null,
      evaluators: {},
      consensus: null,
      recommendation: null,
      decision: null,
      appeal: null,
      agreement: null,
      flag: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'GrantApplicationChanged':
      return { ...state, proposal: { ...state.proposal, ...event.data.changes } };
    case 'GrantApplicationSubmitted':
      return { ...state, status: 'submitted', submittedAt: event.data.submittedAt, terms: event.data.terms };
    case 'GrantApplicationFoundEligible':
      return { ...state, status: 'eligible', screening: event.data.checks };
    case 'GrantApplicationFoundIneligible':
      return { ...state, status: 'ineligible', screening: event.data.checks };
    case 'GrantApplicationWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'GrantApplicationFlagged':
      return { ...state, flag: { reason: event.data.reason, flaggedAt: event.data.flaggedAt } };
    case 'GrantApplicationFlagCleared':
      return { ...state, flag: null };
    case 'EvaluatorAssigned':
      return { ...withEvaluator(state, event.data.evaluatorId, {}), status: 'under-evaluation' };
    case 'EvaluatorRemoved':
      return withEvaluator(state, event.data.evaluatorId, { status: 'removed' });
    case 'NoConflictOfInterestDeclared':
      return withEvaluator(state, event.data.evaluatorId, { declaration: 'no-conflict' });
    case 'ConflictOfInterestDeclared':
      return withEvaluator(state, event.data.evaluatorId, {
        declaration: 'conflict',
        conflict: { source: 'declared', detail: [event.data.statement] },
      });
    case 'ConflictOfInterestDetected': {
      const known = state.evaluators[event.data.evaluatorId];
      return withEvaluator(state, event.data.evaluatorId, {
        status: known ? known.status : 'excluded',
        conflict: { source: 'detected', detail: event.data.links },
      });
    }
    case 'EvaluationDossierOpened':
      return withEvaluator(state, event.data.evaluatorId, { dossierOpenedAt: event.data.openedAt });
    case 'EvaluatorScoresRecorded':
      return withEvaluator(state, event.data.evaluatorId, { scores: event.data.scores });
    case 'ConsensusScoreReached':
      return { ...state, status: 'scored', consensus: event.data.outcome };
    case 'ConsensusScoreAnnulled':
      return { ...state, status: 'under-evaluation', consensus: null, recommendation: null };
    case 'GrantApplicationRecommended':
    case 'GrantApplicationNotRecommended': {
      const recommended = event.type === 'GrantApplicationRecommended';
      const { rank, rationale, committeeMembers } = event.data;
      return {
        ...state,
        status: recommended ? 'recommended' : 'not-recommended',
        recommendation: { recommended, rank, rationale, committeeMembers },
      };
    }
    case 'GrantAwarded':
      return {
        ...state,
        status: 'awarded',
        decision: {
          kind: 'award',
          amount: event.data.amount,
          envelopeId: event.data.envelopeId,
          decidedAt: event.data.decidedAt,
        },
      };
    case 'GrantApplicationRejected':
      return {
        ...state,
        status: 'rejected',
        decision: {
          kind: 'rejection',
          reasons: event.data.reasons,
          appealDeadline: event.data.appealDeadline,
          decidedAt: event.data.decidedAt,
        },
        appeal: null,
      };
    case 'AppealLodged':
      return { ...state, appeal: { status: 'lodged', grounds: event.data.grounds } };
    case 'AppealUpheld':
      // The rejection is annulled: the committee recommends and decides again on the same score.
      return {
        ...state,
        status: 'scored',
        recommendation: null,
        decision: null,
        appeal: state.appeal && { ...state.appeal, status: 'upheld' },
      };
    case 'AppealDismissed':
      return { ...state, appeal: state.appeal && { ...state.appeal, status: 'dismissed' } };
    case 'GrantAgreementSigned':
      return {
        ...state,
        agreement: {
          agreementId: event.data.agreementId,
          signedOn: event.data.signedOn,
          signatories: event.data.signatories,
          tranches: event.data.tranches.map((t) => ({ ...t, releasedAt: null, report: null })),
        },
      };
    case 'TrancheReleased':
      return withTranche(state, event.data.trancheId, (t) => ({ ...t, releasedAt: event.data.releasedAt }));
    case 'TrancheReportSubmitted':
      return withTranche(state, event.data.trancheId, (t) => ({
        ...t,
        report: { reportId: event.data.reportId, status: 'submitted' },
      }));
    case 'TrancheReportApproved':
    case 'TrancheReportReturned': {
      const status = event.type === 'TrancheReportApproved' ? 'approved' : 'returned';
      return withTranche(state, event.data.trancheId, (t) => ({
        ...t,
        report: { reportId: event.data.reportId, status },
      }));
    }
  }
};
