import { Command } from '@tadamon/eventsourcing';
import { StatusPurpose } from './status-list-index';

type Id = { statusListId: string };

/**
 * The application opens a list when the previous one is full, drawing the stride (odd) and the
 * offset at random: whoever reads this code then cannot recompute the order from an index.
 */
export type OpenStatusList = Command<'OpenStatusList', Id & { stride: number; offset: number }>;
export type AllocateIndex = Command<'AllocateIndex', Id & { certificateId: string }>;
/** `value` true sets the bit (revoked, or suspended), false clears it (reinstated). */
export type SetStatusBit = Command<
  'SetStatusBit',
  Id & { purpose: StatusPurpose; index: number; value: boolean }
>;

export type StatusListCommand = OpenStatusList | AllocateIndex | SetStatusBit;
