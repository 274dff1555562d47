import { TrainingError } from '../domain/errors';

/** A module named by a session or a path that the catalogue does not hold. */
export class UnknownModules extends TrainingError {
  readonly code = 'UNKNOWN_MODULES';
  override readonly kind = 'not-found';
  constructor(
    override readonly field: string,
    readonly moduleIds: readonly string[],
  ) {
    super(`no such module: ${moduleIds.join(', ')}`);
  }
  override params() {
    return { moduleIds: this.moduleIds.join(', ') };
  }
  override extensions() {
    return { moduleIds: [...this.moduleIds] };
  }
}

/** A session scheduled for a module the catalogue retired. */
export class ModuleIsRetired extends TrainingError {
  readonly code = 'MODULE_RETIRED';
  override readonly field = 'moduleId';
  constructor(readonly moduleId: string) {
    super(`module ${moduleId} is retired`);
  }
  override params() {
    return { moduleId: this.moduleId };
  }
  override extensions() {
    return { moduleId: this.moduleId };
  }
}

/** A trainee the Registry does not know as a contact person of an association. */
export class UnknownTrainee extends TrainingError {
  readonly code = 'UNKNOWN_TRAINEE';
  override readonly kind = 'not-found';
  override readonly field = 'traineeId';
  constructor(readonly traineeId: string) {
    super(`no contact person ${traineeId}`);
  }
}
