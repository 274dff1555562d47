import fc from 'fast-check';
import { foldEvents } from '@tadamon/eventsourcing';
import { statusListDecider } from './status-list';
import { StatusListCommand } from './status-list-commands';
import { StatusListState } from './status-list-state';
import { command, permutation } from './status-list.fixtures';

const pool: StatusListCommand[] = [
  command('OpenStatusList', permutation),
  command('AllocateIndex', { certificateId: 'cert-a' }),
  command('AllocateIndex', { certificateId: 'cert-b' }),
];

describe('training status list: a command that succeeded changes nothing when repeated', () => {
  it('holds for random sequences, and no two certificates ever share an index', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(pool.length - 1), { maxLength: 25 }), (picks) => {
        // Each run folds its own state: evolve grows the state's collections in place.
        let state: StatusListState = statusListDecider.initialState();
        for (const c of picks.map((p) => pool[p])) {
          let events;
          try {
            events = statusListDecider.decide(c, state);
          } catch {
            continue;
          }
          state = foldEvents(statusListDecider, events, state);
          expect({ command: c.type, events: statusListDecider.decide(c, state) }).toEqual({
            command: c.type,
            events: [],
          });
        }
        if (state.status === 'open') {
          expect(new Set(state.indexOf.values()).size).toBe(state.indexOf.size);
          expect(state.certificateAt.size).toBe(state.allocated);
        }
      }),
      { numRuns: 500 },
    );
  });
});
