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
