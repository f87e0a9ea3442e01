import { useEffect } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { ConversationUpdatedSubscription } from '../../conversations/graphql/ConversationUpdated';
import { ReadReceiptSubscription } from '../../conversations/graphql/ReadReceipt';
import { TypingSubscription } from '../../conversations/graphql/Typing';
import { GroupRemovedSubscription } from '../../groups/graphql/GroupRemoved';
import { markGroupRemoved } from '../../groups/hooks/removedGroups';
import { applyReadReceipt, upsertConversation } from '../../../apollo/liveCache';
import { refreshUnreadTotal } from '../../conversations/hooks/unreadTotal';
import { recordTyping } from '../../conversations/hooks/typingStore';
import { useSession, useViewer } from '../../auth/hooks/useSession';

/**
 * The signed-in person's live streams that concern every screen: conversation changes (order,
 * previews, unread badges), read receipts ("seen"), typing, and groups they were taken out of. The open conversation adds its
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
      markGroupRemoved(conversation.id, false);
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

  // A group we are no longer in: it leaves the lists at once (an open one then shows "not part of it").
  useSubscription(GroupRemovedSubscription, {
    onData: ({ client: c, data }) => {
      const id = data.data?.notifications.conversationId;
      if (!id) return;
      markGroupRemoved(id, true);
      c.cache.evict({ id: c.cache.identify({ __typename: 'Conversation', id }) });
      c.cache.gc();
      refreshUnreadTotal(c);
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
