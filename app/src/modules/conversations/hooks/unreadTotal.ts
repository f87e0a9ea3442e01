import type { ApolloClient } from '@apollo/client';
import { UnreadTotalQuery } from '../graphql/UnreadTotal';

const pending = new WeakMap<ApolloClient, ReturnType<typeof setTimeout>>();

/**
 * The top bar's unread total is the server's sum (unreadTotal), fetched again shortly after
 * anything that can change it (an event, marking read) rather than recomputed here from a
 * possibly partial list. Bursts of events make one request.
 */
export function refreshUnreadTotal(client: ApolloClient, delayMs = 150): void {
  const previous = pending.get(client);
  if (previous) clearTimeout(previous);
  pending.set(
    client,
    setTimeout(() => {
      pending.delete(client);
      client.query({ query: UnreadTotalQuery, fetchPolicy: 'network-only' }).catch(() => undefined);
    }, delayMs),
  );
}
