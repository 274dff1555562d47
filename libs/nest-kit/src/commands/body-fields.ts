import type { FieldIssue } from '@tadamon/domain-kit';

type WithFieldIssues = Error & { issues: readonly FieldIssue[] };

const hasFieldIssues = (error: unknown): error is WithFieldIssues =>
  error instanceof Error &&
  Array.isArray((error as { issues?: unknown }).issues) &&
  (error as WithFieldIssues).issues.every((issue) => typeof issue?.field === 'string');

/**
 * A domain refusal whose fields name the command's data, renamed as members of the request body
 * when the body is one member of that data (`bodyAt`, e.g. a PATCH body is `changes`): the client
 * is told `/hostCities/0`, a member it sent, not `/changes/hostCities/0`. The error keeps its class.
 */
export function issuesOfBody(error: unknown, bodyAt: string): unknown {
  if (!hasFieldIssues(error)) return error;
  const inBody = (field: string) =>
    field === bodyAt
      ? ''
      : field.startsWith(`${bodyAt}.`) || field.startsWith(`${bodyAt}[`)
        ? field.slice(bodyAt.length).replace(/^\./, '')
        : field;
  const issues = error.issues.map((issue) => ({ ...issue, field: inBody(issue.field) }));
  return Object.create(Object.getPrototypeOf(error), {
    ...Object.getOwnPropertyDescriptors(error),
    issues: { value: issues, enumerable: true },
  });
}
