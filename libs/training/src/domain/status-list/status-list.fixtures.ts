// Shared by the status list specs only: the platform's first list of 2026.
import { StatusListCommand } from './status-list-commands';
import { StatusListEvent } from './status-list-events';

export const now = '2026-06-12T16:00:00.000Z';
export const statusListId = 'sl-2026-1';
export const certifier = 'training-certifier';
/** Odd, about size / golden ratio: consecutive allocations land about 81 000 apart. */
export const permutation = { stride: 81_007, offset: 40_961 };

export const command = <C extends StatusListCommand>(
  type: C['type'],
  data: Omit<C['data'], 'statusListId'>,
): C =>
  ({
    type,
    data: { statusListId, ...data },
    metadata: { commandId: 'cmd-1', actor: { id: certifier, roles: ['system'] }, now },
  }) as C;

export const opened: StatusListEvent = {
  type: 'StatusListOpened',
  data: {
    statusListId,
    size: 131_072,
    purposes: ['revocation', 'suspension'],
    ...permutation,
    openedAt: now,
    by: certifier,
  },
};

export const allocated = (certificateId: string, index: number): StatusListEvent => ({
  type: 'IndexAllocated',
  data: { statusListId, certificateId, index, allocatedAt: now, by: certifier },
});
