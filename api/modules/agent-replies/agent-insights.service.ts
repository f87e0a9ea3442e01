import type { Db } from '../../database/db';
import { BadInputError, NotFoundError } from '../../shared/errors';
import { assertUuid } from '../../shared/validation';
import { MessageState } from '../messages/messages.types';
import type { AgentInsights } from './agent-replies.types';

const MAX_PERIOD_DAYS = 366;

/**
 * agentInsights: one statement over the agent's chats for the period. Reply timings are
 * measured from the person's message (reply_to_id) to the reply's first text and to its
 * completion, both stamped by PostgreSQL's clock.
 */
export class AgentInsightsService {
  constructor(private readonly db: Db) {}

  async forAgent(ownerId: string, agentId: string, from: Date, to: Date): Promise<AgentInsights> {
    const id = assertUuid(agentId, 'agentId');
    if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw new BadInputError('from must be a date-time', 'from');
    if (!(to instanceof Date) || Number.isNaN(to.getTime())) throw new BadInputError('to must be a date-time', 'to');
    if (from >= to) throw new BadInputError('from must be before to', 'from');
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) throw new BadInputError(`The period can be at most ${MAX_PERIOD_DAYS} days`, 'to');
    const [row] = await this.db.query<Omit<AgentInsights, 'agentId' | 'from' | 'to' | 'replies' | 'busiestHours'> & {
      outcomes: Record<string, number> | null;
      hours: Record<string, number> | null;
    }>(
      `WITH agent AS (SELECT a.id FROM agents a WHERE a.id = $1 AND a.owner_id = $2),
       msgs AS (
         SELECT m.conversation_id, m.sender_type, m.sender_id, c.initiator_id, m.created_at
           FROM agent JOIN conversations c ON c.target_agent_id = agent.id JOIN messages m ON m.conversation_id = c.id
          WHERE m.created_at >= $3 AND m.created_at < $4
       ),
       replies AS (
         SELECT r.state, r.first_token_at, r.completed_at, COALESCE(q.created_at, r.created_at) AS asked_at
           FROM agent JOIN messages r ON r.sender_agent_id = agent.id AND r.requester_id IS NOT NULL
           LEFT JOIN messages q ON q.id = r.reply_to_id
          WHERE r.created_at >= $3 AND r.created_at < $4
       ),
       events AS (
         SELECT e.kind, count(*)::int AS n FROM agent JOIN agent_events e ON e.agent_id = agent.id
          WHERE e.created_at >= $3 AND e.created_at < $4 GROUP BY e.kind
       )
       SELECT
         (SELECT count(DISTINCT conversation_id) FROM msgs)::int AS conversations,
         (SELECT count(*) FROM msgs)::int AS messages,
         (SELECT count(DISTINCT sender_id) FROM msgs WHERE sender_type = 'USER' AND sender_id = initiator_id)::int AS people,
         (SELECT json_object_agg(state, n) FROM (SELECT state, count(*)::int AS n FROM replies GROUP BY state) s) AS outcomes,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_token_at - asked_at) * 1000)
            FROM replies WHERE first_token_at IS NOT NULL)::float8 AS "medianFirstTokenMs",
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - asked_at) * 1000)
            FROM replies WHERE state = 'COMPLETE')::float8 AS "medianReplyMs",
         COALESCE((SELECT n FROM events WHERE kind = 'TAKEOVER'), 0) AS takeovers,
         COALESCE((SELECT n FROM events WHERE kind = 'HUMAN_REQUESTED'), 0) AS "humanRequests",
         (SELECT json_object_agg(hour, n) FROM (SELECT extract(hour FROM created_at AT TIME ZONE 'UTC')::int AS hour, count(*)::int AS n
            FROM msgs GROUP BY 1) h) AS hours
       FROM agent`,
      [id, ownerId, from, to],
    );
    if (!row) throw new NotFoundError('No such agent of yours');
    const { outcomes, hours, ...counts } = row;
    return {
      agentId: id,
      from,
      to,
      ...counts,
      replies: Object.values(MessageState).map((outcome) => ({ outcome, count: outcomes?.[outcome] ?? 0 })),
      busiestHours: Array.from({ length: 24 }, (_, hour) => ({ hour, messages: hours?.[hour] ?? 0 })),
    };
  }
}
