import { TrainingError } from '../errors';

/** Every index of the list is taken: the application opens the next list and allocates there. */
export class StatusListFull extends TrainingError {
  readonly code = 'STATUS_LIST_FULL';
  constructor(
    readonly statusListId: string,
    readonly size: number,
  ) {
    super(`status list ${statusListId} has allocated all of its ${size} indexes`);
  }
  override extensions() {
    return { statusListId: this.statusListId, size: this.size };
  }
}
