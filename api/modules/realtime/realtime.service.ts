import type { Db } from '../../database/db';
import type { DomainEvent } from '../../shared/events';
import { BadInputError, NotFoundError } from '../../shared/errors';
import { assertUuid } from '../../shared/validation';
import { MESSAGE_COLUMNS, Message } from '../messages/messages.types';
import { messageCursorSeq } from '../messages/messages.loaders';
import type { EventHub } from './event-hub';
import { EventQueue } from './event-queue';
import { openReplyUpdates } from '../agent-replies/reply-updates';
import type { MessageUpdate } from '../agent-replies/agent-replies.types';
import type { ReadReceipt, TypingEvent } from './realtime.types';
import type { ConversationsService } from '../conversations/conversations.service';
import { NotificationFilter } from '../notifications/notification-stream';
import type { Notification, NotificationKind } from '../notifications/notifications.types';

/** How many missed messages a resume may replay; older positions are told to reload. */
export const MAX_REPLAY = 1000;
/** Events a subscriber may fall behind before it is cut off. */
const QUEUE_CAPACITY = 2000;
export const TYPING_TTL_MS = 6000;

type MessageEvent = Extract<DomainEvent, { kind: 'message' }>;

/** Events from Redis carry dates as strings; revived once per event, so its subscribers share one object. */
const revived = new WeakMap<Message, Message>();
function reviveMessage(message: Message): Message {
  if (typeof message.createdAt !== 'string') return message;
  let copy = revived.get(message);
  if (!copy) {
    copy = { ...message, createdAt: new Date(message.createdAt) };
    if (copy.senderProfile) copy.senderProfile = { ...copy.senderProfile, createdAt: new Date(copy.senderProfile.createdAt) };
    revived.set(message, copy);
  }
  return copy;
}

/**
 * Live streams for one viewer. Every stream starts listening before it reads its starting
 * point from the database (Zulip's register-then-snapshot), so nothing falls in between; and
 * message streams keep each conversation's last delivered `seq`, dropping repeats and filling
 * any hole (an event delayed by another node, or lost while Redis was away) from PostgreSQL.
 * A message with seq N is visible only after all lower seqs committed (the conversation row
 * lock orders them), so a hole is always fillable when it is noticed.
 */
export class RealtimeService {
  constructor(
    private readonly db: Db,
    private readonly hub: EventHub,
    private readonly conversations: ConversationsService,
  ) {}

  /**
   * A viewer's events, filtered. Routing already addressed each event to this viewer; checking
   * `recipients` again is the per-event authorization. On top of that, a stream remembers the
   * groups its viewer was removed from (or left) while it was open and drops every later event
   * of those groups, even one addressed before the removal (an agent reply still streaming to
   * the recipients it had when it started); a stream of that one group ends. Being added back
   * lifts it: the events addressed to them from then on are theirs again.
   */
  private queue(viewerId: string, accept: (event: DomainEvent) => boolean, onlyId: string | null = null): EventQueue<DomainEvent> {
    let stop = () => undefined as void;
    const queue = new EventQueue<DomainEvent>(QUEUE_CAPACITY, () => stop());
    const revoked = new Set<string>();
    stop = this.hub.listen(viewerId, (event) => {
      if (event.kind === 'membership') {
        if (event.removed.includes(viewerId)) {
          revoked.add(event.conversationId);
          if (onlyId === event.conversationId) void queue.return();
        } else if (event.added.includes(viewerId)) {
          revoked.delete(event.conversationId);
        }
        // Only the notification stream takes membership events themselves (GROUP_REMOVED).
        if (accept(event)) queue.push(event);
        return;
      }
      if (event.conversationId && revoked.has(event.conversationId)) return;
      if (event.recipients.includes(viewerId) && accept(event)) queue.push(event);
    });
    return queue;
  }

  async messages(viewerId: string, conversationId: string | null, after: string | null): Promise<AsyncIterableIterator<Message>> {
    if (after && !conversationId) throw new BadInputError('after needs a conversationId', 'after');
    const onlyId = conversationId ? assertUuid(conversationId, 'conversationId') : null;
    const afterSeq = after ? messageCursorSeq(after, 'after') : null;
    if (onlyId) await this.conversations.requireParticipant(viewerId, onlyId);

    const accept = (e: DomainEvent) => e.kind === 'message' && (!onlyId || e.conversationId === onlyId);
    const lastSeq = new Map<string, number>();
    if (afterSeq === null) {
      // Live only: the starting point is read BEFORE listening. Anything committed in between
      // arrives as an event above it, or is filled from the database when the next one does;
      // reading it after listening would drop events that were already queued.
      const rows = await this.db.query<{ id: string; lastSeq: number }>(
        onlyId
          ? `SELECT id, last_seq::int AS "lastSeq" FROM conversations WHERE id = $1`
          : `SELECT conversation_id AS id, last_seq::int AS "lastSeq" FROM participants WHERE profile_id = $1`,
        [onlyId ?? viewerId],
      );
      for (const row of rows) lastSeq.set(row.id, row.lastSeq);
      return this.orderedMessages(this.queue(viewerId, accept, onlyId), [], lastSeq);
    }

    // Resume: listen first, then replay from the database (register-then-snapshot), dropping repeats.
    const queue = this.queue(viewerId, accept, onlyId);
    let replay: Message[] = [];
    try {
      if (onlyId) {
        const [conv] = await this.db.query<{ lastSeq: number }>(`SELECT last_seq::int AS "lastSeq" FROM conversations WHERE id = $1`, [onlyId]);
        lastSeq.set(onlyId, conv?.lastSeq ?? 0);
        if (afterSeq !== null) {
          if (afterSeq > (conv?.lastSeq ?? 0)) throw new BadInputError('after points past the newest message', 'after');
          replay = await this.between(onlyId, afterSeq, null, MAX_REPLAY + 1);
          if (replay.length > MAX_REPLAY) {
            const error = new BadInputError(`More than ${MAX_REPLAY} messages were missed: reload the conversation, then subscribe again`, 'after');
            error.extensions.reason = 'RESYNC_REQUIRED';
            throw error;
          }
          // The replay can reach past last_seq (messages committed since it was read); their live events must not repeat them.
          if (replay.length) lastSeq.set(onlyId, Math.max(lastSeq.get(onlyId)!, replay[replay.length - 1].seq));
        }
      }
    } catch (error) {
      await queue.return();
      throw error;
    }
    return this.orderedMessages(queue, replay, lastSeq);
  }

  private orderedMessages(queue: EventQueue<DomainEvent>, replay: Message[], lastSeq: Map<string, number>): AsyncIterableIterator<Message> {
    return new OrderedMessages(queue, replay, lastSeq, (id, after, before) => this.between(id, after, before, MAX_REPLAY));
  }

  /** Conversation ids that changed for the viewer (the resolver loads each as the viewer sees it). */
  async conversationChanges(viewerId: string): Promise<AsyncIterableIterator<string>> {
    const queue = this.queue(viewerId, (e) => e.kind === 'conversation');
    return map(queue, (e) => e.conversationId!);
  }

  /**
   * Agent replies as they grow and edits, deletes and reactions: replies in flight as they are
   * now, with `after` (an updateCursor) every message changed since, then every change in order
   * (see reply-updates.ts).
   */
  async messageUpdates(viewerId: string, conversationId: string | null, after: string | null = null): Promise<AsyncIterableIterator<MessageUpdate>> {
    if (after && !conversationId) throw new BadInputError('after needs a conversationId', 'after');
    const onlyId = conversationId ? assertUuid(conversationId, 'conversationId') : null;
    const afterSeq = after ? messageCursorSeq(after, 'after') : null;
    if (onlyId) await this.conversations.requireParticipant(viewerId, onlyId);
    const queue = this.queue(viewerId, (e) => e.kind === 'message_updated' && (!onlyId || e.conversationId === onlyId), onlyId);
    let changed: Message[] = [];
    if (onlyId && afterSeq !== null) {
      try {
        changed = await this.db.query<Message>(
          `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 AND m.update_seq > $2 ORDER BY m.update_seq LIMIT $3`,
          [onlyId, afterSeq, MAX_REPLAY + 1],
        );
        if (changed.length > MAX_REPLAY) {
          const error = new BadInputError(`More than ${MAX_REPLAY} messages changed: reload the conversation, then subscribe again`, 'after');
          error.extensions.reason = 'RESYNC_REQUIRED';
          throw error;
        }
      } catch (error) {
        await queue.return();
        throw error;
      }
    }
    return openReplyUpdates(this.db, queue, viewerId, onlyId, changed);
  }

  async readReceipts(viewerId: string, conversationId: string | null): Promise<AsyncIterableIterator<ReadReceipt>> {
    const onlyId = conversationId ? assertUuid(conversationId, 'conversationId') : null;
    if (onlyId) await this.conversations.requireParticipant(viewerId, onlyId);
    const queue = this.queue(viewerId, (e) => e.kind === 'read' && (!onlyId || e.conversationId === onlyId), onlyId);
    return map(queue, (e) => {
      const r = e as Extract<DomainEvent, { kind: 'read' }>;
      return { conversationId: r.conversationId, profileId: r.profileId, lastReadSeq: r.lastReadSeq, lastReadAt: r.lastReadAt ? new Date(r.lastReadAt) : null };
    });
  }

  async typing(viewerId: string, conversationId: string | null): Promise<AsyncIterableIterator<TypingEvent>> {
    const onlyId = conversationId ? assertUuid(conversationId, 'conversationId') : null;
    if (onlyId) await this.conversations.requireParticipant(viewerId, onlyId);
    // Your own typing is not news to you.
    const queue = this.queue(viewerId, (e) => e.kind === 'typing' && e.profileId !== viewerId && (!onlyId || e.conversationId === onlyId), onlyId);
    return map(queue, (e) => {
      const t = e as Extract<DomainEvent, { kind: 'typing' }>;
      return { conversationId: t.conversationId, profileId: t.profileId, isTyping: t.isTyping, expiresAt: new Date(t.expiresAt) };
    });
  }

  /** In-app notifications for the viewer (see NotificationFilter for what counts). */
  async notifications(viewerId: string, kinds: NotificationKind[] | null = null): Promise<AsyncIterableIterator<Notification>> {
    const filter = new NotificationFilter(this.db, viewerId, kinds?.length ? new Set(kinds) : null);
    return map(this.queue(viewerId, (e) => filter.accepts(e)), (e) => filter.toNotification(e));
  }

  /** Calls back when sessions end anywhere (the WebSocket server closes their sockets). */
  onSessionsEnded(callback: (sessionIds: string[] | 'all') => void): () => void {
    return this.hub.listenAll((event) => {
      if (event.kind === 'session') callback(event.sessionIds);
    });
  }

  /** Typing signals are never stored: one membership read, then a publish. */
  async setTyping(viewerId: string, conversationId: string, isTyping: boolean): Promise<boolean> {
    const id = assertUuid(conversationId, 'conversationId');
    const [row] = await this.db.query<{ recipients: string[] | null }>(
      `SELECT array_agg(profile_id) AS recipients FROM participants WHERE conversation_id = $1 HAVING bool_or(profile_id = $2)`,
      [id, viewerId],
    );
    if (!row?.recipients) throw new NotFoundError('No such conversation');
    this.hub.publish({
      kind: 'typing',
      conversationId: id,
      recipients: row.recipients,
      profileId: viewerId,
      isTyping,
      expiresAt: new Date(Date.now() + (isTyping ? TYPING_TTL_MS : 0)).toISOString(),
    });
    return true;
  }

  private between(conversationId: string, afterSeq: number, beforeSeq: number | null, limit: number): Promise<Message[]> {
    return this.db.query<Message>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 AND m.seq > $2 AND ($3::bigint IS NULL OR m.seq < $3)
        ORDER BY m.seq LIMIT $4`,
      [conversationId, afterSeq, beforeSeq, limit],
    );
  }
}

/**
 * Delivers each conversation's messages in seq order exactly once. Written as a plain iterator,
 * not an async generator: a generator parked on an await cannot be returned, so a client that
 * unsubscribes would leave its listener behind until the next event.
 */
class OrderedMessages implements AsyncIterableIterator<Message> {
  private ready: Message[];

  constructor(
    private readonly queue: EventQueue<DomainEvent>,
    replay: Message[],
    private readonly lastSeq: Map<string, number>,
    private readonly fetchBetween: (conversationId: string, afterSeq: number, beforeSeq: number) => Promise<Message[]>,
  ) {
    this.ready = replay.slice();
  }

  async next(): Promise<IteratorResult<Message>> {
    while (this.ready.length === 0) {
      const result = await this.queue.next();
      if (result.done) return { value: undefined, done: true };
      const message = reviveMessage((result.value as MessageEvent).message);
      const last = this.lastSeq.get(message.conversationId) ?? 0;
      if (message.seq <= last) continue;
      if (message.seq > last + 1) this.ready.push(...(await this.fetchBetween(message.conversationId, last, message.seq)));
      this.ready.push(message);
      this.lastSeq.set(message.conversationId, message.seq);
    }
    return { value: this.ready.shift()!, done: false };
  }

  async return(): Promise<IteratorResult<Message>> {
    this.ready = [];
    await this.queue.return();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Message> {
    return this;
  }
}

/**
 * Maps an iterator without an async generator (see OrderedMessages for why); items mapped to
 * null are skipped.
 */
function map<T, U>(source: AsyncIterableIterator<T>, fn: (item: T) => U | null | Promise<U | null>): AsyncIterableIterator<U> {
  const mapped: AsyncIterableIterator<U> = {
    next: async () => {
      for (;;) {
        const result = await source.next();
        if (result.done) return { value: undefined, done: true };
        const value = await fn(result.value);
        if (value !== null) return { value, done: false };
      }
    },
    return: async () => {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => mapped,
  };
  return mapped;
}
