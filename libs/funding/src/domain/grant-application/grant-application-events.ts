import { DomainEvent } from '@tadamon/eventsourcing';
import { Money } from '@tadamon/reference-data';
import { CriterionScore, ScoreSheet } from '../scoring/score-sheet';
import { ScoringOutcome } from '../scoring/scoring-outcome';
import { TrancheSchedule } from './grant-application-commands';
import { EligibilityCheck, EligibilityRuleCode } from './eligibility-screening';
import { EvaluationTerms, GrantApplicationStatus } from './grant-application-state';
import { ProjectProposal } from './project-proposal';

/** Every event names its application, when it happened and who did it. */
type Of<T extends string, At extends string, D = object> = DomainEvent<
  T,
  { applicationId: string } & D & { readonly [K in At]: string } & { by: string }
>;

// ---- submission ----
export type GrantApplicationDrafted = Of<
  'GrantApplicationDrafted',
  'draftedAt',
  { callId: string; associationId: string; proposal: ProjectProposal }
>;
export type GrantApplicationChanged = Of<
  'GrantApplicationChanged',
  'changedAt',
  { changes: Partial<ProjectProposal> }
>;
export type GrantApplicationSubmitted = Of<
  'GrantApplicationSubmitted',
  'submittedAt',
  { callId: string; associationId: string; terms: EvaluationTerms }
>;
export type GrantApplicationFoundEligible = Of<
  'GrantApplicationFoundEligible',
  'screenedAt',
  { checks: EligibilityCheck[] }
>;
export type GrantApplicationFoundIneligible = Of<
  'GrantApplicationFoundIneligible',
  'screenedAt',
  { reasons: EligibilityRuleCode[]; checks: EligibilityCheck[] }
>;
export type GrantApplicationWithdrawn = Of<
  'GrantApplicationWithdrawn',
  'withdrawnAt',
  {
    reason: string;
    previousStatus: GrantApplicationStatus;
    /** Set when an award was withdrawn: its commitment is to be released on the envelope. */
    award: { envelopeId: string; amount: Money } | null;
  }
>;
export type GrantApplicationFlagged = Of<
  'GrantApplicationFlagged',
  'flaggedAt',
  { associationId: string; reason: string }
>;
export type GrantApplicationFlagCleared = Of<
  'GrantApplicationFlagCleared',
  'clearedAt',
  { associationId: string }
>;

// ---- evaluation ----
export type EvaluatorRemovalReason = 'declared-conflict' | 'detected-conflict' | 'removed-by-officer';
export type EvaluatorAssigned = Of<'EvaluatorAssigned', 'assignedAt', { evaluatorId: string }>;
export type EvaluatorRemoved = Of<
  'EvaluatorRemoved',
  'removedAt',
  { evaluatorId: string; reason: EvaluatorRemovalReason; detail: string }
>;
export type NoConflictOfInterestDeclared = Of<
  'NoConflictOfInterestDeclared',
  'declaredAt',
  { evaluatorId: string; statement: string }
>;
export type ConflictOfInterestDeclared = Of<
  'ConflictOfInterestDeclared',
  'declaredAt',
  { evaluatorId: string; statement: string }
>;
export type ConflictOfInterestDetected = Of<
  'ConflictOfInterestDetected',
  'detectedAt',
  { evaluatorId: string; links: string[] }
>;
export type EvaluationDossierOpened = Of<'EvaluationDossierOpened', 'openedAt', { evaluatorId: string }>;
export type EvaluatorScoresRecorded = Of<
  'EvaluatorScoresRecorded',
  'scoredAt',
  { evaluatorId: string; scores: CriterionScore[] }
>;
/** Carries the sheets it combined, so an auditor recomputes it from this event alone. */
export type ConsensusScoreReached = Of<
  'ConsensusScoreReached',
  'reachedAt',
  { outcome: ScoringOutcome; sheets: ScoreSheet[] }
>;
export type ConsensusScoreAnnulled = Of<'ConsensusScoreAnnulled', 'annulledAt', { reason: string }>;

// ---- decision ----
type Recommendation = {
  rank: number | null;
  rationale: string;
  committeeMembers: string[];
  consensus: number;
};
export type GrantApplicationRecommended = Of<'GrantApplicationRecommended', 'recommendedAt', Recommendation>;
export type GrantApplicationNotRecommended = Of<
  'GrantApplicationNotRecommended',
  'recommendedAt',
  Recommendation
>;
/** What every decision records for the auditor: who decided, under which rules, with what money left. */
type DecisionRecord = {
  callId: string;
  associationId: string;
  committeeMembers: string[];
  criteriaVersion: number;
  scoringRulesVersion: string;
  /** Centipoints; null when no consensus was reached. */
  consensus: number | null;
  envelopeId: string;
  /** What the envelope had left when the decision was taken, before any commitment for it. */
  envelopeRemaining: Money;
};
export type GrantAwarded = Of<
  'GrantAwarded',
  'decidedAt',
  DecisionRecord & {
    amount: Money;
    conditions: string[];
    rationale: string;
    /**
     * The application's place in the call's ranking when the award was decided, and whether it was
     * inside the funded set. Absent from awards recorded before rankings were checked: unknown.
     */
    ranking?: { rank: number | null; fundedSet: boolean };
    /** Set when the award was outside the funded set; null inside it; absent (unknown) before. */
    derogation?: { reason: string; committeeMembers: string[] } | null;
    /**
     * The awarded project as the application proposed it (no documents), so that Partnerships opens
     * the co-development project from the award alone. Absent from awards recorded before it was added.
     */
    project?: AwardedProject;
  }
>;
/** The public part of an awarded proposal: what the project is, where, in which sectors. */
export type AwardedProject = Pick<
  ProjectProposal,
  'title' | 'summary' | 'sectors' | 'region' | 'coFinancing'
>;
export type GrantApplicationRejected = Of<
  'GrantApplicationRejected',
  'decidedAt',
  DecisionRecord & { reasons: string[]; appealDeadline: string }
>;
export type AppealLodged = Of<'AppealLodged', 'lodgedAt', { grounds: string }>;
type AppealDecision = { rationale: string; committeeMembers: string[] };
export type AppealUpheld = Of<'AppealUpheld', 'decidedAt', AppealDecision>;
export type AppealDismissed = Of<'AppealDismissed', 'decidedAt', AppealDecision>;

// ---- agreement and money ----
export type GrantAgreementSigned = Of<
  'GrantAgreementSigned',
  'recordedAt',
  { agreementId: string; signedOn: string; signatories: string[]; tranches: TrancheSchedule[] }
>;
export type TrancheReleased = Of<
  'TrancheReleased',
  'releasedAt',
  { trancheId: string; amount: Money; envelopeId: string }
>;
export type TrancheReportSubmitted = Of<
  'TrancheReportSubmitted',
  'submittedAt',
  { trancheId: string; reportId: string; summary: string }
>;
type ReportReview = { trancheId: string; reportId: string; comment: string };
export type TrancheReportApproved = Of<'TrancheReportApproved', 'reviewedAt', ReportReview>;
export type TrancheReportReturned = Of<'TrancheReportReturned', 'reviewedAt', ReportReview>;

export type GrantApplicationEvent =
  | GrantApplicationDrafted
  | GrantApplicationChanged
  | GrantApplicationSubmitted
  | GrantApplicationFoundEligible
  | GrantApplicationFoundIneligible
  | GrantApplicationWithdrawn
  | GrantApplicationFlagged
  | GrantApplicationFlagCleared
  | EvaluatorAssigned
  | EvaluatorRemoved
  | NoConflictOfInterestDeclared
  | ConflictOfInterestDeclared
  | ConflictOfInterestDetected
  | EvaluationDossierOpened
  | EvaluatorScoresRecorded
  | ConsensusScoreReached
  | ConsensusScoreAnnulled
  | GrantApplicationRecommended
  | GrantApplicationNotRecommended
  | GrantAwarded
  | GrantApplicationRejected
  | AppealLodged
  | AppealUpheld
  | AppealDismissed
  | GrantAgreementSigned
  | TrancheReleased
  | TrancheReportSubmitted
  | TrancheReportApproved
  | TrancheReportReturned;
