import { CommandMetadata } from '@tadamon/eventsourcing';
import { DefineIndicator, DefineResult, ResultsCommand, SubmitIndicatorUpdate } from './results-commands';
import { IndicatorDefinition, ResultsEvent } from './results-events';

export const now = '2026-02-10T09:00:00.000Z';
export const projectId = 'prj-tafraout-water';
export const monitor = 'md-officer-7';
export const officer = 'officer-1';
export const metadataOf = (actorId: string, at = now): CommandMetadata => ({
  commandId: 'cmd-1',
  actor: { id: actorId, roles: ['officer'] },
  now: at,
});
export const command = <C extends ResultsCommand>(type: C['type'], data: C['data'], actorId = officer): C =>
  ({ type, data, metadata: metadataOf(actorId) }) as C;

export const defineOutcome = command<DefineResult>('DefineResult', {
  projectId,
  resultId: 'oc1',
  level: 'outcome',
  title: { fr: "Les douars ont accès à l'eau potable" },
});
export const outcomeDefined: ResultsEvent = {
  type: 'ResultDefined',
  data: {
    projectId,
    resultId: 'oc1',
    level: 'outcome',
    title: { fr: "Les douars ont accès à l'eau potable" },
    description: null,
    definedAt: now,
    by: officer,
  },
};

export const households: IndicatorDefinition = {
  indicatorId: 'households',
  resultId: 'oc1',
  title: { fr: 'Ménages raccordés' },
  measure: 'unit',
  unit: 'ménages',
  ascending: true,
  aggregation: 'cumulative',
  baseline: { year: 2024, date: null, value: 0, comment: null },
  targets: [
    { periodStart: '2025-07-01', periodEnd: '2025-12-31', value: 120 },
    { periodStart: '2026-01-01', periodEnd: '2026-06-30', value: 300 },
  ],
};
export const defineHouseholds = command<DefineIndicator>('DefineIndicator', {
  projectId,
  resultId: 'oc1',
  indicatorId: 'households',
  title: { fr: 'Ménages raccordés' },
  measure: 'unit',
  unit: 'ménages',
  ascending: true,
  aggregation: 'cumulative',
  baseline: { year: 2024, value: 0 },
  targets: [
    { periodStart: '2026-01-01', periodEnd: '2026-06-30', value: 300 },
    { periodStart: '2025-07-01', periodEnd: '2025-12-31', value: 120 },
  ],
  projectPeriod: { start: '2025-07-01', end: '2026-06-30' },
});
export const householdsDefined: ResultsEvent = {
  type: 'IndicatorDefined',
  data: { projectId, ...households, definedAt: now, by: officer },
};

export const updateData: SubmitIndicatorUpdate['data'] = {
  projectId,
  updateId: 'u1',
  indicatorId: 'households',
  periodStart: '2025-07-01',
  periodEnd: '2025-12-31',
  value: 95,
  evidence: [{ sha256: 'b'.repeat(64), name: 'pv-reception.pdf' }],
  comment: 'Réception provisoire',
};
export const submitted = (updateId = 'u1', value = 95, at = now, period = updateData): ResultsEvent => ({
  type: 'IndicatorUpdateSubmitted',
  data: {
    ...updateData,
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    updateId,
    value,
    comment: updateData.comment ?? null,
    evidence: [...updateData.evidence],
    submittedAt: at,
    by: monitor,
  },
});
export const approved = (updateId = 'u1', indicatorId = 'households'): ResultsEvent => ({
  type: 'IndicatorUpdateApproved',
  data: { projectId, updateId, indicatorId, approvedAt: now, by: officer },
});
export const returned = (updateId = 'u1'): ResultsEvent => ({
  type: 'IndicatorUpdateReturned',
  data: {
    projectId,
    updateId,
    indicatorId: 'households',
    reason: 'the report is unsigned',
    returnedAt: now,
    by: officer,
  },
});
export const framework = [outcomeDefined, householdsDefined];
