import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments and voice messages (issue 7).
 *
 * - `attachments`: one row per uploaded file. It starts unattached (message_id NULL, only its
 *   uploader may see it) and is attached by sendMessage; `position` keeps the order the sender
 *   gave. The bytes live in the blob store (local folder or S3) under `storage_key`, the image
 *   thumbnail under `thumbnail_key`.
 * - `blob_deletions`: an outbox of store keys whose rows are gone. A trigger fills it on every
 *   delete of an attachment row, however it happens (deleteMessage, a deleted account's cascade,
 *   the sweep of unsent uploads), in the same transaction: a rolled-back delete enqueues nothing,
 *   and files are removed only after the delete committed (by the media sweep, SKIP LOCKED so
 *   several nodes can run it).
 */
export class Attachments1764600000000 implements MigrationInterface {
  name = 'Attachments1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        uploader_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        message_id uuid REFERENCES messages(id) ON DELETE CASCADE,
        position smallint NOT NULL DEFAULT 0,
        kind text NOT NULL CHECK (kind IN ('IMAGE', 'FILE', 'VOICE')),
        name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        width int,
        height int,
        duration_ms int,
        storage_key text NOT NULL,
        thumbnail_key text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_message_idx ON attachments (message_id, position) WHERE message_id IS NOT NULL`);
    await q.query(`CREATE INDEX attachments_unsent_idx ON attachments (uploader_id, created_at) WHERE message_id IS NULL`);
    await q.query(`CREATE INDEX attachments_unsent_age_idx ON attachments (created_at) WHERE message_id IS NULL`);
    await q.query(`
      CREATE TABLE blob_deletions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        storage_key text NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION attachments_enqueue_blob_deletion() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO blob_deletions (storage_key) VALUES (OLD.storage_key);
        IF OLD.thumbnail_key IS NOT NULL THEN
          INSERT INTO blob_deletions (storage_key) VALUES (OLD.thumbnail_key);
        END IF;
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE TRIGGER attachments_blob_deletion AFTER DELETE ON attachments
        FOR EACH ROW EXECUTE FUNCTION attachments_enqueue_blob_deletion()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
    await q.query(`DROP FUNCTION attachments_enqueue_blob_deletion()`);
    await q.query(`DROP TABLE blob_deletions`);
  }
}
