import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group chats (issue 7).
 *
 * - A GROUP conversation has a `title` and no pair: `user_low_id`/`user_high_id` are NULL (they
 *   cascade-delete a chat with its person, which must not happen to a group when one member
 *   deletes their account). `initiator_id` is the creator.
 * - Members are ordinary participant rows (role MEMBER), so lists, unread totals, watermarks,
 *   read receipts, typing and event addressing work as for two people. `is_admin` marks who may
 *   rename, add and remove. A member who leaves or is removed loses the row, and with it every
 *   read of the group (history included): the one authorization check stays "has a row".
 * - `member_epoch` grows with every membership change. sendMessage compares the epoch it read
 *   with the row it locks, so a send racing a removal cannot land after the removal committed.
 * - `group_agents`: agents their owners added to a group; they answer when @mentioned.
 */
export class GroupChats1764650000000 implements MigrationInterface {
  name = 'GroupChats1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations DROP CONSTRAINT conversations_chat_type_check`);
    await q.query(`ALTER TABLE conversations ADD CONSTRAINT conversations_chat_type_check CHECK (chat_type IN ('PROFILE', 'AGENT', 'GROUP'))`);
    await q.query(`ALTER TABLE conversations ALTER COLUMN user_low_id DROP NOT NULL, ALTER COLUMN user_high_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE conversations
        ADD COLUMN title text,
        ADD COLUMN member_epoch int NOT NULL DEFAULT 0,
        ADD CONSTRAINT conversations_group_shape_check CHECK (
          CASE WHEN chat_type = 'GROUP' THEN title IS NOT NULL AND user_low_id IS NULL AND user_high_id IS NULL
               ELSE title IS NULL AND user_low_id IS NOT NULL AND user_high_id IS NOT NULL END)`);
    await q.query(`ALTER TABLE participants DROP CONSTRAINT participants_chat_type_check`);
    await q.query(`ALTER TABLE participants ADD CONSTRAINT participants_chat_type_check CHECK (chat_type IN ('PROFILE', 'AGENT', 'GROUP'))`);
    await q.query(`ALTER TABLE participants ADD COLUMN is_admin boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE group_agents (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        added_by uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, agent_id)
      )`);
    await q.query(`CREATE INDEX group_agents_agent_idx ON group_agents (agent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM conversations WHERE chat_type = 'GROUP'`);
    await q.query(`DROP TABLE group_agents`);
    await q.query(`ALTER TABLE participants DROP COLUMN is_admin`);
    await q.query(`ALTER TABLE participants DROP CONSTRAINT participants_chat_type_check`);
    await q.query(`ALTER TABLE participants ADD CONSTRAINT participants_chat_type_check CHECK (chat_type IN ('PROFILE', 'AGENT'))`);
    await q.query(`ALTER TABLE conversations DROP CONSTRAINT conversations_group_shape_check, DROP COLUMN title, DROP COLUMN member_epoch`);
    await q.query(`ALTER TABLE conversations ALTER COLUMN user_low_id SET NOT NULL, ALTER COLUMN user_high_id SET NOT NULL`);
    await q.query(`ALTER TABLE conversations DROP CONSTRAINT conversations_chat_type_check`);
    await q.query(`ALTER TABLE conversations ADD CONSTRAINT conversations_chat_type_check CHECK (chat_type IN ('PROFILE', 'AGENT'))`);
  }
}
