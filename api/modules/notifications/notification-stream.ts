import type { Db } from '../../database/db';
import type { DomainEvent } from '../../shared/events';
import { NotificationKind, Notification } from './notifications.types';

const PREVIEW = 140;

/** Which notification an event would become, before anything is read for it. */
function kindOf(event: DomainEvent): NotificationKind | null {
  if (event.kind === 'membership') return NotificationKind.GROUP_REMOVED;
  if (event.kind === 'conversation') return event.humanRequestedBy ? NotificationKind.HUMAN_REQUESTED : NotificationKind.NEW_CONVERSATION;
  if (event.kind === 'message' || event.kind === 'message_updated') return NotificationKind.NEW_MESSAGE;
  return null;
}

/**
 * Turns the events addressed to one person into the notifications they should see: chats
 * started with them, groups they were taken out of, and messages from others in their own
 * chats unless muted. Chats held with their agents do not notify (the Agent Chats tab shows
 * them). `kinds` narrows it (null: all), before any database read.
 */
export class NotificationFilter {
  constructor(
    private readonly db: Db,
    private readonly viewerId: string,
    private readonly kinds: ReadonlySet<NotificationKind> | null = null,
  ) {}

  accepts(event: DomainEvent): boolean {
    const kind = kindOf(event);
    if (!kind || (this.kinds && !this.kinds.has(kind))) return false;
    if (event.kind === 'membership') return event.removed.includes(this.viewerId);
    if (event.kind === 'conversation') return Boolean((event.startedBy ?? event.humanRequestedBy) && (event.startedBy ?? event.humanRequestedBy) !== this.viewerId);
    // An agent reply is announced PENDING and empty, then grows: it notifies once, when it is complete.
    if (event.kind === 'message_updated') return event.completed === true && event.message.senderId !== this.viewerId;
    return event.kind === 'message' && event.message.state !== 'PENDING' && event.message.senderId !== this.viewerId && event.message.senderType !== 'SYSTEM';
  }

  /** The notification for an accepted event, or null when the chat is muted (checked at delivery, so a mute applies at once). */
  async toNotification(event: DomainEvent): Promise<Notification | null> {
    if (event.kind === 'membership') {
      return { kind: NotificationKind.GROUP_REMOVED, conversationId: event.conversationId, preview: null, createdAt: new Date(), actorId: event.actorId };
    }
    if (event.kind === 'conversation' && event.humanRequestedBy) {
      return { kind: NotificationKind.HUMAN_REQUESTED, conversationId: event.conversationId, preview: null, createdAt: new Date(), actorId: event.humanRequestedBy };
    }
    if (event.kind === 'conversation') {
      return { kind: NotificationKind.NEW_CONVERSATION, conversationId: event.conversationId, preview: null, createdAt: new Date(), actorId: event.startedBy ?? null };
    }
    if (event.kind !== 'message' && event.kind !== 'message_updated') return null;
    const [state] = await this.db.query<{ muted: boolean; role: string }>(
      `SELECT muted, role FROM participants WHERE conversation_id = $1 AND profile_id = $2`,
      [event.conversationId, this.viewerId],
    );
    if (!state || state.muted || state.role !== 'MEMBER') return null;
    const message = event.message;
    return {
      kind: NotificationKind.NEW_MESSAGE,
      conversationId: event.conversationId,
      preview: [...message.content].slice(0, PREVIEW).join(''),
      createdAt: new Date(message.createdAt),
      actorId: message.senderId,
    };
  }
}
