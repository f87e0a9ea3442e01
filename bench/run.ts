/**
 * `npm run bench [-- scenario ...]`: the benchmark suite of issue 9 (not part of `npm test`).
 *
 *   send       sendMessage at 50 and 100 clients over many conversations, and 50 in one conversation
 *   reads      conversations(first: 20) of a heavy user, messages(last: 50) of a long conversation,
 *              unreadTotal: at 1, 10 and 50 clients, at two data sizes
 *   realtime   send-to-delivery latency over graphql-ws with 1,000 and 5,000 subscribed sockets at
 *              150 messages/s; server memory per idle authenticated socket
 *   coldstart  process start to first answered query, on a warm database
 *   ceiling    the same SQL statements, replayed straight through pg at the same concurrency
 *   search     searchMessages of the heavy users over 1,000,000 messages: common words, a phrase,
 *              a prefix as typed, and a rare word; p50/p95 at 1 client, and the mix at 10
 *
 * The server is the compiled one (dist/api/main.js, NODE_ENV=production) on loopback; every load
 * generator is a separate process. Results are merged into bench/results/latest.json (a scenario
 * run alone keeps the others' last figures) and printed as one table.
 */
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { disjointPairs, hotConversation, longConversation, profileId, SIZES, sendPool, Size } from './layout';
import { databaseUrl, ensureSeeded } from './seed';
import { CONVERSATION_MESSAGES, CONVERSATIONS, SEARCH_MESSAGES, SEND_MESSAGE, UNREAD_TOTAL } from './queries';
import { backendPids, cpuMs, ROOT, rssKiB, ServerProcess, startServer } from './server-proc';
import type { HttpLoadResult, HttpLoadSpec } from './load-http';
import type { WsCommand } from './load-ws';
import { CeilingResult, CeilingSpec, readRecording, resetRecording, Script, statementCount } from './ceiling';
import { round } from './stats';
import { TokenCache } from './tokens';
import { buildTable, Results } from './report';

const SCENARIOS = ['reads', 'send', 'ceiling', 'realtime', 'search', 'coldstart'] as const;
type Scenario = (typeof SCENARIOS)[number];
const ALIASES: Record<string, Scenario> = { '1': 'send', '2': 'reads', '3': 'realtime', '4': 'search', '5': 'coldstart', '6': 'ceiling' };

const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL || undefined;
const RESULTS = join(__dirname, 'results', 'latest.json');
const SECRET = randomBytes(32).toString('hex');
const tokens = new TokenCache(SECRET);
const children = new Set<ChildProcess>();
const log = (line: string) => console.log(line);

// Load sizes, kept within ~15 minutes for the whole suite on 2 cores. BENCH_QUICK=1 is a smoke
// run of the machinery (seconds per scenario, 100 sockets): its figures mean nothing.
const QUICK = process.env.BENCH_QUICK === '1';
const READ_SECONDS = QUICK ? 1 : 5;
const SEND_SECONDS = QUICK ? 1 : 10;
const WARMUP_SECONDS = QUICK ? 0 : 1;
const MAX_REQUESTS = 200_000;
const REALTIME_RATE = 150;
const REALTIME_FALLBACK_RATE = 50;
const REALTIME_SECONDS = QUICK ? 2 : 20;
// BENCH_RT_CONNECTIONS=1000 narrows the scenario (for before/after checks).
const REALTIME_CONNECTIONS = process.env.BENCH_RT_CONNECTIONS ? process.env.BENCH_RT_CONNECTIONS.split(',').map(Number) : QUICK ? [100] : [1000, 5000];
// BENCH_SERVER_NODE_ARGS adds node flags to the realtime and send scenarios' servers (e.g.
// --cpu-prof --cpu-prof-dir=/tmp/prof); BENCH_SERVER_MAIN runs another build of them and of the
// search server (a copy of dist/ inside the work tree), to alternate before/after.
const REALTIME_NODE_ARGS = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean);

// ---------------------------------------------------------------- child processes

/** A forked TypeScript child that answers one IPC message with one reply. */
class Worker {
  private readonly child: ChildProcess;
  private pending?: { resolve: (v: any) => void; reject: (e: Error) => void };

  constructor(file: string) {
    this.child = fork(join(__dirname, file), [], { cwd: ROOT, execArgv: ['-r', 'ts-node/register/transpile-only'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(this.child);
    this.child.on('message', (message: any) => {
      const p = this.pending;
      this.pending = undefined;
      if (!p) return;
      if (message.ok === false || message.event === 'error') p.reject(new Error(message.error));
      else p.resolve(message);
    });
    this.child.on('exit', (code) => {
      children.delete(this.child);
      this.pending?.reject(new Error(`${file} exited with ${code}`));
      this.pending = undefined;
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  ask<T>(message: object): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(message);
    });
  }

  close(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

function cleanup() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
}
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

// ---------------------------------------------------------------- helpers

const gql = (operationName: string, query: string, variables: object = {}) => JSON.stringify({ operationName, query, variables });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function server(size: Size, extra: { nodeArgs?: string[]; env?: Record<string, string>; main?: string } = {}): Promise<ServerProcess> {
  const s = await startServer({
    main: extra.main,
    databaseUrl: databaseUrl(BASE_URL, size.database),
    secret: SECRET,
    redisUrl: REDIS_URL,
    nodeArgs: extra.nodeArgs,
    env: {
      // The per-sender send limit (10 a minute by default) would refuse a load test from a few
      // people; raised rather than switched off, so its cost per send is still measured
      // (startServer switches the limits off unless told otherwise).
      RATE_LIMITS: 'on',
      RATE_LIMIT_SEND: '1000000000/60',
      ...(process.env.BENCH_DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.BENCH_DB_POOL_SIZE } : {}),
      ...extra.env,
    },
    probe: { body: gql('UnreadTotal', UNREAD_TOTAL), authorization: tokens.bearer(0) },
  });
  children.add(s.child);
  s.child.on('exit', () => children.delete(s.child));
  return s;
}

/** The request mixes: who asks what, per read scenario (all from the layout, no lookups). */
function readBodies(size: Size) {
  const heavy = Array.from({ length: size.heavyUsers }, (_, h) => h);
  const long = longConversation(size);
  return {
    list: heavy.map((viewer) => ({ viewer, body: gql('Conversations', CONVERSATIONS, { first: 20 }) })),
    messages: [long.initiator, long.other].map((viewer) => ({ viewer, body: gql('ConversationMessages', CONVERSATION_MESSAGES, { id: long.id, last: 50 }) })),
    unread: heavy.map((viewer) => ({ viewer, body: gql('UnreadTotal', UNREAD_TOTAL) })),
  };
}

/** sendMessage targets: many conversations (either member sends), or one conversation (both members). */
function sendTargets(size: Size) {
  const spread = sendPool(size, 5000).map((c, i) => ({ viewer: i % 2 ? c.other : c.initiator, conversationId: c.id }));
  const hot = hotConversation(size);
  const one = [hot.initiator, hot.other].map((viewer) => ({ viewer, conversationId: hot.id }));
  return { spread, one };
}


/**
 * One load run, with the CPU time it cost the server process and its PostgreSQL backends per
 * request: a figure that other work on the machine does not distort the way it distorts latency.
 */
async function httpRun(
  load: Worker,
  srv: ServerProcess,
  database: string,
  spec: Omit<HttpLoadSpec, 'secret' | 'maxRequests' | 'warmupS' | 'url'> & Partial<HttpLoadSpec>,
): Promise<HttpLoadResult> {
  const pids = await backendPids(BASE_URL, database);
  const sum = (list: number[]) => list.reduce((t, pid) => t + cpuMs(pid), 0);
  const server0 = cpuMs(srv.pid);
  const load0 = cpuMs(load.pid);
  const pg0 = sum(pids);
  const machine0 = machineCpu();
  const { result } = await load.ask<{ result: HttpLoadResult }>({ url: srv.url, secret: SECRET, maxRequests: MAX_REQUESTS, warmupS: WARMUP_SECONDS, ...spec });
  // Backends the pool opened during the run were not in the first list; they count from zero.
  const pidsAfter = await backendPids(BASE_URL, database);
  const pgAfter = sum(pidsAfter);
  const machine1 = machineCpu();
  const requests = Math.max(1, result.requests + (result.warmupRequests ?? 0));
  const ours = cpuMs(srv.pid) - server0 + (cpuMs(load.pid) - load0) + Math.max(0, pgAfter - pg0);
  result.serverCpuMsPerRequest = round((cpuMs(srv.pid) - server0) / requests, 3)!;
  result.loadCpuMsPerRequest = round((cpuMs(load.pid) - load0) / requests, 3)!;
  result.postgresCpuMsPerRequest = round(Math.max(0, pgAfter - pg0) / requests, 3)!;
  // What the rest of the machine (other people's tests, PostgreSQL's own background work) took meanwhile.
  result.otherCpuPercent = round((100 * Math.max(0, machine1.busy - machine0.busy - ours)) / Math.max(1, machine1.total - machine0.total), 0)!;
  return result;
}

function describeLoad(label: string, r: { rps: number; latency: { p50: number; p99: number }; errors: number; firstError?: string } & Partial<HttpLoadResult>) {
  const n = (x: number | null | undefined, d: number) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
  const cpu =
    r.serverCpuMsPerRequest !== undefined
      ? `  cpu/req: server ${n(r.serverCpuMsPerRequest, 2)}, pg ${n(r.postgresCpuMsPerRequest, 2)}, load ${n(r.loadCpuMsPerRequest, 2)} ms`
      : r.postgresCpuMsPerRequest !== undefined
        ? `  cpu/req: pg ${n(r.postgresCpuMsPerRequest, 2)}, replay ${n(r.loadCpuMsPerRequest, 2)} ms`
        : '';
  log(`    ${label.padEnd(34)} ${n(r.rps, 0).padStart(6)} req/s  p50 ${n(r.latency.p50, 2).padStart(7)} ms  p99 ${n(r.latency.p99, 2).padStart(7)} ms${cpu}${r.otherCpuPercent !== undefined ? `, other ${r.otherCpuPercent}%` : ''}${r.errors ? `  ERRORS ${r.errors}: ${r.firstError}` : ''}`);
}

/** Busy and total CPU time of the whole machine so far, in ms (from /proc/stat). */
function machineCpu(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = f.reduce((a, b) => a + b, 0) * 10;
  return { busy: total - (f[3] + f[4]) * 10, total };
}

/** Share of the machine's CPU time that was busy over `ms` (from /proc/stat), 0–100. */
async function busyPercent(ms = 1000): Promise<number> {
  const read = () => {
    const c = machineCpu();
    return { idle: c.total - c.busy, total: c.total };
  };
  const a = read();
  await sleep(ms);
  const b = read();
  return round(100 * (1 - (b.idle - a.idle) / Math.max(1, b.total - a.total)), 0)!;
}

/**
 * Other work on this machine (tests, builds) skews every figure, so before each scenario, with
 * nothing of ours running, wait up to BENCH_QUIET_WAIT_S (default 20) for the CPUs to be at most
 * 25% busy, and record how busy they were when the scenario started.
 */
async function waitForQuiet(scenario: string): Promise<number> {
  const until = Date.now() + Number(process.env.BENCH_QUIET_WAIT_S ?? 20) * 1000;
  let busy = await busyPercent();
  while (busy > 25 && Date.now() < until) {
    log(`  (machine ${busy}% busy with other work; waiting before ${scenario})`);
    await sleep(4000);
    busy = await busyPercent();
  }
  return busy;
}

// ---------------------------------------------------------------- scenarios

async function reads(results: Results): Promise<void> {
  log('\n[2] reads: conversations(first: 20) of a heavy user, messages(last: 50) of a long conversation, unreadTotal');
  // A narrowed run (below) replaces only the figures it measured.
  results.reads ??= {};
  // BENCH_SIZES=large and BENCH_READS=unread,list narrow the scenario (for before/after checks).
  const sizes = (process.env.BENCH_SIZES ?? 'large,small').split(',').map((n) => SIZES[n as Size['name']]);
  const only = process.env.BENCH_READS?.split(',');
  for (const size of sizes) {
    const srv = await server(size);
    const load = new Worker('load-http.ts');
    try {
      await load.ask({ ping: true });
      const bodies = readBodies(size);
      const out: Record<string, Record<string, HttpLoadResult>> = {};
      for (const [name, list] of Object.entries(bodies)) {
        if (only && !only.includes(name)) continue;
        out[name] = {};
        for (const connections of [1, 10, 50]) {
          const r = await httpRun(load, srv, size.database, { connections, durationS: READ_SECONDS, bodies: list });
          out[name][`c${connections}`] = r;
          describeLoad(`${size.name} ${name} ×${connections}`, r);
        }
      }
      results.reads[size.name] = { ...(only ? results.reads[size.name] : {}), ...out };
    } finally {
      load.close();
      await srv.stop();
    }
  }
}

async function send(results: Results): Promise<void> {
  log('\n[1] sendMessage');
  const size = SIZES.large;
  const targets = sendTargets(size);
  const srv = await server(size, { nodeArgs: REALTIME_NODE_ARGS, main: process.env.BENCH_SERVER_MAIN });
  const load = new Worker('load-http.ts');
  try {
    await load.ask({ ping: true });
    const runs: [string, number, { viewer: number; conversationId: string }[]][] = [
      ['spread50', 50, targets.spread],
      ['spread100', 100, targets.spread],
      ['one50', 50, targets.one],
    ];
    results.send = {};
    for (const [name, connections, sends] of runs) {
      const r = await httpRun(load, srv, size.database, { connections, durationS: SEND_SECONDS, sends, sendDocument: SEND_MESSAGE, tag: `bench-${name}` });
      results.send[name] = r;
      describeLoad(`${name} ×${connections}`, r);
    }
  } finally {
    load.close();
    await srv.stop();
  }
}

/** Records the statements one request runs, by running it once on a server preloaded with the recorder. */
async function capture(size: Size): Promise<Record<string, Script[]>> {
  const file = join(ROOT, 'bench', 'results', '.sql-capture.jsonl');
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const srv = await server(size, { nodeArgs: ['-r', join(__dirname, 'sql-recorder.js')], env: { BENCH_SQL_RECORD: file } });
  try {
    const one = async (viewer: number, body: string): Promise<Script> => {
      // Twice, keeping the second: the first may include one-time work (prepared lookups, caches).
      for (let i = 0; i < 2; i++) {
        resetRecording(file);
        const response = await fetch(srv.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: tokens.bearer(viewer) }, body });
        const text = await response.text();
        if (!response.ok || text.includes('"errors"')) throw new Error(`capture request failed: ${text.slice(0, 300)}`);
      }
      await sleep(20);
      return readRecording(file);
    };
    const bodies = readBodies(size);
    const targets = sendTargets(size);
    const sendBody = (conversationId: string) => gql('SendMessage', SEND_MESSAGE, { input: { conversationId, content: 'bench ceiling: the quick brown fox jumps over the lazy dog' } });
    const out: Record<string, Script[]> = {};
    for (const [name, list] of Object.entries(bodies)) {
      out[name] = [];
      for (const item of list) out[name].push(await one(item.viewer, item.body));
    }
    out.sendTemplate = [await one(targets.spread[0].viewer, sendBody(targets.spread[0].conversationId))];
    out.sendOne = [];
    for (const t of targets.one) out.sendOne.push(await one(t.viewer, sendBody(t.conversationId)));
    return out;
  } finally {
    await srv.stop();
  }
}

async function ceiling(results: Results): Promise<void> {
  log('\n[6] ceiling: the same statements straight through pg, same concurrency');
  const size = SIZES.large;
  const scripts = await capture(size);
  results.statements = Object.fromEntries(Object.entries(scripts).map(([name, list]) => [name === 'sendTemplate' ? 'send' : name, statementCount(list[0])]));
  delete (results.statements as Record<string, number>).sendOne;
  log(`    SQL statements per request: ${JSON.stringify(results.statements)}`);
  const targets = sendTargets(size);
  const first = targets.spread[0];
  const template = {
    script: scripts.sendTemplate[0],
    keys: [first.conversationId, profileId(first.viewer)],
    rows: targets.spread.map((t) => [t.conversationId, profileId(t.viewer)]),
  };
  const worker = new Worker('ceiling.ts');
  const url = databaseUrl(BASE_URL, size.database);
  // One connection per worker up to 50 (PostgreSQL's max_connections is 100, shared with everyone
  // else on this machine); 100 workers share 50 connections, as 100 clients share the server's pool.
  const go = (spec: Omit<CeilingSpec, 'databaseUrl' | 'poolSize' | 'maxRequests' | 'warmupS'>) =>
    worker
      .ask<{ result: CeilingResult }>({ databaseUrl: url, poolSize: Math.min(spec.connections, 50), maxRequests: MAX_REQUESTS, warmupS: WARMUP_SECONDS, ...spec })
      .then((m) => m.result);
  try {
    results.ceiling = { send: {}, reads: {} };
    for (const [name, connections] of [['spread50', 50], ['spread100', 100]] as const) {
      const r = await go({ connections, durationS: SEND_SECONDS, template });
      results.ceiling.send[name] = r;
      describeLoad(`ceiling ${name} ×${connections}`, r);
    }
    const r = await go({ connections: 50, durationS: SEND_SECONDS, scripts: scripts.sendOne });
    results.ceiling.send.one50 = r;
    describeLoad('ceiling one50 ×50', r);
    for (const name of ['list', 'messages', 'unread']) {
      results.ceiling.reads[name] = {};
      for (const connections of [1, 10, 50]) {
        const c = await go({ connections, durationS: READ_SECONDS, scripts: scripts[name] });
        results.ceiling.reads[name][`c${connections}`] = c;
        describeLoad(`ceiling large ${name} ×${connections}`, c);
      }
    }
  } finally {
    worker.close();
  }
}

async function realtime(results: Results): Promise<void> {
  log(`\n[3] realtime: messageAdded over graphql-ws at ${REALTIME_RATE} messages/s`);
  const size = SIZES.large;
  results.realtime = {};
  for (const n of REALTIME_CONNECTIONS) {
    const pairs = disjointPairs(size, n / 2);
    const srv = await server(size, { nodeArgs: REALTIME_NODE_ARGS, main: process.env.BENCH_SERVER_MAIN });
    const ws = new Worker('load-ws.ts');
    const entry: Record<string, unknown> = { connections: n };
    results.realtime[`n${n}`] = entry;
    try {
      await sleep(1000);
      const rss0 = rssKiB(srv.pid);
      const people = pairs.flatMap((c) => [c.initiator, c.other]);
      const opened = await ws.ask<{ ms: number; open: number; failed: number; firstError?: string }>({ cmd: 'open', httpUrl: srv.url, secret: SECRET, people } satisfies WsCommand);
      await sleep(2000);
      const rss1 = rssKiB(srv.pid);
      Object.assign(entry, {
        openMs: round(opened.ms, 0),
        open: opened.open,
        failed: opened.failed,
        firstError: opened.firstError,
        rssBeforeKiB: rss0,
        rssIdleKiB: rss1,
        idleKiBPerConnection: round((rss1 - rss0) / Math.max(1, opened.open), 1),
      });
      log(`    ${n} sockets: ${opened.open} open, ${opened.failed} failed in ${(opened.ms / 1000).toFixed(1)} s; server RSS ${rss0} → ${rss1} KiB: ${entry.idleKiBPerConnection} KiB per idle connection`);
      if (opened.open < n) throw new Error(`only ${opened.open} of ${n} sockets opened: ${opened.firstError}`);
      const subscriptions = pairs.flatMap((c) => [c.initiator, c.other].map((person) => ({ person, conversationId: c.id })));
      const sub = await ws.ask<{ ms: number; live: number; wanted: number; probes: number; errors: number; firstError?: string }>({ cmd: 'subscribe', subscriptions } satisfies WsCommand);
      await sleep(1000);
      const rss2 = rssKiB(srv.pid);
      Object.assign(entry, { subscribedMs: round(sub.ms, 0), liveSubscriptions: sub.live, probes: sub.probes, rssSubscribedKiB: rss2, subscribedKiBPerConnection: round((rss2 - rss0) / n, 1) });
      log(`    subscribed: ${sub.live}/${sub.wanted} live after ${sub.probes} probe messages (${(sub.ms / 1000).toFixed(1)} s); server RSS ${rss2} KiB${sub.errors ? `; ERRORS ${sub.errors}: ${sub.firstError}` : ''}`);
      const sends = pairs.flatMap((c) => [
        { person: c.initiator, conversationId: c.id },
        { person: c.other, conversationId: c.id },
      ]);
      // Shuffled deterministically, so consecutive messages go to different conversations.
      for (let i = sends.length - 1; i > 0; i--) {
        const j = (i * 7919) % (i + 1);
        [sends[i], sends[j]] = [sends[j], sends[i]];
      }
      // CPU per send, its deliveries included (server process and its PostgreSQL backends), and
      // how busy other work kept the machine: latency here moves with other load, CPU much less.
      const measured = async (rate: number, tag: string) => {
        const pids = await backendPids(BASE_URL, size.database);
        const sum = (list: number[]) => list.reduce((t, pid) => t + cpuMs(pid), 0);
        const server0 = cpuMs(srv.pid);
        const load0 = cpuMs(ws.pid);
        const pg0 = sum(pids);
        const machine0 = machineCpu();
        const result = await ws.ask<any>({ cmd: 'run', rate, durationS: REALTIME_SECONDS, sends, tag } satisfies WsCommand);
        const serverMs = cpuMs(srv.pid) - server0;
        const pgMs = Math.max(0, sum(await backendPids(BASE_URL, size.database)) - pg0);
        const machine1 = machineCpu();
        const sent = Math.max(1, result.sent);
        result.serverCpuMsPerSend = round(serverMs / sent, 3);
        result.postgresCpuMsPerSend = round(pgMs / sent, 3);
        const ours = serverMs + pgMs + (cpuMs(ws.pid) - load0);
        result.otherCpuPercent = round((100 * Math.max(0, machine1.busy - machine0.busy - ours)) / Math.max(1, machine1.total - machine0.total), 0);
        log(`      cpu per send (with its deliveries): server ${result.serverCpuMsPerSend} ms, pg ${result.postgresCpuMsPerSend} ms; other work ${result.otherCpuPercent}% of the machine`);
        return result;
      };
      let r = await measured(REALTIME_RATE, `rt${n}`);
      if (r.overloaded) {
        // The sends, not the deliveries, could not keep up: measure delivery again at a rate
        // this machine sustains, and keep both.
        log(`    OVERLOADED at ${REALTIME_RATE}/s: the server fell ${Math.max(100, REALTIME_RATE)} sends behind after ${r.sent} of ${r.planned}; again at ${REALTIME_FALLBACK_RATE}/s`);
        entry.atTargetRate = { ...r, event: undefined };
        await sleep(3000);
        r = await measured(REALTIME_FALLBACK_RATE, `rt${n}f`);
      }
      const rss3 = rssKiB(srv.pid);
      Object.assign(entry, { ...r, event: undefined, rssAfterRunKiB: rss3 });
      if (r.overloaded) log(`    OVERLOADED again: stopped after ${r.sent} of ${r.planned}`);
      log(
        `    delivery at ${r.achievedRate.toFixed(0)} msg/s: p50 ${r.deliveries.p50.toFixed(2)} ms  p99 ${r.deliveries.p99.toFixed(2)} ms  (${r.deliveries.count} deliveries, ${r.missing} missing, ${r.failedSends} failed sends${r.firstSendError ? `: ${r.firstSendError}` : ''}); ` +
          `sendMessage p50 ${r.send.p50.toFixed(2)} ms p99 ${r.send.p99.toFixed(2)} ms`,
      );
      await ws.ask({ cmd: 'close' } satisfies WsCommand).catch(() => undefined);
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
      log(`    ${n} connections: FAILED: ${entry.error}`);
    } finally {
      ws.close();
      await srv.stop();
    }
  }
}

/**
 * What the heavy users search for. The seeded text is "Message k: the quick brown fox jumps over
 * the lazy dog …" cut at a random length, so its words are in (nearly) every one of a heavy
 * user's ~69,000 (user 0) or ~19,000 (users 1–4) messages: the worst case for a ranked search,
 * which must rank every match. "4711" is only in message 4711 of the long conversation; typed
 * last and unquoted it is matched as a prefix too.
 */
export const SEARCH_QUERIES: Record<string, { label: string; query: string }> = {
  common: { label: 'two words in every message ("quick brown")', query: 'quick brown' },
  phrase: { label: 'a quoted phrase ("lazy dog" in quotes)', query: '"lazy dog"' },
  prefix: { label: 'a word being typed, prefix ("laz")', query: 'laz' },
  wordPrefix: { label: 'a word and a prefix ("jumps ov")', query: 'jumps ov' },
  rareTyped: { label: 'a rare word as typed ("message 4711", 4711 as a prefix)', query: 'message 4711' },
  rare: { label: 'a rare word, whole ("message 4711" in quotes)', query: '"message 4711"' },
};

async function search(results: Results): Promise<void> {
  log('\n[4] search: searchMessages(first: 20) of the heavy users over 1M messages');
  const size = SIZES.large;
  const srv = await server(size, { main: process.env.BENCH_SERVER_MAIN });
  const load = new Worker('load-http.ts');
  const heavy = Array.from({ length: size.heavyUsers }, (_, h) => h);
  const body = (query: string) => gql('SearchMessages', SEARCH_MESSAGES, { query, first: 20 });
  try {
    await load.ask({ ping: true });
    const out: NonNullable<Results['searchBench']> = { queries: {}, mix: {} };
    for (const [key, { label, query }] of Object.entries(SEARCH_QUERIES)) {
      const r = await httpRun(load, srv, size.database, { connections: 1, durationS: READ_SECONDS, bodies: heavy.map((viewer) => ({ viewer, body: body(query) })) });
      out.queries[key] = { ...r, label, query };
      describeLoad(`${key} ×1`, r);
      log(`      p95 ${r.latency.p95.toFixed(2)} ms`);
    }
    const mix = heavy.flatMap((viewer) => Object.values(SEARCH_QUERIES).map(({ query }) => ({ viewer, body: body(query) })));
    for (const connections of [1, 10]) {
      const r = await httpRun(load, srv, size.database, { connections, durationS: READ_SECONDS, bodies: mix });
      out.mix[`c${connections}`] = r;
      describeLoad(`mix ×${connections}`, r);
      log(`      p95 ${r.latency.p95.toFixed(2)} ms`);
    }
    results.searchBench = out;
  } finally {
    load.close();
    await srv.stop();
  }
}

async function coldstart(results: Results): Promise<void> {
  log('\n[5] cold start: spawn to first answered query (unreadTotal), warm database');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const srv = await server(SIZES.large);
    runs.push(round(srv.readyMs, 0)!);
    await srv.stop();
  }
  const sorted = [...runs].sort((a, b) => a - b);
  results.coldstart = { runsMs: runs, medianMs: sorted[Math.floor(sorted.length / 2)] };
  log(`    ${runs.join(', ')} ms; median ${results.coldstart.medianMs} ms`);
}

// ---------------------------------------------------------------- main

async function machine(): Promise<NonNullable<Results['machine']>> {
  const db = new Client({ connectionString: databaseUrl(BASE_URL, 'postgres') });
  await db.connect();
  const { rows } = await db.query(`SELECT version() AS v, current_setting('shared_buffers') AS sb, current_setting('max_connections') AS mc`);
  await db.end();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1)!,
    kernel: release(),
    node: process.version,
    postgres: rows[0].v.split(' on ')[0],
    postgresSharedBuffers: rows[0].sb,
    postgresMaxConnections: Number(rows[0].mc),
    redis: REDIS_URL ? 'REDIS_URL set: events through Redis pub/sub' : 'none (in-process pub/sub)',
    dbPoolSize: Number(process.env.BENCH_DB_POOL_SIZE || 10),
  };
}

async function main() {
  const asked = process.argv.slice(2).map((a): string => ALIASES[a] ?? a);
  for (const a of asked) {
    if (!(SCENARIOS as readonly string[]).includes(a)) {
      console.error(`unknown scenario "${a}"; choose from ${SCENARIOS.join(', ')} (or 1–6)`);
      process.exit(2);
    }
  }
  const chosen = asked.length ? SCENARIOS.filter((s) => asked.includes(s)) : [...SCENARIOS];
  if (chosen.length === 0) return;
  const started = Date.now();
  const file = QUICK ? RESULTS.replace('latest.json', 'quick.json') : RESULTS;
  const results: Results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};

  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the API (npm run build:api) …');
    try {
      execFileSync('npm', ['run', '--silent', 'build:api'], { cwd: ROOT, stdio: 'inherit' });
    } catch {
      // tsc still emits JavaScript when it reports type errors (someone's work in progress, say).
      if (!existsSync(join(ROOT, 'dist/api/main.js'))) throw new Error('npm run build:api failed and there is no dist/api/main.js');
      log('  (build:api reported type errors; measuring the JavaScript it emitted)');
    }
  }
  const m = await machine();
  results.machine = m;
  log(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.postgres}`);
  log('data:');
  results.data = {};
  for (const size of [SIZES.large, SIZES.small]) {
    const seeded = await ensureSeeded(BASE_URL, size, log);
    results.data[size.name] = seeded;
    log(`  ${size.database}: ${seeded.reused ? 'reused' : 'seeded'} in ${seeded.seconds.toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);
  }
  results.loadAverageAtStart = loadavg().map((x) => round(x, 2)!);

  const steps: Record<Scenario, (r: Results) => Promise<void>> = { reads, send, ceiling, realtime, search, coldstart };
  const failed: string[] = [];
  for (const scenario of chosen) {
    const busy = await waitForQuiet(scenario);
    const at = new Date().toISOString();
    try {
      await steps[scenario](results);
      results.ran = { ...(results.ran ?? {}), [scenario]: { at, otherCpuBusyPercent: busy } };
    } catch (error) {
      // One scenario's failure (a server that would not start, a refused connection) does not lose the others' figures.
      failed.push(scenario);
      log(`  ${scenario} FAILED: ${error instanceof Error ? error.stack : error}`);
    }
  }
  delete results.search;
  results.finishedAt = new Date().toISOString();
  results.lastRunSeconds = round((Date.now() - started) / 1000, 0)!;
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  log('\n' + buildTable(results));
  log(`\n${chosen.join(', ')} in ${results.lastRunSeconds} s; results in ${file.slice(ROOT.length + 1)}`);
  cleanup();
  if (failed.length) {
    log(`failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  cleanup();
  process.exit(1);
});

