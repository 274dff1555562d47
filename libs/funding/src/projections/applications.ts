import { GeoCode, Money } from '@tadamon/reference-data';
import { Document, Filter, Projection, ProjectionWrite, UpdateSpec } from '@tadamon/read-store';
import { LocalizedText } from '../domain/field-validation';
import { GRANT_APPLICATION_CATEGORY } from '../domain/grant-application/grant-application';
import { GrantApplicationEvent } from '../domain/grant-application/grant-application-events';
import { GrantApplicationStatus } from '../domain/grant-application/grant-application-state';
import { CriterionOutcome } from '../domain/scoring/scoring-outcome';
import { documentKey } from './document-keys';

export const FUNDING_APPLICATIONS = 'funding_applications';
export const APPLICATIONS_PROJECTION = 'funding-applications';

/** An evaluator on the board: no scores (each evaluator scores alone; the dossier holds them). */
export interface EvaluatorEntry {
  evaluatorId: string;
  /** Absent when a conflict was detected before the evaluator could be assigned (excluded). */
  status?: 'assigned' | 'removed';
  declaration?: 'no-conflict' | 'conflict';
  conflict?: 'declared' | 'detected';
  removalReason?: string;
  assignedAt?: string;
  dossierOpenedAt?: string;
  scoredAt?: string;
}

export interface TrancheEntry {
  trancheId: string;
  /** Place in the agreement's schedule. */
  index: number;
  amount: Money;
  dueOn: string;
  releasedAt: string | null;
  report: 'submitted' | 'approved' | 'returned' | null;
}

/**
 * One application on the boards: the call's board (officer, committee, auditor), the association's
 * own list, the evaluators' assignments, and the ranking's input (the consensus outcome).
 */
export interface ApplicationDoc extends Document {
  applicationId: string;
  callId: string;
  associationId: string;
  title: LocalizedText;
  region: GeoCode;
  sectors: string[];
  amountRequested: Money;
  coFinancing: Money;
  status: GrantApplicationStatus;
  draftedAt: string;
  submittedAt: string | null;
  updatedAt: string;
  flag: { reason: string; flaggedAt: string } | null;
  screening: { eligible: boolean; reasons: string[]; screenedAt: string } | null;
  /** By documentKey(evaluatorId). */
  evaluators: Record<string, EvaluatorEntry>;
  consensus: {
    consensus: number;
    passedThresholds: boolean;
    failedThresholds: string[];
    perCriterion: CriterionOutcome[];
    rulesVersion: string;
    reachedAt: string;
  } | null;
  recommendation: { recommended: boolean; rank: number | null; recommendedAt: string } | null;
  decision:
    | { kind: 'award'; amount: Money; envelopeId: string; decidedAt: string }
    | { kind: 'rejection'; reasons: string[]; appealDeadline: string; decidedAt: string }
    | null;
  appeal: { status: 'lodged' | 'upheld' | 'dismissed'; at: string } | null;
  agreement: { agreementId: string; signedOn: string } | null;
  /** By documentKey(trancheId). */
  tranches: Record<string, TrancheEntry>;
}

const evaluator = (id: string, field: string): string => `evaluators.${documentKey(id)}.${field}`;
const tranche = (id: string, field: string): string => `tranches.${documentKey(id)}.${field}`;

export const applicationsProjection: Projection = {
  name: APPLICATIONS_PROJECTION,
  version: 1,
  collections: [FUNDING_APPLICATIONS],
  categories: [GRANT_APPLICATION_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as GrantApplicationEvent;
    const id = event.data.applicationId;
    const at = recorded.recordedAt;
    const write = (set: Record<string, unknown>, extra: Omit<UpdateSpec, '$set'> = {}): ProjectionWrite[] => [
      {
        collection: FUNDING_APPLICATIONS,
        upsert: { id, update: { $set: { ...set, updatedAt: at }, ...extra } },
      },
    ];
    switch (event.type) {
      case 'GrantApplicationDrafted': {
        const { callId, associationId, proposal, draftedAt } = event.data;
        return write({
          applicationId: id,
          callId,
          associationId,
          title: proposal.title,
          region: proposal.region,
          sectors: proposal.sectors,
          amountRequested: proposal.amountRequested,
          coFinancing: proposal.coFinancing,
          status: 'draft',
          draftedAt,
          submittedAt: null,
          flag: null,
          screening: null,
          evaluators: {},
          consensus: null,
          recommendation: null,
          decision: null,
          appeal: null,
          agreement: null,
          tranches: {},
        });
      }
      case 'GrantApplicationChanged': {
        const { title, region, sectors, amountRequested, coFinancing } = event.data.changes;
        const changed = Object.entries({ title, region, sectors, amountRequested, coFinancing }).filter(
          ([, value]) => value !== undefined,
        );
        return write(Object.fromEntries(changed));
      }
      case 'GrantApplicationSubmitted':
        return write({ status: 'submitted', submittedAt: event.data.submittedAt });
      case 'GrantApplicationFoundEligible':
        return write({
          status: 'eligible',
          screening: { eligible: true, reasons: [], screenedAt: event.data.screenedAt },
        });
      case 'GrantApplicationFoundIneligible':
        return write({
          status: 'ineligible',
          screening: { eligible: false, reasons: event.data.reasons, screenedAt: event.data.screenedAt },
        });
      case 'GrantApplicationWithdrawn':
        return write({ status: 'withdrawn' });
      case 'GrantApplicationFlagged':
        return write({ flag: { reason: event.data.reason, flaggedAt: event.data.flaggedAt } });
      case 'GrantApplicationFlagCleared':
        return write({ flag: null });
      case 'EvaluatorAssigned': {
        const { evaluatorId, assignedAt } = event.data;
        return write({
          status: 'under-evaluation',
          [evaluator(evaluatorId, 'evaluatorId')]: evaluatorId,
          [evaluator(evaluatorId, 'status')]: 'assigned',
          [evaluator(evaluatorId, 'assignedAt')]: assignedAt,
        });
      }
      case 'EvaluatorRemoved': {
        const { evaluatorId, reason } = event.data;
        return write({
          [evaluator(evaluatorId, 'status')]: 'removed',
          [evaluator(evaluatorId, 'removalReason')]: reason,
        });
      }
      case 'NoConflictOfInterestDeclared':
        return write({ [evaluator(event.data.evaluatorId, 'declaration')]: 'no-conflict' });
      case 'ConflictOfInterestDeclared':
        return write({
          [evaluator(event.data.evaluatorId, 'declaration')]: 'conflict',
          [evaluator(event.data.evaluatorId, 'conflict')]: 'declared',
        });
      case 'ConflictOfInterestDetected':
        return write({
          [evaluator(event.data.evaluatorId, 'evaluatorId')]: event.data.evaluatorId,
          [evaluator(event.data.evaluatorId, 'conflict')]: 'detected',
        });
      case 'EvaluationDossierOpened':
        return write({ [evaluator(event.data.evaluatorId, 'dossierOpenedAt')]: event.data.openedAt });
      case 'EvaluatorScoresRecorded':
        return write({ [evaluator(event.data.evaluatorId, 'scoredAt')]: event.data.scoredAt });
      case 'ConsensusScoreReached': {
        const { outcome, reachedAt } = event.data;
        return write({
          status: 'scored',
          consensus: {
            consensus: outcome.consensus,
            passedThresholds: outcome.passedThresholds,
            failedThresholds: outcome.failedThresholds,
            perCriterion: outcome.perCriterion,
            rulesVersion: outcome.rulesVersion,
            reachedAt,
          },
        });
      }
      case 'ConsensusScoreAnnulled':
        return write({ status: 'under-evaluation', consensus: null, recommendation: null });
      case 'GrantApplicationRecommended':
      case 'GrantApplicationNotRecommended': {
        const recommended = event.type === 'GrantApplicationRecommended';
        return write({
          status: recommended ? 'recommended' : 'not-recommended',
          recommendation: { recommended, rank: event.data.rank, recommendedAt: event.data.recommendedAt },
        });
      }
      case 'GrantAwarded': {
        const { amount, envelopeId, decidedAt } = event.data;
        return write({ status: 'awarded', decision: { kind: 'award', amount, envelopeId, decidedAt } });
      }
      case 'GrantApplicationRejected': {
        const { reasons, appealDeadline, decidedAt } = event.data;
        return write({
          status: 'rejected',
          decision: { kind: 'rejection', reasons, appealDeadline, decidedAt },
          appeal: null,
        });
      }
      case 'AppealLodged':
        return write({ appeal: { status: 'lodged', at: event.data.lodgedAt } });
      case 'AppealUpheld':
        return write({
          status: 'scored',
          recommendation: null,
          decision: null,
          appeal: { status: 'upheld', at: event.data.decidedAt },
        });
      case 'AppealDismissed':
        return write({ appeal: { status: 'dismissed', at: event.data.decidedAt } });
      case 'GrantAgreementSigned': {
        const { agreementId, signedOn, tranches } = event.data;
        return write({
          agreement: { agreementId, signedOn },
          tranches: Object.fromEntries(
            tranches.map((t, index) => [
              documentKey(t.trancheId),
              {
                trancheId: t.trancheId,
                index,
                amount: t.amount,
                dueOn: t.dueOn,
                releasedAt: null,
                report: null,
              },
            ]),
          ),
        });
      }
      case 'TrancheReleased':
        return write({ [tranche(event.data.trancheId, 'releasedAt')]: event.data.releasedAt });
      case 'TrancheReportSubmitted':
        return write({ [tranche(event.data.trancheId, 'report')]: 'submitted' });
      case 'TrancheReportApproved':
        return write({ [tranche(event.data.trancheId, 'report')]: 'approved' });
      case 'TrancheReportReturned':
        return write({ [tranche(event.data.trancheId, 'report')]: 'returned' });
      default:
        return [];
    }
  },
};

export interface ApplicationsQuery {
  callId?: string;
  associationId?: string;
  status?: GrantApplicationStatus;
  /** Only the applications an evaluator was ever named on (assigned, removed or excluded). */
  evaluatorId?: string;
  flagged?: boolean;
}

export const applicationsFilter = (query: ApplicationsQuery): Filter => {
  const filter: Filter = {};
  for (const key of ['callId', 'associationId', 'status'] as const) {
    if (query[key] !== undefined) filter[key] = query[key];
  }
  if (query.evaluatorId !== undefined)
    filter[`evaluators.${documentKey(query.evaluatorId)}.evaluatorId`] = query.evaluatorId;
  if (query.flagged !== undefined) filter['flag'] = query.flagged ? { $ne: null } : null;
  return filter;
};

/** The tranches of a document in the agreement's order. */
export const tranchesInOrder = (doc: Pick<ApplicationDoc, 'tranches'>): TrancheEntry[] =>
  Object.values(doc.tranches ?? {}).sort((a, b) => a.index - b.index);
