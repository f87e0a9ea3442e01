import { useCallback, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { ConversationMessagesQuery } from '../graphql/ConversationMessages';
import { MessagesAfterQuery } from '../graphql/MessagesAfter';
import type { MessagesAfterQuery as MessagesAfterResult } from '../../../gql/graphql';

export const PAGE_SIZE = 30;
const CATCH_UP_PAGE = 100;
const MAX_CATCH_UP_PAGES = 20;

/**
 * The open conversation with a window of its history: the newest page, older pages on demand
 * (scrolling up), and catching up forwards from our newest cursor when we may have missed
 * something. All pages merge in the Conversation.messages type policy (dedupe by id, order by seq).
 */
export function useConversationHistory(conversationId: string) {
  const client = useApolloClient();
  const query = useQuery(ConversationMessagesQuery, {
    variables: { id: conversationId, last: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const conversation = query.data?.conversation ?? null;
  const pageInfo = conversation?.messages.pageInfo;
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const catchingUp = useRef<Promise<void> | null>(null);

  /**
   * One page older than what we hold: before `before` (a jump passes the oldest message's own
   * cursor) or the window's start cursor; `pageSize` up to 200 (a jump to an older message asks for more).
   */
  const loadOlder = useCallback(async (pageSize: number = PAGE_SIZE, before?: string) => {
    const from = before ?? pageInfo?.startCursor;
    if (!pageInfo?.hasPreviousPage || !from || loadingOlder) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      await query.fetchMore({ variables: { id: conversationId, last: Math.min(200, Math.max(1, pageSize)), before: from } });
    } catch (error) {
      setOlderError(error);
    } finally {
      setLoadingOlder(false);
    }
  }, [pageInfo?.hasPreviousPage, pageInfo?.startCursor, loadingOlder, query, conversationId]);

  /** Fetches every message after the newest cursor we hold (or the newest page when we hold none). */
  const catchUp = useCallback(() => {
    if (catchingUp.current) return catchingUp.current;
    const run = async () => {
      const read = () => client.readQuery({ query: ConversationMessagesQuery, variables: { id: conversationId, last: PAGE_SIZE } })?.conversation;
      let after: string | null = read()?.messages.pageInfo.endCursor ?? null;
      if (!after) {
        await query.refetch();
        return;
      }
      for (let page = 0; page < MAX_CATCH_UP_PAGES && after; page++) {
        const result: { data?: MessagesAfterResult } = await client.query({
          query: MessagesAfterQuery,
          variables: { id: conversationId, after, first: CATCH_UP_PAGE },
          fetchPolicy: 'network-only',
        });
        const info: { hasNextPage: boolean; endCursor: string | null } | undefined = result.data?.conversation?.messages.pageInfo;
        if (!info?.hasNextPage) break;
        after = info.endCursor;
      }
    };
    catchingUp.current = run()
      .catch(() => undefined)
      .finally(() => {
        catchingUp.current = null;
      });
    return catchingUp.current;
  }, [client, conversationId, query]);

  return {
    conversation,
    messages: conversation?.messages.nodes ?? [],
    hasOlder: Boolean(pageInfo?.hasPreviousPage),
    endCursor: pageInfo?.endCursor ?? null,
    updatesCursor: conversation?.updatesCursor ?? null,
    loading: query.loading && !conversation,
    error: query.error,
    loadingOlder,
    olderError,
    loadOlder,
    catchUp,
    refetch: query.refetch,
  };
}
