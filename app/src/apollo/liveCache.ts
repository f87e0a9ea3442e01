import type { ApolloCache, Reference } from '@apollo/client';
import type { ConversationFieldsFragment, MessageFieldsFragment } from '../gql/graphql';
import { MessageFieldsFragment as MessageFieldsDoc } from '../modules/messages/graphql/MessageFields';
import type { ConnectionInCache } from './typePolicies';
import { messagePreview } from '../modules/media/messagePreview';

/**
 * Cache writes for events that arrive outside a query's own response: subscription events,
 * a started conversation, a sent message. Like the type policies, they keep one rule each:
 * lists hold each entity once, history stays ordered by seq, watermarks never move backwards.
 */

/** The agent filter a stored agentConversations list was fetched with (from its store key). */
function agentIdOfStoreField(storeFieldName: string): string | null {
  const json = storeFieldName.slice(storeFieldName.indexOf('{'));
  if (!json.startsWith('{')) return null;
  try {
    return (JSON.parse(json) as { agentId?: string | null }).agentId ?? null;
  } catch {
    return null;
  }
}

/**
 * Puts a conversation into the lists it belongs to for the viewer, if it is not there yet:
 * `conversations` when the viewer is a member, `agentConversations` when it is held with one of
 * the viewer's agents. Position needs no work: the lists sort on read.
 */
export function upsertConversation(cache: ApolloCache, conversation: ConversationFieldsFragment, viewerId: string): void {
  const id = cache.identify({ __typename: 'Conversation', id: conversation.id });
  if (!id) return;
  const ref: Reference = { __ref: id };
  const mine = conversation.participants.some((p) => p.profile.userId === viewerId && p.role === 'MEMBER');
  const ownedAgentId = conversation.targetAgent?.owner.userId === viewerId ? conversation.targetAgent.id : null;
  const add = (existing: ConnectionInCache) =>
    existing.nodes.some((node) => node.__ref === id) ? existing : { ...existing, nodes: [ref, ...existing.nodes] };
  cache.modify<any>({
    id: 'ROOT_QUERY',
    fields: {
      conversations(existing: ConnectionInCache | undefined, { storeFieldName }) {
        if (!existing || !mine) return existing;
        const chatType = storeFieldName.includes('"chatType":"') ? storeFieldName.match(/"chatType":"(\w+)"/)?.[1] : null;
        if (chatType && chatType !== conversation.chatType) return existing;
        return add(existing);
      },
      agentConversations(existing: ConnectionInCache | undefined, { storeFieldName }) {
        if (!existing || !ownedAgentId) return existing;
        const agentId = agentIdOfStoreField(storeFieldName);
        if (agentId && agentId !== ownedAgentId) return existing;
        return add(existing);
      },
    },
  });
}

export interface AddMessageResult {
  /** The message was new to the open history. */
  added: boolean;
  /** Its seq leaves a hole after the newest message we hold: catch up from the server. */
  gap: boolean;
}

/** Adds a message (live, or the answer to our own send) to its conversation's history window. */
export function addMessage(cache: ApolloCache, message: MessageFieldsFragment): AddMessageResult {
  const result: AddMessageResult = { added: false, gap: false };
  const ref = cache.writeFragment({ fragment: MessageFieldsDoc, fragmentName: 'MessageFields', data: message });
  const conversationId = cache.identify({ __typename: 'Conversation', id: message.conversationId });
  if (!ref || !conversationId) return result;
  cache.modify<any>({
    id: conversationId,
    fields: {
      messages(existing: ConnectionInCache | undefined, { readField }) {
        if (!existing) return existing;
        if (existing.nodes.some((node) => node.__ref === ref.__ref)) return existing;
        const seq = (node: Reference) => readField<number>('seq', node) ?? 0;
        const newest = existing.nodes.length ? seq(existing.nodes[existing.nodes.length - 1]) : 0;
        if (message.seq > newest + 1 && existing.nodes.length > 0) result.gap = true;
        result.added = true;
        return { ...existing, nodes: [...existing.nodes, ref].sort((a, b) => seq(a) - seq(b)) };
      },
      // The sidebar shows our own sends at once, even before conversationUpdated says so.
      lastSeq(existing: number) {
        return Math.max(existing ?? 0, message.seq);
      },
      // An agent reply still being written is not the preview yet (the server says so once it is complete).
      lastMessageAt(existing: string | null, { readField }) {
        const lastSeq = readField<number>('lastSeq') ?? 0;
        return message.seq >= lastSeq && message.state === 'COMPLETE' ? message.createdAt : existing;
      },
      lastMessagePreview(existing: string | null, { readField }) {
        const lastSeq = readField<number>('lastSeq') ?? 0;
        return message.seq >= lastSeq && message.state === 'COMPLETE' ? messagePreview(message) : existing;
      },
    },
  });
  return result;
}

/** Someone's read watermark moved: only ever forwards. */
export function applyReadReceipt(
  cache: ApolloCache,
  receipt: { conversationId: string; lastReadSeq: number; lastReadAt: string | null; profile: { userId: string } },
): void {
  const id = cache.identify({ __typename: 'Conversation', id: receipt.conversationId });
  if (!id) return;
  cache.modify<any>({
    id,
    fields: {
      participants(existing: readonly any[] | undefined, { readField }) {
        if (!existing) return existing;
        return existing.map((participant) => {
          const profile = participant.profile as Reference;
          if (readField<string>('userId', profile) !== receipt.profile.userId) return participant;
          if (participant.lastReadSeq >= receipt.lastReadSeq) return participant;
          return { ...participant, lastReadSeq: receipt.lastReadSeq, lastReadAt: receipt.lastReadAt };
        });
      },
    },
  });
}

/**
 * A changed message (messageUpdated: an agent reply growing or finishing, an edit, a delete, a
 * reaction): the event carries the whole message, so it is written over the cached one by id.
 * It joins the history only through addMessage (messageAdded, catch-up), so a change to a
 * message outside the loaded window never opens a hole in it.
 */
export function applyMessageUpdate(cache: ApolloCache, message: MessageFieldsFragment): void {
  cache.writeFragment({ fragment: MessageFieldsDoc, fragmentName: 'MessageFields', data: message });
}

/**
 * True when `later` is a further point of the same agent reply than `held`: COMPLETE after
 * PENDING/STREAMING, STREAMING after PENDING, more streamed text. A FAILED reply is never
 * "further" (a retry makes it PENDING again), and nothing else is compared.
 */
export function replyIsAhead(later: Pick<MessageFieldsFragment, 'state' | 'content'>, held: Pick<MessageFieldsFragment, 'state' | 'content'>): boolean {
  if (held.state !== 'PENDING' && held.state !== 'STREAMING') return false;
  if (later.state === 'COMPLETE') return true;
  if (later.state !== 'STREAMING') return false;
  return held.state === 'PENDING' || later.content.length > held.content.length;
}
