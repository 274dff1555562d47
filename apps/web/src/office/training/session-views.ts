import {
  numberField,
  recordField,
  recordListField,
  textField,
  textListField,
  type ApiRecord,
} from '../../api/record-fields';

/** The sessions a reader of the desk works on: an officer every one, a trainer those they train. */
export function sessionsFor(
  items: readonly ApiRecord[],
  actor: { id: string; roles: readonly string[] },
): ApiRecord[] {
  if (actor.roles.includes('officer')) return [...items];
  return items.filter((item) => textListField(item, 'trainers').includes(actor.id));
}

export type RosterLine = {
  traineeId: string;
  name: string | null;
  erased: boolean;
  enrolment: string;
  marks: Map<
    string,
    { status: string | null; corrected: boolean; previousStatus: string | null; source: string | null }
  >;
  feedbackGiven: boolean;
  completed: boolean | null;
};

/** A roster line as the API gives it (free-form in the OpenAPI document: read field by field). */
export function rosterLine(record: ApiRecord): RosterLine {
  const marks = new Map(
    recordListField(record, 'attendance').map((mark) => [
      textField(mark, 'sittingId') ?? '',
      {
        status: textField(mark, 'status') ?? null,
        corrected: mark['corrected'] === true,
        previousStatus: textField(mark, 'previousStatus') ?? null,
        source: textField(mark, 'source') ?? null,
      },
    ]),
  );
  const outcome = recordField(record, 'outcome');
  return {
    traineeId: textField(record, 'traineeId') ?? '',
    name: textField(record, 'fullName') ?? null,
    erased: record['erased'] === true,
    enrolment: textField(record, 'enrolment') ?? '',
    marks,
    feedbackGiven: record['feedbackGiven'] === true,
    completed: outcome ? outcome['completed'] === true : null,
  };
}

/**
 * The roster split as the desk shows it: the confirmed seats (the attendance sheet's lines) and
 * the waiting list in the API's order; requested and cancelled lines apart.
 */
export function rosterGroups(lines: readonly RosterLine[]) {
  return {
    confirmed: lines.filter((l) => l.enrolment === 'confirmed'),
    waiting: lines.filter((l) => l.enrolment === 'waiting'),
    others: lines.filter((l) => l.enrolment !== 'confirmed' && l.enrolment !== 'waiting'),
  };
}

/** How many of the waiting list a capacity change gave a seat (one EnrolmentConfirmed each). */
export const promotionsOf = (events: readonly string[]): number =>
  events.filter((event) => event === 'EnrolmentConfirmed').length;

/** The certificates a close issued at once; null when the platform's next pass issues them. */
export function certificatesIssued(result: ApiRecord | undefined): number | null {
  const report = result ? recordField(result, 'certificates') : undefined;
  if (!report) return null;
  return (numberField(report, 'issued') ?? 0) + (numberField(report, 'alreadyIssued') ?? 0);
}
