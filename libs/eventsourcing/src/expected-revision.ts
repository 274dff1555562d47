/** The stream must not exist yet. */
export const NO_STREAM = 'no_stream' as const;
/** The stream must exist, at any revision. */
export const STREAM_EXISTS = 'stream_exists' as const;
/** No check: only where a rule says so. */
export const ANY = 'any' as const;

/** A state, or the revision (from 0) of the stream's last event the caller has seen. */
export type ExpectedRevision = typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY | number;

export function describeExpectedRevision(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected;
}

/** Whether a stream at `actual` (the revision of its last event, -1 when absent) meets `expected`. */
export function revisionMatches(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case ANY:
      return true;
    case NO_STREAM:
      return actual < 0;
    case STREAM_EXISTS:
      return actual >= 0;
    default:
      return expected === actual;
  }
}
