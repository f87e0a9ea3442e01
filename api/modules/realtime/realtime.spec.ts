import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';
import { collect, sleep, untilListening, wsClient } from '../../test/ws-client';
import type { Client } from 'graphql-ws';

const MESSAGE_ADDED = `subscription($id: ID, $after: String) {
  messageAdded(conversationId: $id, after: $after) { id seq cursor content conversationId senderType sender { handle } senderAgent { handle } }
}`;

let app: TestApp;
const clients: Client[] = [];
const client = (user: TestUser) => {
  const c = wsClient(app.wsUrl, user.token);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  // Every test starts from a server with no live subscriptions, so untilListening counts only its own.
  const started = Date.now();
  while (app.server.hub.listenerCount > 0 && Date.now() - started < 5000) await sleep(10);
  expect(app.server.hub.listenerCount).toBe(0);
});
afterAll(async () => {
  await app.stop();
});

async function cursorOf(user: TestUser, conversationId: string, seq: number): Promise<string> {
  const data = ok(
    await app.gql<{ conversation: { messages: { edges: { cursor: string; node: { seq: number } }[] } } }>(
      `query($id: ID!) { conversation(id: $id) { messages(last: 200) { edges { cursor node { seq } } } } }`,
      { id: conversationId },
      user.token,
    ),
  );
  const edge = data.conversation.messages.edges.find((e) => e.node.seq === seq);
  if (!edge) throw new Error(`no message with seq ${seq}`);
  return edge.cursor;
}

describe('messageAdded', () => {
  it('delivers every message of a conversation, in the order `messages` returns them', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const sub = collect(client(b), MESSAGE_ADDED, { id: chat.id });
    await untilListening(app, 1);
    // Both sides send concurrently: the conversation row lock orders them, and everyone sees that order.
    await Promise.all(Array.from({ length: 20 }, (_, i) => sendMessage(app, i % 2 ? a : b, chat.id, `m${i}`)));
    const events = await sub.waitFor(20);
    const history = ok<any>(
      await app.gql(`query($id: ID!) { conversation(id: $id) { messages(last: 50) { edges { cursor node { id seq } } } } }`, { id: chat.id }, a.token),
    ).conversation.messages.edges;
    expect(events.map((e: any) => e.messageAdded.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(events.map((e: any) => e.messageAdded.id)).toEqual(history.map((e: any) => e.node.id));
    // A live message's cursor is the one `messages` gives it, so a client can resume from it exactly.
    expect(events.map((e: any) => e.messageAdded.cursor)).toEqual(history.map((e: any) => e.cursor));
  });

  it('without conversationId delivers every chat of the viewer, including chats held with their agents', async () => {
    const [owner, visitor, friend] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    const agentChat = await startChat(app, visitor, owner, agent.id);
    const profileChat = await startChat(app, friend, owner);
    const sub = collect(client(owner), MESSAGE_ADDED);
    await untilListening(app, 1);
    await sendMessage(app, visitor, agentChat.id, 'to the agent');
    await sendMessage(app, friend, profileChat.id, 'to the owner');
    const events = await sub.waitFor(2);
    expect(events.map((e: any) => [e.messageAdded.conversationId, e.messageAdded.content])).toEqual([
      [agentChat.id, 'to the agent'],
      [profileChat.id, 'to the owner'],
    ]);
  });

  it('refuses a conversation the subscriber is not part of with NOT_FOUND', async () => {
    const [a, b, eve] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const sub = collect(client(eve), MESSAGE_ADDED, { id: chat.id });
    await expect(sub.waitFor(1)).rejects.toThrow(/NOT_FOUND/);
    expect(sub.events).toEqual([]);
  });

  it('rejects malformed ids and cursors with BAD_USER_INPUT', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const c = client(a);
    await expect(collect(c, MESSAGE_ADDED, { id: 'not-a-uuid' }).waitFor(1)).rejects.toThrow(/BAD_USER_INPUT/);
    await expect(collect(c, MESSAGE_ADDED, { id: chat.id, after: 'garbage' }).waitFor(1)).rejects.toThrow(/BAD_USER_INPUT/);
    await expect(collect(c, MESSAGE_ADDED, { after: 'WzFd' }).waitFor(1)).rejects.toThrow(/after needs a conversationId/);
  });
});

describe('resume with after', () => {
  it('replays exactly what was missed, then live messages, with sends racing the resubscribe', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    for (let i = 1; i <= 10; i++) await sendMessage(app, a, chat.id, `m${i}`);
    const after = await cursorOf(b, chat.id, 4);
    const sending = (async () => {
      for (let i = 11; i <= 30; i++) await sendMessage(app, a, chat.id, `m${i}`);
    })();
    const sub = collect(client(b), MESSAGE_ADDED, { id: chat.id, after });
    await sending;
    const events = await sub.waitFor(26);
    await sleep(100);
    expect(sub.events.map((e: any) => e.messageAdded.seq)).toEqual(Array.from({ length: 26 }, (_, i) => i + 5));
  });

  it('tells a client that is too far behind to reload (RESYNC_REQUIRED)', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    await sendMessage(app, a, chat.id, 'first');
    const after = await cursorOf(b, chat.id, 1);
    // 1,001 more messages, written in bulk the way sendMessage numbers them.
    await app.dataSource.query(
      `WITH conv AS (UPDATE conversations SET last_seq = last_seq + 1001 WHERE id = $1 RETURNING id)
       INSERT INTO messages (conversation_id, seq, sender_type, sender_id, content)
       SELECT $1, 1 + g, 'USER', $2, 'bulk ' || g FROM generate_series(1, 1001) g`,
      [chat.id, a.userId],
    );
    await app.dataSource.query(`UPDATE participants SET last_seq = last_seq + 1001 WHERE conversation_id = $1`, [chat.id]);
    const sub = collect(client(b), MESSAGE_ADDED, { id: chat.id, after });
    const failure = await sub.waitFor(1).catch((e) => e);
    expect(String(failure)).toMatch(/RESYNC_REQUIRED/);
    expect(sub.events).toEqual([]);
  });

  it('fills a hole from the database when an event is missing, never delivering out of order', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const sub = collect(client(b), MESSAGE_ADDED, { id: chat.id });
    await untilListening(app, 1);
    // A message committed without its event (as when Redis was away when it was sent).
    await app.dataSource.query(
      `WITH conv AS (UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
       INSERT INTO messages (conversation_id, seq, sender_type, sender_id, content) SELECT $1, last_seq, 'USER', $2, 'lost event' FROM conv`,
      [chat.id, a.userId],
    );
    await sendMessage(app, a, chat.id, 'next');
    const events = await sub.waitFor(2);
    expect(events.map((e: any) => [e.messageAdded.seq, e.messageAdded.content])).toEqual([
      [1, 'lost event'],
      [2, 'next'],
    ]);
  });
});

describe('conversationUpdated, readReceipt and typing', () => {
  it('gives each subscriber their own unread count, and the new chat when someone starts one', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const subB = collect(client(b), `subscription { conversationUpdated { id unreadCount lastMessagePreview otherParticipant { handle } } }`);
    const subA = collect(client(a), `subscription { conversationUpdated { id unreadCount } }`);
    await untilListening(app, 2);
    const chat = await startChat(app, a, b);
    await sendMessage(app, a, chat.id, 'hello there');
    const eventsB = await subB.waitFor(2);
    // Each event is resolved as the conversation is when it is delivered, so the first one may already count the message.
    expect(eventsB[0].conversationUpdated).toMatchObject({ id: chat.id, otherParticipant: { handle: a.handle } });
    expect(eventsB[1].conversationUpdated).toMatchObject({ id: chat.id, unreadCount: 1, lastMessagePreview: 'hello there' });
    const eventsA = await subA.waitFor(2);
    expect(eventsA[1].conversationUpdated).toMatchObject({ id: chat.id, unreadCount: 0 });
    ok(await app.gql(`mutation($id: ID!) { markConversationRead(conversationId: $id) { id } }`, { id: chat.id }, b.token));
    const afterRead = await subB.waitFor(3);
    expect(afterRead[2].conversationUpdated).toMatchObject({ id: chat.id, unreadCount: 0 });
  });

  it('tells the sender when the other side has read ("seen")', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    await sendMessage(app, a, chat.id, 'one');
    await sendMessage(app, a, chat.id, 'two');
    const receipts = collect(client(a), `subscription($id: ID) { readReceipt(conversationId: $id) { conversationId lastReadSeq lastReadAt profile { handle } } }`, { id: chat.id });
    await untilListening(app, 1);
    ok(await app.gql(`mutation($id: ID!) { markConversationRead(conversationId: $id) { id } }`, { id: chat.id }, b.token));
    // Marking read again moves nothing, so it says nothing.
    ok(await app.gql(`mutation($id: ID!) { markConversationRead(conversationId: $id) { id } }`, { id: chat.id }, b.token));
    const [event] = await receipts.waitFor(1);
    expect(event.readReceipt).toMatchObject({ conversationId: chat.id, lastReadSeq: 2, profile: { handle: b.handle } });
    expect(Date.parse(event.readReceipt.lastReadAt)).not.toBeNaN();
    await sleep(150);
    expect(receipts.events).toHaveLength(1);
  });

  it('relays typing to the others only, with an expiry, and never stores it', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const typingB = collect(client(b), `subscription { typing { conversationId isTyping expiresAt profile { handle } } }`);
    const typingA = collect(client(a), `subscription { typing { conversationId isTyping } }`);
    await untilListening(app, 2);
    const before = Date.now();
    const result = await app.gql(`mutation($id: ID!) { setTyping(conversationId: $id) }`, { id: chat.id }, a.token);
    expect(result.data).toEqual({ setTyping: true });
    ok(await app.gql(`mutation($id: ID!) { setTyping(conversationId: $id, isTyping: false) }`, { id: chat.id }, a.token));
    const events = await typingB.waitFor(2);
    expect(events[0].typing).toMatchObject({ conversationId: chat.id, isTyping: true, profile: { handle: a.handle } });
    expect(Date.parse(events[0].typing.expiresAt)).toBeGreaterThan(before + 3000);
    expect(events[1].typing.isTyping).toBe(false);
    expect(typingA.events).toEqual([]);
  });
});

describe('authorization for every event', () => {
  it('a third user subscribed to everything receives nothing from a conversation they are not in', async () => {
    const [a, b, eve] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, b);
    const chat = await startChat(app, a, b);
    const agentChat = await startChat(app, a, b, agent.id);
    const eveClient = client(eve);
    const spies = [
      collect(eveClient, MESSAGE_ADDED),
      collect(eveClient, `subscription { conversationUpdated { id } }`),
      collect(eveClient, `subscription { readReceipt { conversationId } }`),
      collect(eveClient, `subscription { typing { conversationId } }`),
    ];
    const witness = collect(client(b), MESSAGE_ADDED);
    await untilListening(app, 5);
    await sendMessage(app, a, chat.id, 'private');
    await sendMessage(app, a, agentChat.id, 'to the agent');
    await sendMessage(app, b, agentChat.id, 'owner answers as the agent');
    ok(await app.gql(`mutation($id: ID!) { markConversationRead(conversationId: $id) { id } }`, { id: chat.id }, b.token));
    ok(await app.gql(`mutation($id: ID!) { setTyping(conversationId: $id) }`, { id: chat.id }, a.token));
    const eveTyping = await app.gql(`mutation($id: ID!) { setTyping(conversationId: $id) }`, { id: chat.id }, eve.token);
    expect(eveTyping.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await witness.waitFor(3);
    await sleep(200);
    for (const spy of spies) {
      expect(spy.events).toEqual([]);
      expect(spy.errors).toEqual([]);
    }
  });
});
