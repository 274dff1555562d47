import type { ProblemDetailsSchema } from './generated';

export type Problem = ProblemDetailsSchema & { code?: string; [extension: string]: unknown };

const PROBLEM_PREFIX = 'urn:tadamon:problem:';

/** What a rejected call of the generated client threw: the problem details, or a network failure. */
export function asProblem(error: unknown): Problem {
  if (typeof error === 'object' && error !== null && typeof (error as Problem).status === 'number')
    return error as Problem;
  return { type: `${PROBLEM_PREFIX}network`, title: 'Network error', status: 0 };
}

/** `validation`, `precondition-failed`, `conflict`, … or `network` when the platform did not answer. */
export const problemKind = (problem: Problem): string =>
  problem.type.startsWith(PROBLEM_PREFIX) ? problem.type.slice(PROBLEM_PREFIX.length) : problem.type;

/**
 * The field errors of a validation problem by JSON Pointer (`/proposal/title/fr`); a form shows
 * each under its field and those it has no field for in the alert.
 */
export function fieldErrors(problem: Problem | null): Map<string, string> {
  const errors = new Map<string, string>();
  for (const error of problem?.errors ?? []) {
    const previous = errors.get(error.pointer);
    errors.set(error.pointer, previous ? `${previous} ${error.detail}` : error.detail);
  }
  return errors;
}

/** Retrying is worth it: the platform did not answer, or said it will answer later (503, 429, 409 key in use). */
export const isRetryable = (problem: Problem): boolean =>
  problem.status === 0 ||
  problem.status >= 500 ||
  problem.status === 429 ||
  problemKind(problem) === 'idempotency-key-in-use';
