import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, ok, registerUser, sendMessage, startChat } from '../../test/factories';
import { collect, sleep, untilListening, wsClient } from '../../test/ws-client';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const NOTIFICATIONS = `subscription { notifications { kind conversationId preview from { handle } } }`;

it('tells a person about chats started with them and new messages, but not muted chats, their own messages, or chats with their agents', async () => {
  const [bob, alice, carol, visitor] = [await registerUser(app), await registerUser(app), await registerUser(app), await registerUser(app)];
  const agent = await createAgent(app, bob);
  const client = wsClient(app.wsUrl, bob.token);
  const before = app.server.hub.listenerCount;
  const stream = collect(client, NOTIFICATIONS);
  await untilListening(app, before + 1);

  const fromAlice = await startChat(app, alice, bob);
  const fromCarol = await startChat(app, carol, bob);
  ok(await app.gql(`mutation($c: ID!) { setConversationMuted(conversationId: $c, muted: true) { muted } }`, { c: fromCarol.id }, bob.token));
  await sendMessage(app, carol, fromCarol.id, 'muted: no notification');
  await sendMessage(app, bob, fromAlice.id, 'my own: no notification');
  const agentChat = await startChat(app, visitor, bob, agent.id);
  await sendMessage(app, visitor, agentChat.id, 'to the agent: shown under Agent Chats instead');
  await sendMessage(app, alice, fromAlice.id, 'hello bob');

  const events = await stream.waitFor(4);
  await sleep(150);
  expect(stream.events.map((e: any) => e.notifications)).toEqual([
    { kind: 'NEW_CONVERSATION', conversationId: fromAlice.id, preview: null, from: { handle: alice.handle } },
    { kind: 'NEW_CONVERSATION', conversationId: fromCarol.id, preview: null, from: { handle: carol.handle } },
    { kind: 'NEW_CONVERSATION', conversationId: agentChat.id, preview: null, from: { handle: visitor.handle } },
    { kind: 'NEW_MESSAGE', conversationId: fromAlice.id, preview: 'hello bob', from: { handle: alice.handle } },
  ]);
  expect(events).toHaveLength(4);
  await client.dispose();
});
