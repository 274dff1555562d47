import fc from 'fast-check';
import { foldEvents } from '@tadamon/eventsourcing';
import { sessionDecider } from './session';
import { CancelEnrolment, RequestEnrolment, SessionCommand } from './session-commands';
import { SessionEvent } from './session-events';
import { Session, SessionState } from './session-state';
import { association, command, officer, opened, scheduled, trainee, withCapacity } from './session.fixtures';

// The store serialises the decisions of one stream (each append at the expected revision, a
// conflicting writer retries on the new state): folding decisions one after the other is what
// 200 concurrent requests amount to once appended. The store-level race is tested with the
// application layer.
const decideAll = (commands: SessionCommand[], history: SessionEvent[]) => {
  let state: SessionState = foldEvents(sessionDecider, history);
  const appended: SessionEvent[] = [];
  for (const c of commands) {
    const events = sessionDecider.decide(c, state);
    appended.push(...events);
    state = foldEvents(sessionDecider, events, state);
  }
  return { state: state as Session, appended };
};
const request = (traineeId: string) =>
  command<RequestEnrolment>(
    'RequestEnrolment',
    {
      traineeId,
      associationId: association,
      eligibility: { associationVerified: true, contactOfAssociation: true },
    },
    { actor: traineeId },
  );
const cancel = (traineeId: string) =>
  command<CancelEnrolment>('CancelEnrolment', { traineeId }, { actor: officer });
const trainees = Array.from({ length: 200 }, (_, i) => trainee(i + 1));

describe('training session: seats under 200 requests for 20 seats', () => {
  const { state, appended } = decideAll(trainees.map(request), [scheduled, opened]);

  it('confirms exactly 20, the first 20 to ask, and never goes beyond the capacity', () => {
    expect(state.capacity).toBe(20);
    expect(state.confirmed).toEqual(trainees.slice(0, 20));
    expect(appended.filter((e) => e.type === 'EnrolmentConfirmed')).toHaveLength(20);
  });

  it('puts the other 180 on the waiting list in the order they asked, positions 1 to 180', () => {
    expect(state.waiting).toEqual(trainees.slice(20));
    const positions = appended.flatMap((e) => (e.type === 'EnrolmentWaitlisted' ? [e.data.position] : []));
    expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
  });

  it('gives a cancelled seat to the first waiting', () => {
    const after = decideAll([cancel(trainee(7))], [scheduled, opened, ...appended]);
    expect(after.appended.map((e) => [e.type, (e.data as { traineeId: string }).traineeId])).toEqual([
      ['EnrolmentCancelled', trainee(7)],
      ['EnrolmentConfirmed', trainee(21)],
    ]);
    expect(after.appended[1]).toMatchObject({ data: { promotedFromWaitingList: true } });
    expect(after.state.confirmed).toHaveLength(20);
    expect(after.state.waiting[0]).toBe(trainee(22));
  });

  it('keeps seats within capacity and the waiting list in order for any mix of requests, cancellations and capacity changes', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('request' as const), n: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('cancel' as const), n: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('capacity' as const), n: fc.integer({ min: 1, max: 15 }) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        let state: SessionState = foldEvents(sessionDecider, [scheduled, withCapacity(5), opened]);
        for (const { kind, n } of actions) {
          const c =
            kind === 'request'
              ? request(trainee(n))
              : kind === 'cancel'
                ? cancel(trainee(n))
                : command<SessionCommand>('ChangeSessionCapacity', { capacity: n } as never);
          let events: SessionEvent[];
          try {
            events = sessionDecider.decide(c, state);
          } catch {
            continue;
          }
          const before = state as Session;
          state = foldEvents(sessionDecider, events, state);
          const after = state as Session;
          expect(after.confirmed.length).toBeLessThanOrEqual(after.capacity);
          // Nobody waits while a seat is free, and the waiting keep their relative order.
          if (after.waiting.length > 0) expect(after.confirmed.length).toBe(after.capacity);
          const kept = before.waiting.filter((t) => after.waiting.includes(t));
          expect(after.waiting.slice(0, kept.length)).toEqual(kept);
        }
      }),
      { numRuns: 300 },
    );
  });
});
