import type { Db } from '../../database/db';
import { BadInputError, NotFoundError } from '../../shared/errors';
import { assertUuid } from '../../shared/validation';
import { AGENT_COLUMNS, Agent } from '../agents/agents.types';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Conversation } from '../conversations/conversations.types';
import type { SystemMessages } from './system-messages';

const MODEL_NAME = /^[\w.:/@+-]{1,200}$/;

/**
 * The owner's controls over their agents: pause / resume, the model, and per chat take over /
 * hand back. A takeover and a hand-back each leave a SYSTEM message in the chat, so the
 * person always knows who is speaking; repeating one changes nothing and posts nothing.
 */
export class OwnerControlsService {
  constructor(
    private readonly db: Db,
    private readonly system: SystemMessages,
    private readonly conversations: ConversationsService,
  ) {}

  async setPaused(ownerId: string, agentId: string, paused: boolean): Promise<Agent> {
    const id = assertUuid(agentId, 'agentId');
    const [agent] = await this.db.query<Agent>(
      `UPDATE agents a SET paused_at = CASE WHEN $3 THEN COALESCE(a.paused_at, now()) END, updated_at = now()
        WHERE a.id = $1 AND a.owner_id = $2 RETURNING ${AGENT_COLUMNS}`,
      [id, ownerId, paused],
    );
    if (!agent) throw new NotFoundError('No such agent of yours');
    return agent;
  }

  async setModel(ownerId: string, agentId: string, model: string | null): Promise<Agent> {
    const id = assertUuid(agentId, 'agentId');
    const value = model?.trim() || null;
    if (value !== null && !MODEL_NAME.test(value)) throw new BadInputError('model must be a model name (letters, digits and . : / @ + - _)', 'model');
    const [agent] = await this.db.query<Agent>(
      `UPDATE agents a SET model = $3, updated_at = now() WHERE a.id = $1 AND a.owner_id = $2 RETURNING ${AGENT_COLUMNS}`,
      [id, ownerId, value],
    );
    if (!agent) throw new NotFoundError('No such agent of yours');
    return agent;
  }

  /** The owner steps in: their messages are labelled as theirs, and the agent is silent here until handBack. */
  takeOver(ownerId: string, conversationId: string): Promise<Conversation> {
    return this.switch(ownerId, conversationId, true);
  }

  handBack(ownerId: string, conversationId: string): Promise<Conversation> {
    return this.switch(ownerId, conversationId, false);
  }

  private async switch(ownerId: string, conversationId: string, takeOver: boolean): Promise<Conversation> {
    const id = assertUuid(conversationId, 'conversationId');
    const posted = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ agentId: string; agentName: string; ownerName: string }>(
        `UPDATE conversations c SET agent_taken_over_at = CASE WHEN $3 THEN now() END
           FROM participants pa, agents a, profiles p
          WHERE c.id = $1 AND pa.conversation_id = c.id AND pa.profile_id = $2 AND pa.role = 'AGENT_OWNER'
            AND a.id = c.target_agent_id AND p.id = $2 AND (c.agent_taken_over_at IS NULL) = $3
          RETURNING a.id AS "agentId", a.display_name AS "agentName", COALESCE(p.display_name, p.handle) AS "ownerName"`,
        [id, ownerId, takeOver],
      );
      if (!row) return null;
      await tx.query(`INSERT INTO agent_events (agent_id, conversation_id, kind, actor_id) VALUES ($1, $2, $3, $4)`, [
        row.agentId, id, takeOver ? 'TAKEOVER' : 'HANDBACK', ownerId,
      ]);
      const notice = takeOver
        ? `${row.ownerName} joined the conversation. You are now talking with ${row.ownerName}, not ${row.agentName}.`
        : `${row.agentName} is back. ${row.ownerName} can still read this conversation.`;
      return this.system.write(id, notice, ownerId, tx);
    });
    if (posted) this.system.publish(posted);
    else await this.requireOwnerOf(ownerId, id);
    return this.conversations.getForViewer(ownerId, id);
  }

  /** Nothing changed: either it already was so (fine), or this is not the viewer's agent chat. */
  private async requireOwnerOf(ownerId: string, conversationId: string): Promise<void> {
    const [row] = await this.db.query(
      `SELECT 1 FROM participants pa JOIN conversations c ON c.id = pa.conversation_id
        WHERE pa.conversation_id = $1 AND pa.profile_id = $2 AND pa.role = 'AGENT_OWNER' AND c.target_agent_id IS NOT NULL`,
      [conversationId, ownerId],
    );
    if (!row) throw new NotFoundError('No such chat with an agent of yours');
  }
}
