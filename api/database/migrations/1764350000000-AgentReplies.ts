import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agents that answer (issue 5).
 *
 * An agent reply is an ordinary message row (sender_type AGENT) with a `state`: it takes its
 * `seq` when it is created PENDING, so the order everyone sees never changes, and grows in
 * place (STREAMING) until COMPLETE or FAILED. Every other message is COMPLETE from birth.
 *
 * Unread counts: the PENDING insert moves `conversations.last_seq` (that is how seqs are
 * numbered) but NOT the participants' copies of `last_seq`; completion moves them to
 * GREATEST(last_seq, reply seq). So a reply is counted unread once, when it is COMPLETE, and
 * the watermark arithmetic (last_seq - last_read_seq) stays the only way counts are made. A
 * FAILED reply is never counted (it is a notice, not an answer); a retried one is counted when
 * it completes. If the person sends again while a reply is still generating, their send reads
 * everything before it, that reply included: they are in the chat watching it grow.
 *
 * `attempt` fences writers: each claim of a reply by a worker increments it and every write
 * checks it, so a worker that lost its job (timed out, node partitioned) can never overwrite
 * the retry's content. `lease_until` bounds how long a dead worker's reply counts against the
 * agent's concurrency cap.
 */
export class AgentReplies1764350000000 implements MigrationInterface {
  name = 'AgentReplies1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages
        ADD COLUMN state text NOT NULL DEFAULT 'COMPLETE' CHECK (state IN ('PENDING', 'STREAMING', 'COMPLETE', 'FAILED')),
        ADD COLUMN responder text,
        ADD COLUMN reply_to_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        ADD COLUMN requester_id uuid REFERENCES profiles(id) ON DELETE SET NULL,
        ADD COLUMN attempt int NOT NULL DEFAULT 0,
        ADD COLUMN lease_until timestamptz,
        ADD COLUMN first_token_at timestamptz,
        ADD COLUMN completed_at timestamptz,
        ADD COLUMN failure text`);
    // Per-person reply budget (replies in the last hour) and insights (replies per agent and period).
    await q.query(`CREATE INDEX messages_requester_idx ON messages (requester_id, created_at) WHERE requester_id IS NOT NULL`);
    await q.query(`CREATE INDEX messages_agent_replies_idx ON messages (sender_agent_id, created_at) WHERE requester_id IS NOT NULL`);
    // Replies in flight: the per-agent concurrency cap and the snapshot a reconnecting subscriber starts from.
    await q.query(`CREATE INDEX messages_in_flight_idx ON messages (sender_agent_id) WHERE state IN ('PENDING', 'STREAMING')`);

    await q.query(`ALTER TABLE agents ADD COLUMN paused_at timestamptz, ADD COLUMN model text`);
    // Takeover: while set, the owner writes as themselves and the agent is silent. /reset: earlier turns are forgotten.
    await q.query(`ALTER TABLE conversations ADD COLUMN agent_taken_over_at timestamptz, ADD COLUMN agent_reset_seq bigint NOT NULL DEFAULT 0`);

    await q.query(`
      CREATE TABLE agent_knowledge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        title text NOT NULL,
        body text NOT NULL,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agent_knowledge_agent_idx ON agent_knowledge (agent_id, created_at)`);
    await q.query(`CREATE INDEX agent_knowledge_search_idx ON agent_knowledge USING gin (search)`);

    // What happened in agent chats that is not a message: takeovers, hand-backs, /human, /reset (insights count them).
    await q.query(`
      CREATE TABLE agent_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('TAKEOVER', 'HANDBACK', 'HUMAN_REQUESTED', 'RESET')),
        actor_id uuid REFERENCES profiles(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agent_events_agent_idx ON agent_events (agent_id, kind, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agent_events`);
    await q.query(`DROP TABLE agent_knowledge`);
    await q.query(`ALTER TABLE conversations DROP COLUMN agent_taken_over_at, DROP COLUMN agent_reset_seq`);
    await q.query(`ALTER TABLE agents DROP COLUMN paused_at, DROP COLUMN model`);
    await q.query(`DROP INDEX messages_in_flight_idx`);
    await q.query(`DROP INDEX messages_agent_replies_idx`);
    await q.query(`DROP INDEX messages_requester_idx`);
    await q.query(`ALTER TABLE messages DROP COLUMN state, DROP COLUMN responder, DROP COLUMN reply_to_id, DROP COLUMN requester_id,
      DROP COLUMN attempt, DROP COLUMN lease_until, DROP COLUMN first_token_at, DROP COLUMN completed_at, DROP COLUMN failure`);
  }
}
