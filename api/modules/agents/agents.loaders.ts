import DataLoader from 'dataloader';
import type { Db } from '../../database/db';
import { AGENT_COLUMNS, Agent } from './agents.types';

export function createAgentLoaders(db: Db) {
  return {
    agentById: new DataLoader<string, Agent | null>(async (ids) => {
      const rows = await db.query<Agent>(`SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.id = ANY($1::uuid[])`, [ids], { prepare: true });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Every agent of each owner, oldest first; visibility is filtered by the caller. */
    agentsByOwner: new DataLoader<string, Agent[]>(async (ownerIds) => {
      const rows = await db.query<Agent>(
        `SELECT ${AGENT_COLUMNS} FROM agents a WHERE a.owner_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
        [ownerIds],
        { prepare: true },
      );
      return ownerIds.map((id) => rows.filter((r) => r.ownerId === id));
    }),
  };
}
