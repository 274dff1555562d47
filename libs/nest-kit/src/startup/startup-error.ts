/** A dependency could not be opened at start; the message names it and the variable to check. */
export class StartupError extends Error {
  constructor(dependency: string, cause: unknown) {
    super(`could not open ${dependency}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StartupError';
  }
}
