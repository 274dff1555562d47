import { IndexPermutation, StatusPurpose } from './status-list-index';
import { StatusListEvent } from './status-list-events';

export type StatusList = IndexPermutation & {
  readonly status: 'open';
  readonly statusListId: string;
  readonly size: number;
  readonly purposes: readonly StatusPurpose[];
  readonly openedAt: string;
  /** How many indexes were allocated: the next one is statusListIndexAt(allocated). */
  readonly allocated: number;
  readonly indexOf: ReadonlyMap<string, number>;
  readonly certificateAt: ReadonlyMap<number, string>;
};

export type StatusListState = { readonly status: 'none' } | StatusList;

export const initialStatusListState = (): StatusListState => ({ status: 'none' });

/** The index a certificate holds in this list, if it holds one. */
export const allocatedIndexOf = (state: StatusListState, certificateId: string): number | null =>
  state.status === 'open' ? (state.indexOf.get(certificateId) ?? null) : null;

const opened = (state: StatusListState): StatusList => {
  if (state.status === 'none') throw new Error('a status list event on a list never opened');
  return state;
};

/**
 * A full list is 131072 allocations: copying the maps at each event would make a
 * fold quadratic. evolve adds to them in place and returns a new state object; a folded state is
 * consumed by the next evolve (as foldEvents and the command handler do), never kept and reused.
 */
export const evolveStatusList = (state: StatusListState, event: StatusListEvent): StatusListState => {
  switch (event.type) {
    case 'StatusListOpened': {
      const { statusListId, size, purposes, stride, offset, openedAt } = event.data;
      return {
        status: 'open',
        statusListId,
        size,
        purposes,
        stride,
        offset,
        openedAt,
        allocated: 0,
        indexOf: new Map(),
        certificateAt: new Map(),
      };
    }
    case 'IndexAllocated': {
      const list = opened(state);
      const { certificateId, index } = event.data;
      (list.indexOf as Map<string, number>).set(certificateId, index);
      (list.certificateAt as Map<number, string>).set(index, certificateId);
      return { ...list, allocated: list.allocated + 1 };
    }
  }
};
