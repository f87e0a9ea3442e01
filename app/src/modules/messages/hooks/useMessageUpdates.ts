import { useEffect, useRef, useState } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import type { MessageFieldsFragment } from '../../../gql/graphql';
import { MessageUpdatedSubscription } from '../graphql/MessageUpdated';
import { applyMessageUpdate, replyIsAhead } from '../../../apollo/liveCache';

/**
 * The open conversation's stream of changed messages (messageUpdated): agent replies as they
 * are written — each event carries the whole message, content so far and state — and edits,
 * deletes and reaction changes. Every event is written over the cached Message by id, in the
 * order the server sends them (it orders them per message and drops stale ones).
 *
 * Resume: the stream starts at the conversation's `updatesCursor` as loaded with the history,
 * and graphql-ws resends the same subscription after a dropped socket, so the server first
 * replays every message changed since then (latest state) and every reply still in flight (text
 * so far), then goes live. Too far behind (RESYNC_REQUIRED): reload, then start again from the
 * reloaded cursor.
 *
 * Queries (HTTP) and this stream (WebSocket) race: a page fetched while a reply streams can land
 * after the reply's last event and put an older state back in the cache. The newest state seen
 * on the stream is kept per message, and written again whenever the cache holds an older one.
 */
export function useMessageUpdates(options: {
  conversationId: string;
  /** False until the history has loaded (the stream starts from its updatesCursor). */
  ready: boolean;
  updatesCursor: string | null;
  /** The history on screen, to repair late older copies of a reply. */
  messages: readonly MessageFieldsFragment[];
  refetch: () => Promise<unknown>;
}) {
  const { conversationId, ready, updatesCursor, messages, refetch } = options;
  const client = useApolloClient();
  const [resume, setResume] = useState<{ conversationId: string; after: string | null } | null>(null);
  const latest = useRef<{ conversationId: string; byId: Map<string, MessageFieldsFragment> }>({ conversationId, byId: new Map() });
  if (latest.current.conversationId !== conversationId) latest.current = { conversationId, byId: new Map() };

  // The resume point is fixed once per opened conversation (and after a resync).
  useEffect(() => {
    if (ready && resume?.conversationId !== conversationId) setResume({ conversationId, after: updatesCursor });
  }, [ready, conversationId, updatesCursor, resume]);

  const active = resume?.conversationId === conversationId;
  useSubscription(MessageUpdatedSubscription, {
    skip: !active,
    variables: { conversationId, after: active ? resume!.after : null },
    onData: ({ client: c, data }) => {
      const message = data.data?.messageUpdated.message;
      if (!message || message.conversationId !== conversationId) return;
      if (message.state === 'PENDING' || message.state === 'STREAMING' || latest.current.byId.has(message.id)) latest.current.byId.set(message.id, message);
      applyMessageUpdate(c.cache, message);
    },
    onError: (error) => {
      const resync = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.reason === 'RESYNC_REQUIRED');
      if (resync) void refetch().finally(() => setResume(null));
    },
  });

  useEffect(() => {
    const byId = latest.current.byId;
    if (byId.size === 0) return;
    for (const held of messages) {
      const newest = byId.get(held.id);
      if (newest && replyIsAhead(newest, held)) applyMessageUpdate(client.cache, newest);
    }
  }, [messages, client]);
}
