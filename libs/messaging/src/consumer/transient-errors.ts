import { isUnavailableDependency } from '@tadamon/nest-kit';

/**
 * PostgreSQL SQLSTATEs that say "not now" rather than "never", beyond an unavailable database
 * (isUnavailableDependency, which includes lock_timeout): serialization failure, deadlock detected,
 * query cancelled (statement_timeout).
 */
const RETRYABLE_POSTGRES = new Set(['40001', '40P01', '57014']);
const RETRYABLE_SQLITE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
const MONGO_NETWORK = /^Mongo(Network|ServerSelection|NotConnected|NetworkTimeout)Error$/;

/**
 * An error a delivery should wait out instead of counting as a failed attempt: a database down,
 * restarting, out of connections or busy with a lock says nothing about the message, which must
 * not be dead-lettered for it. Follows `cause` (a handler may wrap what its store threw).
 */
export function isTransientDeliveryError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    if (isUnavailableDependency(current)) return true;
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && (RETRYABLE_POSTGRES.has(code) || RETRYABLE_SQLITE.has(code))) return true;
    if (typeof name === 'string' && MONGO_NETWORK.test(name)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
