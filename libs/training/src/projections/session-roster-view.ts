import { AttendanceMarkDoc, FeedbackDoc, RosterLineDoc, RosterOutcome } from './session-roster';

/** A trainee's name as the Registry's card gives it now: never kept in Training's read models. */
export type TraineeName = { fullName: string } | 'erased' | 'unknown';

export type SittingMarkView = {
  sittingId: string;
  /** null: not marked (yet). */
  status: AttendanceMarkDoc['status'] | null;
  source: AttendanceMarkDoc['source'] | null;
  corrected: boolean;
  previousStatus: AttendanceMarkDoc['previousStatus'];
  note: string | null;
  markedAt: string | null;
};

export type RosterLineView = {
  traineeId: string;
  associationId: string;
  /** The Registry's name, null when the person was erased (then `erased`) or is unknown. */
  fullName: string | null;
  erased: boolean;
  enrolment: RosterLineDoc['enrolment'];
  attendance: SittingMarkView[];
  feedbackGiven: boolean;
  outcome: RosterOutcome | null;
};

/** One line per trainee with a mark (or none) for every sitting of the session, in the plan's order. */
export const rosterLineView = (
  line: RosterLineDoc,
  sittingIds: readonly string[],
  marks: readonly AttendanceMarkDoc[],
  name: TraineeName,
): RosterLineView => {
  const own = new Map(marks.filter((m) => m.traineeId === line.traineeId).map((m) => [m.sittingId, m]));
  return {
    traineeId: line.traineeId,
    associationId: line.associationId,
    fullName: typeof name === 'object' ? name.fullName : null,
    erased: name === 'erased',
    enrolment: line.enrolment,
    attendance: sittingIds.map((sittingId) => {
      const mark = own.get(sittingId);
      return {
        sittingId,
        status: mark?.status ?? null,
        source: mark?.source ?? null,
        corrected: mark?.corrected ?? false,
        previousStatus: mark?.previousStatus ?? null,
        note: mark?.note ?? null,
        markedAt: mark?.markedAt ?? null,
      };
    }),
    feedbackGiven: line.feedbackGiven,
    outcome: line.outcome,
  };
};

export type FeedbackSummary = {
  count: number;
  /** Two decimals; null without feedback. */
  averageRating: number | null;
  /** Ratings 1 to 5: how many gave each. */
  ratings: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** The comments, oldest first, without who wrote them. */
  comments: { rating: number; comment: string; givenAt: string }[];
};

export const feedbackSummary = (docs: readonly FeedbackDoc[]): FeedbackSummary => {
  const ratings = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const doc of docs) ratings[String(doc.rating) as keyof typeof ratings] += 1;
  const total = docs.reduce((sum, doc) => sum + doc.rating, 0);
  return {
    count: docs.length,
    averageRating: docs.length ? Math.round((total * 100) / docs.length) / 100 : null,
    ratings,
    comments: [...docs]
      .sort((a, b) => a.givenAt.localeCompare(b.givenAt))
      .flatMap((doc) =>
        doc.comment ? [{ rating: doc.rating, comment: doc.comment, givenAt: doc.givenAt }] : [],
      ),
  };
};
