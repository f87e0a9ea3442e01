import type { Db } from '../../database/db';
import { BadInputError } from '../../shared/errors';
import { decodeCursor, encodeCursor } from '../../shared/pagination';
import { assertRange, assertUuid } from '../../shared/validation';
import type { Message } from '../messages/messages.types';
import { searchSql, searchValues, SearchParams, START, STOP } from './search.sql';
import { SearchStats } from './search.stats';
import type { MessageSearchResult, MessageSearchResultConnection, SearchMessagesArgs } from './search.types';

export const QUERY_MAX_LENGTH = 200;
/**
 * The first round walks this many of the viewer's most recently active conversations per 1,000
 * matches in the window: 128, enough for a window of 1,000 when a conversation has ~8 matches
 * in it (bench: one round for every heavy user).
 */
const firstRound = (window: number) => Math.max(4, Math.ceil((window * 128) / 1000));
const ALL_CONVERSATIONS = 2 ** 40;

export interface SearchOptions {
  /** How many of the newest matches are ranked (SEARCH_WINDOW). */
  window: number;
  /** A required word estimated to match fewer messages than this is looked up in the index (SEARCH_INDEX_BELOW). */
  indexBelow: number;
}

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

type Row = Message & { n: number; complete: boolean; floorAt: string | null; floorId: string | null; rank: number; headline: string };

/**
 * The words every result must contain: the query without its negated words, or null when it
 * has an `or` (then no single word is required). Only used to estimate how rare the query is.
 */
export function requiredWords(words: string): string | null {
  const outsideQuotes = words.replace(/"[^"]*"?/g, ' ');
  if (/(^|\s)or(\s|$)/i.test(outsideQuotes)) return null;
  const required = words.replace(/(^|\s)-("[^"]*"?|\S*)/g, ' ').trim();
  return required.length > 0 ? required : null;
}

/**
 * Full-text search over every message the viewer can read: messages of conversations they
 * take part in, never deleted ones (their content is blanked anyway) nor replies still being
 * written. The 'simple' configuration matches the generated column (see the RichMessages
 * migration). The newest `window` matches are ranked (search.sql.ts says why and how); keyset
 * pagination on (rank, id) inside that window; snippets are made for the page's rows only.
 */
export class SearchService {
  private readonly stats: SearchStats;

  constructor(
    private readonly db: Db,
    private readonly options: SearchOptions,
  ) {
    this.stats = new SearchStats(db);
  }

  async search(viewerId: string, args: SearchMessagesArgs): Promise<MessageSearchResultConnection> {
    const query = (args.query ?? '').trim();
    if (query.length === 0) throw new BadInputError('query must not be empty', 'query');
    if (query.length > QUERY_MAX_LENGTH) throw new BadInputError(`query must be at most ${QUERY_MAX_LENGTH} characters`, 'query');
    const limit = assertRange(args.first ?? 20, 'first', 1, 50);
    const conversationId = args.conversationId ? assertUuid(args.conversationId, 'conversationId') : null;
    const from = args.from ? assertUuid(args.from, 'from') : null;
    let cursor: { rank: number; id: string; floorAt: string | null; floorId: string | null } | null = null;
    if (args.after) {
      const [rank, id, floorAt, floorId] = decodeCursor(args.after, 'after', ['number', 'string', 'string', 'string']);
      if (Number.isNaN(Date.parse(floorAt))) throw new BadInputError('after is not a valid cursor', 'after');
      cursor = { rank, id: assertUuid(id, 'after'), floorAt, floorId: assertUuid(floorId, 'after') };
    }
    const { words, prefix } = splitQuery(query);
    const window = this.options.window;
    const params: SearchParams = {
      words,
      prefix,
      viewerId,
      conversationId,
      from,
      sentBefore: args.sentBefore ?? null,
      sentAfter: args.sentAfter ?? null,
      cursorRank: cursor?.rank ?? null,
      cursorId: cursor?.id ?? null,
      limit: limit + 1,
      // A later page ranks the first page's window again: every match from its floor on (room
      // for as many again that arrived in between).
      conversations: cursor ? ALL_CONVERSATIONS : firstRound(window),
      window: cursor ? 2 * window : window,
      floorAt: cursor?.floorAt ?? null,
      floorId: cursor?.floorId ?? null,
    };
    const indexed = await this.stats.isRare(requiredWords(words), prefix?.slice(0, -2) ?? null, this.options.indexBelow);
    const sql = searchSql(prefix !== null, indexed);
    let rows = await this.db.query<Row>(sql, searchValues(params));
    // Too few matches in the conversations walked: walk more, enough to fill the window if the
    // rate of matches holds (at least twice as many, at most 16 times).
    while (!rows[0].complete) {
      const grow = Math.min(16, Math.max(2, Math.ceil((1.5 * window) / Math.max(1, rows[0].n))));
      params.conversations *= grow;
      rows = await this.db.query<Row>(sql, searchValues(params));
    }
    const { floorAt, floorId } = cursor ?? rows[0];
    const page = rows.filter((row) => row.id !== null).slice(0, limit);
    const edges = page.map(({ rank, headline, n: _n, complete: _c, floorAt: _f, floorId: _i, ...message }) => ({
      cursor: encodeCursor([rank, message.id, floorAt, floorId]),
      node: { message, snippet: markSnippet(headline), rank } as MessageSearchResult,
    }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: {
        hasNextPage: rows.filter((row) => row.id !== null).length > limit,
        hasPreviousPage: cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    } as MessageSearchResultConnection;
  }
}
