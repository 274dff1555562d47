/**
 * The signed-in user's bearer token, kept in sessionStorage: it survives a reload of the tab and
 * is gone when the tab closes; never in localStorage, so a shared computer does not keep a
 * ministry officer signed in. A token past its expiry is dropped on read.
 */
import type { ActorView } from '../api/generated';

export interface StoredSession {
  token: string;
  /** Who the token is for, as the platform answered at sign-in. */
  actor: ActorView;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const KEY = 'tadamon.session';

export function loadSession(
  storage: Storage = window.sessionStorage,
  now = Date.now(),
): StoredSession | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as StoredSession).token === 'string' &&
      typeof (value as StoredSession).expiresAt === 'number' &&
      typeof (value as StoredSession).actor?.id === 'string' &&
      Array.isArray((value as StoredSession).actor.roles) &&
      (value as StoredSession).expiresAt > now
    )
      return value as StoredSession;
  } catch {
    // A value this app did not write: treated as no session.
  }
  storage.removeItem(KEY);
  return null;
}

export function saveSession(session: StoredSession | null, storage: Storage = window.sessionStorage): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}
