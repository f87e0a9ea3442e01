import type { Db } from '../../database/db';
import type { DomainEvent } from '../../shared/events';
import { MESSAGE_COLUMNS, Message, MessageState } from '../messages/messages.types';
import type { EventQueue } from '../realtime/event-queue';
import type { MessageUpdate } from './agent-replies.types';

type UpdateEvent = Extract<DomainEvent, { kind: 'message_updated' }>;

const RANK: Record<MessageState, number> = { PENDING: 0, STREAMING: 1, COMPLETE: 2, FAILED: 2 };

/**
 * Within a message, updates only move forward: a later attempt, a later state, a later
 * revision (edits, deletes and reactions on a COMPLETE message: rich messages), or more content.
 */
type Key = [number, number, number, number];
function key(message: Message): Key {
  return [message.attempt ?? 0, RANK[message.state], message.revision ?? 0, message.content.length];
}

function after(a: Key, b: Key): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

const revive = (message: Message): Message =>
  typeof message.createdAt === 'string' ? { ...message, createdAt: new Date(message.createdAt) } : message;

/**
 * The messageUpdated stream. The queue listens before the snapshot is read (as every stream in
 * RealtimeService does), so nothing falls in between: first each reply in flight as the
 * database has it (content so far, written at most flushMs ago), then live updates, each
 * delivered only if it moves its reply forward. Every live update carries the whole content,
 * so one that arrives after a newer snapshot is simply dropped, and no gap can open.
 */
export async function openReplyUpdates(db: Db, queue: EventQueue<DomainEvent>, viewerId: string, conversationId: string | null, changed: Message[] = []): Promise<AsyncIterableIterator<MessageUpdate>> {
  let snapshot: Message[];
  try {
    snapshot = await db.query<Message>(
      conversationId
        ? `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 AND m.state IN ('PENDING', 'STREAMING') ORDER BY m.seq`
        : `SELECT ${MESSAGE_COLUMNS} FROM participants pa JOIN messages m ON m.conversation_id = pa.conversation_id
            WHERE pa.profile_id = $1 AND m.state IN ('PENDING', 'STREAMING') ORDER BY m.created_at`,
      [conversationId ?? viewerId],
    );
  } catch (error) {
    await queue.return();
    throw error;
  }
  // `changed`: messages edited, deleted or reacted to since the subscriber's resume point, read after the queue started listening too.
  return new OrderedUpdates(queue, [...changed, ...snapshot].map((message) => ({ message, delta: message.content, offset: 0 })));
}

class OrderedUpdates implements AsyncIterableIterator<MessageUpdate> {
  private readonly seen = new Map<string, Key>();
  private ready: MessageUpdate[] = [];

  constructor(
    private readonly queue: EventQueue<DomainEvent>,
    snapshot: MessageUpdate[],
  ) {
    for (const update of snapshot) this.accept(update);
  }

  /** Keeps the update if it moves its reply forward; a subscriber that missed the previous piece gets the whole text. */
  private accept(update: MessageUpdate): void {
    const { message } = update;
    const last = this.seen.get(message.id);
    const next = key(message);
    if (last && !after(next, last)) return;
    const continues = last !== undefined && last[0] === next[0] && update.offset === last[3];
    this.seen.set(message.id, next);
    this.ready.push(continues || update.offset === 0 ? update : { message, delta: message.content, offset: 0 });
  }

  async next(): Promise<IteratorResult<MessageUpdate>> {
    while (this.ready.length === 0) {
      const result = await this.queue.next();
      if (result.done) return { value: undefined, done: true };
      const event = result.value as UpdateEvent;
      this.accept({ message: revive(event.message), delta: event.delta, offset: event.offset });
    }
    return { value: this.ready.shift()!, done: false };
  }

  async return(): Promise<IteratorResult<MessageUpdate>> {
    this.ready = [];
    await this.queue.return();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<MessageUpdate> {
    return this;
  }
}
