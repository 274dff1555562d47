import type { Language } from '../../../i18n/languages';
import {
  ApiRecord,
  localizedField,
  numberField,
  recordListField,
  textField,
} from '../../../api/record-fields';

/** One ranked candidate of GET /needs/:id/matches: its id, score and reasons in the reader's language. */
export interface RankedCandidate {
  id: string;
  score: number | undefined;
  reasons: { code: string; points: number | undefined; text: string }[];
}

export function rankedCandidates(
  matches: ApiRecord | undefined,
  key: 'associations' | 'funders',
  language: Language,
): RankedCandidate[] {
  if (!matches) return [];
  return recordListField(matches, key).map((candidate) => ({
    id: textField(candidate, 'id') ?? '',
    score: numberField(candidate, 'score'),
    reasons: recordListField(candidate, 'reasons').map((reason) => ({
      code: textField(reason, 'code') ?? '',
      points: numberField(reason, 'points'),
      text: localizedField(reason, 'text', language) ?? textField(reason, 'code') ?? '',
    })),
  }));
}
