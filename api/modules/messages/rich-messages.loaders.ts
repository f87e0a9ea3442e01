import DataLoader from 'dataloader';
import type { Db } from '../../database/db';
import { MESSAGE_COLUMNS, Message } from './messages.types';
import type { MessageVersion, ReactionRow } from './rich-messages.types';

/** A page of the replies to one message, oldest first. */
export interface RepliesQuery {
  messageId: string;
  limit: number;
  afterSeq: number | null;
}

const repliesKey = (q: RepliesQuery) => `${q.messageId}:${q.limit}:${q.afterSeq}`;

/** Edit history, reactions, quoted originals and replies: one statement per kind per request. */
export function createRichMessageLoaders(db: Db) {
  return {
    messageById: new DataLoader<string, Message | null>(async (ids) => {
      const rows = await db.query<Message>(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = ANY($1::uuid[])`, [ids], { prepare: true });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    versionsByMessage: new DataLoader<string, MessageVersion[]>(async (ids) => {
      const rows = await db.query<MessageVersion>(
        `SELECT message_id AS "messageId", content, written_at AS "writtenAt", replaced_at AS "replacedAt"
           FROM message_versions WHERE message_id = ANY($1::uuid[]) ORDER BY id`,
        [ids],
        { prepare: true },
      );
      return ids.map((id) => rows.filter((r) => r.messageId === id));
    }),
    reactionsByMessage: new DataLoader<string, ReactionRow[]>(async (ids) => {
      const rows = await db.query<ReactionRow>(
        `SELECT message_id AS "messageId", emoji, profile_id AS "profileId" FROM message_reactions
          WHERE message_id = ANY($1::uuid[]) ORDER BY created_at, profile_id`,
        [ids],
        { prepare: true },
      );
      return ids.map((id) => rows.filter((r) => r.messageId === id));
    }),
    /** conversations.last_update_seq: where a messageUpdated subscription resumes from. */
    conversationUpdateSeq: new DataLoader<string, number>(async (ids) => {
      const rows = await db.query<{ id: string; seq: number }>(`SELECT id, last_update_seq::int AS seq FROM conversations WHERE id = ANY($1::uuid[])`, [ids], { prepare: true });
      const byId = new Map(rows.map((r) => [r.id, r.seq]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
    replyCount: new DataLoader<string, number>(async (ids) => {
      const rows = await db.query<{ id: string; count: number }>(
        `SELECT reply_to_id AS id, count(*)::int AS count FROM messages WHERE reply_to_id = ANY($1::uuid[]) GROUP BY reply_to_id`,
        [ids],
        { prepare: true },
      );
      const byId = new Map(rows.map((r) => [r.id, r.count]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
    /** limit + 1 rows per message, so the caller knows whether there are more. */
    replies: new DataLoader<RepliesQuery, Message[], string>(
      async (queries) => {
        const rows = await db.query<Message & { i: string }>(
          `SELECT m.*, k.i FROM unnest($1::uuid[], $2::int[], $3::bigint[]) WITH ORDINALITY AS k(parent, lim, after_seq, i)
           CROSS JOIN LATERAL (
             SELECT ${MESSAGE_COLUMNS} FROM messages m
              WHERE m.reply_to_id = k.parent AND (k.after_seq IS NULL OR m.seq > k.after_seq)
              ORDER BY m.seq LIMIT k.lim + 1
           ) m`,
          [queries.map((q) => q.messageId), queries.map((q) => q.limit), queries.map((q) => q.afterSeq)],
          { prepare: true },
        );
        return queries.map((_q, index) => rows.filter((r) => Number(r.i) === index + 1).map(({ i: _i, ...m }) => m));
      },
      { cacheKeyFn: repliesKey },
    ),
  };
}
