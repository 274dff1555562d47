import { InvalidAsOf, parseAsOf as parseAsOfValue } from '@tadamon/audit';
import { UsageError } from '../cli/command-line';

/** --as-of (the library's parseAsOf), a bad value a UsageError. */
export function parseAsOf(value: string | undefined, now: () => Date = () => new Date()): Date {
  try {
    return parseAsOfValue(value, now);
  } catch (error) {
    if (error instanceof InvalidAsOf) throw new UsageError(error.message);
    throw error;
  }
}
