import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resume for message updates (edits, deletes, reactions), as messageAdded resumes with `after`.
 *
 * Each such change takes the next `conversations.last_update_seq` (a row lock, so numbers are
 * handed out in commit order, exactly as `last_seq` numbers messages) and stamps it on the
 * message as `update_seq`. A subscriber that saw update N asks for everything after N: the
 * messages whose update_seq is greater, each in its latest state.
 */
export class MessageUpdateSeq1764450000000 implements MigrationInterface {
  name = 'MessageUpdateSeq1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations ADD COLUMN last_update_seq bigint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE messages ADD COLUMN update_seq bigint`);
    await q.query(`CREATE INDEX messages_update_seq_idx ON messages (conversation_id, update_seq) WHERE update_seq IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messages_update_seq_idx`);
    await q.query(`ALTER TABLE messages DROP COLUMN update_seq`);
    await q.query(`ALTER TABLE conversations DROP COLUMN last_update_seq`);
  }
}
