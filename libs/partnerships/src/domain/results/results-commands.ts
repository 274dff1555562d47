import { Command } from '@tadamon/eventsourcing';
import { LocalizedText } from '../field-validation';

export const RESULT_LEVELS = ['outcome', 'output'] as const;
export type ResultLevel = (typeof RESULT_LEVELS)[number];
/** IATI IndicatorMeasure 1 (unit), 2 (percentage) and 5 (qualitative). */
export const INDICATOR_MEASURES = ['unit', 'percentage', 'qualitative'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];
export const IATI_INDICATOR_MEASURE: Readonly<Record<IndicatorMeasure, string>> = {
  unit: '1',
  percentage: '2',
  qualitative: '5',
};
export const INDICATOR_AGGREGATIONS = ['periodic', 'cumulative'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

/** A number for unit and percentage indicators (a percentage from 0 to 100), a text for qualitative ones. */
export type IndicatorValue = number | string;
export type BaselineInput = { year?: number; date?: string; value: IndicatorValue; comment?: string | null };
export type TargetInput = { periodStart: string; periodEnd: string; value: IndicatorValue };
/** The project's planned dates, read by the application layer from the project: targets lie inside them. */
export type ProjectPeriod = { start: string; end: string };
export type IndicatorEvidence = { readonly sha256: string; readonly name: string };

export type DefineResult = Command<
  'DefineResult',
  {
    projectId: string;
    resultId: string;
    level: ResultLevel;
    title: LocalizedText;
    description?: LocalizedText | null;
  }
>;
export type DefineIndicator = Command<
  'DefineIndicator',
  {
    projectId: string;
    resultId: string;
    indicatorId: string;
    title: LocalizedText;
    measure: IndicatorMeasure;
    /** Required for a unit measure (households, hectares...), absent otherwise. */
    unit?: string | null;
    /** true when more is better. */
    ascending: boolean;
    aggregation: IndicatorAggregation;
    baseline: BaselineInput;
    targets: readonly TargetInput[];
    projectPeriod?: ProjectPeriod | null;
  }
>;
export type ReviseIndicatorTargets = Command<
  'ReviseIndicatorTargets',
  {
    projectId: string;
    indicatorId: string;
    targets: readonly TargetInput[];
    projectPeriod?: ProjectPeriod | null;
  }
>;
/** The submitter is the command's actor: never the one who approves or returns it. */
export type SubmitIndicatorUpdate = Command<
  'SubmitIndicatorUpdate',
  {
    projectId: string;
    updateId: string;
    indicatorId: string;
    periodStart: string;
    periodEnd: string;
    value: IndicatorValue;
    evidence: readonly IndicatorEvidence[];
    comment?: string | null;
  }
>;
export type ApproveIndicatorUpdate = Command<
  'ApproveIndicatorUpdate',
  { projectId: string; updateId: string }
>;
export type ReturnIndicatorUpdate = Command<
  'ReturnIndicatorUpdate',
  { projectId: string; updateId: string; reason: string }
>;

export type ResultsCommand =
  | DefineResult
  | DefineIndicator
  | ReviseIndicatorTargets
  | SubmitIndicatorUpdate
  | ApproveIndicatorUpdate
  | ReturnIndicatorUpdate;
