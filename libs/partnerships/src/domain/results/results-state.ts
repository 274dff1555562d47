import { LocalizedText } from '../field-validation';
import { IndicatorEvidence, IndicatorValue, ResultLevel } from './results-commands';
import { IndicatorDefinition, ResultsEvent } from './results-events';

export type ProjectResult = {
  readonly resultId: string;
  readonly level: ResultLevel;
  readonly title: LocalizedText;
  readonly description: LocalizedText | null;
};
export type IndicatorUpdateStatus = 'pending' | 'approved' | 'returned';
export type IndicatorUpdate = {
  readonly updateId: string;
  readonly indicatorId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: IndicatorValue;
  readonly evidence: readonly IndicatorEvidence[];
  readonly comment: string | null;
  readonly status: IndicatorUpdateStatus;
  readonly submittedAt: string;
  readonly submittedBy: string;
  /** Who approved or returned it, when, and why (returned). */
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly returnReason: string | null;
};
export type ResultsFramework = {
  readonly status: 'defined';
  readonly projectId: string;
  readonly results: Readonly<Record<string, ProjectResult>>;
  readonly indicators: Readonly<Record<string, IndicatorDefinition>>;
  readonly updates: Readonly<Record<string, IndicatorUpdate>>;
};
export type ResultsState = { readonly status: 'none' } | ResultsFramework;

export const initialResultsState = (): ResultsState => ({ status: 'none' });

const decided = (
  state: ResultsFramework,
  updateId: string,
  change: Pick<IndicatorUpdate, 'status' | 'decidedAt' | 'decidedBy' | 'returnReason'>,
): ResultsFramework => ({
  ...state,
  updates: { ...state.updates, [updateId]: { ...state.updates[updateId], ...change } },
});

export const evolveResults = (state: ResultsState, event: ResultsEvent): ResultsState => {
  const framework: ResultsFramework =
    state.status === 'none'
      ? { status: 'defined', projectId: event.data.projectId, results: {}, indicators: {}, updates: {} }
      : state;
  switch (event.type) {
    case 'ResultDefined': {
      const { resultId, level, title, description } = event.data;
      return {
        ...framework,
        results: { ...framework.results, [resultId]: { resultId, level, title, description } },
      };
    }
    case 'IndicatorDefined': {
      const { projectId: _p, definedAt: _at, by: _by, ...indicator } = event.data;
      return { ...framework, indicators: { ...framework.indicators, [indicator.indicatorId]: indicator } };
    }
    case 'IndicatorTargetsRevised': {
      const indicator = framework.indicators[event.data.indicatorId];
      return {
        ...framework,
        indicators: {
          ...framework.indicators,
          [indicator.indicatorId]: { ...indicator, targets: event.data.targets },
        },
      };
    }
    case 'IndicatorUpdateSubmitted': {
      const { projectId: _p, submittedAt, by, ...update } = event.data;
      return {
        ...framework,
        updates: {
          ...framework.updates,
          [update.updateId]: {
            ...update,
            status: 'pending',
            submittedAt,
            submittedBy: by,
            decidedAt: null,
            decidedBy: null,
            returnReason: null,
          },
        },
      };
    }
    case 'IndicatorUpdateApproved':
      return decided(framework, event.data.updateId, {
        status: 'approved',
        decidedAt: event.data.approvedAt,
        decidedBy: event.data.by,
        returnReason: null,
      });
    case 'IndicatorUpdateReturned':
      return decided(framework, event.data.updateId, {
        status: 'returned',
        decidedAt: event.data.returnedAt,
        decidedBy: event.data.by,
        returnReason: event.data.reason,
      });
  }
};
