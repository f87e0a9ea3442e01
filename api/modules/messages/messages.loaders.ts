import DataLoader from 'dataloader';
import type { Db } from '../../database/db';
import { decodeCursor, encodeCursor, Page } from '../../shared/pagination';
import { BadInputError } from '../../shared/errors';
import { MESSAGE_COLUMNS, Message } from './messages.types';

/** A validated request for one page of one conversation's messages. */
export interface MessagePageQuery {
  conversationId: string;
  direction: 'backward' | 'forward';
  limit: number;
  /** Exclusive bound: seq < bound when paging backward, seq > bound when paging forward. */
  boundSeq: number | null;
}

export const messageCursor = (seq: number) => encodeCursor([seq]);

/** The seq inside a message cursor (`field` names the argument in the error). */
export function messageCursorSeq(cursor: string, field: string): number {
  const [seq] = decodeCursor(cursor, field, ['number']);
  if (!Number.isSafeInteger(seq) || seq < 0) throw new BadInputError(`${field} is not a valid cursor`, field);
  return seq;
}

/**
 * Pages of many conversations' messages in one statement (a LATERAL join per conversation),
 * so a conversation list that also asks for messages stays at a constant query count.
 */
export function createMessageLoaders(db: Db) {
  return {
    messagePage: new DataLoader<MessagePageQuery, Page<Message>, string>(
      async (queries) => {
        const groups = new Map<string, MessagePageQuery[]>();
        for (const q of queries) {
          const key = `${q.direction}:${q.limit}:${q.boundSeq}`;
          groups.set(key, [...(groups.get(key) ?? []), q]);
        }
        const pages = new Map<string, Page<Message>>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { direction, limit, boundSeq } = group[0];
            const backward = direction === 'backward';
            // The bounds are row comparisons on the (conversation_id, seq) index: equivalent to
            // conversation_id = k.cid AND seq in (lower, upper), but the planner cannot take k.cid's
            // messages to be "the average conversation's ten". With the plain equality it did, and
            // for a long conversation chose to read all its messages and sort them (5,005 rows for
            // one page); now it always walks the index from the bound and stops after LIMIT rows.
            const [lower, upper] = backward ? ['0', 'COALESCE($2::bigint, 9223372036854775807)'] : ['COALESCE($2::bigint, 0)', '9223372036854775807'];
            const rows = await db.query<Message>(
              // hasAttachments: a page without files (most) skips the attachments statement.
              `SELECT m.* FROM unnest($1::uuid[]) AS k(cid)
               CROSS JOIN LATERAL (
                 SELECT ${MESSAGE_COLUMNS}, EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id) AS "hasAttachments" FROM messages m
                  WHERE (m.conversation_id, m.seq) > (k.cid, ${lower}) AND (m.conversation_id, m.seq) < (k.cid, ${upper})
                  ORDER BY m.conversation_id ${backward ? 'DESC' : 'ASC'}, m.seq ${backward ? 'DESC' : 'ASC'}
                  LIMIT $3
               ) m`,
              [group.map((q) => q.conversationId), boundSeq, limit + 1],
              { prepare: true },
            );
            for (const q of group) {
              let own = rows.filter((r) => r.conversationId === q.conversationId);
              const more = own.length > limit;
              own = own.slice(0, limit);
              if (backward) own.reverse();
              const edges = own.map((node) => ({ cursor: messageCursor(node.seq), node }));
              pages.set(pageKey(q), {
                edges,
                nodes: own,
                pageInfo: {
                  hasPreviousPage: backward ? more : boundSeq !== null,
                  hasNextPage: backward ? boundSeq !== null : more,
                  startCursor: edges[0]?.cursor ?? null,
                  endCursor: edges[edges.length - 1]?.cursor ?? null,
                },
              });
            }
          }),
        );
        return queries.map((q) => pages.get(pageKey(q))!);
      },
      { cacheKeyFn: pageKey },
    ),
  };
}

function pageKey(q: MessagePageQuery): string {
  return `${q.conversationId}:${q.direction}:${q.limit}:${q.boundSeq}`;
}
