import type { MessageKey } from './messages';

/** The kinds of problem the kit answers with; each has one stable `type` URI, never renamed. */
export const PROBLEM_KINDS = {
  'malformed-request': { status: 400, title: 'Malformed request' },
  validation: { status: 400, title: 'Validation failed' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'Request timeout' },
  conflict: { status: 409, title: 'Conflict' },
  'idempotency-key-in-use': { status: 409, title: 'Idempotency key in use' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  gone: { status: 410, title: 'Gone' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'uri-too-long': { status: 414, title: 'URI too long' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency key reused' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'header-fields-too-large': { status: 431, title: 'Request header fields too large' },
  'not-ready': { status: 503, title: 'Service not ready' },
  'not-alive': { status: 503, title: 'Service cannot make progress' },
  internal: { status: 500, title: 'Internal server error' },
} as const;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

// A URN: stable and unique without pretending to be a page someone maintains.
export const problemType = (kind: ProblemKind): string => `urn:tadamon:problem:${kind}`;

export interface FieldError {
  /** JSON Pointer (RFC 6901) to the offending member of the body, e.g. `/contacts/0/email`. */
  pointer: string;
  detail: string;
}

/** RFC 9457 problem details. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Thrown by handlers and the kit to answer with a problem of a known kind. `detail` is either a
 * literal (already in the caller's language) or a message key of the kit's catalogue.
 */
export class ProblemException extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail?: string | { message: MessageKey; params?: Record<string, string | number> },
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : (detail?.message ?? kind));
    this.name = 'ProblemException';
  }
}
