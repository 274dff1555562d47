/**
 * An answer decided before the handler ran, by a guard (which can only allow or throw): the
 * problem filter sends it as it is. Used to replay a stored response to an idempotent retry.
 */
export class PreparedAnswer extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly body: unknown,
  ) {
    super(`prepared answer ${status}`);
    this.name = 'PreparedAnswer';
  }
}
