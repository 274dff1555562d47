import { Command } from '@tadamon/eventsourcing';
import { Money } from '@tadamon/reference-data';
import { CallInForce } from '../call-for-proposals/call-for-proposals';
import { CriterionScore } from '../scoring/score-sheet';
import { AssociationFacts } from './eligibility-screening';
import { ProjectProposal } from './project-proposal';

type Of<T extends string, D = object> = Command<T, { applicationId: string } & D>;

// ---- submission ----
export type DraftGrantApplication = Of<
  'DraftGrantApplication',
  {
    callId: string;
    associationId: string;
    proposal: Omit<ProjectProposal, 'documents'> & Partial<Pick<ProjectProposal, 'documents'>>;
  }
>;
export type ChangeGrantApplication = Of<'ChangeGrantApplication', { changes: Partial<ProjectProposal> }>;
/** `association` from the Registry's events, `call` from callInForce(call state), both at submission. */
export type SubmitGrantApplication = Of<
  'SubmitGrantApplication',
  { association: AssociationFacts; call: CallInForce }
>;
/** `association` as the Registry knows it at screening time (a suspension since submission counts). */
export type ScreenEligibility = Of<'ScreenEligibility', { association: AssociationFacts }>;
export type WithdrawGrantApplication = Of<'WithdrawGrantApplication', { reason: string }>;
/** Sent by the policy that reacts to the Registry's AssociationSuspended. */
export type FlagForAssociationSuspension = Of<
  'FlagForAssociationSuspension',
  { associationId: string; reason: string }
>;
/** Sent by the policy that reacts to the Registry's AssociationReinstated. */
export type ClearSuspensionFlag = Of<'ClearSuspensionFlag', { associationId: string }>;

// ---- evaluation ----
/** `linksToApplicant`: what the Registry links the evaluator to the applicant by (membership...). */
export type AssignEvaluator = Of<
  'AssignEvaluator',
  { evaluatorId: string; linksToApplicant: readonly string[] }
>;
export type RemoveEvaluator = Of<'RemoveEvaluator', { evaluatorId: string; reason: string }>;
/** Issued by the evaluator themself (metadata.actor.id), before opening the dossier. */
export type DeclareConflictOfInterest = Of<
  'DeclareConflictOfInterest',
  { evaluatorId: string; hasConflict: boolean; statement: string }
>;
export type RecordDetectedConflict = Of<
  'RecordDetectedConflict',
  { evaluatorId: string; links: readonly string[] }
>;
export type OpenEvaluationDossier = Of<'OpenEvaluationDossier', { evaluatorId: string }>;
export type RecordEvaluatorScores = Of<
  'RecordEvaluatorScores',
  { evaluatorId: string; scores: readonly CriterionScore[] }
>;
export type ReachConsensusScore = Of<'ReachConsensusScore'>;

// ---- decision ----
/** `rank` from rankApplications over the call's scored applications, null when not ranked. */
export type RecordCommitteeRecommendation = Of<
  'RecordCommitteeRecommendation',
  { recommended: boolean; rank: number | null; rationale: string; committeeMembers: readonly string[] }
>;
/** The envelope's id and remaining amount before this award, read from the envelope's stream. */
export type EnvelopeAtDecision = { envelopeId: string; remaining: Money };
/** The application's place in its call's ranking when the award is decided (CallRanking.placeOf). */
export type RankingAtDecision = { rank: number | null; fundedSet: boolean };
/** Why the committee awards an application outside the funded set, and who decided so. */
export type Derogation = { reason: string; committeeMembers: readonly string[] };
export type AwardGrant = Of<
  'AwardGrant',
  {
    amount: Money;
    conditions: readonly string[];
    rationale: string;
    committeeMembers: readonly string[];
    envelope: EnvelopeAtDecision;
    ranking: RankingAtDecision;
    /** Required outside the funded set; null inside it. */
    derogation: Derogation | null;
  }
>;
export type RejectGrantApplication = Of<
  'RejectGrantApplication',
  { reasons: readonly string[]; committeeMembers: readonly string[]; envelope: EnvelopeAtDecision }
>;
export type LodgeAppeal = Of<'LodgeAppeal', { grounds: string }>;
export type DecideAppeal = Of<
  'DecideAppeal',
  { upheld: boolean; rationale: string; committeeMembers: readonly string[] }
>;

// ---- agreement and money ----
export type TrancheSchedule = { trancheId: string; amount: Money; dueOn: string };
export type SignGrantAgreement = Of<
  'SignGrantAgreement',
  {
    agreementId: string;
    signedOn: string;
    signatories: readonly string[];
    tranches: readonly TrancheSchedule[];
  }
>;
export type ReleaseTranche = Of<'ReleaseTranche', { trancheId: string }>;
export type SubmitTrancheReport = Of<
  'SubmitTrancheReport',
  { trancheId: string; reportId: string; summary: string }
>;
export type ReviewTrancheReport = Of<
  'ReviewTrancheReport',
  { trancheId: string; approved: boolean; comment: string }
>;

export type SubmissionCommand =
  | DraftGrantApplication
  | ChangeGrantApplication
  | SubmitGrantApplication
  | ScreenEligibility
  | WithdrawGrantApplication
  | FlagForAssociationSuspension
  | ClearSuspensionFlag;
export type EvaluationCommand =
  | AssignEvaluator
  | RemoveEvaluator
  | DeclareConflictOfInterest
  | RecordDetectedConflict
  | OpenEvaluationDossier
  | RecordEvaluatorScores
  | ReachConsensusScore;
export type DecisionCommand =
  RecordCommitteeRecommendation | AwardGrant | RejectGrantApplication | LodgeAppeal | DecideAppeal;
export type AgreementCommand =
  SignGrantAgreement | ReleaseTranche | SubmitTrancheReport | ReviewTrancheReport;
export type GrantApplicationCommand =
  SubmissionCommand | EvaluationCommand | DecisionCommand | AgreementCommand;
