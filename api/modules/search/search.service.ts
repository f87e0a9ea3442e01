import type { Db } from '../../database/db';
import { BadInputError } from '../../shared/errors';
import { decodeCursor, encodeCursor } from '../../shared/pagination';
import { assertRange, assertUuid } from '../../shared/validation';
import { MESSAGE_COLUMNS, Message } from '../messages/messages.types';
import type { MessageSearchResult, MessageSearchResultConnection, SearchMessagesArgs } from './search.types';

export const QUERY_MAX_LENGTH = 200;
// Private-use characters mark matches inside ts_headline's output; the text is HTML-escaped before they become <mark>.
const START = '\uE000';
const STOP = '\uE001';
// One excerpt of up to 35 words around the best match: a chat message is usually shown whole.
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15`;

/**
 * The query as websearch_to_tsquery takes it, and the last word on its own when it can be
 * matched as a prefix (a plain word, outside quotes, not negated, not the `or` operator).
 */
export function splitQuery(raw: string): { words: string; prefix: string | null } {
  const query = raw.trim();
  const last = /(^|\s)([\p{L}\p{N}]+)$/u.exec(query);
  const quotes = (query.match(/"/g) ?? []).length;
  if (!last || quotes % 2 === 1 || last[2].toLowerCase() === 'or') return { words: query, prefix: null };
  return { words: query.slice(0, last.index), prefix: `${last[2].toLowerCase()}:*` };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function markSnippet(headline: string): string {
  // ts_headline leaves the spaces of tags it drops: a snippet is one line of text.
  return escapeHtml(headline.replace(/\s+/g, ' ').trim()).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

type Row = Message & { rank: number; headline: string };

const WORDS = `websearch_to_tsquery('simple', $1)`;
const PREFIX = `to_tsquery('simple', $2)`;

/**
 * The search statement. The tsquery is written out where it is used rather than computed in a
 * CTE: with the values bound ($1 words, $2 prefix) PostgreSQL folds it to a constant and
 * estimates from the column's statistics how many messages match, so it can choose between the
 * GIN index (rare words: read their few matches, keep the viewer's) and the viewer's own
 * conversations (common words: read the viewer's messages, test each, so the cost is bounded by
 * how many messages the viewer has). Behind a CTE it could not see the query and always took the
 * GIN index, reading every match in the database: seconds for a word in most of 1,000,000
 * messages (bench: search).
 * The prefix (the last word, as typed) goes through ts_match_vq(), which the planner neither
 * estimates nor answers from the index: its estimate for `word:*` is a guess (2% here, for a
 * prefix in 94% of the rows), and a low guess sends a heavy user's search through every match in
 * the database. So a search with a prefix is planned on its whole words alone, and a search that
 * is only a prefix reads the viewer's own messages.
 */
function searchSql(hasPrefix: boolean): string {
  const full = hasPrefix ? `(CASE WHEN numnode(${WORDS}) = 0 THEN ${PREFIX} ELSE ${WORDS} && ${PREFIX} END)` : WORDS;
  const match = hasPrefix
    ? `(numnode(${WORDS}) = 0 OR m.search @@ ${WORDS}) AND ts_match_vq(m.search, ${full})`
    : `$2::text IS NULL AND numnode(${WORDS}) > 0 AND m.search @@ ${WORDS}`;
  return `WITH hits AS (
      SELECT m.id, ts_rank(m.search, ${full}) AS rank
        FROM participants pa JOIN messages m ON m.conversation_id = pa.conversation_id
       WHERE pa.profile_id = $3 AND ${match}
         AND m.deleted_at IS NULL AND m.state = 'COMPLETE'
         AND ($4::uuid IS NULL OR m.conversation_id = $4)
         AND ($5::uuid IS NULL OR m.sender_id = $5 AND m.sender_type = 'USER')
         AND ($6::timestamptz IS NULL OR m.created_at < $6)
         AND ($7::timestamptz IS NULL OR m.created_at > $7)
         AND ($8::real IS NULL OR (ts_rank(m.search, ${full}), m.id) < ($8::real, $9::uuid))
       ORDER BY rank DESC, m.id DESC
       LIMIT $10
    )
    SELECT ${MESSAGE_COLUMNS}, hits.rank, ts_headline('simple', m.content, ${full}, '${HEADLINE_OPTIONS}') AS headline
      FROM hits JOIN messages m ON m.id = hits.id
     ORDER BY hits.rank DESC, m.id DESC`;
}

/**
 * Full-text search over every message the viewer can read: messages of conversations they
 * take part in, never deleted ones (their content is blanked anyway) nor replies still being
 * written. The 'simple' configuration matches the generated column (see the RichMessages
 * migration). Keyset pagination on (rank, id); snippets are made for the page's rows only.
 */
export class SearchService {
  constructor(private readonly db: Db) {}

  async search(viewerId: string, args: SearchMessagesArgs): Promise<MessageSearchResultConnection> {
    const query = (args.query ?? '').trim();
    if (query.length === 0) throw new BadInputError('query must not be empty', 'query');
    if (query.length > QUERY_MAX_LENGTH) throw new BadInputError(`query must be at most ${QUERY_MAX_LENGTH} characters`, 'query');
    const limit = assertRange(args.first ?? 20, 'first', 1, 50);
    const conversationId = args.conversationId ? assertUuid(args.conversationId, 'conversationId') : null;
    const from = args.from ? assertUuid(args.from, 'from') : null;
    let cursor: [number, string] | null = null;
    if (args.after) {
      const [rank, id] = decodeCursor(args.after, 'after', ['number', 'string']);
      cursor = [rank, assertUuid(id, 'after')];
    }
    const { words, prefix } = splitQuery(query);
    const rows = await this.db.query<Row>(searchSql(prefix !== null), [
      words,
      prefix,
      viewerId,
      conversationId,
      from,
      args.sentBefore ?? null,
      args.sentAfter ?? null,
      cursor?.[0] ?? null,
      cursor?.[1] ?? null,
      limit + 1,
    ]);
    const page = rows.slice(0, limit);
    const edges = page.map(({ rank, headline, ...message }) => ({
      cursor: encodeCursor([rank, message.id]),
      node: { message, snippet: markSnippet(headline), rank } as MessageSearchResult,
    }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: {
        hasNextPage: rows.length > limit,
        hasPreviousPage: cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    } as MessageSearchResultConnection;
  }
}
