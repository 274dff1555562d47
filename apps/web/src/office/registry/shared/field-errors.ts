import { fieldErrors, Problem } from '../../../api/problem';

const under = (pointer: string, prefix: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);

/**
 * The platform's errors at `prefix` or below it, joined: a list field (host countries) shows under
 * its one input the error of its third item (`/profile/hostCountries/2`).
 */
export function errorUnder(problem: Problem | null, prefix: string): string | undefined {
  const found = [...fieldErrors(problem)].filter(([pointer]) => under(pointer, prefix));
  return found.length === 0 ? undefined : found.map(([, detail]) => detail).join(' ');
}

/** The pointers of the problem a form shows under its fields (CommandAlert's `claimed`). */
export function claimedUnder(problem: Problem | null, prefixes: readonly string[]): string[] {
  return [...fieldErrors(problem).keys()].filter((pointer) =>
    prefixes.some((prefix) => under(pointer, prefix)),
  );
}

/** The platform's error at exactly `pointer`. */
export const errorAt = (problem: Problem | null, pointer: string): string | undefined =>
  fieldErrors(problem).get(pointer);
