import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import type { GqlResult, TestApp } from '../../test/harness';
import { ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';
import { Collected, collect, sleep, wsClient } from '../../test/ws-client';

/**
 * Scale-out: two server PROCESSES (api/main.ts, as deployed) share PostgreSQL and Redis. A client
 * on one node gets what is sent through the other; a client moved between nodes resumes with
 * `after`, without gap or repeat; SIGTERM closes a node's sockets with 1001 and exits 0.
 */
const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) {
  console.warn('\n**********\n* REDIS_URL is not set: the multi-node tests are SKIPPED\n**********\n');
}

const ROOT = resolve(__dirname, '../../..');
const TOKEN_SECRET = 'multinode-secret-multinode-secret-0123456789';
const MESSAGE_ADDED = `subscription($conversationId: ID, $after: String) { messageAdded(conversationId: $conversationId, after: $after) { id seq content } }`;
const CONVERSATION_UPDATED = `subscription { conversationUpdated { id lastSeq lastMessagePreview unreadCount } }`;
const MESSAGES_AFTER = `query($id: ID!, $after: String) { conversation(id: $id) { messages(after: $after, first: 200) { edges { cursor node { id seq } } } } }`;

interface Node {
  name: string;
  url: string;
  wsUrl: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
  /** The factories only need gql: a node process stands in for an in-process TestApp. */
  app: TestApp;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function gqlAt<T>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GqlResult<T>;
  return { status: response.status, data: body.data, errors: body.errors };
}

async function startNode(name: string): Promise<Node> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'api/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: process.env.TEST_DATABASE_URL, REDIS_URL, TOKEN_SECRET, LOG_LEVEL: 'warn', RATE_LIMIT_SEND: '100000/1', RATE_LIMIT_REGISTER_ADDRESS: '100000/1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const url = `http://127.0.0.1:${port}/graphql`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`node ${name} exited while starting:\n${output}`);
    const answer = await gqlAt(url, '{ __typename }').catch(() => undefined);
    if (answer?.status === 200) break;
    if (Date.now() - started > 60_000) throw new Error(`node ${name} did not answer POST /graphql within 60 s:\n${output}`);
    await sleep(100);
  }
  const gql = <T>(query: string, variables?: Record<string, unknown>, token?: string) => gqlAt<T>(url, query, variables, token);
  return { name, url, wsUrl: url.replace(/^http/, 'ws'), process: child, exited, output: () => output, app: { url, gql } as unknown as TestApp };
}

async function stopNode(node: Node | undefined): Promise<void> {
  if (!node || node.process.exitCode !== null || node.process.signalCode !== null) return;
  node.process.kill('SIGKILL');
  await node.exited;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms).unref())]);
}

(REDIS_URL ? describe : describe.skip)('two server processes sharing PostgreSQL and Redis', () => {
  let a: Node;
  let b: Node;

  beforeAll(async () => {
    [a, b] = await Promise.all([startNode('A'), startNode('B')]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([stopNode(a), stopNode(b)]);
    // A node's own errors explain most failures here (an INTERNAL_SERVER_ERROR says nothing).
    for (const node of [a, b].filter(Boolean)) {
      const errors = node.output().split('\n').filter((line) => /"level":(50|60)/.test(line));
      if (errors.length) console.warn(`node ${node.name} logged errors:\n${errors.join('\n').slice(0, 4000)}`);
    }
  });

  /** Without a way to see another process's listeners, send through `node` until the subscriptions see traffic. */
  async function untilLive(node: Node, sender: TestUser, conversationId: string, subs: Collected[]): Promise<void> {
    for (let i = 0; i < 50; i++) {
      await sendMessage(node.app, sender, conversationId, `probe ${i}`);
      const deadline = Date.now() + 200;
      while (Date.now() < deadline && subs.some((s) => s.events.length === 0)) await sleep(10);
      if (subs.every((s) => s.events.length > 0)) return;
    }
    throw new Error('subscriptions never went live');
  }

  it('delivers to a client on node A what is sent through node B: messageAdded and conversationUpdated', async () => {
    const [alice, bob] = await Promise.all([registerUser(a.app), registerUser(b.app)]);
    const chat = await startChat(b.app, alice, bob);
    const client = wsClient(a.wsUrl, bob.token);
    try {
      const messages = collect(client, MESSAGE_ADDED, { conversationId: chat.id });
      const updates = collect(client, CONVERSATION_UPDATED);
      await untilLive(b, alice, chat.id, [messages, updates]);
      const before = messages.events.length;
      const sent = [];
      for (const content of ['one', 'two', 'three']) sent.push(await sendMessage(b.app, alice, chat.id, content));
      const events = await messages.waitFor(before + 3);
      const seqs = events.map((e) => e.messageAdded.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0] + i)); // in order, none twice, none skipped
      expect(events.slice(-3).map((e) => e.messageAdded)).toEqual(sent.map(({ id, seq, content }) => ({ id, seq, content })));

      const last = sent[2];
      const deadline = Date.now() + 5000;
      while (!updates.events.some((e) => e.conversationUpdated.lastSeq === last.seq) && Date.now() < deadline) await sleep(10);
      const update = updates.events.find((e) => e.conversationUpdated.lastSeq === last.seq);
      // Resolved as Bob sees it: everything Alice sent is unread for him.
      expect(update?.conversationUpdated).toEqual({ id: chat.id, lastSeq: last.seq, lastMessagePreview: 'three', unreadCount: last.seq });
      expect([...messages.errors, ...updates.errors]).toEqual([]);
    } finally {
      await client.dispose();
    }
  }, 30_000);

  it('lets a client move from node A to node B mid-conversation and resume with after: no gap, no repeat, under concurrent sends', async () => {
    const [alice, bob] = await Promise.all([registerUser(a.app), registerUser(b.app)]);
    const chat = await startChat(a.app, alice, bob);
    const send = (node: Node, content: string) => sendMessage(node.app, alice, chat.id, content);
    const cursorOf = async (seq: number) => {
      const edges = ok<any>(await a.app.gql(MESSAGES_AFTER, { id: chat.id, after: null }, bob.token)).conversation.messages.edges;
      return edges.find((e: any) => e.node.seq === seq).cursor as string;
    };
    await send(a, 'm1');
    const onA = wsClient(a.wsUrl, bob.token);
    const onB = wsClient(b.wsUrl, bob.token);
    try {
      // Bob on A, from message 1 on (after: its cursor, so there is no race with his subscribe).
      const first = collect(onA, MESSAGE_ADDED, { conversationId: chat.id, after: await cursorOf(1) });
      await send(b, 'm2');
      await send(a, 'm3');
      expect((await first.waitFor(2)).map((e) => e.messageAdded.seq)).toEqual([2, 3]);
      const lastSeen = await cursorOf(3);
      await onA.dispose();

      // Sent while he is away, through both nodes.
      for (let i = 4; i <= 7; i++) await send(i % 2 ? b : a, `m${i}`);
      // Two senders on two nodes keep going while he reconnects to B and resumes.
      const burst = Promise.all(
        [a, b].map(async (node) => {
          for (let i = 0; i < 10; i++) await send(node, `burst ${node.name} ${i}`);
        }),
      );
      const resumed = collect(onB, MESSAGE_ADDED, { conversationId: chat.id, after: lastSeen });
      await burst;
      const total = 7 + 20;
      await resumed.waitFor(total - 3, 10_000);
      const live = await send(a, 'live');
      await resumed.waitFor(total - 2, 5000);
      await sleep(300); // nothing more may arrive: no duplicates

      const stored = ok<any>(await b.app.gql(MESSAGES_AFTER, { id: chat.id, after: lastSeen }, bob.token)).conversation.messages.edges.map((e: any) => e.node);
      expect(stored.map((m: any) => m.seq)).toEqual(Array.from({ length: total - 2 }, (_, i) => i + 4));
      expect(resumed.events.map((e) => e.messageAdded.seq)).toEqual(stored.map((m: any) => m.seq));
      expect(resumed.events.map((e) => e.messageAdded.id)).toEqual(stored.map((m: any) => m.id));
      expect(resumed.events.at(-1).messageAdded.id).toBe(live.id);
      expect(resumed.errors).toEqual([]);
    } finally {
      await Promise.all([onA.dispose(), onB.dispose()]);
    }
  }, 40_000);

  it('on SIGTERM closes node B’s sockets with 1001 and exits 0, while node A keeps serving', async () => {
    const [alice, bob] = await Promise.all([registerUser(a.app), registerUser(a.app)]);
    const chat = await startChat(a.app, alice, bob);
    const socket = new WebSocket(b.wsUrl, 'graphql-transport-ws');
    const frames: any[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: String(reason) })));
    await new Promise((done, fail) => socket.once('open', done).once('error', fail));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${bob.token}` } }));
    for (let i = 0; !frames.some((f) => f.type === 'connection_ack') && i < 100; i++) await sleep(20);
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: MESSAGE_ADDED, variables: { conversationId: chat.id } } }));
    // Live on B (fed through A and Redis) before the signal.
    for (let i = 0; !frames.some((f) => f.type === 'next') && i < 50; i++) {
      await sendMessage(a.app, alice, chat.id, `probe ${i}`);
      await sleep(100);
    }
    expect(frames.find((f) => f.type === 'next')?.payload.data.messageAdded.content).toMatch(/^probe/);

    b.process.kill('SIGTERM');
    expect(await within(closed, 10_000, 'socket on B not closed')).toEqual({ code: 1001, reason: 'Going away' });
    expect(await within(b.exited, 15_000, 'node B did not exit')).toEqual({ code: 0, signal: null });
    await expect(gqlAt(b.url, '{ __typename }')).rejects.toThrow();

    // Node A still answers HTTP and delivers live to a client that moved over.
    expect(ok<any>(await a.app.gql('{ me { userId } }', {}, bob.token)).me.userId).toBe(bob.userId);
    const client = wsClient(a.wsUrl, bob.token);
    try {
      const sub = collect(client, MESSAGE_ADDED, { conversationId: chat.id });
      await untilLive(a, alice, chat.id, [sub]);
      expect(sub.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  }, 40_000);
});
