import { DomainEvent } from '@tadamon/eventsourcing';
import { StatusPurpose } from './status-list-index';

type Id = { statusListId: string };

export type StatusListOpened = DomainEvent<
  'StatusListOpened',
  Id & {
    size: number;
    purposes: StatusPurpose[];
    stride: number;
    offset: number;
    openedAt: string;
    by: string;
  }
>;
export type IndexAllocated = DomainEvent<
  'IndexAllocated',
  Id & { certificateId: string; index: number; allocatedAt: string; by: string }
>;
export type StatusListEvent = StatusListOpened | IndexAllocated;
