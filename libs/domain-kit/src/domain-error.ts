/**
 * Base of a context's typed errors: the context's API layer maps `code` to a problem type. Each
 * context derives its own base (RegistryError, FundingError) so its mapper knows its errors.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
