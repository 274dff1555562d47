import { RecordedEvent } from '@tadamon/eventsourcing';
import { formatMoney, formatPoints, isMoney, MoneyLike } from './format';

/** One fact of an event: a key the dossier's labels translate, and a language-neutral value. */
export interface Fact {
  key: string;
  value: string;
  /** The amounts `value` shows (formatMoney's text of each, in order), for a dossier to show them in its language. */
  money?: MoneyLike[];
}

type FactRow = [string, string] | [string, string, MoneyLike[]];

const moneyFact = (key: string, value: unknown): FactRow =>
  isMoney(value) ? [key, formatMoney(value), [value]] : [key, formatMoney(null)];

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

/** An award's place in the call's ranking and its derogation, when the award records them. */
function rankingFacts(d: Data): FactRow[] {
  const ranking = d.ranking as Data | null | undefined;
  const derogation = d.derogation as Data | null | undefined;
  return [
    ...(ranking && typeof ranking === 'object'
      ? ([
          ['rank', text(ranking.rank)],
          ['fundedSet', yesNo(ranking.fundedSet)],
        ] as FactRow[])
      : []),
    ...(derogation && typeof derogation === 'object'
      ? ([['derogation', `${text(derogation.reason)} (${list(derogation.committeeMembers)})`]] as FactRow[])
      : []),
  ];
}

/** The facts worth a line in the timeline, by event type; anything else shows no facts. */
const FACTS: Record<string, (d: Data) => FactRow[]> = {
  GrantApplicationDrafted: (d) => [
    ['call', text(d.callId)],
    ['association', text(d.associationId)],
    moneyFact('amountRequested', (d.proposal as Data | undefined)?.amountRequested),
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
    ...(d.award ? [moneyFact('amount', (d.award as Data).amount)] : []),
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
    moneyFact('amount', d.amount),
    ['consensus', formatPoints(d.consensus as number)],
    ['committee', list(d.committeeMembers)],
    ['criteriaVersion', text(d.criteriaVersion)],
    ['scoringRulesVersion', text(d.scoringRulesVersion)],
    ['envelope', text(d.envelopeId)],
    moneyFact('envelopeRemaining', d.envelopeRemaining),
    ['rationale', text(d.rationale)],
    ...rankingFacts(d),
  ],
  GrantApplicationRejected: (d) => [
    ['reasons', list(d.reasons)],
    ['consensus', formatPoints(d.consensus as number)],
    ['committee', list(d.committeeMembers)],
    ['criteriaVersion', text(d.criteriaVersion)],
    ['scoringRulesVersion', text(d.scoringRulesVersion)],
    ['envelope', text(d.envelopeId)],
    moneyFact('envelopeRemaining', d.envelopeRemaining),
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
      Array.isArray(d.tranches) ? d.tranches.map((t: Data) => t.amount).filter(isMoney) : [],
    ],
  ],
  TrancheReleased: (d) => [['tranche', text(d.trancheId)], moneyFact('amount', d.amount)],
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
      moneyFact('budget', terms.budget),
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
  BudgetEnvelopeOpened: (d) => [['programme', text(d.programmeId)], moneyFact('amount', d.amount)],
  FundsCommitted: (d) => [
    ['application', text(d.applicationId)],
    moneyFact('amount', d.amount),
    moneyFact('remainingBefore', d.remainingBefore),
    moneyFact('remainingAfter', d.remainingAfter),
  ],
  CommitmentReleased: (d) => [
    ['application', text(d.applicationId)],
    moneyFact('released', d.released),
    moneyFact('remainingAfter', d.remainingAfter),
    ['reason', text(d.reason)],
  ],
  DisbursementRecorded: (d) => [
    ['application', text(d.applicationId)],
    ['tranche', text(d.trancheId)],
    moneyFact('amount', d.amount),
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
    facts = (FACTS[event.type]?.(data) ?? []).map(([key, value, money]) =>
      money && money.length > 0 ? { key, value, money } : { key, value },
    );
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
