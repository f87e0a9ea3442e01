import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { MarkConversationReadMutation } from '../../conversations/graphql/MarkConversationRead';
import { refreshUnreadTotal } from '../../conversations/hooks/unreadTotal';

function subscribeFocus(listener: () => void) {
  window.addEventListener('focus', listener);
  window.addEventListener('blur', listener);
  document.addEventListener('visibilitychange', listener);
  return () => {
    window.removeEventListener('focus', listener);
    window.removeEventListener('blur', listener);
    document.removeEventListener('visibilitychange', listener);
  };
}

/** The window is in front of the person: visible and focused. */
export function useWindowFocused(): boolean {
  return useSyncExternalStore(subscribeFocus, () => document.visibilityState === 'visible' && document.hasFocus());
}

/**
 * A conversation open in a focused window is read: whenever it has unread messages (or a message
 * from someone else past our watermark arrives), mark it read, once per new newest message.
 */
export function useMarkRead(options: { conversationId: string; unreadCount: number; myLastReadSeq: number | null; newestOthersSeq: number; enabled: boolean }) {
  const { conversationId, unreadCount, myLastReadSeq, newestOthersSeq, enabled } = options;
  const focused = useWindowFocused();
  const client = useApolloClient();
  const [markRead] = useMutation(MarkConversationReadMutation);
  const requested = useRef<string>('');

  useEffect(() => {
    if (!enabled || !focused) return;
    const behind = unreadCount > 0 || (myLastReadSeq !== null && newestOthersSeq > myLastReadSeq);
    if (!behind) return;
    const key = `${conversationId}:${newestOthersSeq}:${unreadCount}`;
    if (requested.current === key) return;
    const timer = setTimeout(() => {
      requested.current = key;
      markRead({ variables: { conversationId } })
        .then(() => refreshUnreadTotal(client))
        .catch(() => {
          requested.current = '';
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [enabled, focused, conversationId, unreadCount, myLastReadSeq, newestOthersSeq, markRead, client]);
}
