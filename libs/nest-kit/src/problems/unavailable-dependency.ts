/**
 * Errors that say a server the service depends on cannot serve it right now (a database
 * restarting, refusing or out of connections, a pool with no client to give in time, a lock not
 * had in time): the request was not wrong and may succeed in a moment, so it answers 503 with
 * Retry-After, not 500.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'ENOTFOUND',
]);
/**
 * PostgreSQL SQLSTATEs: connection exceptions (08...), server shutting down or starting
 * (57P01-57P03), too many connections (53300), and a lock not had within lock_timeout (55P03): the
 * service is busy with other writers right now.
 */
const POSTGRES_CODES = /^(08\d{3}|57P0[1-3]|53300|55P03)$/;
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client was closed/,
  // A pooled client whose connection broke, used before the pool dropped it.
  /Client has encountered a connection error and is not queryable/,
];

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_UNAVAILABLE_SECONDS = 2;

export function isUnavailableDependency(error: unknown): boolean {
  // Read as plain fields: a socket error is made by Node's core, possibly in another realm than
  // the caller's Error (instanceof would miss it).
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_CODES.test(code))) return true;
  return typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message));
}
