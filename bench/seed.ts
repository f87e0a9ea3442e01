import { Client } from 'pg';
import { hash } from '@node-rs/argon2';
import { createDataSource, migrations } from '../ormconfig';
import { BENCH_PASSWORD, conversationCount, SEED_VERSION, Size, totalMessages } from './layout';

/** The URL of one database on the server that `base` points to. */
export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Names the seed and the schema it was made for: a new migration means a fresh database. */
const marker = (s: Size) =>
  `parley-bench seed v${SEED_VERSION}: ${s.people} people, ${conversationCount(s)} conversations, ${totalMessages(s)} messages; ` +
  `migrations ${migrations.map((m) => m.name).join(',')}`;

export interface SeedResult {
  database: string;
  reused: boolean;
  seconds: number;
  counts: Record<string, number>;
}

/**
 * Makes `size.database` hold the seeded data set: creates the database, runs the product's
 * migrations, and fills it with bulk SQL unless it already holds this seed (the database
 * comment names the seed; row counts are checked too, messages may have grown by earlier runs).
 */
export async function ensureSeeded(baseUrl: string, size: Size, log: (line: string) => void): Promise<SeedResult> {
  if (size.database === 'test') throw new Error('refusing to seed the test database');
  const started = Date.now();
  const admin = new Client({ connectionString: databaseUrl(baseUrl, 'postgres') });
  await admin.connect();
  const found = await admin.query(`SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1`, [size.database]);
  let comment: string | null = found.rows[0]?.c ?? null;
  if (found.rowCount && comment !== marker(size)) {
    log(`  ${size.database}: made by another seed or schema (${comment ?? 'unmarked'}): dropping it`);
    await admin.query(`DROP DATABASE ${size.database} WITH (FORCE)`);
    comment = null;
  }
  if (!found.rowCount || comment === null) await admin.query(`CREATE DATABASE ${size.database}`);
  await admin.end();

  const url = databaseUrl(baseUrl, size.database);
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  if (applied.length) log(`  ${size.database}: applied migrations ${applied.map((m) => m.name).join(', ')}`);

  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const counts = await countRows(db);
    const expected = { profiles: size.people, agents: size.people, conversations: conversationCount(size), participants: 2 * conversationCount(size) };
    const same =
      comment === marker(size) &&
      Object.entries(expected).every(([table, n]) => counts[table] === n) &&
      counts.messages >= totalMessages(size);
    if (same) {
      await ensureSessions(db, size);
      return { database: size.database, reused: true, seconds: (Date.now() - started) / 1000, counts };
    }
    log(`  ${size.database}: seeding ${marker(size)} …`);
    await seed(db, size, log);
    await ensureSessions(db, size);
    await db.query(`COMMENT ON DATABASE ${size.database} IS '${marker(size)}'`);
    return { database: size.database, reused: false, seconds: (Date.now() - started) / 1000, counts: await countRows(db) };
  } finally {
    await db.end();
  }
}

/**
 * Where the schema has sessions (a token names its session in jti and is accepted while the
 * row is active), every seeded person gets one long-lived session, benchId('s' + i), as if they
 * had logged in once. Runs on every reuse too, so expiry never catches an old bench database.
 */
async function ensureSessions(db: Client, s: Size): Promise<void> {
  const { rows } = await db.query(`SELECT to_regclass('sessions') IS NOT NULL AS has`);
  if (!rows[0].has) return;
  await db.query(`INSERT INTO sessions (id, profile_id, expires_at)
    SELECT overlay(overlay(md5('parley-bench:s' || i) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid,
           overlay(overlay(md5('parley-bench:p' || i) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid, now() + interval '3650 days'
      FROM generate_series(0, $1::int - 1) i
    ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at, revoked_at = NULL`, [s.people]);
}

async function countRows(db: Client): Promise<Record<string, number>> {
  const { rows } = await db.query(`SELECT
      (SELECT count(*) FROM profiles)::int AS profiles, (SELECT count(*) FROM agents)::int AS agents,
      (SELECT count(*) FROM conversations)::int AS conversations, (SELECT count(*) FROM participants)::int AS participants,
      (SELECT count(*) FROM messages)::int AS messages`);
  return rows[0];
}

async function seed(db: Client, s: Size, log: (line: string) => void): Promise<void> {
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const result = await db.query(sql, params);
    log(`    ${label}: ${result.rowCount ?? ''} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  // One argon2id hash for everyone: hashing 10,000 passwords would take minutes and prove nothing.
  const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2 });
  const heavy = s.heavyUsers * s.heavyPerUser;

  await db.query('TRUNCATE messages, participants, conversations, agents, profiles CASCADE');
  // The twin of benchId() in layout.ts.
  await db.query(`CREATE FUNCTION pg_temp.bench_id(label text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT overlay(overlay(md5('parley-bench:' || label) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$`);
  // Rows are built to satisfy every foreign key by construction; skipping the per-row FK
  // triggers makes the load several times faster. CHECK constraints and unique indexes still apply.
  await db.query(`SET session_replication_role = replica`);
  await db.query('BEGIN');

  await step('profiles', `INSERT INTO profiles (id, handle, display_name, avatar_url, password_hash, created_at, updated_at)
    SELECT pg_temp.bench_id('p' || i), 'u' || lpad(i::text, 6, '0'), 'Bench User ' || i, NULL, $1,
           now() - interval '400 days' + i * interval '1 second', now() - interval '400 days' + i * interval '1 second'
      FROM generate_series(0, $2::int - 1) i`, [passwordHash, s.people]);
  await step('agents', `INSERT INTO agents (id, owner_id, handle, display_name, avatar_url, persona, visibility, created_at, updated_at)
    SELECT pg_temp.bench_id('a' || i), pg_temp.bench_id('p' || i), 'bot' || lpad(i::text, 6, '0'), 'Bench Bot ' || i, NULL,
           'A patient assistant that answers in short sentences.', 'PUBLIC',
           now() - interval '390 days' + i * interval '1 second', now() - interval '390 days' + i * interval '1 second'
      FROM generate_series(0, $1::int - 1) i`, [s.people]);

  // The conversation plan: indexes, members, kind, message count and start time (see layout.ts).
  await db.query(`CREATE TEMP TABLE plan ON COMMIT DROP AS
    WITH raw AS (
      SELECT i, i / $1::int AS x, i / $1::int + 100 + i % $1::int AS y, false AS agent FROM generate_series(0, $2::int - 1) i
      UNION ALL
      SELECT $2::int + j, j % $3::int, (j % $3::int + 1 + j / $3::int) % $3::int, j % 10 = 9 FROM generate_series(0, $4::int - 1) j
    )
    SELECT i, x, y, agent,
           CASE WHEN i = 0 THEN $5::int ELSE 5 + i % 10 END AS n,
           pg_temp.bench_id('c' || i) AS id, pg_temp.bench_id('p' || x) AS xid, pg_temp.bench_id('p' || y) AS yid,
           CASE WHEN agent THEN pg_temp.bench_id('a' || y) END AS agent_id,
           CASE WHEN i = 0 THEN now() - interval '300 days'
                ELSE now() - interval '365 days' + (abs(hashint4(i)::bigint) % 30000000) * interval '1 second' END AS t0,
           abs(hashint4(i * 7 + 3)::bigint) % 10 < 7 AS all_read
      FROM raw`, [s.heavyPerUser, heavy, s.people, s.bulkConversations, s.longMessages]);
  await db.query(`ALTER TABLE plan ADD PRIMARY KEY (i)`);

  // Message seq k (1-based) is sent at t0 + k * 30 s by the initiator (odd k) or the other (even k);
  // in an AGENT chat the other is the agent's owner, who answers as the agent.
  await step('messages', `INSERT INTO messages (conversation_id, seq, sender_type, sender_id, sender_agent_id, content, client_id, created_at)
    SELECT p.id, k,
           CASE WHEN k % 2 = 0 AND p.agent THEN 'AGENT' ELSE 'USER' END,
           CASE WHEN k % 2 = 1 THEN p.xid ELSE p.yid END,
           CASE WHEN k % 2 = 0 AND p.agent THEN p.agent_id END,
           rtrim('Message ' || k || ': ' || left(repeat('the quick brown fox jumps over the lazy dog ', 4), (10 + abs(hashint4(p.i * 31 + k)::bigint) % 160)::int)),
           NULL, p.t0 + k * interval '30 seconds'
      FROM plan p CROSS JOIN LATERAL generate_series(1, p.n) k`);

  // What sendMessage leaves behind: last_seq, last message time and preview (whitespace collapsed, 140 characters).
  await step('conversations', `INSERT INTO conversations (id, chat_type, initiator_id, user_low_id, user_high_id, target_agent_id,
         last_seq, last_message_at, last_message_preview, created_at, updated_at)
    SELECT p.id, CASE WHEN p.agent THEN 'AGENT' ELSE 'PROFILE' END, p.xid, LEAST(p.xid, p.yid), GREATEST(p.xid, p.yid), p.agent_id,
           p.n, m.created_at, left(regexp_replace(m.content, '\\s+', ' ', 'g'), 140), p.t0, m.created_at
      FROM plan p JOIN messages m ON m.conversation_id = p.id AND m.seq = p.n`);

  // Both members: the sender of the last message has read everything; the other has read up to
  // their own last message, or (in 70% of chats) everything.
  await step('participants', `INSERT INTO participants (conversation_id, profile_id, role, chat_type, agent_id, last_seq, last_read_seq,
         last_read_at, activity_at, joined_at)
    SELECT p.id, w.pid, w.role, CASE WHEN p.agent THEN 'AGENT' ELSE 'PROFILE' END, p.agent_id, p.n, w.rs,
           p.t0 + w.rs * interval '30 seconds', p.t0 + p.n * interval '30 seconds', p.t0
      FROM plan p CROSS JOIN LATERAL (VALUES
        (p.xid, 'MEMBER', CASE WHEN p.n % 2 = 1 OR p.all_read THEN p.n ELSE p.n - 1 END),
        (p.yid, CASE WHEN p.agent THEN 'AGENT_OWNER' ELSE 'MEMBER' END, CASE WHEN p.n % 2 = 0 OR p.all_read THEN p.n ELSE p.n - 1 END)
      ) AS w(pid, role, rs)`);

  await db.query('COMMIT');
  await db.query(`SET session_replication_role = DEFAULT`);
  // The foreign keys that the triggers would have checked, checked once in bulk.
  const { rows } = await db.query(`SELECT
      (SELECT count(*) FROM messages m LEFT JOIN conversations c ON c.id = m.conversation_id WHERE c.id IS NULL)::int
    + (SELECT count(*) FROM participants pa LEFT JOIN profiles p ON p.id = pa.profile_id WHERE p.id IS NULL)::int
    + (SELECT count(*) FROM conversations c LEFT JOIN profiles p ON p.id = c.user_high_id WHERE p.id IS NULL)::int AS orphans`);
  if (rows[0].orphans !== 0) throw new Error(`seed produced ${rows[0].orphans} rows with dangling references`);
  const t = Date.now();
  await db.query('VACUUM ANALYZE');
  await db.query('CHECKPOINT');
  log(`    vacuum analyze + checkpoint (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
