import type { Db } from '../../database/db';
import { BadInputError, NotFoundError } from '../../shared/errors';
import { assertText, assertUuid } from '../../shared/validation';
import type { AgentKnowledgeEntry } from './agent-replies.types';
import type { AddAgentKnowledgeInput, UpdateAgentKnowledgeInput } from './agent-replies.inputs';
import type { KnowledgePassage } from './providers/responder';

export const KNOWLEDGE_COLUMNS = `k.id, k.agent_id AS "agentId", k.title, k.body, k.created_at AS "createdAt", k.updated_at AS "updatedAt"`;
const MAX_ENTRIES_PER_AGENT = 500;
/** Notes up to this long are quoted whole; longer ones by their best fragments. */
const WHOLE_NOTE_CHARS = 600;

/** Note titles and bodies: trimmed, not empty, no NUL; their maximum lengths are checked on the input types. */
const text = (raw: string | null | undefined, field: string) => assertText(raw, field);

/**
 * The notes an agent answers from, written by its owner, and their full-text search: the
 * question's words become an OR query (PostgreSQL's english configuration stems them and
 * drops stop words), notes are ranked with ts_rank over a weighted tsvector (title above
 * body, kept by a generated column with a GIN index), and each match says how much of the
 * question it covers, so a responder can tell a real answer from a stray shared word.
 */
export class AgentKnowledgeService {
  constructor(private readonly db: Db) {}

  async add(ownerId: string, input: AddAgentKnowledgeInput): Promise<AgentKnowledgeEntry> {
    const agentId = assertUuid(input.agentId, 'agentId');
    const [row] = await this.db.query<AgentKnowledgeEntry & { full: boolean }>(
      `WITH agent AS (SELECT a.id, (SELECT count(*) FROM agent_knowledge x WHERE x.agent_id = a.id) >= $5 AS full
                        FROM agents a WHERE a.id = $1 AND a.owner_id = $2),
            ins AS (INSERT INTO agent_knowledge (agent_id, title, body) SELECT agent.id, $3, $4 FROM agent WHERE NOT agent.full RETURNING *)
       SELECT agent.full, ${KNOWLEDGE_COLUMNS} FROM agent LEFT JOIN ins k ON true`,
      [agentId, ownerId, text(input.title, 'title'), text(input.body, 'body'), MAX_ENTRIES_PER_AGENT],
    );
    if (!row) throw new NotFoundError('No such agent of yours');
    if (row.full) throw new BadInputError(`An agent can have at most ${MAX_ENTRIES_PER_AGENT} notes`, 'agentId');
    const { full: _full, ...entry } = row;
    return entry;
  }

  async update(ownerId: string, input: UpdateAgentKnowledgeInput): Promise<AgentKnowledgeEntry> {
    const id = assertUuid(input.id, 'id');
    const title = input.title == null ? null : text(input.title, 'title');
    const body = input.body == null ? null : text(input.body, 'body');
    const [row] = await this.db.query<AgentKnowledgeEntry>(
      `UPDATE agent_knowledge k SET title = COALESCE($3, k.title), body = COALESCE($4, k.body), updated_at = now()
         FROM agents a WHERE k.id = $1 AND a.id = k.agent_id AND a.owner_id = $2 RETURNING ${KNOWLEDGE_COLUMNS}`,
      [id, ownerId, title, body],
    );
    if (!row) throw new NotFoundError('No such note of yours');
    return row;
  }

  async delete(ownerId: string, entryId: string): Promise<boolean> {
    const id = assertUuid(entryId, 'id');
    const rows = await this.db.query(
      `DELETE FROM agent_knowledge k USING agents a WHERE k.id = $1 AND a.id = k.agent_id AND a.owner_id = $2 RETURNING k.id`,
      [id, ownerId],
    );
    if (rows.length === 0) throw new NotFoundError('No such note of yours');
    return true;
  }

  /** The notes that share words with the question, best first. */
  async search(agentId: string, question: string, limit: number): Promise<KnowledgePassage[]> {
    const rows = await this.db.query<KnowledgePassage & { headline: string }>(
      `WITH terms AS (
         SELECT DISTINCT t.lexeme FROM unnest(to_tsvector('english', $2)) t WHERE t.lexeme ~ '^[[:alnum:]_]+$'
       ), q AS (
         -- The lexemes are already normalised: cast them, do not stem them twice.
         SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery AS query, count(*) AS n FROM terms
       )
       SELECT k.id, k.title, k.body, ts_rank(k.search, q.query)::float8 AS rank,
              (SELECT count(*) FROM terms t WHERE k.search @@ quote_literal(t.lexeme)::tsquery)::float8 / q.n AS coverage,
              ts_headline('english', k.body, q.query, 'MaxFragments=2, MinWords=12, MaxWords=40, StartSel="", StopSel="", FragmentDelimiter=" … "') AS headline
         FROM agent_knowledge k, q
        WHERE k.agent_id = $1 AND q.n > 0 AND k.search @@ q.query
        ORDER BY rank DESC, k.created_at
        LIMIT $3`,
      [agentId, question, limit],
    );
    return rows.map(({ headline, ...row }) => ({ ...row, excerpt: row.body.length <= WHOLE_NOTE_CHARS ? row.body : headline }));
  }
}
