import DataLoader from 'dataloader';
import type { Db } from '../../database/db';
import type { AgentKnowledgeEntry } from './agent-replies.types';
import { KNOWLEDGE_COLUMNS } from './agent-knowledge.service';

export function createAgentReplyLoaders(db: Db) {
  return {
    /** Every note of each agent, oldest first (the caller checks the viewer owns the agent). */
    knowledgeByAgent: new DataLoader<string, AgentKnowledgeEntry[]>(async (agentIds) => {
      const rows = await db.query<AgentKnowledgeEntry>(
        `SELECT ${KNOWLEDGE_COLUMNS} FROM agent_knowledge k WHERE k.agent_id = ANY($1::uuid[]) ORDER BY k.created_at, k.id`,
        [agentIds],
      );
      return agentIds.map((id) => rows.filter((r) => r.agentId === id));
    }),
  };
}
