import { ApiRecord, recordField, textField } from '../../api/record-fields';

const records = (value: unknown): ApiRecord[] =>
  Array.isArray(value) ? value.filter((v): v is ApiRecord => v !== null && typeof v === 'object') : [];

/** Evaluators on a board line: named (not removed), who declared no conflict, who scored. */
export function evaluatorProgress(line: ApiRecord): { assigned: number; declared: number; scored: number } {
  const active = records(line['evaluators']).filter((e) => textField(e, 'status') === 'assigned');
  return {
    assigned: active.length,
    declared: active.filter((e) => textField(e, 'declaration') === 'no-conflict').length,
    scored: active.filter((e) => textField(e, 'scoredAt') !== undefined).length,
  };
}

export type NextStep = 'screen' | 'assign' | 'follow' | 'agreement' | 'tranches' | 'open';

/** What the officer does next with an application of the board. */
export function nextStep(line: ApiRecord): NextStep {
  const status = textField(line, 'status');
  if (status === 'submitted') return 'screen';
  if (status === 'eligible') return 'assign';
  if (status === 'under-evaluation') return 'follow';
  if (status === 'awarded') return recordField(line, 'agreement') ? 'tranches' : 'agreement';
  return 'open';
}
