import type { Db } from '../../database/db';
import { isUniqueViolation } from '../../database/db';
import { BadInputError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { assertRange, assertText, assertUuid } from '../../shared/validation';
import { messageCursorSeq, type MessagePageQuery } from './messages.loaders';
import { MESSAGE_COLUMNS, Message } from './messages.types';
import { PROFILE_COLUMNS, type ProfileRow } from '../profiles/profiles.types';
import { participantsAfterWrite, previewOf } from './message-preview';
import type { SendMessageInput } from './messages.inputs';
import type { EventBus } from '../../shared/events';
import { RateLimitedError } from '../../shared/errors';
import type { RateLimits } from '../../shared/rate-limits';
import type { MediaService } from '../media/media.service';

type SendRow = Message & SentContext & { recipients: string[]; oldReadSeq: number; senderProfile: (Omit<ProfileRow, 'createdAt'> & { createdAt: string }) | null };

/**
 * The send, one statement, so one round trip and one implicit transaction: authorize (the sender
 * must be a participant), number the message, write it, update the conversation's preview and
 * every participant's copy of the sequence and sort key, and move the sender's watermark.
 * Run prepared (parsed once per connection, then a generic plan): planning it cost PostgreSQL
 * more CPU than running it. Parameters: $1 conversation, $2 sender, $3 content, $4 preview,
 * $5 clientId, $6 replyToId.
 */
const SEND_STATEMENT = `WITH me AS (
     SELECT pa.role, pa.last_read_seq, (SELECT member_epoch FROM conversations WHERE id = $1) AS epoch
       FROM participants pa WHERE pa.conversation_id = $1 AND pa.profile_id = $2
        -- Blocks stop messages between two people; inside a group they do not apply.
        AND (pa.chat_type = 'GROUP' OR NOT EXISTS (SELECT 1 FROM participants o JOIN blocks b
                          ON (b.blocker_id = o.profile_id AND b.blocked_id = $2) OR (b.blocker_id = $2 AND b.blocked_id = o.profile_id)
                         WHERE o.conversation_id = $1 AND o.profile_id <> $2))
        -- A reply answers a message of this conversation that is still there.
        AND ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM messages r WHERE r.id = $6 AND r.conversation_id = $1 AND r.deleted_at IS NULL))
   ), conv AS (
     UPDATE conversations c SET last_seq = c.last_seq + 1, last_message_at = clock_timestamp(),
            last_message_preview = $4, updated_at = now()
       -- The epoch read with the membership above must still hold once the row is locked: a
       -- send that waited on a membership change (a removal) re-checks here and writes nothing.
       FROM me WHERE c.id = $1 AND c.member_epoch = me.epoch
     RETURNING c.id, c.last_seq, c.last_message_at, c.target_agent_id, c.chat_type, me.role, me.last_read_seq AS old_read_seq,
               me.role = 'AGENT_OWNER' AND c.agent_taken_over_at IS NULL AS as_agent
   ), msg AS (
     INSERT INTO messages (conversation_id, seq, sender_type, sender_id, sender_agent_id, content, client_id, created_at, reply_to_id)
     SELECT conv.id, conv.last_seq, CASE WHEN conv.as_agent THEN 'AGENT' ELSE 'USER' END, $2,
            CASE WHEN conv.as_agent THEN conv.target_agent_id END, $3, $5, conv.last_message_at, $6
       FROM conv
     RETURNING *
   ), parts AS (
     ${participantsAfterWrite('$2')}
   )
   SELECT ${MESSAGE_COLUMNS}, (SELECT array_agg(profile_id) FROM parts) AS recipients,
          (SELECT old_read_seq::int FROM conv) AS "oldReadSeq",
          (SELECT target_agent_id FROM conv) AS "targetAgentId", (SELECT role FROM conv) AS "senderRole",
          (SELECT chat_type FROM conv) AS "chatType",
          -- The sender as Message.sender shows them: the answer and the live event need no lookup.
          (SELECT row_to_json(sp) FROM (SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.id = m.sender_id) sp) AS "senderProfile"
     FROM msg m`;

/** What the send statement knew about the conversation as the message committed. */
export interface SentContext {
  targetAgentId: string | null;
  chatType: 'PROFILE' | 'AGENT' | 'GROUP';
  senderRole: 'MEMBER' | 'AGENT_OWNER';
}

export interface PageArgs {
  last: number;
  before?: string | null;
  first?: number | null;
  after?: string | null;
}

export class MessagesService {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly maxLength: number,
    private readonly limits?: RateLimits,
    private readonly media?: Pick<MediaService, 'prepare' | 'attach'>,
  ) {}

  private readonly sentListeners: ((message: Message, sent: SentContext) => Promise<void>)[] = [];

  /** Runs after each new message commits (agents that answer hook in here); a listener never fails the send. */
  onSent(listener: (message: Message, sent: SentContext) => Promise<void>): void {
    this.sentListeners.push(listener);
  }

  /**
   * One statement (SEND_STATEMENT), so one round trip and one implicit transaction.
   * An AGENT_OWNER writing into a chat with their agent answers as the agent, unless they took
   * the chat over: then they write as themselves (USER).
   * The statement commits before anyone is told (events go out after it returns).
   * With attachments (and only then) a second statement in the same transaction claims them.
   */
  async send(senderId: string, input: SendMessageInput, retried = false): Promise<Message> {
    const conversationId = assertUuid(input.conversationId, 'conversationId');
    const withFiles = !!input.attachmentIds?.length;
    const content = this.validContent(input.content, withFiles);
    const clientId = input.clientId ?? null;
    const replyToId = input.replyToId ? assertUuid(input.replyToId, 'replyToId') : null;
    if (withFiles && !this.media) throw new BadInputError('Attachments are not available', 'attachmentIds');
    const files = withFiles ? await this.media!.prepare(senderId, input.attachmentIds!) : null;
    const preview = content || !files ? previewOf(content) : files.preview;
    try {
      if (!retried) await this.limits?.consume('send', senderId);
    } catch (error) {
      // A retry of a message that was already sent is not a new message: it still gets its answer.
      if (error instanceof RateLimitedError && clientId !== null) {
        const existing = await this.existingByClientId(senderId, clientId, conversationId).catch(() => null);
        if (existing) return existing;
      }
      throw error;
    }
    let rows: SendRow[];
    try {
      const statement = (db: Db) => db.query<SendRow>(SEND_STATEMENT, [conversationId, senderId, content, preview, clientId, replyToId], { prepare: true });
      rows = !files
        ? await statement(this.db)
        : await this.db.transaction(async (tx) => {
            const sent = await statement(tx);
            if (sent[0]) await this.media!.attach(tx, senderId, sent[0].id, files.ids);
            return sent;
          });
    } catch (error) {
      if (clientId !== null && isUniqueViolation(error, 'messages_sender_client_id_key')) {
        return this.existingByClientId(senderId, clientId, conversationId);
      }
      throw error;
    }
    if (!rows[0]) {
      await this.explainRefusal(senderId, conversationId, replyToId);
      // Nothing explains it: the send lost a race with a membership change of its group (the
      // epoch moved while it waited). The sender is still a member: once more, on the new state.
      if (retried) throw new Error('sendMessage wrote nothing twice with nothing to explain it');
      return this.send(senderId, input, true);
    }
    const { recipients, oldReadSeq, targetAgentId, senderRole, chatType, senderProfile, ...message } = rows[0];
    if (senderProfile) (message as Message).senderProfile = { ...senderProfile, createdAt: new Date(senderProfile.createdAt) };
    // Known from the send itself: its answer and its live event need not read attachments.
    if (!files) message.hasAttachments = false;
    this.events.publish({ kind: 'message', conversationId, recipients, message });
    this.events.publish({ kind: 'conversation', conversationId, recipients });
    if (oldReadSeq < message.seq - 1) {
      // Sending reads everything before it: the others can show "seen" on their messages.
      this.events.publish({ kind: 'read', conversationId, recipients, profileId: senderId, lastReadSeq: message.seq, lastReadAt: message.createdAt.toISOString() });
    }
    await Promise.allSettled(this.sentListeners.map((listener) => listener(message, { targetAgentId, senderRole, chatType })));
    return message;
  }

  /**
   * Nothing was written: say why (not a participant, a block between the two sides, or no such
   * message to answer). Returns when none of these holds (a group's membership changed meanwhile).
   */
  private async explainRefusal(senderId: string, conversationId: string, replyToId: string | null): Promise<void> {
    const [row] = await this.db.query<{ blockedByMe: boolean; blocked: boolean; replyable: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM participants o JOIN blocks b ON b.blocker_id = $2 AND b.blocked_id = o.profile_id
                       WHERE o.conversation_id = $1 AND o.profile_id <> $2) AS "blockedByMe",
              pa.chat_type <> 'GROUP' AND EXISTS (SELECT 1 FROM participants o JOIN blocks b
                       ON (b.blocker_id = o.profile_id AND b.blocked_id = $2) OR (b.blocker_id = $2 AND b.blocked_id = o.profile_id)
                       WHERE o.conversation_id = $1 AND o.profile_id <> $2) AS blocked,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM messages r WHERE r.id = $3 AND r.conversation_id = $1 AND r.deleted_at IS NULL)) AS replyable
         FROM participants pa WHERE pa.conversation_id = $1 AND pa.profile_id = $2`,
      [conversationId, senderId, replyToId],
    );
    if (!row) throw new NotFoundError('No such conversation');
    if (!row.replyable) throw new BadInputError('replyToId must be a message of this conversation that was not deleted', 'replyToId');
    if (row.blocked) throw new ForbiddenError(row.blockedByMe ? 'You blocked this person: unblock them to send' : 'This person is not accepting messages from you');
  }

  private async existingByClientId(senderId: string, clientId: string, conversationId: string): Promise<Message> {
    const [existing] = await this.db.query<Message>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.sender_id = $1 AND m.client_id = $2`,
      [senderId, clientId],
    );
    if (!existing) throw new Error('unique violation on clientId but no message found');
    if (existing.conversationId !== conversationId) {
      throw new BadInputError('clientId was already used for a message in another conversation', 'clientId');
    }
    return existing;
  }

  /** Trimmed, non-empty (unless files go with it), no NUL, at most MESSAGE_MAX_LENGTH characters (edits follow the same rules). */
  validContent(raw: string, emptyAllowed = false): string {
    return assertText(raw, 'content', { max: this.maxLength, allowEmpty: emptyAllowed });
  }

  /** Turns the `messages` field's arguments into a loader query (validated). */
  pageQuery(conversationId: string, args: PageArgs): MessagePageQuery {
    const forward = args.first != null || args.after != null;
    if (forward && args.before != null) throw new BadInputError('use either first/after or last/before, not both', 'before');
    const limit = assertRange(forward ? args.first ?? 50 : args.last, forward ? 'first' : 'last', 1, 200);
    const cursor = forward ? args.after : args.before;
    const boundSeq = cursor ? messageCursorSeq(cursor, forward ? 'after' : 'before') : null;
    return { conversationId, direction: forward ? 'forward' : 'backward', limit, boundSeq };
  }
}
