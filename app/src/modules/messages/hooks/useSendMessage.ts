import { useCallback } from 'react';
import { useApolloClient, useMutation, useReactiveVar } from '@apollo/client/react';
import { SendMessageMutation } from '../graphql/SendMessage';
import { addMessage } from '../../../apollo/liveCache';
import { newClientId, outboxVar, putOutbox, removeOutbox, updateOutbox, type OutboxEntry } from '../../../apollo/outbox';
import { describeError } from '../../../apollo/describeError';
import { refreshUnreadTotal } from '../../conversations/hooks/unreadTotal';

/**
 * Sending with a client-generated id: the message shows at once (outbox), the server's answer
 * takes its place (matched by clientId), and a failed send stays on screen to be retried with
 * the same clientId, so a retry after a lost answer can never make a second message.
 */
export function useSendMessage(conversationId: string) {
  const client = useApolloClient();
  const [mutate] = useMutation(SendMessageMutation);
  const outbox = useReactiveVar(outboxVar);

  const attempt = useCallback(
    (entry: OutboxEntry) => {
      mutate({
        variables: {
          input: {
            conversationId: entry.conversationId,
            content: entry.content,
            clientId: entry.clientId,
            replyToId: entry.replyToId,
            ...(entry.attachments?.length ? { attachmentIds: entry.attachments.map((a) => a.id) } : {}),
          },
        },
        update: (cache, { data }) => {
          if (data?.sendMessage) addMessage(cache, data.sendMessage);
        },
      })
        .then(() => {
          removeOutbox(entry.clientId);
          refreshUnreadTotal(client);
        })
        .catch((error: unknown) => updateOutbox(entry.clientId, { status: 'failed', error: describeError(error, 'Not sent. Check your connection and try again.') }));
    },
    [mutate, client],
  );

  const send = useCallback(
    (content: string, attachments?: OutboxEntry['attachments'], replyToId?: string) => {
      const entry: OutboxEntry = { clientId: newClientId(), conversationId, content, attachments, replyToId, createdAt: new Date().toISOString(), status: 'sending' };
      putOutbox(entry);
      attempt(entry);
    },
    [conversationId, attempt],
  );

  const retry = useCallback(
    (clientId: string) => {
      const entry = outboxVar().find((e) => e.clientId === clientId);
      if (!entry) return;
      updateOutbox(clientId, { status: 'sending', error: undefined });
      attempt({ ...entry, status: 'sending' });
    },
    [attempt],
  );

  return { send, retry, discard: removeOutbox, pending: outbox.filter((e) => e.conversationId === conversationId) };
}
