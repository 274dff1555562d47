import { CurrencyCode, Money } from '@tadamon/reference-data';
import { EligibilityRules } from '../call-for-proposals/eligibility-rules';
import { AwardCriteria } from '../scoring/award-criteria';
import { CriterionScore } from '../scoring/score-sheet';
import { ScoringOutcome } from '../scoring/scoring-outcome';
import { ScoringRulesVersion } from '../scoring/scoring-rules';
import { EligibilityCheck } from './eligibility-screening';
import { ProjectProposal } from './project-proposal';

export type GrantApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'eligible'
  | 'ineligible'
  | 'under-evaluation'
  | 'scored'
  | 'recommended'
  | 'not-recommended'
  | 'awarded'
  | 'rejected'
  | 'withdrawn';

/** No command moves an application out of these (an appeal reopens a rejection explicitly). */
export const FINAL_STATUSES: readonly GrantApplicationStatus[] = ['ineligible', 'rejected', 'withdrawn'];

/**
 * The call's terms the application is screened, scored and decided under, copied at submission:
 * the application's own stream is enough to recompute its screening and its score.
 */
export type EvaluationTerms = {
  readonly criteriaVersion: number;
  readonly currency: CurrencyCode;
  readonly deadline: string;
  readonly eligibility: EligibilityRules;
  readonly awardCriteria: AwardCriteria;
  readonly scoringRulesVersion: ScoringRulesVersion;
  readonly evaluatorsPerProposal: number;
  readonly appealWindowDays: number;
};

export type ConflictSource = 'declared' | 'detected';
export type Evaluator = {
  readonly evaluatorId: string;
  /** excluded: a conflict was detected before they were assigned; they never will be. */
  readonly status: 'assigned' | 'removed' | 'excluded';
  readonly declaration: 'pending' | 'no-conflict' | 'conflict';
  readonly conflict: { readonly source: ConflictSource; readonly detail: readonly string[] } | null;
  readonly dossierOpenedAt: string | null;
  readonly scores: readonly CriterionScore[] | null;
};

export type CommitteeRecommendation = {
  readonly recommended: boolean;
  readonly rank: number | null;
  readonly rationale: string;
  readonly committeeMembers: readonly string[];
};

export type GrantDecision =
  | {
      readonly kind: 'award';
      readonly amount: Money;
      readonly envelopeId: string;
      readonly decidedAt: string;
    }
  | {
      readonly kind: 'rejection';
      readonly reasons: readonly string[];
      readonly appealDeadline: string;
      readonly decidedAt: string;
    };

export type Appeal = { readonly status: 'lodged' | 'upheld' | 'dismissed'; readonly grounds: string };

export type TrancheReport = {
  readonly reportId: string;
  readonly status: 'submitted' | 'approved' | 'returned';
};
export type Tranche = {
  readonly trancheId: string;
  readonly amount: Money;
  /** YYYY-MM-DD */
  readonly dueOn: string;
  readonly releasedAt: string | null;
  readonly report: TrancheReport | null;
};
export type GrantAgreement = {
  readonly agreementId: string;
  readonly signedOn: string;
  readonly signatories: readonly string[];
  readonly tranches: readonly Tranche[];
};

export type GrantApplication = {
  readonly status: GrantApplicationStatus;
  readonly applicationId: string;
  readonly callId: string;
  readonly associationId: string;
  readonly proposal: ProjectProposal;
  readonly submittedAt: string | null;
  readonly terms: EvaluationTerms | null;
  readonly screening: readonly EligibilityCheck[] | null;
  readonly evaluators: Readonly<Record<string, Evaluator>>;
  readonly consensus: ScoringOutcome | null;
  readonly recommendation: CommitteeRecommendation | null;
  readonly decision: GrantDecision | null;
  readonly appeal: Appeal | null;
  readonly agreement: GrantAgreement | null;
  readonly flag: { readonly reason: string; readonly flaggedAt: string } | null;
};
export type GrantApplicationState = { readonly status: 'none' } | GrantApplication;

export const initialGrantApplicationState = (): GrantApplicationState => ({ status: 'none' });

/** Evaluators assigned and not removed: the only ones who may open the dossier and score. */
export const activeEvaluators = (state: GrantApplication): Evaluator[] =>
  Object.values(state.evaluators).filter((e) => e.status === 'assigned');
