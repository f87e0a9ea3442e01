import DataLoader from 'dataloader';
import type { Db } from '../../database/db';
import { CONVERSATION_COLUMNS, type Conversation, type Participant } from './conversations.types';

/**
 * A participant's unread count: watermark arithmetic, less the messages deleted above the
 * watermark (valid only while the watermark has not moved since: see the RichMessages migration).
 */
export const UNREAD_SQL = `pa.last_seq - pa.last_read_seq - CASE WHEN pa.deleted_unread_read_seq = pa.last_read_seq THEN pa.deleted_unread ELSE 0 END`;

const PARTICIPANT_COLUMNS = `pa.conversation_id AS "conversationId", pa.profile_id AS "profileId", pa.role,
  pa.last_read_seq::int AS "lastReadSeq", pa.last_read_at AS "lastReadAt", pa.is_admin AS "isAdmin", (${UNREAD_SQL})::int AS unread`;

export const VIEWER_COLUMNS = `${CONVERSATION_COLUMNS}, pa.profile_id AS "viewerId",
    (${UNREAD_SQL})::int AS "viewerUnread", pa.activity_at::text AS "sortKey", pa.muted`;
export const VIEWER_FROM = `FROM participants pa JOIN conversations c ON c.id = pa.conversation_id`;

/** The viewer's participant row joined to its conversation: everything a list item shows. */
export const VIEWER_CONVERSATION = `SELECT ${VIEWER_COLUMNS} ${VIEWER_FROM}`;

export type ParticipantRow = Participant & { unread: number };

export function createConversationLoaders(db: Db) {
  return {
    /**
     * A conversation as one viewer sees it (null when they are not in it), keyed
     * `${conversationId}:${viewerId}`: Message.conversation for a page of messages from many
     * conversations (search results) in one statement.
     */
    viewerConversation: new DataLoader<string, Conversation | null>(async (keys) => {
      const pairs = keys.map((k) => k.split(':'));
      const rows = await db.query<Conversation>(
        `${VIEWER_CONVERSATION} JOIN unnest($1::uuid[], $2::uuid[]) AS k(cid, pid) ON pa.conversation_id = k.cid AND pa.profile_id = k.pid`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        { prepare: true },
      );
      const byKey = new Map(rows.map((r) => [`${r.id}:${r.viewerId}`, r]));
      return keys.map((k) => byKey.get(k) ?? null);
    }),
    participantsByConversation: new DataLoader<string, ParticipantRow[]>(async (ids) => {
      const rows = await db.query<ParticipantRow>(
        `SELECT ${PARTICIPANT_COLUMNS} FROM participants pa WHERE pa.conversation_id = ANY($1::uuid[]) ORDER BY pa.joined_at, pa.profile_id`,
        [ids],
        { prepare: true },
      );
      return ids.map((id) => rows.filter((r) => r.conversationId === id));
    }),
    /** One person's participant row, keyed `${conversationId}:${profileId}`. */
    participant: new DataLoader<string, ParticipantRow | null>(async (keys) => {
      const pairs = keys.map((k) => k.split(':'));
      const rows = await db.query<ParticipantRow>(
        `SELECT ${PARTICIPANT_COLUMNS} FROM participants pa
          JOIN unnest($1::uuid[], $2::uuid[]) AS k(cid, pid) ON pa.conversation_id = k.cid AND pa.profile_id = k.pid`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        { prepare: true },
      );
      const byKey = new Map(rows.map((r) => [`${r.conversationId}:${r.profileId}`, r]));
      return keys.map((k) => byKey.get(k) ?? null);
    }),
  };
}
