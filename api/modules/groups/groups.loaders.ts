import DataLoader from 'dataloader';
import type { Db } from '../../database/db';
import { AGENT_COLUMNS, Agent } from '../agents/agents.types';

export function createGroupLoaders(db: Db) {
  return {
    /** The agents in each group, in the order they were added. */
    agentsByGroup: new DataLoader<string, Agent[]>(async (ids) => {
      const rows = await db.query<Agent & { conversationId: string }>(
        `SELECT ${AGENT_COLUMNS}, g.conversation_id AS "conversationId" FROM group_agents g JOIN agents a ON a.id = g.agent_id
          WHERE g.conversation_id = ANY($1::uuid[]) ORDER BY g.added_at, a.id`,
        [ids],
        { prepare: true },
      );
      return ids.map((id) => rows.filter((r) => r.conversationId === id));
    }),
    /**
     * "Seen by N": for each message, the participants other than its sender whose read
     * watermark reached it. Computed from watermarks, never from per-message rows. Someone who
     * joined after the message was sent starts with their watermark past it but never saw it,
     * so only members who were there when it was sent count.
     */
    seenByCount: new DataLoader<string, number>(async (messageIds) => {
      const rows = await db.query<{ id: string; n: number }>(
        `SELECT m.id, count(pa.profile_id)::int AS n FROM messages m
           JOIN participants pa ON pa.conversation_id = m.conversation_id AND pa.last_read_seq >= m.seq
                               AND pa.profile_id IS DISTINCT FROM m.sender_id AND pa.joined_at <= m.created_at
          WHERE m.id = ANY($1::uuid[]) GROUP BY m.id`,
        [messageIds],
        { prepare: true },
      );
      const byId = new Map(rows.map((r) => [r.id, r.n]));
      return messageIds.map((id) => byId.get(id) ?? 0);
    }),
  };
}
