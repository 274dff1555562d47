import { indicatorProgress, PeriodProgress } from '../domain/results/indicator-progress';
import { IndicatorEntry, IndicatorUpdateEntry, ResultEntry, ResultsDoc } from './results';

export interface IndicatorView extends IndicatorEntry {
  /** Per target period, from approved updates only (the domain's indicatorProgress). */
  progress: PeriodProgress[];
  /** Every update of the indicator, in the order submitted. */
  updates: IndicatorUpdateEntry[];
}

export interface ResultView extends ResultEntry {
  indicators: IndicatorView[];
}

const bySubmission = (a: IndicatorUpdateEntry, b: IndicatorUpdateEntry) =>
  a.submittedAt === b.submittedAt
    ? a.updateId < b.updateId
      ? -1
      : 1
    : a.submittedAt < b.submittedAt
      ? -1
      : 1;

/** A project's results framework: outcomes before outputs, each indicator with its progress against targets. */
export const resultsView = (doc: ResultsDoc): ResultView[] => {
  const updates = Object.values(doc.updates ?? {}).sort(bySubmission);
  const indicators = Object.values(doc.indicators ?? {});
  return Object.values(doc.results ?? {})
    .sort((a, b) =>
      a.level === b.level ? (a.definedAt < b.definedAt ? -1 : 1) : a.level === 'outcome' ? -1 : 1,
    )
    .map((result) => ({
      ...result,
      indicators: indicators
        .filter((i) => i.resultId === result.resultId)
        .sort((a, b) =>
          a.definedAt === b.definedAt
            ? a.indicatorId < b.indicatorId
              ? -1
              : 1
            : a.definedAt < b.definedAt
              ? -1
              : 1,
        )
        .map((indicator) => {
          const own = updates.filter((u) => u.indicatorId === indicator.indicatorId);
          return { ...indicator, progress: indicatorProgress(indicator, own), updates: own };
        }),
    }));
};
