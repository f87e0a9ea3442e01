import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rich messages (issue 6): edit, delete, reactions, replies and full-text search.
 *
 * - `edited_at` / `deleted_at` on the message row; a delete blanks `content` (and drops its
 *   versions and reactions), so the text is gone from storage and, through the generated
 *   column, from the search index. The row stays: it is the tombstone, in place, keeping seq.
 * - `revision` grows with every edit, delete and reaction change: live updates of one message
 *   are ordered by it (a later revision replaces an earlier one, never the reverse).
 * - `message_versions`: each earlier text, with when it was written and when it was replaced.
 * - `message_reactions`: one row per (message, person, emoji); the primary key is the rule.
 * - Replies reuse `reply_to_id` (added for agent replies, which answer a specific message too).
 * - `search`: tsvector GENERATED from content with the 'simple' configuration: chat is short,
 *   mixed-language, full of names and handles; 'english' would stem and drop stop words
 *   ("who", "it") and mangle other languages. Prefix matching of the last word covers most of
 *   what stemming would give. GIN index for @@.
 * - Unread counts: a deleted unread message must stop counting, but counts stay watermark
 *   arithmetic. `deleted_unread` counts deletions above `last_read_seq` and is valid only while
 *   `last_read_seq` still equals `deleted_unread_read_seq`: every read moves the watermark to the
 *   newest message, past every deletion it counted, so the correction lapses by itself and no
 *   read path has to reset it.
 */
export class RichMessages1764400000000 implements MigrationInterface {
  name = 'RichMessages1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages
        ADD COLUMN edited_at timestamptz,
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN revision int NOT NULL DEFAULT 0,
        ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED`);
    await q.query(`CREATE INDEX messages_search_idx ON messages USING gin (search)`);
    await q.query(`CREATE INDEX messages_reply_to_idx ON messages (reply_to_id, seq) WHERE reply_to_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE message_versions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        content text NOT NULL,
        written_at timestamptz NOT NULL,
        replaced_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX message_versions_message_idx ON message_versions (message_id, id)`);
    await q.query(`
      CREATE TABLE message_reactions (
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        emoji text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (message_id, emoji, profile_id)
      )`);
    await q.query(`
      ALTER TABLE participants
        ADD COLUMN deleted_unread int NOT NULL DEFAULT 0,
        ADD COLUMN deleted_unread_read_seq bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participants DROP COLUMN deleted_unread, DROP COLUMN deleted_unread_read_seq`);
    await q.query(`DROP TABLE message_reactions`);
    await q.query(`DROP TABLE message_versions`);
    await q.query(`DROP INDEX messages_reply_to_idx`);
    await q.query(`ALTER TABLE messages DROP COLUMN search, DROP COLUMN revision, DROP COLUMN deleted_at, DROP COLUMN edited_at`);
  }
}
