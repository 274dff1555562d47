import type { RecordedEvent } from '@tadamon/eventsourcing';
import type { SessionState } from '../domain/session/session-state';

/** What a trainee is told after asking for a seat: a seat, or their place on the waiting list. */
export type EnrolmentOutcome =
  { traineeId: string; status: 'confirmed' } | { traineeId: string; status: 'waiting'; position: number };

/**
 * The outcome of a RequestEnrolment: from the events it recorded, or, when it changed nothing (the
 * trainee already held a seat or a place), from the session's state.
 */
export const enrolmentOutcome = (
  traineeId: string,
  recorded: readonly Pick<RecordedEvent, 'type' | 'data'>[],
  state?: SessionState,
): EnrolmentOutcome | undefined => {
  for (const event of recorded) {
    const data = event.data as { traineeId?: string; position?: number };
    if (data.traineeId !== traineeId) continue;
    if (event.type === 'EnrolmentConfirmed') return { traineeId, status: 'confirmed' };
    if (event.type === 'EnrolmentWaitlisted')
      return { traineeId, status: 'waiting', position: data.position ?? 0 };
  }
  if (!state || state.status === 'none') return undefined;
  if (state.confirmed.includes(traineeId)) return { traineeId, status: 'confirmed' };
  const index = state.waiting.indexOf(traineeId);
  return index < 0 ? undefined : { traineeId, status: 'waiting', position: index + 1 };
};
