import { useEffect, useRef, useState } from 'react';
import { useSubscription } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { MessageAddedSubscription } from '../graphql/MessageAdded';
import { addMessage } from '../../../apollo/liveCache';
import { removeOutbox } from '../../../apollo/outbox';
import { clearTyping } from '../../conversations/hooks/typingStore';

/**
 * The open conversation's message stream. It subscribes with `after` = the newest cursor held
 * when the conversation opened, so the server replays anything sent in between and then goes
 * live; graphql-ws resends the same subscription after a dropped socket, so a reconnect replays
 * from there too. Repeats are dropped by id in the cache; a hole in seq triggers a catch-up.
 */
export function useLiveMessages(options: {
  conversationId: string;
  /** Null until the history has loaded (the stream starts after it, with its cursor). */
  ready: boolean;
  endCursor: string | null;
  newestSeq: number;
  lastSeq: number | undefined;
  catchUp: () => Promise<void>;
  refetch: () => Promise<unknown>;
}) {
  const { conversationId, ready, endCursor, newestSeq, lastSeq, catchUp, refetch } = options;
  const [resume, setResume] = useState<{ conversationId: string; after: string | null } | null>(null);

  // The resume point is fixed once per opened conversation (and after a resync).
  useEffect(() => {
    if (ready && resume?.conversationId !== conversationId) setResume({ conversationId, after: endCursor });
  }, [ready, conversationId, endCursor, resume]);

  const active = resume?.conversationId === conversationId;
  useSubscription(MessageAddedSubscription, {
    skip: !active,
    variables: { conversationId, after: active ? resume!.after : null },
    onData: ({ client, data }) => {
      const message = data.data?.messageAdded;
      if (!message || message.conversationId !== conversationId) return;
      const { gap } = addMessage(client.cache, message);
      if (message.clientId) removeOutbox(message.clientId);
      if (message.sender) clearTyping(conversationId, message.sender.userId);
      if (gap) void catchUp();
    },
    onError: (error) => {
      // Too far behind to replay: load the newest page, then stream from its cursor.
      // Any other error (no access any more) ends the stream; the page shows the query's error.
      const resync = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.reason === 'RESYNC_REQUIRED');
      if (resync) void refetch().finally(() => setResume(null));
    },
  });

  // Belt and braces: the conversation says it has messages we do not hold (lastSeq comes from
  // conversationUpdated): catch up once the live stream had its chance to deliver them.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (!ready || lastSeq === undefined || lastSeq <= newestSeq) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void catchUp(), 800);
    return () => clearTimeout(timer.current);
  }, [ready, lastSeq, newestSeq, catchUp]);
}
