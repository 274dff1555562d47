/** One refused field: `field` is a path such as `profile.hostCountries[1]`. */
export type FieldIssue = { readonly field: string; readonly reason: string };

/** The message of a context's ValidationFailed: every refused field, not only the first. */
export const validationFailedMessage = (issues: readonly FieldIssue[]): string =>
  `validation failed: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`;

/**
 * Collects every refused field of a command, then throws them together as the context's own
 * validation error (its FieldIssues says which).
 */
export abstract class FieldIssueList {
  private readonly issues: FieldIssue[] = [];

  add(field: string, reason: string): void {
    this.issues.push({ field, reason });
  }

  get count(): number {
    return this.issues.length;
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw this.failed(this.issues);
  }

  protected abstract failed(issues: readonly FieldIssue[]): Error;
}
