import type { Db } from '../../database/db';
import { isUniqueViolation } from '../../database/db';
import { BadInputError, NotFoundError } from '../../shared/errors';
import { assertUuid } from '../../shared/validation';
import { AGENT_COLUMNS, Agent, AgentVisibility } from './agents.types';
import type { CreateAgentInput, UpdateAgentInput } from './agents.inputs';

const blankToNull = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s.trim());

export class AgentsService {
  constructor(private readonly db: Db) {}

  async create(ownerId: string, input: CreateAgentInput): Promise<Agent> {
    // MinLength(1) passes "   ", which the trim below would store as an empty name.
    if (input.displayName.trim() === '') throw new BadInputError('displayName must not be empty', 'displayName');
    try {
      const [agent] = await this.db.query<Agent>(
        `INSERT INTO agents AS a (owner_id, handle, display_name, avatar_url, persona, visibility)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${AGENT_COLUMNS}`,
        [ownerId, input.handle.toLowerCase(), input.displayName.trim(), blankToNull(input.avatarUrl), blankToNull(input.persona), input.visibility ?? AgentVisibility.PUBLIC],
      );
      return agent;
    } catch (error) {
      if (isUniqueViolation(error, 'agents_handle_key')) throw new BadInputError('That agent handle is taken', 'handle');
      if ((error as { code?: string }).code === '23503') throw new NotFoundError('This account no longer exists');
      throw error;
    }
  }

  async update(ownerId: string, input: UpdateAgentInput): Promise<Agent> {
    const id = assertUuid(input.id, 'id');
    if (input.displayName != null && input.displayName.trim() === '') throw new BadInputError('displayName must not be empty', 'displayName');
    const [agent] = await this.db.query<Agent>(
      `UPDATE agents a SET
         display_name = COALESCE($3, a.display_name),
         avatar_url = CASE WHEN $4::boolean THEN $5 ELSE a.avatar_url END,
         persona = CASE WHEN $6::boolean THEN $7 ELSE a.persona END,
         visibility = COALESCE($8, a.visibility),
         updated_at = now()
       WHERE a.id = $1 AND a.owner_id = $2 RETURNING ${AGENT_COLUMNS}`,
      [id, ownerId, input.displayName?.trim() ?? null, input.avatarUrl !== undefined && input.avatarUrl !== null, blankToNull(input.avatarUrl),
        input.persona !== undefined && input.persona !== null, blankToNull(input.persona), input.visibility ?? null],
    );
    if (!agent) throw new NotFoundError('No such agent of yours');
    return agent;
  }

  /** Chats with the agent stay readable: their target_agent_id becomes null (seed rule). */
  async delete(ownerId: string, agentId: string): Promise<boolean> {
    const id = assertUuid(agentId, 'id');
    const rows = await this.db.query(`DELETE FROM agents WHERE id = $1 AND owner_id = $2 RETURNING id`, [id, ownerId]);
    if (rows.length === 0) throw new NotFoundError('No such agent of yours');
    return true;
  }

  async listOwn(ownerId: string): Promise<Agent[]> {
    return this.db.query<Agent>(`SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.owner_id = $1 ORDER BY a.created_at, a.id`, [ownerId]);
  }

  /** An agent as the viewer may see it: PRIVATE agents exist only for their owner. */
  async visible(viewerId: string, agentId: string): Promise<Agent | null> {
    const id = assertUuid(agentId, 'id');
    const [agent] = await this.db.query<Agent>(`SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.id = $1`, [id]);
    if (!agent || (agent.visibility === AgentVisibility.PRIVATE && agent.ownerId !== viewerId)) return null;
    return agent;
  }

  async find(agentId: string): Promise<Agent | null> {
    const [agent] = await this.db.query<Agent>(`SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.id = $1`, [agentId]);
    return agent ?? null;
  }
}
