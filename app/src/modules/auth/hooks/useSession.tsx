import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import type { ProfileFieldsFragment } from '../../../gql/graphql';
import { createApolloClient, type LiveConnection } from '../../../apollo/createApolloClient';
import { loadSession, saveSession, type StoredSession } from './session';

export interface Session {
  /** The signed-in person, or null. */
  viewer: ProfileFieldsFragment | null;
  token: string | null;
  live: LiveConnection;
  /** Why the last session ended on its own ("expired"), shown once on the sign-in page. */
  endedBecause: string | null;
  signIn(session: StoredSession): void;
  signOut(reason?: string): void;
  updateViewer(profile: ProfileFieldsFragment): void;
}

const SessionContext = createContext<Session | null>(null);

/** Holds the session and the Apollo Client that belongs to it; a new token means a new client. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | null>(() => loadSession());
  const [endedBecause, setEndedBecause] = useState<string | null>(null);
  const token = session?.token ?? null;

  const signOut = useCallback((reason?: string) => {
    saveSession(null);
    setSession(null);
    setEndedBecause(reason ?? null);
  }, []);
  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;

  const parley = useMemo(
    () => createApolloClient({ token, onSessionExpired: () => signOutRef.current('Your session has ended. Please sign in again.') }),
    [token],
  );
  // The previous session's client (socket, cache) goes when a new one takes over. Not in an
  // effect cleanup: StrictMode runs those on a simulated unmount and would kill the live client.
  const previous = useRef(parley);
  useEffect(() => {
    if (previous.current !== parley) {
      previous.current.dispose();
      previous.current = parley;
    }
  }, [parley]);

  // Another tab signed in or out: follow it.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === 'parley.token') setSession(loadSession());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo<Session>(
    () => ({
      viewer: session?.profile ?? null,
      token,
      live: parley.live,
      endedBecause,
      signIn: (next) => {
        saveSession(next);
        setEndedBecause(null);
        setSession(next);
      },
      signOut,
      updateViewer: (profile) => {
        setSession((current) => {
          if (!current) return current;
          const next = { ...current, profile };
          saveSession(next);
          return next;
        });
      },
    }),
    [session, token, parley, endedBecause, signOut],
  );

  return (
    <SessionContext.Provider value={value}>
      <ApolloProvider client={parley.client}>{children}</ApolloProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in person; only for pages behind <RequireAuth>. */
export function useViewer(): ProfileFieldsFragment {
  const { viewer } = useSession();
  if (!viewer) throw new Error('useViewer needs a signed-in person');
  return viewer;
}
