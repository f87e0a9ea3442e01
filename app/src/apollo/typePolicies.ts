import type { FieldPolicy, Reference, TypePolicies } from '@apollo/client';
import type { FieldFunctionOptions } from '@apollo/client/cache';

type ReadFieldFunction = FieldFunctionOptions['readField'];

/**
 * Every cache rule of the app lives here (and in the helpers of this folder): how entities are
 * identified, how pages of lists merge, how conversations are ordered, how message history
 * grows in both directions. Components never sort, merge or dedupe data themselves.
 */

interface ConnectionInCache {
  __typename?: string;
  nodes: Reference[];
  pageInfo: PageInfoInCache;
}

interface PageInfoInCache {
  __typename?: string;
  hasNextPage: boolean;
  hasPreviousPage?: boolean;
  startCursor?: string | null;
  endCursor: string | null;
}

function uniqueRefs(refs: Reference[]): Reference[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    if (seen.has(ref.__ref)) return false;
    seen.add(ref.__ref);
    return true;
  });
}

/** Most recent activity first: the last message, or the start for chats without one yet. */
export function compareConversations(readField: ReadFieldFunction) {
  const when = (ref: Reference) => {
    const at = readField<string | null>('lastMessageAt', ref) ?? readField<string>('createdAt', ref);
    return at ? Date.parse(at) : 0;
  };
  return (a: Reference, b: Reference) => when(b) - when(a) || (b.__ref < a.__ref ? -1 : b.__ref > a.__ref ? 1 : 0);
}

/**
 * A conversation list (Query.conversations, Query.agentConversations). Later pages append; a
 * first page fetched again (a refetch after reconnecting) is laid over what we hold, so chats
 * that arrived live are kept. Reading sorts by activity, so an entity updated by a subscription
 * (new lastMessageAt) moves to the top without anyone touching the list.
 */
function conversationList(keyArgs: string[] | false): FieldPolicy<ConnectionInCache> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing) return incoming;
      const isNextPage = Boolean(args?.after);
      const nodes = uniqueRefs(isNextPage ? [...existing.nodes, ...incoming.nodes] : [...incoming.nodes, ...existing.nodes]);
      const keepPaging = !isNextPage && existing.nodes.length > incoming.nodes.length;
      return { ...incoming, nodes, pageInfo: keepPaging ? existing.pageInfo : incoming.pageInfo };
    },
    read(existing, { readField }) {
      if (!existing) return undefined;
      return { ...existing, nodes: [...existing.nodes].sort(compareConversations(readField)) };
    },
  };
}

/**
 * Conversation.messages: one growing window of the history, oldest first, deduplicated by id.
 * Older pages (`before`) prepend, catch-up pages (`after`) and live messages append. If a newest
 * page does not touch what we hold (we were away too long), it replaces it: never show a hole.
 */
const messageHistory: FieldPolicy<ConnectionInCache> = {
  keyArgs: false,
  merge(existing, incoming, { readField }) {
    const seq = (ref: Reference) => readField<number>('seq', ref) ?? 0;
    const bySeq = (a: Reference, b: Reference) => seq(a) - seq(b);
    const incomingNodes = [...incoming.nodes].sort(bySeq);
    if (!existing || existing.nodes.length === 0) return { ...incoming, nodes: incomingNodes };
    if (incomingNodes.length === 0) {
      // An empty catch-up page: nothing new; keep our window and its cursors.
      return existing;
    }
    const existingNodes = existing.nodes;
    const existingMin = seq(existingNodes[0]);
    const existingMax = seq(existingNodes[existingNodes.length - 1]);
    const incomingMin = seq(incomingNodes[0]);
    const incomingMax = seq(incomingNodes[incomingNodes.length - 1]);
    if (incomingMin > existingMax + 1 || incomingMax < existingMin - 1) {
      // Disjoint windows: keep the newer one whole (an older disjoint page cannot happen when
      // paging backwards from our start cursor, so this is the "away too long" case).
      return incomingMax > existingMax ? { ...incoming, nodes: incomingNodes } : existing;
    }
    const nodes = uniqueRefs([...incomingNodes, ...existingNodes]).sort(bySeq);
    const olderFromIncoming = incomingMin < existingMin;
    const newerFromIncoming = incomingMax >= existingMax;
    const pageInfo: PageInfoInCache = {
      ...existing.pageInfo,
      hasPreviousPage: olderFromIncoming ? Boolean(incoming.pageInfo.hasPreviousPage) : Boolean(existing.pageInfo.hasPreviousPage),
      startCursor: olderFromIncoming ? (incoming.pageInfo.startCursor ?? null) : (existing.pageInfo.startCursor ?? null),
      hasNextPage: newerFromIncoming ? incoming.pageInfo.hasNextPage : existing.pageInfo.hasNextPage,
      endCursor: newerFromIncoming ? incoming.pageInfo.endCursor : existing.pageInfo.endCursor,
    };
    return { ...existing, nodes, pageInfo };
  },
};

/**
 * Query.searchMessages: one list per set of filters; later pages (`after`) append, a first page
 * fetched again replaces what we held (results are ranked, not a timeline to keep).
 */
const searchResults: FieldPolicy<{ nodes: unknown[]; pageInfo: PageInfoInCache }> = {
  keyArgs: ['query', 'conversationId', 'from', 'sentBefore', 'sentAfter'],
  merge(existing, incoming, { args }) {
    if (!existing || !args?.after) return incoming;
    return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
  },
};

/** A list the server always sends whole (reaction groups, earlier versions): the newest one replaces it. */
const replaceWhole = { merge: (_existing: unknown, incoming: unknown) => incoming };

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      conversations: conversationList(['chatType']),
      agentConversations: conversationList(['agentId']),
      searchMessages: searchResults,
      conversation: {
        // A conversation opened by id is the same entity the lists hold.
        read(existing, { args, toReference }) {
          return existing ?? (args?.id ? toReference({ __typename: 'Conversation', id: args.id }) : undefined);
        },
      },
    },
  },
  Profile: { keyFields: ['userId'] },
  Agent: { keyFields: ['id'] },
  Message: {
    keyFields: ['id'],
    // Edits, deletes and reaction changes (mutation answers, messageUpdated) carry the whole lists.
    fields: { reactions: replaceWhole, versions: replaceWhole },
  },
  ReactionGroup: { keyFields: false },
  MessageVersion: { keyFields: false },
  MessageSearchResult: { keyFields: false },
  MessageSearchResultConnection: { keyFields: false },
  Conversation: {
    keyFields: ['id'],
    fields: {
      messages: messageHistory,
      // Participants have no id of their own: a fresh list from the server replaces the old one.
      participants: { merge: (_existing: unknown, incoming: unknown) => incoming },
    },
  },
  Participant: { keyFields: false },
  StartConversationPayload: { keyFields: false },
  ConversationConnection: { keyFields: false },
  MessageConnection: { keyFields: false },
  PageInfo: { keyFields: false },
};

export type { ConnectionInCache };
