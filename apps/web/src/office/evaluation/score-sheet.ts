import type { CriterionScoreDto } from '../../api/generated';

export interface ScoreLine {
  /** As typed: Latin or Arabic-Indic digits. */
  points: string;
  comment: string;
}

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Whole points as typed in either digit set; NaN for anything else (sent as null: see below). */
export function parsePoints(text: string): number {
  const latin = text.trim().replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) & 0xf));
  return /^-?\d+$/.test(latin) ? Number(latin) : Number.NaN;
}

/**
 * The body of POST /scores: one score per criterion, in the call's order. Points out of range or
 * missing are sent as typed (NaN becomes null in JSON): the platform judges them and its field
 * error shows next to that criterion's input (`/scores/<index>/points`).
 */
export const scoresBody = (
  criterionIds: readonly string[],
  lines: Readonly<Record<string, ScoreLine>>,
): { scores: CriterionScoreDto[] } => ({
  scores: criterionIds.map((criterionId) => ({
    criterionId,
    points: parsePoints(lines[criterionId]?.points ?? ''),
    comment: (lines[criterionId]?.comment ?? '').trim(),
  })),
});

/** The pointers a criterion's inputs show errors for (CommandAlert's `claimed`). */
export const criterionPointers = (index: number) => [
  `/scores/${index}`,
  `/scores/${index}/points`,
  `/scores/${index}/comment`,
  `/scores/${index}/criterionId`,
];
