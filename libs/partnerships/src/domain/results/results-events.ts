import { DomainEvent } from '@tadamon/eventsourcing';
import { LocalizedText } from '../field-validation';
import {
  IndicatorEvidence,
  IndicatorAggregation,
  IndicatorMeasure,
  IndicatorValue,
  ResultLevel,
} from './results-commands';

export type IndicatorBaseline = {
  readonly year: number;
  /** The day of the baseline measure when known; its year is `year`. */
  readonly date: string | null;
  readonly value: IndicatorValue;
  readonly comment: string | null;
};
/** The value to reach by the end of the period (a level: for a cumulative indicator, the running total). */
export type IndicatorTarget = {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: IndicatorValue;
};
export type IndicatorDefinition = {
  readonly indicatorId: string;
  readonly resultId: string;
  readonly title: LocalizedText;
  readonly measure: IndicatorMeasure;
  readonly unit: string | null;
  readonly ascending: boolean;
  readonly aggregation: IndicatorAggregation;
  readonly baseline: IndicatorBaseline;
  /** In period order, not overlapping. */
  readonly targets: readonly IndicatorTarget[];
};

export type ResultDefined = DomainEvent<
  'ResultDefined',
  {
    projectId: string;
    resultId: string;
    level: ResultLevel;
    title: LocalizedText;
    description: LocalizedText | null;
    definedAt: string;
    by: string;
  }
>;
export type IndicatorDefined = DomainEvent<
  'IndicatorDefined',
  { projectId: string; definedAt: string; by: string } & IndicatorDefinition
>;
export type IndicatorTargetsRevised = DomainEvent<
  'IndicatorTargetsRevised',
  {
    projectId: string;
    indicatorId: string;
    targets: IndicatorTarget[];
    previous: IndicatorTarget[];
    revisedAt: string;
    by: string;
  }
>;
export type IndicatorUpdateSubmitted = DomainEvent<
  'IndicatorUpdateSubmitted',
  {
    projectId: string;
    updateId: string;
    indicatorId: string;
    periodStart: string;
    periodEnd: string;
    value: IndicatorValue;
    evidence: IndicatorEvidence[];
    comment: string | null;
    submittedAt: string;
    by: string;
  }
>;
export type IndicatorUpdateApproved = DomainEvent<
  'IndicatorUpdateApproved',
  { projectId: string; updateId: string; indicatorId: string; approvedAt: string; by: string }
>;
export type IndicatorUpdateReturned = DomainEvent<
  'IndicatorUpdateReturned',
  { projectId: string; updateId: string; indicatorId: string; reason: string; returnedAt: string; by: string }
>;

export type ResultsEvent =
  | ResultDefined
  | IndicatorDefined
  | IndicatorTargetsRevised
  | IndicatorUpdateSubmitted
  | IndicatorUpdateApproved
  | IndicatorUpdateReturned;
