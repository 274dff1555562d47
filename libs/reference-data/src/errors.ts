/** Base of every typed error of the reference data: callers map `code` to a validation problem. */
export abstract class ReferenceDataError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
