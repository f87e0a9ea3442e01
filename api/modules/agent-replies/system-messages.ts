import type { Db } from '../../database/db';
import type { EventBus } from '../../shared/events';
import { MESSAGE_COLUMNS } from '../messages/messages.types';
import { participantsAfterWrite, previewOf } from '../messages/message-preview';
import type { Addressed } from './reply-store';

/**
 * Messages from Parley itself (senderType SYSTEM, no sender) in agent chats: who can read the
 * chat, who joined, what a command did. Numbered and counted like any message, in one
 * statement; the person whose action caused one (`actorId`) has it read already.
 */
export class SystemMessages {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
  ) {}

  /** Writes one (inside `tx` when given); call publish() after the transaction commits. */
  async write(conversationId: string, content: string, actorId: string | null, tx: Db = this.db): Promise<Addressed> {
    const [row] = await tx.query<Addressed>(
      `WITH conv AS (
         UPDATE conversations c SET last_seq = c.last_seq + 1, last_message_at = clock_timestamp(), last_message_preview = $3, updated_at = now()
          WHERE c.id = $1 RETURNING c.id, c.last_seq, c.last_message_at
       ), msg AS (
         INSERT INTO messages (conversation_id, seq, sender_type, sender_id, content, created_at)
         SELECT conv.id, conv.last_seq, 'SYSTEM', NULL, $2, conv.last_message_at FROM conv RETURNING *
       ), parts AS (
         ${participantsAfterWrite('$4')}
       )
       SELECT ${MESSAGE_COLUMNS}, (SELECT array_agg(profile_id) FROM parts) AS recipients FROM msg m`,
      [conversationId, content, previewOf(content), actorId],
    );
    if (!row) throw new Error(`conversation ${conversationId} vanished`);
    return row;
  }

  publish(row: Addressed): void {
    const { recipients, ...message } = row;
    this.events.publish({ kind: 'message', conversationId: message.conversationId, recipients, message });
    this.events.publish({ kind: 'conversation', conversationId: message.conversationId, recipients });
  }

  async post(conversationId: string, content: string, actorId: string | null): Promise<Addressed> {
    const row = await this.write(conversationId, content, actorId);
    this.publish(row);
    return row;
  }
}
