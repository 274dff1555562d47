import { Decider, streamName } from '@tadamon/eventsourcing';
import { AlreadyCreated, NotCreated } from '../errors';
import { checkId, checkInteger, FieldIssues } from '../field-validation';
import { StatusListCommand } from './status-list-commands';
import { StatusListFull } from './status-list-errors';
import { StatusListEvent } from './status-list-events';
import { STATUS_LIST_SIZE, STATUS_PURPOSES, statusListIndexAt } from './status-list-index';
import { evolveStatusList, initialStatusListState, StatusList, StatusListState } from './status-list-state';

/**
 * One stream per list: every allocation appends to it at the revision it read, so two concurrent
 * issuances never get the same index (the loser re-reads and gets the next one).
 */
export const STATUS_LIST_CATEGORY = 'trainingStatusList';
export const statusListStreamName = (statusListId: string): string =>
  streamName(STATUS_LIST_CATEGORY, statusListId);

/** Stride 1 (or size - 1) would hand indexes out in (reverse) order: refused with the even ones. */
const checkStride = (issues: FieldIssues, value: unknown): number => {
  const stride = checkInteger(issues, 'stride', value, 3, STATUS_LIST_SIZE - 3);
  if (Number.isSafeInteger(stride) && stride % 2 === 0)
    issues.add('stride', 'must be odd (coprime with the list size, 2^17)');
  return stride;
};

const decideOnList = (
  command: StatusListCommand,
  list: StatusList,
  issues: FieldIssues,
): StatusListEvent[] => {
  const { now, actor } = command.metadata;
  const { statusListId } = list;
  switch (command.type) {
    case 'OpenStatusList': {
      const stride = checkStride(issues, command.data.stride);
      const offset = checkInteger(issues, 'offset', command.data.offset, 0, STATUS_LIST_SIZE - 1);
      issues.throwIfAny();
      if (stride === list.stride && offset === list.offset) return [];
      throw new AlreadyCreated(STATUS_LIST_CATEGORY, statusListId);
    }
    case 'AllocateIndex': {
      const certificateId = checkId(issues, 'certificateId', command.data.certificateId);
      issues.throwIfAny();
      if (list.indexOf.has(certificateId)) return [];
      if (list.allocated >= list.size) throw new StatusListFull(statusListId, list.size);
      const index = statusListIndexAt(list.allocated, list);
      return [
        {
          type: 'IndexAllocated',
          data: { statusListId, certificateId, index, allocatedAt: now, by: actor.id },
        },
      ];
    }
  }
};

export const decideStatusList = (command: StatusListCommand, state: StatusListState): StatusListEvent[] => {
  const issues = new FieldIssues();
  const statusListId = checkId(issues, 'statusListId', command.data.statusListId);
  if (state.status === 'none') {
    if (command.type !== 'OpenStatusList') {
      issues.throwIfAny();
      throw new NotCreated(STATUS_LIST_CATEGORY, command.type);
    }
    const stride = checkStride(issues, command.data.stride);
    const offset = checkInteger(issues, 'offset', command.data.offset, 0, STATUS_LIST_SIZE - 1);
    issues.throwIfAny();
    const { now, actor } = command.metadata;
    const size = STATUS_LIST_SIZE;
    const purposes = [...STATUS_PURPOSES];
    return [
      {
        type: 'StatusListOpened',
        data: { statusListId, size, purposes, stride, offset, openedAt: now, by: actor.id },
      },
    ];
  }
  if (statusListId !== state.statusListId)
    issues.add('statusListId', `must be ${state.statusListId}, the list of this stream`);
  return decideOnList(command, state, issues);
};

export const statusListDecider: Decider<StatusListCommand, StatusListEvent, StatusListState> = {
  decide: decideStatusList,
  evolve: evolveStatusList,
  initialState: initialStatusListState,
};
