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

/** A bit is only set at an index some certificate holds. */
export class IndexNotAllocated extends TrainingError {
  readonly code = 'INDEX_NOT_ALLOCATED';
  override readonly kind = 'not-found';
  override readonly field = 'index';
  constructor(
    readonly statusListId: string,
    readonly index: number,
  ) {
    super(`index ${index} of status list ${statusListId} is allocated to no certificate`);
  }
}

/** The Bitstring Status List's revocation is not reversible: a set revocation bit stays set. */
export class RevocationIrreversible extends TrainingError {
  readonly code = 'REVOCATION_IRREVERSIBLE';
  override readonly field = 'value';
  constructor(
    readonly statusListId: string,
    readonly index: number,
  ) {
    super(`the revocation bit ${index} of status list ${statusListId} is set and cannot be cleared`);
  }
}
