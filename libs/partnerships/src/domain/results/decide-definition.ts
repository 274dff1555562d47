import { AlreadyCreated } from '../errors';
import {
  checkBoolean,
  checkId,
  checkLocalizedText,
  checkOneOf,
  checkOptionalText,
  FieldIssues,
  MAX_LONG_TEXT,
  sameJson,
} from '../field-validation';
import { checkBaseline, checkProjectPeriod, checkTargets } from './indicator-definition';
import {
  DefineIndicator,
  DefineResult,
  INDICATOR_AGGREGATIONS,
  INDICATOR_MEASURES,
  RESULT_LEVELS,
  ReviseIndicatorTargets,
} from './results-commands';
import { IndicatorNotFound, ResultNotFound, TargetPeriodInUse } from './results-errors';
import { IndicatorDefinition, ResultsEvent } from './results-events';
import { ProjectResult, ResultsFramework, ResultsState } from './results-state';

export const decideResult = (
  command: DefineResult,
  state: ResultsState,
  projectId: string,
): ResultsEvent[] => {
  const issues = new FieldIssues();
  const { data } = command;
  const result: ProjectResult = {
    resultId: checkId(issues, 'resultId', data.resultId),
    level: checkOneOf(issues, 'level', data.level, RESULT_LEVELS),
    title: checkLocalizedText(issues, 'title', data.title),
    description:
      data.description === undefined || data.description === null
        ? null
        : checkLocalizedText(issues, 'description', data.description, MAX_LONG_TEXT),
  };
  issues.throwIfAny();
  const existing = state.status === 'none' ? undefined : state.results[result.resultId];
  if (existing) {
    if (sameJson(existing, result)) return [];
    throw new AlreadyCreated('result', result.resultId);
  }
  const { now, actor } = command.metadata;
  return [{ type: 'ResultDefined', data: { projectId, ...result, definedAt: now, by: actor.id } }];
};

const checkDefinition = (data: DefineIndicator['data']): IndicatorDefinition => {
  const issues = new FieldIssues();
  const indicatorId = checkId(issues, 'indicatorId', data.indicatorId);
  const resultId = checkId(issues, 'resultId', data.resultId);
  const title = checkLocalizedText(issues, 'title', data.title);
  const before = issues.count;
  const measure = checkOneOf(issues, 'measure', data.measure, INDICATOR_MEASURES);
  const known = issues.count === before;
  const unit = checkOptionalText(issues, 'unit', data.unit);
  if (known && measure === 'unit' && unit === null) issues.add('unit', 'must name what is counted');
  if (known && measure !== 'unit' && unit !== null)
    issues.add('unit', `must be absent for a ${measure} measure`);
  const ascending = checkBoolean(issues, 'ascending', data.ascending);
  const aggregation = checkOneOf(issues, 'aggregation', data.aggregation, INDICATOR_AGGREGATIONS);
  if (measure === 'qualitative' && aggregation === 'cumulative')
    issues.add('aggregation', 'must be periodic for a qualitative measure: texts do not add up');
  const baseline = checkBaseline(issues, 'baseline', data.baseline, known ? measure : 'unit');
  const beforePeriod = issues.count;
  const projectPeriod = checkProjectPeriod(issues, data.projectPeriod);
  const targets = known
    ? checkTargets(
        issues,
        data.targets,
        { measure, ascending, baseline },
        issues.count === beforePeriod ? projectPeriod : null,
      )
    : [];
  issues.throwIfAny();
  return { indicatorId, resultId, title, measure, unit, ascending, aggregation, baseline, targets };
};

export const decideIndicator = (command: DefineIndicator, state: ResultsFramework): ResultsEvent[] => {
  const definition = checkDefinition(command.data);
  const existing = state.indicators[definition.indicatorId];
  if (existing) {
    if (sameJson(existing, definition)) return [];
    throw new AlreadyCreated('indicator', definition.indicatorId);
  }
  if (!state.results[definition.resultId]) throw new ResultNotFound(definition.resultId);
  const { now, actor } = command.metadata;
  return [
    {
      type: 'IndicatorDefined',
      data: { projectId: state.projectId, ...definition, definedAt: now, by: actor.id },
    },
  ];
};

export const decideTargets = (command: ReviseIndicatorTargets, state: ResultsFramework): ResultsEvent[] => {
  const indicator = state.indicators[command.data.indicatorId];
  if (!indicator) throw new IndicatorNotFound(String(command.data.indicatorId));
  const issues = new FieldIssues();
  const projectPeriod = checkProjectPeriod(issues, command.data.projectPeriod);
  const targets =
    issues.count === 0 ? checkTargets(issues, command.data.targets, indicator, projectPeriod) : [];
  issues.throwIfAny();
  if (sameJson(targets, indicator.targets)) return [];
  const kept = new Set(targets.map((t) => `${t.periodStart} ${t.periodEnd}`));
  const inUse = new Map<string, { periodStart: string; periodEnd: string }>();
  for (const u of Object.values(state.updates)) {
    const key = `${u.periodStart} ${u.periodEnd}`;
    if (u.indicatorId === indicator.indicatorId && u.status !== 'returned' && !kept.has(key))
      inUse.set(key, { periodStart: u.periodStart, periodEnd: u.periodEnd });
  }
  if (inUse.size > 0) throw new TargetPeriodInUse(indicator.indicatorId, [...inUse.values()]);
  const { now, actor } = command.metadata;
  return [
    {
      type: 'IndicatorTargetsRevised',
      data: {
        projectId: state.projectId,
        indicatorId: indicator.indicatorId,
        targets,
        previous: [...indicator.targets],
        revisedAt: now,
        by: actor.id,
      },
    },
  ];
};
