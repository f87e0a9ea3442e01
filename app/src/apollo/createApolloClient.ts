import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { typePolicies } from './typePolicies';

export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/** The WebSocket's state, readable with useSyncExternalStore, plus a "we were away" signal. */
export interface LiveConnection {
  getStatus(): LiveStatus;
  subscribe(listener: () => void): () => void;
  /** Called after the socket came back from a drop: the app refetches what it may have missed. */
  onReconnected(listener: () => void): () => void;
}

export interface ParleyClient {
  client: ApolloClient;
  ws: Client;
  live: LiveConnection;
  dispose(): void;
}

const AUTH_CLOSE_CODES = new Set([4401, 4403]);

function graphqlUrl(): { http: string; ws: string } {
  const { protocol, host } = window.location;
  return { http: '/graphql', ws: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql` };
}

/**
 * One Apollo Client per signed-in session (a new token gets a new client and an empty cache, so
 * one person's data never shows to the next). Queries and mutations go over HTTP with a bearer
 * token; subscriptions over graphql-ws on the same path, token in connection_init. The socket
 * retries forever with capped backoff; a 4401/4403 close means the session is over.
 */
export function createApolloClient(options: { token: string | null; onSessionExpired: () => void }): ParleyClient {
  const { token, onSessionExpired } = options;
  const urls = graphqlUrl();

  let status: LiveStatus = 'idle';
  let everConnected = false;
  const statusListeners = new Set<() => void>();
  const reconnectListeners = new Set<() => void>();
  const setStatus = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    statusListeners.forEach((l) => l());
  };

  const ws = createClient({
    url: urls.ws,
    lazy: true,
    lazyCloseTimeout: 3000,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}),
    shouldRetry: (event) => !(event && typeof event === 'object' && 'code' in event && AUTH_CLOSE_CODES.has((event as CloseEvent).code)),
    retryWait: async (retries) => {
      const delay = Math.min(10_000, 500 * 2 ** retries) * (0.75 + Math.random() * 0.5);
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    on: {
      connecting: () => setStatus(everConnected ? 'reconnecting' : 'connecting'),
      connected: () => {
        const wasAway = everConnected;
        everConnected = true;
        setStatus('connected');
        if (wasAway) reconnectListeners.forEach((l) => l());
      },
      closed: (event) => {
        const code = (event as CloseEvent | undefined)?.code;
        if (code !== undefined && AUTH_CLOSE_CODES.has(code)) {
          onSessionExpired();
          return;
        }
        // 1000 is our own lazy close when nothing is subscribed: not a drop.
        setStatus(code === 1000 ? 'idle' : 'reconnecting');
      },
    },
  });

  const authLink = new SetContextLink(({ headers }) => ({
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  }));

  const errorLink = new ErrorLink(({ error, operation }) => {
    if (!token || operation.operationName === 'Login' || operation.operationName === 'Register') return;
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onSessionExpired();
  });

  const httpLink = ApolloLink.from([authLink, new HttpLink({ uri: urls.http })]);
  const wsLink = new GraphQLWsLink(ws);
  const link = ApolloLink.from([
    errorLink,
    ApolloLink.split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
      },
      wsLink,
      httpLink,
    ),
  ]);

  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' } },
  });

  return {
    client,
    ws,
    live: {
      getStatus: () => status,
      subscribe: (listener) => {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
      onReconnected: (listener) => {
        reconnectListeners.add(listener);
        return () => reconnectListeners.delete(listener);
      },
    },
    dispose: () => {
      void ws.dispose();
      client.stop();
      void client.clearStore();
    },
  };
}
