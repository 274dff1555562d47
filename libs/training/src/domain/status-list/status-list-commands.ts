import { Command } from '@tadamon/eventsourcing';

type Id = { statusListId: string };

/**
 * The application opens a list when the previous one is full, drawing the stride (odd) and the
 * offset at random: whoever reads this code then cannot recompute the order from an index.
 */
export type OpenStatusList = Command<'OpenStatusList', Id & { stride: number; offset: number }>;
export type AllocateIndex = Command<'AllocateIndex', Id & { certificateId: string }>;
export type StatusListCommand = OpenStatusList | AllocateIndex;
