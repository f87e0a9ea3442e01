import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Missed-message email: an optional address and switch per person, when they were last
 * connected, and per participant a mute switch and the last sequence number already emailed.
 */
export class Notifications1764200000000 implements MigrationInterface {
  name = 'Notifications1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE profiles ADD COLUMN email text, ADD COLUMN email_notifications boolean NOT NULL DEFAULT true, ADD COLUMN last_seen_at timestamptz`);
    await q.query(`CREATE INDEX profiles_email_digest_idx ON profiles (id) WHERE email IS NOT NULL AND email_notifications`);
    await q.query(`ALTER TABLE participants ADD COLUMN muted boolean NOT NULL DEFAULT false, ADD COLUMN notified_seq bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participants DROP COLUMN muted, DROP COLUMN notified_seq`);
    await q.query(`DROP INDEX profiles_email_digest_idx`);
    await q.query(`ALTER TABLE profiles DROP COLUMN email, DROP COLUMN email_notifications, DROP COLUMN last_seen_at`);
  }
}
