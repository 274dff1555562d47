import { RecordedEvent } from '@tadamon/eventsourcing';
import { formatMoney, formatPoints } from './format';

/** One fact of an event: a key the dossier's labels translate, and a language-neutral value. */
export interface Fact {
  key: string;
  value: string;
}

export interface TimelineEntry {
  position: number;
  streamId: string;
  revision: number;
  eventId: string;
  /** When the log recorded it (the store's clock): what --as-of compares. */
  recordedAt: string;
  /** When the domain says it happened (the command's `now`: decidedAt, scoredAt...). */
  occurredAt: string | null;
  type: string;
  actor: { id: string; roles: string[] } | null;
  facts: Fact[];
}

type Data = Record<string, unknown>;

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '-' : JSON.stringify(value);
const list = (value: unknown): string => (Array.isArray(value) ? value.map(text).join(', ') : text(value));
const yesNo = (value: unknown): string => (value === true ? 'yes' : value === false ? 'no' : '-');

/** The facts worth a line in the timeline, by event type; anything else shows no facts. */
const FACTS: Record<string, (d: Data) => [string, string][]> = {
  GrantApplicationDrafted: (d) => [
    ['call', text(d.callId)],
    ['association', text(d.associationId)],
    ['amountRequested', formatMoney((d.proposal as Data | undefined)?.amountRequested as never)],
  ],
  GrantApplicationChanged: (d) => [['changed', Object.keys((d.changes as Data) ?? {}).join(', ')]],
  GrantApplicationSubmitted: (d) => {
    const terms = (d.terms ?? {}) as Data;
    return [
      ['call', text(d.callId)],
      ['criteriaVersion', text(terms.criteriaVersion)],
      ['scoringRulesVersion', text(terms.scoringRulesVersion)],
      ['deadline', text(terms.deadline)],
    ];
  },
  GrantApplicationFoundEligible: (d) => [['checks', String(Array.isArray(d.checks) ? d.checks.length : 0)]],
  GrantApplicationFoundIneligible: (d) => [['reasons', list(d.reasons)]],
  GrantApplicationWithdrawn: (d) => [
    ['reason', text(d.reason)],
    ['previousStatus', text(d.previousStatus)],
    ...(d.award ? ([['amount', formatMoney((d.award as Data).amount as never)]] as [string, string][]) : []),
  ],
  GrantApplicationFlagged: (d) => [['reason', text(d.reason)]],
  GrantApplicationFlagCleared: (d) => [['association', text(d.associationId)]],
  EvaluatorAssigned: (d) => [['evaluator', text(d.evaluatorId)]],
  EvaluatorRemoved: (d) => [
    ['evaluator', text(d.evaluatorId)],
    ['reason', text(d.reason)],
    ['detail', text(d.detail)],
  ],
  NoConflictOfInterestDeclared: (d) => [
    ['evaluator', text(d.evaluatorId)],
    ['statement', text(d.statement)],
  ],
  ConflictOfInterestDeclared: (d) => [
    ['evaluator', text(d.evaluatorId)],
    ['statement', text(d.statement)],
  ],
  ConflictOfInterestDetected: (d) => [
    ['evaluator', text(d.evaluatorId)],
    ['links', list(d.links)],
  ],
  EvaluationDossierOpened: (d) => [['evaluator', text(d.evaluatorId)]],
  EvaluatorScoresRecorded: (d) => [
    ['evaluator', text(d.evaluatorId)],
    [
      'scores',
      Array.isArray(d.scores)
        ? d.scores.map((s: Data) => `${text(s.criterionId)} ${text(s.points)}`).join(', ')
        : '-',
    ],
  ],
  ConsensusScoreReached: (d) => {
    const outcome = (d.outcome ?? {}) as Data;
    return [
      ['consensus', formatPoints(outcome.consensus as number)],
      ['scoringRulesVersion', text(outcome.rulesVersion)],
      ['passedThresholds', yesNo(outcome.passedThresholds)],
      ...(Array.isArray(outcome.failedThresholds) && outcome.failedThresholds.length > 0
        ? ([['failedThresholds', list(outcome.failedThresholds)]] as [string, string][])
        : []),
      [
        'evaluators',
        Array.isArray(d.sheets) ? d.sheets.map((s: Data) => text(s.evaluatorId)).join(', ') : '-',
      ],
    ];
  },
  ConsensusScoreAnnulled: (d) => [['reason', text(d.reason)]],
  GrantApplicationRecommended: (d) => [
    ['rank', text(d.rank)],
    ['consensus', formatPoints(d.consensus as number)],
    ['committee', list(d.committeeMembers)],
    ['rationale', text(d.rationale)],
  ],
  GrantApplicationNotRecommended: (d) => [
    ['rank', text(d.rank)],
    ['consensus', formatPoints(d.consensus as number)],
    ['committee', list(d.committeeMembers)],
    ['rationale', text(d.rationale)],
  ],
  GrantAwarded: (d) => [
    ['amount', formatMoney(d.amount as never)],
    ['consensus', formatPoints(d.consensus as number)],
    ['committee', list(d.committeeMembers)],
    ['criteriaVersion', text(d.criteriaVersion)],
    ['scoringRulesVersion', text(d.scoringRulesVersion)],
    ['envelope', text(d.envelopeId)],
    ['envelopeRemaining', formatMoney(d.envelopeRemaining as never)],
    ['rationale', text(d.rationale)],
  ],
  GrantApplicationRejected: (d) => [
    ['reasons', list(d.reasons)],
    ['consensus', formatPoints(d.consensus as number)],
    ['committee', list(d.committeeMembers)],
    ['criteriaVersion', text(d.criteriaVersion)],
    ['scoringRulesVersion', text(d.scoringRulesVersion)],
    ['envelope', text(d.envelopeId)],
    ['envelopeRemaining', formatMoney(d.envelopeRemaining as never)],
    ['appealDeadline', text(d.appealDeadline)],
  ],
  AppealLodged: (d) => [['grounds', text(d.grounds)]],
  AppealUpheld: (d) => [
    ['committee', list(d.committeeMembers)],
    ['rationale', text(d.rationale)],
  ],
  AppealDismissed: (d) => [
    ['committee', list(d.committeeMembers)],
    ['rationale', text(d.rationale)],
  ],
  GrantAgreementSigned: (d) => [
    ['agreement', text(d.agreementId)],
    ['signedOn', text(d.signedOn)],
    ['signatories', list(d.signatories)],
    [
      'tranches',
      Array.isArray(d.tranches)
        ? d.tranches.map((t: Data) => `${text(t.trancheId)} ${formatMoney(t.amount as never)}`).join(', ')
        : '-',
    ],
  ],
  TrancheReleased: (d) => [
    ['tranche', text(d.trancheId)],
    ['amount', formatMoney(d.amount as never)],
  ],
  TrancheReportSubmitted: (d) => [
    ['tranche', text(d.trancheId)],
    ['report', text(d.reportId)],
    ['summary', text(d.summary)],
  ],
  TrancheReportApproved: (d) => [
    ['tranche', text(d.trancheId)],
    ['comment', text(d.comment)],
  ],
  TrancheReportReturned: (d) => [
    ['tranche', text(d.trancheId)],
    ['comment', text(d.comment)],
  ],
  CallForProposalsDrafted: (d) => {
    const terms = (d.terms ?? {}) as Data;
    return [
      ['criteriaVersion', text(d.criteriaVersion)],
      ['scoringRulesVersion', text(terms.scoringRulesVersion)],
      ['budget', formatMoney(terms.budget as never)],
      ['deadline', text(terms.deadline)],
    ];
  },
  CallForProposalsRevised: (d) => [
    ['changed', Object.keys((d.changes as Data) ?? {}).join(', ')],
    ['criteriaVersion', text(d.criteriaVersion)],
  ],
  CallForProposalsPublished: (d) => [
    ['criteriaVersion', text(d.criteriaVersion)],
    ['deadline', text(d.deadline)],
  ],
  CallDeadlineExtended: (d) => [
    ['deadline', text(d.deadline)],
    ['previousDeadline', text(d.previousDeadline)],
  ],
  BudgetEnvelopeOpened: (d) => [
    ['programme', text(d.programmeId)],
    ['amount', formatMoney(d.amount as never)],
  ],
  FundsCommitted: (d) => [
    ['application', text(d.applicationId)],
    ['amount', formatMoney(d.amount as never)],
    ['remainingBefore', formatMoney(d.remainingBefore as never)],
    ['remainingAfter', formatMoney(d.remainingAfter as never)],
  ],
  CommitmentReleased: (d) => [
    ['application', text(d.applicationId)],
    ['released', formatMoney(d.released as never)],
    ['remainingAfter', formatMoney(d.remainingAfter as never)],
    ['reason', text(d.reason)],
  ],
  DisbursementRecorded: (d) => [
    ['application', text(d.applicationId)],
    ['tranche', text(d.trancheId)],
    ['amount', formatMoney(d.amount as never)],
  ],
  BudgetEnvelopeClosed: (d) => [['reason', text(d.reason)]],
};

/** The domain's own instant of an event: its one `…At` field (decidedAt, scoredAt, committedAt...). */
function occurredAt(data: Data): string | null {
  for (const [key, value] of Object.entries(data)) {
    if (key.endsWith('At') && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
  }
  return null;
}

export function timelineEntry(event: RecordedEvent): TimelineEntry {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Data;
  const actor = event.metadata?.actor;
  let facts: Fact[];
  try {
    facts = (FACTS[event.type]?.(data) ?? []).map(([key, value]) => ({ key, value }));
  } catch {
    // A malformed event still has its line: its facts are what cannot be read.
    facts = [{ key: 'unreadable', value: 'the event data does not have the shape of its type' }];
  }
  return {
    position: event.globalPosition,
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    recordedAt: event.recordedAt,
    occurredAt: occurredAt(data),
    type: event.type,
    actor:
      actor && typeof actor.id === 'string'
        ? { id: actor.id, roles: Array.isArray(actor.roles) ? actor.roles.map(String) : [] }
        : null,
    facts,
  };
}

/** The events of several streams as one timeline, in the log's global order. */
export function timelineOf(events: readonly RecordedEvent[]): TimelineEntry[] {
  return [...events].sort((a, b) => a.globalPosition - b.globalPosition).map(timelineEntry);
}
