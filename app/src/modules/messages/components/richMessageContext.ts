import { createContext, useContext } from 'react';
import type { MessageFieldsFragment } from '../../../gql/graphql';

/**
 * What the rich parts of a message (actions, reactions, quotes, inline editing) need from the
 * open conversation, provided once by ConversationView so MessageList passes nothing new down.
 */
export interface RichMessageContextValue {
  viewerId: string;
  /** The message being edited inline, if any (one at a time). */
  editingId: string | null;
  setEditingId(id: string | null): void;
  /** The message whose action menu is open (from "…" or a long press), if any. */
  menuFor: string | null;
  setMenuFor(id: string | null): void;
  /** Start a reply: the compose box shows the quote. */
  replyTo(message: MessageFieldsFragment): void;
  /** Scroll to a message of this conversation by seq (loading older pages when needed). */
  jumpTo(seq: number): void;
  /** A message briefly highlighted after a jump. */
  highlightSeq: number | null;
}

export const RichMessageContext = createContext<RichMessageContextValue | null>(null);

export function useRichMessage(): RichMessageContextValue {
  const value = useContext(RichMessageContext);
  if (!value) throw new Error('useRichMessage outside RichMessageContext');
  return value;
}

/** How long after sending a message its sender may edit it: the server's default (MESSAGE_EDIT_WINDOW_SECONDS); the server decides. */
export const EDIT_WINDOW_MS = 15 * 60_000;

export function canEdit(message: MessageFieldsFragment, viewerId: string, now = Date.now()): boolean {
  return message.senderType === 'USER' && message.sender?.userId === viewerId && !message.isDeleted && now - Date.parse(message.createdAt) < EDIT_WINDOW_MS;
}

/** Only a person's own messages (not what they sent as their agent). */
export function canDelete(message: MessageFieldsFragment, viewerId: string): boolean {
  return message.senderType === 'USER' && message.sender?.userId === viewerId && !message.isDeleted;
}
