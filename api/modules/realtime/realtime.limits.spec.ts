import WebSocket from 'ws';
import jwt from 'jsonwebtoken';
import { startTestApp, TestApp } from '../../test/harness';
import { ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';
import { collect, untilListening, wsClient } from '../../test/ws-client';

/**
 * Hostile and broken clients, with raw `ws` frames: each gets a protocol close (or an error for
 * its one extra subscription), and after each one the server still serves a normal graphql-ws
 * client and HTTP queries (checked in afterEach). Limits are lowered so tests stay fast.
 */
const LIMITS = { maxSubscriptionsPerSocket: 3, maxBufferedBytes: 64 * 1024, maxMessageBytes: 8 * 1024, maxMessagesPerSecond: 20, connectionInitTimeoutMs: 400 };
const MESSAGE_ADDED = `subscription($conversationId: ID, $after: String) { messageAdded(conversationId: $conversationId, after: $after) { id seq content } }`;

let app: TestApp;
let alice: TestUser;
let bob: TestUser;
let chatId: string;

beforeAll(async () => {
  app = await startTestApp({ MESSAGE_MAX_LENGTH: '100000' }, LIMITS);
  [alice, bob] = await Promise.all([registerUser(app), registerUser(app)]);
  chatId = (await startChat(app, alice, bob)).id;
});
afterAll(() => app?.stop());

interface RawClient {
  ws: WebSocket;
  messages: any[];
  closed: Promise<{ code: number; reason: string }>;
  send(frame: unknown): void;
  next(predicate: (message: any) => boolean, timeoutMs?: number): Promise<any>;
  closedWithin(timeoutMs: number): Promise<{ code: number; reason: string }>;
}

async function rawClient(): Promise<RawClient> {
  const ws = new WebSocket(app.wsUrl, 'graphql-transport-ws');
  const messages: any[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    waiters.forEach((w) => w());
  });
  ws.on('error', () => undefined); // a refused frame may surface here; the close code is what we assert
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const within = <T>(promise: Promise<T>, ms: number, what: string) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms).unref())]);
  return {
    ws,
    messages,
    closed,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next: (predicate, timeoutMs = 3000) => {
      let check = () => undefined as void;
      const found = new Promise<any>((resolve) => {
        check = () => {
          const hit = messages.find(predicate);
          if (hit) resolve(hit);
        };
        waiters.add(check);
        check();
      });
      return within(found, timeoutMs, `no matching message (got ${JSON.stringify(messages).slice(0, 300)})`).finally(() => waiters.delete(check));
    },
    closedWithin: (ms) => within(closed, ms, 'socket not closed'),
  };
}

async function authedRawClient(token: string): Promise<RawClient> {
  const client = await rawClient();
  client.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
  await client.next((m) => m.type === 'connection_ack');
  return client;
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const toClose: WebSocket[] = [];
afterEach(async () => {
  toClose.splice(0).forEach((ws) => ws.terminate());
  // Nothing a closed client subscribed to is still held by the server.
  await until(() => app.server.hub.listenerCount === 0, 'every subscription of closed clients to end');
  // The server still answers HTTP and serves a normal subscriber, live.
  expect(ok(await app.gql<{ me: { userId: string } }>('{ me { userId } }', {}, alice.token)).me.userId).toBe(alice.userId);
  const client = wsClient(app.wsUrl, bob.token);
  try {
    const base = app.server.hub.listenerCount;
    const sub = collect(client, MESSAGE_ADDED, { conversationId: chatId });
    await untilListening(app, base + 1);
    const sent = await sendMessage(app, alice, chatId, 'still serving');
    expect((await sub.waitFor(1, 3000))[0].messageAdded.id).toBe(sent.id);
  } finally {
    await client.dispose();
  }
  await until(() => app.server.hub.listenerCount === 0, 'the disposed subscription to end');
});

describe('bad frames get a protocol close', () => {
  it.each([
    ['a frame that is not JSON', '{"type": "connection_init"'],
    ['an unknown message type', { type: 'shout', payload: {} }],
    ['a message without a type', { payload: {} }],
  ])('closes with 4400 on %s', async (_what, frame) => {
    const client = await rawClient();
    toClose.push(client.ws);
    client.send(frame);
    expect((await client.closedWithin(2000)).code).toBe(4400);
  });

  it('closes with 4401 on a subscribe before connection_init', async () => {
    const client = await rawClient();
    toClose.push(client.ws);
    client.send({ id: '1', type: 'subscribe', payload: { query: MESSAGE_ADDED, variables: { conversationId: chatId } } });
    expect((await client.closedWithin(2000)).code).toBe(4401);
  });

  it('closes with 4408 when connection_init does not come in time', async () => {
    const client = await rawClient();
    toClose.push(client.ws);
    const started = Date.now();
    expect((await client.closedWithin(LIMITS.connectionInitTimeoutMs + 2000)).code).toBe(4408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.connectionInitTimeoutMs - 50);
  });

  it('closes with 1009 on a frame larger than the maximum message size', async () => {
    const client = await authedRawClient(bob.token);
    toClose.push(client.ws);
    client.send({ type: 'ping', payload: { pad: 'x'.repeat(LIMITS.maxMessageBytes + 1) } });
    expect((await client.closedWithin(2000)).code).toBe(1009);
  });

  it('closes a flood of frames with 4429', async () => {
    const client = await authedRawClient(bob.token);
    toClose.push(client.ws);
    for (let i = 0; i < LIMITS.maxMessagesPerSecond * 3; i++) client.send({ type: 'ping' });
    const { code, reason } = await client.closedWithin(2000);
    expect(code).toBe(4429);
    expect(reason).toBe('Too many messages');
  });
});

describe('connection_init authentication', () => {
  it('closes with 4401 without a token and 4403 with a bad one', async () => {
    const none = await rawClient();
    const bad = await rawClient();
    const wrongSecret = await rawClient();
    toClose.push(none.ws, bad.ws, wrongSecret.ws);
    none.send({ type: 'connection_init', payload: {} });
    bad.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-jwt' } });
    wrongSecret.send({ type: 'connection_init', payload: { authorization: `Bearer ${jwt.sign({}, 'another-secret-another-secret-another-secret', { subject: alice.userId })}` } });
    expect(await none.closedWithin(2000)).toEqual({ code: 4401, reason: expect.stringContaining('Unauthorized') });
    expect(await bad.closedWithin(2000)).toEqual({ code: 4403, reason: 'Forbidden: invalid token' });
    expect(await wrongSecret.closedWithin(2000)).toEqual({ code: 4403, reason: 'Forbidden: invalid token' });
    expect([none, bad, wrongSecret].flatMap((c) => c.messages)).toEqual([]); // never acknowledged
  });

  it('closes with 4403 when the token expires while connected, ending its subscriptions', async () => {
    const base = app.server.hub.listenerCount;
    const client = await rawClient();
    toClose.push(client.ws);
    // Bob's real token (same subject and session) re-signed just before it is sent, to expire 1-2 s from now.
    const { iat: _iat, exp: _exp, ...claims } = jwt.decode(bob.token) as jwt.JwtPayload;
    const shortLived = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 2 }, app.config.tokenSecret, { algorithm: 'HS256' });
    client.send({ type: 'connection_init', payload: { authorization: `Bearer ${shortLived}` } });
    await client.next((m) => m.type === 'connection_ack');
    client.send({ id: '1', type: 'subscribe', payload: { query: MESSAGE_ADDED, variables: { conversationId: chatId } } });
    await untilListening(app, base + 1);
    expect(await client.closedWithin(4000)).toEqual({ code: 4403, reason: 'Forbidden: token expired' });
    await until(() => app.server.hub.listenerCount === base, 'the expired subscription to stop listening');
  });
});

describe('bounded work per connection', () => {
  it('refuses subscriptions past the per-socket maximum with TOO_MANY_SUBSCRIPTIONS; the others keep working', async () => {
    const base = app.server.hub.listenerCount;
    const client = wsClient(app.wsUrl, bob.token);
    try {
      const subs = Array.from({ length: LIMITS.maxSubscriptionsPerSocket }, () => collect(client, MESSAGE_ADDED, { conversationId: chatId }));
      await untilListening(app, base + LIMITS.maxSubscriptionsPerSocket);
      const extra = collect(client, MESSAGE_ADDED, { conversationId: chatId });
      await until(() => extra.errors.length > 0, 'the extra subscription to be refused');
      const [errors] = extra.errors as { message: string; extensions: Record<string, unknown> }[][];
      expect(errors).toEqual([expect.objectContaining({ message: `At most ${LIMITS.maxSubscriptionsPerSocket} subscriptions per connection`, extensions: expect.objectContaining({ reason: 'TOO_MANY_SUBSCRIPTIONS' }) })]);
      expect(app.server.hub.listenerCount).toBe(base + LIMITS.maxSubscriptionsPerSocket);

      const first = await sendMessage(app, alice, chatId, 'to the three');
      for (const sub of subs) expect((await sub.waitFor(1))[0].messageAdded.id).toBe(first.id);
      expect(extra.events).toEqual([]);

      // Completing one frees its slot on the same socket.
      subs[0].dispose();
      await until(() => app.server.hub.listenerCount === base + LIMITS.maxSubscriptionsPerSocket - 1, 'the completed subscription to stop listening');
      const replacement = collect(client, MESSAGE_ADDED, { conversationId: chatId });
      await untilListening(app, base + LIMITS.maxSubscriptionsPerSocket);
      const second = await sendMessage(app, alice, chatId, 'to the replacement');
      expect((await replacement.waitFor(1))[0].messageAdded.id).toBe(second.id);
      expect(replacement.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('disconnects a consumer that stops reading, while a normal subscriber gets every message promptly', async () => {
    const base = app.server.hub.listenerCount;
    const slow = await authedRawClient(bob.token);
    toClose.push(slow.ws);
    slow.send({ id: 'slow', type: 'subscribe', payload: { query: MESSAGE_ADDED, variables: { conversationId: chatId } } });
    const client = wsClient(app.wsUrl, bob.token);
    try {
      const normal = collect(client, MESSAGE_ADDED, { conversationId: chatId });
      await untilListening(app, base + 2);
      (slow.ws as any)._socket.pause(); // stops reading: kernel buffers fill, then the server's
      const big = 'x'.repeat(60_000);
      const sentIds: string[] = [];
      // Kernel socket buffers take a few MB before anything queues in the server; 400 x 60 kB is far more.
      while (app.server.hub.listenerCount > base + 1 && sentIds.length < 400) {
        const started = Date.now();
        sentIds.push((await sendMessage(app, alice, chatId, `${sentIds.length} ${big}`)).id);
        await normal.waitFor(sentIds.length, 2000);
        expect(Date.now() - started).toBeLessThan(2000);
      }
      expect(app.server.hub.listenerCount).toBe(base + 1);
      // Still live for the normal subscriber, in order, nothing skipped.
      for (let i = 0; i < 3; i++) sentIds.push((await sendMessage(app, alice, chatId, `after ${i}`)).id);
      const events = await normal.waitFor(sentIds.length, 3000);
      expect(events.map((e) => e.messageAdded.id)).toEqual(sentIds);
    } finally {
      await client.dispose();
    }
  }, 60_000);
});
