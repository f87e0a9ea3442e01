import type { Db } from '../../database/db';
import { MESSAGE_COLUMNS, Message } from '../messages/messages.types';
import { previewOf } from '../messages/message-preview';


export type Addressed = Message & { recipients: string[] };

/** A reply a worker now owns, with what it needs to answer. */
export interface Claimed {
  message: Message;
  recipients: string[];
  agentId: string;
  agentName: string;
  persona: string | null;
  model: string | null;
  ownerId: string;
  ownerName: string;
  requesterId: string | null;
  requesterName: string;
  replyToId: string | null;
  resetSeq: number;
  /** GROUP: the agent was @mentioned in a group chat (with this title). */
  chatType: 'PROFILE' | 'AGENT' | 'GROUP';
  groupTitle: string | null;
}

export type ClaimResult =
  | { kind: 'claimed'; reply: Claimed }
  /** Already finished, failed, or gone: nothing to do. */
  | { kind: 'gone' }
  /** The agent has as many replies in flight as it may: try later. */
  | { kind: 'busy' }
  /** Paused, or taken over, since it was queued. */
  | { kind: 'blocked'; reply: Claimed; why: 'paused' | 'taken_over' };

/**
 * Reply rows: written only here. Every write after the claim names the attempt it belongs to,
 * so a worker that lost its job writes nothing (see the AgentReplies migration).
 */
export class ReplyStore {
  constructor(private readonly db: Db) {}

  /** The PENDING reply takes its seq now; participants' last_seq waits for completion (unread counts it once). */
  async createPending(tx: Db, conversationId: string, agentId: string, ownerId: string, replyToId: string, requesterId: string): Promise<Addressed> {
    const [row] = await tx.query<Addressed>(
      `WITH conv AS (
         UPDATE conversations c SET last_seq = c.last_seq + 1 WHERE c.id = $1 RETURNING c.id, c.last_seq
       ), msg AS (
         INSERT INTO messages (conversation_id, seq, sender_type, sender_id, sender_agent_id, content, state, reply_to_id, requester_id, created_at)
         SELECT conv.id, conv.last_seq, 'AGENT', $2, $3, '', 'PENDING', $4, $5, clock_timestamp() FROM conv
         RETURNING *
       )
       SELECT ${MESSAGE_COLUMNS}, (SELECT array_agg(profile_id) FROM participants WHERE conversation_id = $1) AS recipients FROM msg m`,
      [conversationId, ownerId, agentId, replyToId, requesterId],
    );
    if (!row) throw new Error(`conversation ${conversationId} vanished while a reply was queued`);
    return row;
  }

  /**
   * Takes a reply for one attempt: serialised per agent (an advisory lock) so the concurrency
   * cap holds across nodes. Replies in flight elsewhere count while their lease lasts.
   */
  async claim(messageId: string, cap: number, leaseMs: number): Promise<ClaimResult> {
    return this.db.transaction(async (tx) => {
      const [head] = await tx.query<{ agentId: string | null }>(`SELECT sender_agent_id AS "agentId" FROM messages WHERE id = $1`, [messageId]);
      if (!head?.agentId) return { kind: 'gone' };
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('agent-reply:' || $1, 0))`, [head.agentId]);
      const [row] = await tx.query<Claimed & { state: string; paused: boolean; takenOver: boolean; busy: number }>(
        `SELECT m.state, a.id AS "agentId", a.display_name AS "agentName", a.persona, a.model, a.owner_id AS "ownerId",
                COALESCE(op.display_name, op.handle) AS "ownerName", m.requester_id AS "requesterId",
                COALESCE(rp.display_name, rp.handle, 'someone') AS "requesterName", m.reply_to_id AS "replyToId",
                c.agent_reset_seq::int AS "resetSeq", c.chat_type AS "chatType", c.title AS "groupTitle", a.paused_at IS NOT NULL AS paused, c.agent_taken_over_at IS NOT NULL AS "takenOver",
                (SELECT array_agg(profile_id) FROM participants WHERE conversation_id = c.id) AS recipients,
                (SELECT count(*) FROM messages o WHERE o.sender_agent_id = a.id AND o.state IN ('PENDING', 'STREAMING')
                    AND o.lease_until > now() AND o.id <> m.id)::int AS busy
           FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN agents a ON a.id = m.sender_agent_id
           JOIN profiles op ON op.id = a.owner_id LEFT JOIN profiles rp ON rp.id = m.requester_id
          WHERE m.id = $1 FOR UPDATE OF m`,
        [messageId],
      );
      if (!row || (row.state !== 'PENDING' && row.state !== 'STREAMING')) return { kind: 'gone' };
      const { state: _s, paused, takenOver, busy, ...reply } = row;
      if (paused || takenOver) {
        const [message] = await tx.query<Message>(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = $1`, [messageId]);
        return { kind: 'blocked', reply: { ...reply, message }, why: paused ? 'paused' : 'taken_over' };
      }
      if (busy >= cap) return { kind: 'busy' };
      const [message] = await tx.query<Message>(
        `UPDATE messages m SET attempt = m.attempt + 1, state = 'PENDING', content = '', lease_until = now() + make_interval(secs => $2 / 1000.0)
          WHERE m.id = $1 RETURNING ${MESSAGE_COLUMNS}`,
        [messageId, leaseMs],
      );
      return { kind: 'claimed', reply: { ...reply, message } };
    });
  }

  /** Starts the same reply over (a broken stream): a new attempt, empty again. Null: another worker owns it now. */
  async restart(messageId: string, attempt: number, leaseMs: number): Promise<Message | null> {
    const [message] = await this.db.query<Message>(
      `UPDATE messages m SET attempt = m.attempt + 1, state = 'PENDING', content = '', lease_until = now() + make_interval(secs => $3 / 1000.0)
        WHERE m.id = $1 AND m.attempt = $2 AND m.state IN ('PENDING', 'STREAMING') RETURNING ${MESSAGE_COLUMNS}`,
      [messageId, attempt, leaseMs],
    );
    return message ?? null;
  }

  /** Partial content (throttled by the caller). False: this attempt no longer owns the reply. */
  async flush(messageId: string, attempt: number, content: string, leaseMs: number): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE messages SET content = $3, state = 'STREAMING', first_token_at = COALESCE(first_token_at, clock_timestamp()),
              lease_until = now() + make_interval(secs => $4 / 1000.0)
        WHERE id = $1 AND attempt = $2 AND state IN ('PENDING', 'STREAMING') RETURNING 1`,
      [messageId, attempt, content, leaseMs],
    );
    return rows.length === 1;
  }

  /**
   * The final content, and only now does the reply count: participants' last_seq moves to it
   * (unread +1 for whoever has not read past it) and it becomes the preview unless a later
   * message already completed. Null: this attempt no longer owns the reply.
   */
  async complete(messageId: string, attempt: number, content: string, responder: string): Promise<Addressed | null> {
    const [row] = await this.db.query<Addressed>(
      `WITH msg AS (
         UPDATE messages m SET content = $3, state = 'COMPLETE', responder = $4, completed_at = clock_timestamp(), lease_until = NULL,
                first_token_at = COALESCE(m.first_token_at, clock_timestamp())
          WHERE m.id = $1 AND m.attempt = $2 AND m.state IN ('PENDING', 'STREAMING')
         RETURNING m.*
       ), conv AS (
         UPDATE conversations c SET last_message_at = msg.completed_at, last_message_preview = $5, updated_at = now()
           FROM msg WHERE c.id = msg.conversation_id
            AND NOT EXISTS (SELECT 1 FROM messages n WHERE n.conversation_id = c.id AND n.seq > msg.seq AND n.state = 'COMPLETE')
         RETURNING c.id
       ), parts AS (
         UPDATE participants pa SET last_seq = GREATEST(pa.last_seq, msg.seq), activity_at = GREATEST(pa.activity_at, msg.completed_at)
           FROM msg WHERE pa.conversation_id = msg.conversation_id
         RETURNING pa.profile_id
       )
       SELECT ${MESSAGE_COLUMNS}, (SELECT array_agg(profile_id) FROM parts) AS recipients FROM msg m`,
      [messageId, attempt, content, responder, previewOf(content)],
    );
    return row ?? null;
  }

  /** FAILED with a short notice instead of content. attempt null: whichever attempt holds it. */
  async fail(messageId: string, attempt: number | null, notice: string, reason: string, responder: string | null): Promise<Message | null> {
    const [message] = await this.db.query<Message>(
      `UPDATE messages m SET state = 'FAILED', content = $3, failure = $4, responder = COALESCE($5, m.responder), lease_until = NULL
        WHERE m.id = $1 AND ($2::int IS NULL OR m.attempt = $2) AND m.state IN ('PENDING', 'STREAMING')
       RETURNING ${MESSAGE_COLUMNS}`,
      [messageId, attempt, notice, reason, responder],
    );
    return message ?? null;
  }

  /** The node is stopping: the reply stops counting against its agent's cap until the retry claims it. */
  async release(messageId: string, attempt: number): Promise<void> {
    await this.db.query(`UPDATE messages SET lease_until = NULL WHERE id = $1 AND attempt = $2`, [messageId, attempt]);
  }

  /** Everyone who sees a conversation's messages. */
  async recipients(conversationId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(`SELECT profile_id AS id FROM participants WHERE conversation_id = $1`, [conversationId]);
    return rows.map((r) => r.id);
  }

  /** retryAgentReply: FAILED back to PENDING (a new attempt, so subscribers see it start over). */
  async reopen(tx: Db, messageId: string): Promise<Message | null> {
    const [message] = await tx.query<Message>(
      `UPDATE messages m SET state = 'PENDING', content = '', failure = NULL, attempt = m.attempt + 1, lease_until = NULL
        WHERE m.id = $1 AND m.state = 'FAILED' RETURNING ${MESSAGE_COLUMNS}`,
      [messageId],
    );
    return message ?? null;
  }
}
