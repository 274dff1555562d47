import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import fc from 'fast-check';
import { statusListDecider } from './status-list';
import { AllocateIndex } from './status-list-commands';
import { StatusListFull } from './status-list-errors';
import { StatusListEvent } from './status-list-events';
import { STATUS_LIST_SIZE, statusListIndexAt } from './status-list-index';
import { StatusListState } from './status-list-state';
import { command, opened, permutation } from './status-list.fixtures';

const allocate = (certificateId: string) => command<AllocateIndex>('AllocateIndex', { certificateId });

/** Every index the first `size` allocations give, through the formula alone. */
const allIndexes = (p: { stride: number; offset: number }): number[] =>
  Array.from({ length: STATUS_LIST_SIZE }, (_, k) => statusListIndexAt(k, p));

describe('training status list: indexes are a permutation', () => {
  it('gives 131072 distinct indexes, all inside the list, for any odd stride and any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: STATUS_LIST_SIZE / 2 - 2 }).map((n) => 2 * n + 1),
        fc.integer({ min: 0, max: STATUS_LIST_SIZE - 1 }),
        (stride, offset) => {
          const indexes = allIndexes({ stride, offset });
          expect(new Set(indexes).size).toBe(STATUS_LIST_SIZE);
          expect(indexes.every((i) => Number.isInteger(i) && i >= 0 && i < STATUS_LIST_SIZE)).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('would repeat an index with an even stride (which is why the decider refuses one)', () => {
    expect(new Set(allIndexes({ stride: 81_006, offset: 0 })).size).toBeLessThan(STATUS_LIST_SIZE);
  });

  it('does not hand out indexes in issuance order', () => {
    const first = allIndexes(permutation).slice(0, 1000);
    const ascending = first.filter((index, k) => k > 0 && index > first[k - 1]).length;
    // In order, all 999 steps would go up; a spread permutation goes up about half of the time.
    expect(ascending).toBeGreaterThan(300);
    expect(ascending).toBeLessThan(700);
    const gaps = first.slice(1).map((index, k) => Math.abs(index - first[k]));
    expect(Math.min(...gaps)).toBeGreaterThan(1000);
  });

  it('allocates 131072 distinct indexes through the decider, then refuses with StatusListFull', () => {
    const events: StatusListEvent[] = [opened];
    let state: StatusListState = foldEvents(statusListDecider, [opened]);
    for (let k = 0; k < STATUS_LIST_SIZE; k++) {
      const decided = statusListDecider.decide(allocate(`cert-${k}`), state);
      events.push(...decided);
      state = foldEvents(statusListDecider, decided, state);
    }
    const indexes = events.flatMap((e) => (e.type === 'IndexAllocated' ? [e.data.index] : []));
    expect(indexes).toHaveLength(STATUS_LIST_SIZE);
    expect(new Set(indexes).size).toBe(STATUS_LIST_SIZE);
    expect(state.status === 'open' && state.allocated).toBe(STATUS_LIST_SIZE);

    DeciderSpecification.for(statusListDecider)
      .given(events)
      .when(allocate('cert-one-too-many'))
      .thenThrows(StatusListFull, (e) => e.code === 'STATUS_LIST_FULL' && e.size === STATUS_LIST_SIZE);
    // A certificate of the full list still gets its index back.
    DeciderSpecification.for(statusListDecider).given(events).when(allocate('cert-7')).thenNothingHappened();
  }, 60_000);
});
