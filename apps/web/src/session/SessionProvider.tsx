import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { configureApiClient } from '../api/client-setup';
import { authControllerToken, type ActorView } from '../api/generated';
import { usePreferences } from '../i18n/PreferencesProvider';
import { loadSession, saveSession, StoredSession } from './session-storage';

export type Role = ActorView['roles'][number];

export interface SessionValue {
  actor: ActorView | null;
  /** Whether the session ended on its own (a 401): the sign-in page says so. */
  expired: boolean;
  hasRole(...roles: Role[]): boolean;
  /** Rejects with the problem details the platform answered (401 wrong credentials, 429, …). */
  signIn(username: string, password: string): Promise<ActorView>;
  signOut(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Who is signed in, for the whole app: the generated client sends the token and the reader's
 * language on every call; a 401 on a call that carried the token ends the session. Signing in or
 * out clears the query cache, so no page shows what the previous user was allowed to see.
 */
export function SessionProvider(props: { children: ReactNode; storage?: Storage }) {
  const storage = props.storage ?? window.sessionStorage;
  const [session, setSession] = useState<StoredSession | null>(() => loadSession(storage));
  const [expired, setExpired] = useState(false);
  const { language } = usePreferences();
  const queryClient = useQueryClient();
  const current = useRef({ session, language });
  current.current = { session, language };

  const change = useCallback(
    (next: StoredSession | null) => {
      saveSession(next, storage);
      current.current = { ...current.current, session: next };
      setSession(next);
      queryClient.clear();
    },
    [storage, queryClient],
  );

  useEffect(
    () =>
      configureApiClient({
        token: () => current.current.session?.token ?? null,
        language: () => current.current.language,
        onSessionExpired: () => {
          if (!current.current.session) return;
          setExpired(true);
          change(null);
        },
      }),
    [change],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { data } = await authControllerToken({ body: { username, password }, throwOnError: true });
      setExpired(false);
      change({ token: data.access_token, actor: data.actor, expiresAt: Date.now() + data.expires_in * 1000 });
      return data.actor;
    },
    [change],
  );
  const signOut = useCallback(() => {
    setExpired(false);
    change(null);
  }, [change]);

  const value = useMemo<SessionValue>(() => {
    const actor = session?.actor ?? null;
    return {
      actor,
      expired,
      hasRole: (...roles) => !!actor && actor.roles.some((role) => roles.includes(role)),
      signIn,
      signOut,
    };
  }, [session, expired, signIn, signOut]);
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
