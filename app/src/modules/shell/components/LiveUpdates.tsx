import { useEffect } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { ConversationUpdatedSubscription } from '../../conversations/graphql/ConversationUpdated';
import { ReadReceiptSubscription } from '../../conversations/graphql/ReadReceipt';
import { TypingSubscription } from '../../conversations/graphql/Typing';
import { applyReadReceipt, upsertConversation } from '../../../apollo/liveCache';
import { refreshUnreadTotal } from '../../conversations/hooks/unreadTotal';
import { recordTyping } from '../../conversations/hooks/typingStore';
import { useSession, useViewer } from '../../auth/hooks/useSession';

/**
 * The signed-in person's live streams that concern every screen: conversation changes (order,
 * previews, unread badges), read receipts ("seen") and typing. The open conversation adds its
 * own message stream (useLiveMessages). After a dropped socket, everything on screen is fetched
 * again, so what changed while away shows up.
 */
export function LiveUpdates() {
  const viewer = useViewer();
  const { live } = useSession();
  const client = useApolloClient();

  useSubscription(ConversationUpdatedSubscription, {
    onData: ({ client: c, data }) => {
      const conversation = data.data?.conversationUpdated;
      if (!conversation) return;
      upsertConversation(c.cache, conversation, viewer.userId);
      refreshUnreadTotal(c);
    },
  });

  useSubscription(ReadReceiptSubscription, {
    variables: { conversationId: null },
    onData: ({ client: c, data }) => {
      const receipt = data.data?.readReceipt;
      if (receipt) applyReadReceipt(c.cache, receipt);
    },
  });

  useSubscription(TypingSubscription, {
    variables: { conversationId: null },
    onData: ({ data }) => {
      const event = data.data?.typing;
      if (event && event.profile.userId !== viewer.userId) recordTyping(event);
    },
  });

  useEffect(
    () =>
      live.onReconnected(() => {
        void client.refetchQueries({ include: 'active' });
        refreshUnreadTotal(client, 0);
      }),
    [live, client],
  );

  return null;
}
