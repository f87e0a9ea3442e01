import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core messaging schema. Written by hand rather than generated, because what matters
 * here (partial unique indexes for start-or-get, check constraints, list indexes that match
 * the list queries column for column) is beyond what entity metadata expresses.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE profiles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        handle text NOT NULL CHECK (handle ~ '^[a-z0-9_]{3,30}$'),
        display_name text,
        avatar_url text,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX profiles_handle_key ON profiles (handle)`);
    // searchProfiles: prefix and substring on handle and display name
    await q.query(`CREATE INDEX profiles_handle_trgm_idx ON profiles USING gin (handle gin_trgm_ops)`);
    await q.query(`CREATE INDEX profiles_display_name_trgm_idx ON profiles USING gin (lower(display_name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE agents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        handle text NOT NULL CHECK (handle ~ '^[a-z0-9_]{3,30}$'),
        display_name text NOT NULL,
        avatar_url text,
        persona text,
        visibility text NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX agents_handle_key ON agents (handle)`);
    await q.query(`CREATE INDEX agents_owner_idx ON agents (owner_id, created_at)`);

    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chat_type text NOT NULL CHECK (chat_type IN ('PROFILE', 'AGENT')),
        initiator_id uuid NOT NULL,
        user_low_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        user_high_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        target_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
        last_seq bigint NOT NULL DEFAULT 0,
        last_message_at timestamptz,
        last_message_preview text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (user_low_id <= user_high_id),
        CHECK (initiator_id IN (user_low_id, user_high_id)),
        CHECK (chat_type = 'AGENT' OR user_low_id <> user_high_id)
      )`);
    // Start-or-get: these make a second conversation for the same key impossible, whatever the concurrency.
    await q.query(`CREATE UNIQUE INDEX conversations_profile_pair_key ON conversations (user_low_id, user_high_id) WHERE chat_type = 'PROFILE'`);
    await q.query(`CREATE UNIQUE INDEX conversations_agent_chat_key ON conversations (initiator_id, target_agent_id) WHERE chat_type = 'AGENT'`);
    await q.query(`CREATE INDEX conversations_user_high_idx ON conversations (user_high_id)`);
    await q.query(`CREATE INDEX conversations_target_agent_idx ON conversations (target_agent_id) WHERE target_agent_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE participants (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        profile_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('MEMBER', 'AGENT_OWNER')),
        chat_type text NOT NULL CHECK (chat_type IN ('PROFILE', 'AGENT')),
        agent_id uuid,
        last_seq bigint NOT NULL DEFAULT 0,
        last_read_seq bigint NOT NULL DEFAULT 0,
        last_read_at timestamptz,
        activity_at timestamptz NOT NULL DEFAULT now(),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, profile_id),
        CHECK (last_read_seq <= last_seq)
      )`);
    // conversations / agentConversations: newest first, keyset on (activity_at, conversation_id)
    await q.query(`CREATE INDEX participants_list_idx ON participants (profile_id, role, activity_at DESC, conversation_id DESC)`);
    await q.query(`CREATE INDEX participants_agent_list_idx ON participants (profile_id, agent_id, activity_at DESC, conversation_id DESC) WHERE role = 'AGENT_OWNER'`);
    // unreadTotal: only the rows with something unread (Zulip-style partial index)
    await q.query(`CREATE INDEX participants_unread_idx ON participants (profile_id, role) WHERE last_seq > last_read_seq`);

    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        sender_type text NOT NULL CHECK (sender_type IN ('USER', 'AGENT', 'SYSTEM')),
        sender_id uuid REFERENCES profiles(id) ON DELETE CASCADE,
        sender_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
        content text NOT NULL,
        client_id text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE UNIQUE INDEX messages_conversation_seq_key ON messages (conversation_id, seq)`);
    await q.query(`CREATE UNIQUE INDEX messages_sender_client_id_key ON messages (sender_id, client_id) WHERE client_id IS NOT NULL`);
    await q.query(`CREATE INDEX messages_sender_idx ON messages (sender_id)`);
    await q.query(`CREATE INDEX messages_sender_agent_idx ON messages (sender_agent_id) WHERE sender_agent_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE messages`);
    await q.query(`DROP TABLE participants`);
    await q.query(`DROP TABLE conversations`);
    await q.query(`DROP TABLE agents`);
    await q.query(`DROP TABLE profiles`);
  }
}
