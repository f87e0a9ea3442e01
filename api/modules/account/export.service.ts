import type { Db } from '../../database/db';
import { AGENT_COLUMNS } from '../agents/agents.types';
import { PROFILE_COLUMNS } from '../profiles/profiles.types';
import { MESSAGE_COLUMNS } from '../messages/messages.types';

const PAGE = 500;

/**
 * Everything a person owns or can read, as one JSON document written piece by piece, so a
 * person with a long history never needs it all in memory: their profile, their agents (with
 * personas), the people they blocked, and every conversation they take part in with its
 * participants and messages. Files are listed with each message (name, type, size, and the
 * path that downloads them with the same bearer token), not inlined: an export stays text.
 */
export class ExportService {
  constructor(private readonly db: Db) {}

  async write(viewerId: string, out: (chunk: string) => Promise<void>): Promise<void> {
    const [profile] = await this.db.query(`SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.id = $1`, [viewerId]);
    const agents = await this.db.query(`SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.owner_id = $1 ORDER BY a.created_at`, [viewerId]);
    const blocked = await this.db.query(
      `SELECT p.handle, b.created_at AS "blockedAt" FROM blocks b JOIN profiles p ON p.id = b.blocked_id WHERE b.blocker_id = $1`,
      [viewerId],
    );
    await out(`{"exportedAt":${JSON.stringify(new Date().toISOString())},"profile":${JSON.stringify(profile)},"agents":${JSON.stringify(agents)},"blocked":${JSON.stringify(blocked)},"conversations":[`);
    const conversations = await this.db.query<{ id: string }>(
      `SELECT c.id, c.chat_type AS "chatType", c.title, c.target_agent_id AS "targetAgentId", c.created_at AS "createdAt", pa.role AS "myRole",
              (SELECT json_agg(json_build_object('handle', p.handle, 'role', o.role, 'isAdmin', o.is_admin, 'lastReadSeq', o.last_read_seq, 'lastReadAt', o.last_read_at))
                 FROM participants o JOIN profiles p ON p.id = o.profile_id WHERE o.conversation_id = c.id) AS participants
         FROM participants pa JOIN conversations c ON c.id = pa.conversation_id
        WHERE pa.profile_id = $1 ORDER BY c.created_at, c.id`,
      [viewerId],
    );
    for (const [index, conversation] of conversations.entries()) {
      const head = JSON.stringify(conversation);
      await out(`${index ? ',' : ''}${head.slice(0, -1)},"messages":[`);
      let after = 0;
      let first = true;
      for (;;) {
        const messages = await this.db.query<{ seq: number }>(
          `SELECT ${MESSAGE_COLUMNS}, sp.handle AS "senderHandle", sa.handle AS "senderAgentHandle",
                  (SELECT json_agg(json_build_object('id', f.id, 'kind', f.kind, 'name', f.name, 'contentType', f.content_type,
                                                     'size', f.size, 'width', f.width, 'height', f.height, 'durationMs', f.duration_ms,
                                                     'download', '/attachments/' || f.id) ORDER BY f.position)
                     FROM attachments f WHERE f.message_id = m.id) AS attachments
             FROM messages m LEFT JOIN profiles sp ON sp.id = m.sender_id LEFT JOIN agents sa ON sa.id = m.sender_agent_id
            WHERE m.conversation_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT ${PAGE}`,
          [conversation.id, after],
        );
        for (const message of messages) {
          await out(`${first ? '' : ','}${JSON.stringify(message)}`);
          first = false;
        }
        if (messages.length < PAGE) break;
        after = messages[messages.length - 1].seq;
      }
      await out(']}');
    }
    await out(']}');
  }
}
