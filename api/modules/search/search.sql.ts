import { MESSAGE_COLUMNS } from '../messages/messages.types';

// Private-use characters mark matches inside ts_headline's output; the text is HTML-escaped before they become <mark>.
export const START = '\uE000';
export const STOP = '\uE001';
// One excerpt of up to 35 words around the best match: a chat message is usually shown whole.
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15`;

/** The statement's parameters, in order ($1 … $14). */
export interface SearchParams {
  words: string;
  /** The last word as a tsquery prefix (`wor:*`), or null. */
  prefix: string | null;
  viewerId: string;
  conversationId: string | null;
  from: string | null;
  sentBefore: Date | null;
  sentAfter: Date | null;
  cursorRank: number | null;
  cursorId: string | null;
  /** Page size + 1. */
  limit: number;
  /** How many of the viewer's most recently active conversations this round walks. */
  conversations: number;
  /** How many of the newest matches are ranked. */
  window: number;
  /** The oldest message of the window the first page ranked (later pages rank the same window). */
  floorAt: string | null;
  floorId: string | null;
}

export const searchValues = (p: SearchParams): unknown[] => [
  p.words, p.prefix, p.viewerId, p.conversationId, p.from, p.sentBefore, p.sentAfter, p.cursorRank, p.cursorId,
  p.limit, p.conversations, p.window, p.floorAt, p.floorId,
];

const WORDS = `websearch_to_tsquery('simple', $1)`;
const PREFIX = `to_tsquery('simple', $2)`;
const MAX_UUID = `'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid`;

/**
 * The search statement: the viewer's newest `window` matches (created_at DESC, id DESC), ranked
 * by ts_rank, one page of them by keyset (rank, id), with snippets for that page only.
 *
 * Why a window: ranking is the cost. A heavy user's common words match nearly all of their
 * messages (bench: 19,000–69,000), and a ranked search that reads them all cannot stop early:
 * p95 144–210 ms, PostgreSQL CPU 18–127 ms per search depending on the plan. Ranking only the
 * newest matches bounds that work and is what people look for in a chat, where the recent
 * conversation is usually the one they mean; older matches are reached with sentBefore, a
 * conversation or a sender, which narrow the window.
 *
 * Two ways to find those matches (the service chooses, search.stats.ts):
 * - `indexed`, when one word that every result must contain (or the typed prefix) is rare in
 *   the whole table: the GIN index gives all its matches, the viewer's are kept, newest first.
 *   Its cost is the number of messages that word is in.
 * - `walked`, otherwise: the viewer's most recently active conversations, each read from its
 *   newest message back to the last activity of the first conversation left out, through
 *   (conversation_id, created_at, id) and at most `window` matches each. Every message newer
 *   than that bound is in one of these conversations (a conversation's activity_at is the time
 *   of its newest message for each participant), so the newest `window` matches among them are
 *   the viewer's newest; when fewer were found (`complete` false) the caller walks more
 *   conversations. The query goes through ts_match_vq(), which the planner cannot answer from
 *   the GIN index: for common words it must not try (per conversation, it would read the word's
 *   whole posting list).
 * Later pages rank the same window: the cursor carries its oldest message (the floor), and
 * messages from the floor on are all walked, so new messages cannot push a result out between pages.
 */
export function searchSql(hasPrefix: boolean, indexed: boolean): string {
  const full = hasPrefix ? `(CASE WHEN numnode(${WORDS}) = 0 THEN ${PREFIX} ELSE ${WORDS} && ${PREFIX} END)` : WORDS;
  const anyWords = hasPrefix ? `$2::text IS NOT NULL` : `$2::text IS NULL AND numnode(${WORDS}) > 0`;
  const filters = `m.deleted_at IS NULL AND m.state = 'COMPLETE'
         AND ($4::uuid IS NULL OR m.conversation_id = $4)
         AND ($5::uuid IS NULL OR m.sender_id = $5 AND m.sender_type = 'USER')
         AND ($6::timestamptz IS NULL OR m.created_at < $6)
         AND ($7::timestamptz IS NULL OR m.created_at > $7)
         AND ($13::timestamptz IS NULL OR (m.created_at, m.id) >= ($13, $14::uuid))`;
  const candidates = indexed
    ? `candidates AS (
      SELECT m.id, m.created_at, m.search FROM messages m
       WHERE ${anyWords} AND m.search @@ ${full}
         AND EXISTS (SELECT 1 FROM participants pa WHERE pa.conversation_id = m.conversation_id AND pa.profile_id = $3)
         AND ${filters}
       ORDER BY m.created_at DESC, m.id DESC LIMIT $12
    )`
    : `convs AS MATERIALIZED (
      SELECT pa.conversation_id AS id, pa.activity_at FROM participants pa
       WHERE pa.profile_id = $3 AND ${anyWords}
         AND ($4::uuid IS NULL OR pa.conversation_id = $4)
         AND ($7::timestamptz IS NULL OR pa.activity_at > $7)
         AND ($13::timestamptz IS NULL OR pa.activity_at >= $13)
       ORDER BY pa.activity_at DESC, pa.conversation_id DESC LIMIT $11::bigint + 1
    ), edge AS (
      -- The activity of the first conversation left out: every later message is in the walked ones.
      SELECT CASE WHEN count(*) > $11::bigint THEN min(activity_at) END AS at FROM convs
    ), candidates AS (
      SELECT w.id, w.created_at, w.search FROM convs c CROSS JOIN edge CROSS JOIN LATERAL (
        SELECT m.id, m.created_at, m.search FROM messages m
         WHERE m.conversation_id = c.id
           AND (m.conversation_id, m.created_at, m.id) >= (c.id, COALESCE($13::timestamptz, GREATEST(edge.at, $7::timestamptz), '-infinity'), COALESCE($14::uuid, ${MAX_UUID}))
           AND (m.conversation_id, m.created_at) < (c.id, COALESCE($6::timestamptz, 'infinity'))
           AND (edge.at IS NULL OR m.created_at > edge.at)
           AND ts_match_vq(m.search, ${full}) AND ${filters}
         ORDER BY m.conversation_id DESC, m.created_at DESC, m.id DESC LIMIT $12) w
       ORDER BY w.created_at DESC, w.id DESC LIMIT $12
    )`;
  // The index gives every match at once; the walk is complete when it found a window's worth or
  // walked every conversation. ($11, the conversations per round, only matters to the walk.)
  const complete = indexed ? `($11::bigint IS NULL OR true)` : `(count(*) >= $12 OR (SELECT at FROM edge) IS NULL)`;
  return `WITH ${candidates}, found AS (
      SELECT count(*)::int AS n, ${complete} AS complete,
             -- In the cursor to the microsecond (a JavaScript Date would round it to the millisecond).
             (SELECT to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM candidates c ORDER BY c.created_at, c.id LIMIT 1) AS floor_at,
             (SELECT c.id FROM candidates c ORDER BY c.created_at, c.id LIMIT 1) AS floor_id
        FROM candidates
    ), page AS (
      SELECT c.id, ts_rank(c.search, ${full}) AS rank FROM candidates c
       WHERE (SELECT complete FROM found)
         AND ($8::real IS NULL OR (ts_rank(c.search, ${full}), c.id) < ($8::real, $9::uuid))
       ORDER BY rank DESC, c.id DESC LIMIT $10
    )
    SELECT f.n, f.complete, f.floor_at AS "floorAt", f.floor_id AS "floorId", ${MESSAGE_COLUMNS}, page.rank,
           ts_headline('simple', m.content, ${full}, '${HEADLINE_OPTIONS}') AS headline
      FROM found f LEFT JOIN page ON true LEFT JOIN messages m ON m.id = page.id
     ORDER BY page.rank DESC, m.id DESC`;
}
