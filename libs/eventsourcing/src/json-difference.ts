/**
 * The places where two JSON-like values differ, one line each (`$.data.amount: expected 100,
 * received 120`), for failure messages a reader can act on without a diff tool.
 */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 20): string[] {
  const found: string[] = [];
  compare(expected, actual, '$', found, limit);
  return found;
}

/** A short, single-line rendering of any value (JSON where possible). */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (typeof value === 'symbol') return value.toString();
  try {
    const text = JSON.stringify(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compare(expected: unknown, actual: unknown, path: string, found: string[], limit: number): void {
  if (found.length >= limit) return;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i++) {
      const itemPath = `${path}[${i}]`;
      if (i >= actual.length) found.push(`${itemPath}: expected ${showValue(expected[i])}, received nothing`);
      else if (i >= expected.length) found.push(`${itemPath}: unexpected ${showValue(actual[i])}`);
      else compare(expected[i], actual[i], itemPath, found, limit);
      if (found.length >= limit) return;
    }
    return;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const memberPath = `${path}.${key}`;
      if (!Object.hasOwn(actual, key))
        found.push(`${memberPath}: expected ${showValue(expected[key])}, missing`);
      else if (!Object.hasOwn(expected, key))
        found.push(`${memberPath}: unexpected ${showValue(actual[key])}`);
      else compare(expected[key], actual[key], memberPath, found, limit);
      if (found.length >= limit) return;
    }
    return;
  }
  // JSON has one zero: -0 and 0 are the same value once stored.
  if (expected !== actual && !(Number.isNaN(expected) && Number.isNaN(actual))) {
    found.push(`${path}: expected ${showValue(expected)}, received ${showValue(actual)}`);
  }
}
