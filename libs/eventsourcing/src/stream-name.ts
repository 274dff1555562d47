import { InvalidStreamName } from './errors';

const CATEGORY = /^[a-z][a-zA-Z0-9]*$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]*$/;
export const MAX_STREAM_NAME_LENGTH = 200;

/** `category-id`: category in camelCase with no `-`; the id may contain `-` (UUIDs do). */
export function streamName(category: string, id: string): string {
  const name = `${category}-${id}`;
  // Checked apart: `grant-application` + `1` would otherwise parse as category `grant`.
  if (!CATEGORY.test(category))
    throw new InvalidStreamName(name, `the category ${category} is not camelCase`);
  assertStreamName(name);
  return name;
}

export function parseStreamName(name: string): { category: string; id: string } {
  assertStreamName(name);
  const dash = name.indexOf('-');
  return { category: name.slice(0, dash), id: name.slice(dash + 1) };
}

export function categoryOf(name: string): string {
  return parseStreamName(name).category;
}

export function assertStreamName(name: unknown): asserts name is string {
  if (typeof name !== 'string') throw new InvalidStreamName(String(name), 'not a string');
  if (name.length > MAX_STREAM_NAME_LENGTH) {
    throw new InvalidStreamName(name.slice(0, 40) + '…', `longer than ${MAX_STREAM_NAME_LENGTH} characters`);
  }
  const dash = name.indexOf('-');
  if (dash < 0) throw new InvalidStreamName(name, 'expected category-id');
  if (!CATEGORY.test(name.slice(0, dash))) {
    throw new InvalidStreamName(
      name,
      'the category must be camelCase letters and digits, starting lower-case',
    );
  }
  if (!ID.test(name.slice(dash + 1))) {
    throw new InvalidStreamName(
      name,
      'the id must be letters, digits and . _ : @ -, not starting with a symbol',
    );
  }
}
