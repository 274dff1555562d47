// Shared by the grant application specs only: the ICMD phase 2 application of Migrations et
// Développement, and its history up to each stage.
import { CommandMetadata } from '@tadamon/eventsourcing';
import { Money } from '@tadamon/reference-data';
import { CallInForce } from '../call-for-proposals/call-for-proposals';
import { CriterionScore } from '../scoring/score-sheet';
import { scoreWith } from '../scoring/scoring-rules';
import { AssociationFacts } from './eligibility-screening';
import { GrantApplicationCommand } from './grant-application-commands';
import { GrantApplicationEvent } from './grant-application-events';
import { EvaluationTerms } from './grant-application-state';
import { ProjectProposal } from './project-proposal';

export const now = '2025-04-10T09:00:00.000Z';
export const applicationId = 'app-md-2025';
export const callId = 'icmd2-call-1';
export const associationId = 'md-0001';
export const envelopeId = 'icmd2-ma';
export const officer = 'officer-1';
export const evaluators = ['ev-amina', 'ev-jean', 'ev-karim'] as const;
export const committee = ['cm-1', 'cm-2', 'cm-3'];

export const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

export const metadata = (actorId = officer, time = now): CommandMetadata => ({
  commandId: 'cmd-1',
  actor: { id: actorId, roles: [] },
  now: time,
});

export const command = <C extends GrantApplicationCommand>(
  type: C['type'],
  data: Omit<C['data'], 'applicationId'>,
  { actor = officer, at = now }: { actor?: string; at?: string } = {},
): C => ({ type, data: { applicationId, ...data }, metadata: metadata(actor, at) }) as C;

export const proposal: ProjectProposal = {
  title: { fr: "Adduction d'eau potable à Taliouine", en: 'Drinking water in Taliouine' },
  summary: { fr: 'Raccordement de six douars au réseau et formation du comité de gestion.' },
  sectors: ['14030'],
  region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
  amountRequested: usd(25_000_000),
  coFinancing: usd(5_000_000),
  documents: [
    {
      documentId: 'doc-1',
      kind: 'project-description',
      name: 'projet.pdf',
      sha256: 'a'.repeat(64),
    },
  ],
};

export const terms: EvaluationTerms = {
  criteriaVersion: 1,
  currency: 'USD',
  deadline: '2025-05-31T23:59:59.000Z',
  eligibility: {
    hostCountries: ['FR', 'BE', 'ES'],
    originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
    sectors: ['14030', '31120'],
    maxAmountRequested: usd(25_000_000),
    minCoFinancingPercent: 10,
  },
  awardCriteria: {
    criteria: [
      { criterionId: 'relevance', name: { fr: 'Pertinence' }, weight: 40, threshold: 50 },
      { criterionId: 'feasibility', name: { fr: 'Faisabilité' }, weight: 35, threshold: 40 },
      { criterionId: 'sustainability', name: { fr: 'Durabilité' }, weight: 25, threshold: 0 },
    ],
    overallThreshold: 60,
  },
  scoringRulesVersion: '2025-1',
  evaluatorsPerProposal: 3,
  appealWindowDays: 30,
};

export const callInForce: CallInForce = {
  callId,
  status: 'published',
  criteriaVersion: 1,
  terms: {
    programmeId: 'icmd-phase-2',
    envelopeId,
    title: { fr: 'Appel ICMD phase 2' },
    summary: { fr: 'Co-développement' },
    budget: usd(50_000_000),
    eligibility: terms.eligibility,
    awardCriteria: terms.awardCriteria,
    internationalSelection: true,
    evaluatorsPerProposal: 3,
    deadline: terms.deadline,
    appealWindowDays: 30,
    scoringRulesVersion: '2025-1',
    tieBreakRules: ['heaviest-criterion', 'earlier-submission', 'application-id'],
  },
};

export const verifiedAssociation: AssociationFacts = {
  associationId,
  status: 'verified',
  hostCountries: ['FR'],
};

const by = officer;
export const drafted: GrantApplicationEvent = {
  type: 'GrantApplicationDrafted',
  data: { applicationId, callId, associationId, proposal, draftedAt: now, by },
};
export const submitted: GrantApplicationEvent = {
  type: 'GrantApplicationSubmitted',
  data: { applicationId, callId, associationId, terms, submittedAt: now, by },
};
export const eligibleChecks = [
  { rule: 'association-verified', passed: true, expected: 'verified', actual: 'verified' },
  { rule: 'currency', passed: true, expected: 'USD', actual: 'USD' },
  { rule: 'host-country', passed: true, expected: ['FR', 'BE', 'ES'], actual: ['FR'] },
  { rule: 'origin-region', passed: true, expected: ['MA-09'], actual: 'MA-09' },
  { rule: 'sector', passed: true, expected: ['14030', '31120'], actual: ['14030'] },
  { rule: 'max-amount', passed: true, expected: usd(25_000_000), actual: usd(25_000_000) },
  { rule: 'co-financing', passed: true, expected: 10, actual: 16 },
] as const;
export const foundEligible: GrantApplicationEvent = {
  type: 'GrantApplicationFoundEligible',
  data: { applicationId, checks: [...eligibleChecks], screenedAt: now, by },
};

export const assigned = (evaluatorId: string): GrantApplicationEvent => ({
  type: 'EvaluatorAssigned',
  data: { applicationId, evaluatorId, assignedAt: now, by },
});
export const declaredNoConflict = (evaluatorId: string): GrantApplicationEvent => ({
  type: 'NoConflictOfInterestDeclared',
  data: {
    applicationId,
    evaluatorId,
    statement: 'Je déclare ne pas avoir de conflit.',
    declaredAt: now,
    by: evaluatorId,
  },
});
export const opened = (evaluatorId: string): GrantApplicationEvent => ({
  type: 'EvaluationDossierOpened',
  data: { applicationId, evaluatorId, openedAt: now, by: evaluatorId },
});
export const sheetOf = (relevance: number, feasibility: number, sustainability: number): CriterionScore[] => [
  { criterionId: 'relevance', points: relevance, comment: 'Répond à un besoin prioritaire.' },
  { criterionId: 'feasibility', points: feasibility, comment: 'Budget et calendrier réalistes.' },
  { criterionId: 'sustainability', points: sustainability, comment: 'Comité de gestion formé.' },
];
export const pointsOf: Record<string, CriterionScore[]> = {
  'ev-amina': sheetOf(85, 80, 70),
  'ev-jean': sheetOf(78, 75, 72),
  'ev-karim': sheetOf(90, 70, 65),
};
export const scoresRecorded = (
  evaluatorId: string,
  scores = pointsOf[evaluatorId],
): GrantApplicationEvent => ({
  type: 'EvaluatorScoresRecorded',
  data: { applicationId, evaluatorId, scores, scoredAt: now, by: evaluatorId },
});

export const sheets = evaluators.map((evaluatorId) => ({ evaluatorId, scores: pointsOf[evaluatorId] }));
export const outcome = scoreWith('2025-1', terms.awardCriteria, sheets);
export const consensusReached: GrantApplicationEvent = {
  type: 'ConsensusScoreReached',
  data: { applicationId, outcome, sheets, reachedAt: now, by },
};
export const recommended: GrantApplicationEvent = {
  type: 'GrantApplicationRecommended',
  data: {
    applicationId,
    rank: 1,
    rationale: 'Classée première.',
    committeeMembers: committee,
    consensus: outcome.consensus,
    recommendedAt: now,
    by,
  },
};
export const notRecommended: GrantApplicationEvent = {
  type: 'GrantApplicationNotRecommended',
  data: {
    applicationId,
    rank: 3,
    rationale: 'Au-delà du budget.',
    committeeMembers: committee,
    consensus: outcome.consensus,
    recommendedAt: now,
    by,
  },
};
const decisionRecord = {
  callId,
  associationId,
  committeeMembers: committee,
  criteriaVersion: 1,
  scoringRulesVersion: '2025-1',
  consensus: outcome.consensus,
  envelopeId,
  envelopeRemaining: usd(50_000_000),
};
export const awarded: GrantApplicationEvent = {
  type: 'GrantAwarded',
  data: {
    applicationId,
    ...decisionRecord,
    amount: usd(25_000_000),
    conditions: ['Rapport technique et financier à chaque tranche.'],
    rationale: 'Projet pertinent, porteur expérimenté.',
    ranking: { rank: 1, fundedSet: true },
    derogation: null,
    project: {
      title: proposal.title,
      summary: proposal.summary,
      sectors: proposal.sectors,
      region: proposal.region,
      coFinancing: proposal.coFinancing,
    },
    decidedAt: now,
    by,
  },
};
export const rejected: GrantApplicationEvent = {
  type: 'GrantApplicationRejected',
  data: {
    applicationId,
    ...decisionRecord,
    reasons: ['Budget épuisé par les projets mieux classés.'],
    appealDeadline: '2025-05-10T09:00:00.000Z',
    decidedAt: now,
    by,
  },
};
export const tranches = [
  { trancheId: 't1', amount: usd(10_000_000), dueOn: '2025-05-01' },
  { trancheId: 't2', amount: usd(10_000_000), dueOn: '2025-11-01' },
  { trancheId: 't3', amount: usd(5_000_000), dueOn: '2026-05-01' },
];
export const agreementSigned: GrantApplicationEvent = {
  type: 'GrantAgreementSigned',
  data: {
    applicationId,
    agreementId: 'conv-md-2025',
    signedOn: '2025-04-09',
    signatories: [associationId, 'ministry'],
    tranches,
    recordedAt: now,
    by,
  },
};
export const trancheReleased = (trancheId: string, amount: Money): GrantApplicationEvent => ({
  type: 'TrancheReleased',
  data: { applicationId, trancheId, amount, envelopeId, releasedAt: now, by },
});
export const reportSubmitted = (trancheId: string): GrantApplicationEvent => ({
  type: 'TrancheReportSubmitted',
  data: {
    applicationId,
    trancheId,
    reportId: `rep-${trancheId}`,
    summary: 'Travaux à 40 %.',
    submittedAt: now,
    by: associationId,
  },
});
export const reportApproved = (trancheId: string): GrantApplicationEvent => ({
  type: 'TrancheReportApproved',
  data: { applicationId, trancheId, reportId: `rep-${trancheId}`, comment: 'Conforme.', reviewedAt: now, by },
});

const evaluating = (evaluatorId: string) => [
  assigned(evaluatorId),
  declaredNoConflict(evaluatorId),
  opened(evaluatorId),
];

/** The application's history up to each stage. */
export const history = {
  drafted: [drafted],
  submitted: [drafted, submitted],
  eligible: [drafted, submitted, foundEligible],
  underEvaluation: [drafted, submitted, foundEligible, ...evaluators.flatMap(evaluating)],
  allScored: [
    drafted,
    submitted,
    foundEligible,
    ...evaluators.flatMap(evaluating),
    ...evaluators.map((e) => scoresRecorded(e)),
  ],
  get scored() {
    return [...this.allScored, consensusReached];
  },
  get recommended() {
    return [...this.scored, recommended];
  },
  get notRecommended() {
    return [...this.scored, notRecommended];
  },
  get awarded() {
    return [...this.recommended, awarded];
  },
  get rejected() {
    return [...this.notRecommended, rejected];
  },
  get signed() {
    return [...this.awarded, agreementSigned];
  },
};
