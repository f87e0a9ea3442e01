import type { ApolloClient } from '@apollo/client';
import { UnreadTotalQuery } from '../graphql/UnreadTotal';

interface Refresh {
  timer?: ReturnType<typeof setTimeout>;
  latest: number;
}
const state = new WeakMap<ApolloClient, Refresh>();

/**
 * The top bar's unread total is the server's sum (unreadTotal), fetched again shortly after
 * anything that can change it (an event, marking read) rather than recomputed here from a
 * possibly partial list. Bursts make one request; each request is a fresh one (no piggybacking
 * on an older one still in flight), and only the newest answer is written, whatever the order
 * the answers come back in.
 */
export function refreshUnreadTotal(client: ApolloClient, delayMs = 150): void {
  const refresh = state.get(client) ?? { latest: 0 };
  state.set(client, refresh);
  if (refresh.timer) clearTimeout(refresh.timer);
  refresh.timer = setTimeout(() => {
    refresh.timer = undefined;
    const ticket = ++refresh.latest;
    client
      .query({ query: UnreadTotalQuery, fetchPolicy: 'no-cache', context: { queryDeduplication: false } })
      .then(({ data }) => {
        if (data && ticket === refresh.latest) client.writeQuery({ query: UnreadTotalQuery, data });
      })
      .catch(() => undefined);
  }, delayMs);
}
