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

describe('the cost of one event', () => {
  const RICH = `subscription($id: ID, $after: String) {
    messageAdded(conversationId: $id, after: $after) {
      id seq content sender { handle } senderAgent { handle } attachments { id }
      versions { content } reactions { emoji count reactedByMe reactors { handle } } replyTo { id content sender { handle } }
    }
  }`;

  it('reads its rows once per event, however many subscribe to it, and answers each subscriber as itself', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const first = await sendMessage(app, a, chat.id, 'first');
    await sendMessage(app, b, chat.id, 'warm-up'); // b's session is looked up once, then remembered
    const cost = async (subscribers: TestUser[], content: string) => {
      const subs = subscribers.map((user) => collect(client(user), RICH, { id: chat.id }));
      await untilListening(app, subs.length);
      await sleep(100); // connecting marks the viewer seen (a statement of its own): let it land
      // Two sends and their deliveries; the sends cost the same whoever listens.
      const before = app.server.db.statementCount;
      const sent = await sendMessage(app, b, chat.id, content);
      const events = await Promise.all(subs.map((s) => s.waitFor(1)));
      const plain = app.server.db.statementCount - before;
      const reply = ok<any>(
        await app.gql(
          `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
          { input: { conversationId: chat.id, content: `${content} reply`, replyToId: first.id } },
          b.token,
        ),
      ).sendMessage;
      const replyEvents = await Promise.all(subs.map((s) => s.waitFor(2)));
      const statements = app.server.db.statementCount - before;
      await Promise.all(clients.splice(0).map((c) => c.dispose()));
      while (app.server.hub.listenerCount > 0) await sleep(10);
      return { sent, reply, events: events.map((e) => e[0].messageAdded), replies: replyEvents.map((e) => e[1].messageAdded), statements, plain };
    };
    const one = await cost([a], 'to one');
    const four = await cost([a, a, a, a], 'to four');
    for (const event of four.events) {
      expect(event).toEqual({ id: four.sent.id, seq: four.sent.seq, content: 'to four', sender: { handle: b.handle }, senderAgent: null, attachments: [], versions: [], reactions: [], replyTo: null });
    }
    for (const event of four.replies) {
      expect(event).toMatchObject({ id: four.reply.id, sender: { handle: b.handle }, replyTo: { id: first.id, content: 'first', sender: { handle: a.handle } } });
    }
    // Four subscribers cost what one does: the event's rows (the reply's quoted message and its
    // sender) are read once for all of them.
    expect(four.statements).toBe(one.statements);
    // A plain new message is delivered from what the send returned: its sender, and no
    // versions, reactions or files, need no read. The one statement is the send itself.
    expect(one.plain).toBe(1);
    expect(four.plain).toBe(1);
  });

  it('a replayed message shows its edits and reactions, with reactedByMe per viewer', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const m1 = await sendMessage(app, a, chat.id, 'one');
    const m2 = await sendMessage(app, a, chat.id, 'two');
    ok(await app.gql(`mutation($id: ID!) { editMessage(messageId: $id, content: "two, edited") { id } }`, { id: m2.id }, a.token));
    ok(await app.gql(`mutation($id: ID!) { toggleReaction(messageId: $id, emoji: "👍", on: true) { id } }`, { id: m2.id }, b.token));
    const after = await cursorOf(a, chat.id, m1.seq);
    const [forA, forB] = [collect(client(a), RICH, { id: chat.id, after }), collect(client(b), RICH, { id: chat.id, after })];
    const [[eventA], [eventB]] = await Promise.all([forA.waitFor(1), forB.waitFor(1)]);
    const expected = { id: m2.id, content: 'two, edited', versions: [{ content: 'two' }], attachments: [] };
    expect(eventA.messageAdded).toMatchObject({ ...expected, reactions: [{ emoji: '👍', count: 1, reactedByMe: false, reactors: [{ handle: b.handle }] }] });
    expect(eventB.messageAdded).toMatchObject({ ...expected, reactions: [{ emoji: '👍', count: 1, reactedByMe: true, reactors: [{ handle: b.handle }] }] });
  });
});
