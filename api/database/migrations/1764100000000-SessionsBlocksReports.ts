import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions (so tokens can be revoked: sign-out, password change, account deletion), blocks
 * between people, and message reports for the operator.
 */
export class SessionsBlocksReports1764100000000 implements MigrationInterface {
  name = 'SessionsBlocksReports1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX sessions_profile_idx ON sessions (profile_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE blocks (
        blocker_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        blocked_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (blocker_id, blocked_id),
        CHECK (blocker_id <> blocked_id)
      )`);
    await q.query(`CREATE INDEX blocks_blocked_idx ON blocks (blocked_id)`);

    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reporter_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (reporter_id, message_id)
      )`);
    await q.query(`CREATE INDEX reports_created_idx ON reports (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP TABLE blocks`);
    await q.query(`DROP TABLE sessions`);
  }
}
