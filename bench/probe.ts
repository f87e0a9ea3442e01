/**
 * A narrow, sequential probe for before/after work on the server's CPU per request:
 * `ts-node --transpile-only bench/probe.ts [list|messages|unread|send] [N]`. Starts the compiled
 * server on parley_bench (seeded by `npm run bench`), sends N requests one after another from one
 * client, and prints the CPU ms per request of the server process and of its PostgreSQL backends
 * (from /proc) and the wall time.
 * PROBE_NODE_ARGS adds node flags (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof); PROBE_MAIN runs another
 * build (a copy of dist/ inside the work tree, so node_modules resolve), to alternate before/after.
 */
import { Agent, request } from 'node:http';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { backendPids, cpuMs, startServer } from './server-proc';
import { databaseUrl } from './seed';
import { hotConversation, longConversation, sendPool, SIZES } from './layout';
import { CONVERSATIONS, CONVERSATION_MESSAGES, SEND_MESSAGE, UNREAD_TOTAL } from './queries';
import { TokenCache } from './tokens';

const kind = process.argv[2] ?? 'list';
// PROBE_CALLGRIND=/path/prefix: run the server under valgrind's callgrind and count the
// instructions it executes: unlike CPU time, the count does not move with other load on a
// shared machine (minutes per run: valgrind is ~50 times slower).
const callgrind = process.env.PROBE_CALLGRIND;
const n = Number(process.argv[3] ?? 2000);
const size = SIZES[(process.env.PROBE_SIZE as 'large' | 'small') ?? 'large'];
const secret = randomBytes(32).toString('hex');
const tokens = new TokenCache(secret);
const gql = (operationName: string, query: string, variables: object = {}) => JSON.stringify({ operationName, query, variables });

function bodies(): { viewer: number; body: () => string }[] {
  const long = longConversation(size);
  switch (kind) {
    case 'list':
      return Array.from({ length: size.heavyUsers }, (_, viewer) => ({ viewer, body: () => gql('Conversations', CONVERSATIONS, { first: 20 }) }));
    case 'messages':
      return [long.initiator, long.other].map((viewer) => ({ viewer, body: () => gql('ConversationMessages', CONVERSATION_MESSAGES, { id: long.id, last: 50 }) }));
    case 'unread':
      return Array.from({ length: size.heavyUsers }, (_, viewer) => ({ viewer, body: () => gql('UnreadTotal', UNREAD_TOTAL) }));
    case 'send': {
      const pool = process.env.PROBE_ONE ? [hotConversation(size)] : sendPool(size, 200);
      return pool.map((c, i) => ({ viewer: i % 2 ? c.other : c.initiator, body: () => gql('SendMessage', SEND_MESSAGE, { input: { conversationId: c.id, content: `probe ${randomBytes(6).toString('hex')} the quick brown fox` } }) }));
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

async function main() {
  const srv = await startServer({
    databaseUrl: databaseUrl(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres', size.database),
    secret,
    nodeArgs: process.env.PROBE_NODE_ARGS?.split(' ').filter(Boolean),
    main: process.env.PROBE_MAIN || undefined,
    wrap: callgrind ? ['valgrind', '--tool=callgrind', `--callgrind-out-file=${callgrind}.%p`] : undefined,
    startTimeoutMs: callgrind ? 900_000 : undefined,
    env: { RATE_LIMITS: 'on', RATE_LIMIT_SEND: '1000000000/60', ...(process.env.PROBE_ENV ? Object.fromEntries(process.env.PROBE_ENV.split(',').map((kv) => kv.split('='))) : {}) },
    probe: { body: gql('UnreadTotal', UNREAD_TOTAL), authorization: tokens.bearer(0) },
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(srv.url);
  const post = (authorization: string, body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', authorization, 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const list = bodies();
  const one = async (i: number) => {
    const item = list[i % list.length];
    const { status, text } = await post(tokens.bearer(item.viewer), item.body());
    if (status !== 200 || text.includes('"errors"')) throw new Error(`request failed: ${text.slice(0, 300)}`);
    return text.length;
  };
  try {
    let bytes = 0;
    for (let i = 0; i < Math.min(callgrind ? 100 : 300, n); i++) bytes = await one(i); // warm-up (JIT, caches)
    const pgCpu = async () => (await backendPids(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres', size.database)).reduce((t, pid) => t + cpuMs(pid), 0);
    const pg0 = await pgCpu();
    const c0 = cpuMs(srv.pid);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await one(i);
    const wall = performance.now() - t0;
    const cpu = cpuMs(srv.pid) - c0;
    const pg = (await pgCpu()) - pg0;
    console.log(
      `${process.env.PROBE_MAIN ?? 'dist'} ${kind} ×${n}: server CPU ${(cpu / n).toFixed(3)} ms/req, PostgreSQL CPU ${(pg / n).toFixed(3)} ms/req, wall ${(wall / n).toFixed(3)} ms/req, response ${bytes} bytes`,
    );
  } finally {
    await srv.stop();
  }
  if (callgrind) {
    // The count covers the whole process (start, warm-up, the N requests, stop): run the probe
    // twice with different N and divide the difference by the difference in N.
    const text = readFileSync(`${callgrind}.${srv.pid}`, 'utf8');
    const total = Number(/^totals: (\d+)/m.exec(text)?.[1]);
    console.log(`${process.env.PROBE_MAIN ?? 'dist'} ${kind} ×${n}: ${total} instructions in the server process (callgrind)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
