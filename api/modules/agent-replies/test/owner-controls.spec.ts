import type { TestApp } from '../../../test/harness';
import { ok } from '../../../test/factories';
import { collect, untilListening, wsClient } from '../../../test/ws-client';
import { agentChat, messagesOf, replies, send, settled, startAgentApp, until } from './agent-kit';

let app: TestApp;
beforeAll(async () => {
  app = await startAgentApp(); // no model configured: the built-in responder answers
});
afterAll(() => app.stop());

const TAKE_OVER = `mutation($id: ID!) { takeOverConversation(conversationId: $id) { id agentTakenOverAt } }`;
const HAND_BACK = `mutation($id: ID!) { handBackConversation(conversationId: $id) { id agentTakenOverAt } }`;
const PAUSE = `mutation($id: ID!) { pauseAgent(agentId: $id) { id paused } }`;
const RESUME = `mutation($id: ID!) { resumeAgent(agentId: $id) { id paused } }`;
const systemMessages = async (chat: { person: any; chatId: string }) =>
  (await messagesOf(app, chat.person, chat.chatId)).filter((m) => m.senderType === 'SYSTEM').map((m) => m.content);
const quiet = () => new Promise((r) => setTimeout(r, 1200)); // longer than a poll: a reply that was coming would have been queued

it('tells the person, first thing in a new agent chat, that the owner can read it (read for them already)', async () => {
  const chat = await agentChat(app);
  const [first] = await messagesOf(app, chat.person, chat.chatId);
  expect(first).toMatchObject({ seq: 1, senderType: 'SYSTEM', sender: null, content: 'Olivia Owner owns Test Agent and can read this conversation. Type /help for commands.' });
  const unread = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { unreadCount } }`, { id: chat.chatId }, chat.person.token)).conversation.unreadCount;
  expect(unread).toBe(0);
});

it('takes a chat over and hands it back: SYSTEM messages both times, the owner labelled as themselves, the agent silent meanwhile', async () => {
  const chat = await agentChat(app);
  const { owner, person, chatId } = chat;
  const taken = ok<any>(await app.gql(TAKE_OVER, { id: chatId }, owner.token)).takeOverConversation;
  expect(taken.agentTakenOverAt).toEqual(expect.any(String));
  expect((await systemMessages(chat)).at(-1)).toBe('Olivia Owner joined the conversation. You are now talking with Olivia Owner, not Test Agent.');
  // Again: nothing changes, nothing is posted.
  ok(await app.gql(TAKE_OVER, { id: chatId }, owner.token));
  expect((await systemMessages(chat)).filter((c) => c.includes('joined'))).toHaveLength(1);

  const fromOwner = await send(app, owner, chatId, 'Hi, it is me, the real Olivia.');
  expect(fromOwner).toMatchObject({ senderType: 'USER', sender: { userId: owner.userId }, senderAgent: null });
  await send(app, person, chatId, 'Oh hello!');
  await quiet();
  expect(await replies(app, chatId)).toHaveLength(0);

  const back = ok<any>(await app.gql(HAND_BACK, { id: chatId }, owner.token)).handBackConversation;
  expect(back.agentTakenOverAt).toBeNull();
  expect((await systemMessages(chat)).at(-1)).toBe('Test Agent is back. Olivia Owner can still read this conversation.');
  const asAgent = await send(app, owner, chatId, 'Speaking as the agent again.');
  expect(asAgent).toMatchObject({ senderType: 'AGENT', senderAgent: { id: chat.agent.id } });
  await send(app, person, chatId, 'Are you the bot again?');
  const [reply] = await settled(app, chatId);
  expect(reply).toMatchObject({ state: 'COMPLETE', responder: 'builtin' });
});

it('lets only the agent\'s owner take over or hand back (others: NOT_FOUND)', async () => {
  const chat = await agentChat(app);
  const stranger = await agentChat(app);
  for (const [query, user] of [[TAKE_OVER, chat.person], [TAKE_OVER, stranger.owner], [HAND_BACK, chat.person]] as const) {
    const result = await app.gql(query, { id: chat.chatId }, user.token);
    expect(result.errors?.[0]).toMatchObject({ message: 'No such chat with an agent of yours', extensions: { code: 'NOT_FOUND' } });
  }
  const [row] = await app.dataSource.query(`SELECT agent_taken_over_at FROM conversations WHERE id = $1`, [chat.chatId]);
  expect(row.agent_taken_over_at).toBeNull();
});

it('pauses an agent: messages kept, the person told once, no replies; resumed, it answers again', async () => {
  const chat = await agentChat(app);
  const { owner, person, chatId, agent } = chat;
  expect(ok<any>(await app.gql(PAUSE, { id: agent.id }, owner.token)).pauseAgent).toEqual({ id: agent.id, paused: true });
  await send(app, person, chatId, 'Anyone home?');
  await send(app, person, chatId, 'Hello??');
  await until('the paused notice', async () => (await systemMessages(chat)).includes("Test Agent is paused right now and won't answer. Olivia Owner will see your message."));
  await quiet();
  expect((await systemMessages(chat)).filter((c) => c.includes('paused'))).toHaveLength(1);
  expect(await replies(app, chatId)).toHaveLength(0);
  const owners = await messagesOf(app, owner, chatId);
  expect(owners.map((m) => m.content)).toEqual(expect.arrayContaining(['Anyone home?', 'Hello??']));

  expect((await app.gql(PAUSE, { id: agent.id }, person.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect(ok<any>(await app.gql(RESUME, { id: agent.id }, owner.token)).resumeAgent).toEqual({ id: agent.id, paused: false });
  await send(app, person, chatId, 'Now?');
  expect(await settled(app, chatId)).toEqual([expect.objectContaining({ state: 'COMPLETE' })]);
});

it('answers /help and /reset itself, and /human notifies the owner; none of them is answered by the agent', async () => {
  const chat = await agentChat(app);
  const { owner, person, chatId } = chat;
  const help = await send(app, person, chatId, '/help');
  const helpText = await until('the help', async () => (await messagesOf(app, person, chatId)).find((m) => m.seq > help.seq));
  expect(helpText.senderType).toBe('SYSTEM');
  expect(helpText.content).toContain('/reset – Test Agent forgets this conversation so far');
  expect(helpText.content).toContain('/human – ask Olivia Owner to join');

  const reset = await send(app, person, chatId, '/RESET ');
  await until('the reset notice', async () => (await systemMessages(chat)).includes('Test Agent has forgotten this conversation so far. The messages stay here for you to read.'));
  const [conv] = await app.dataSource.query(`SELECT agent_reset_seq::int AS seq FROM conversations WHERE id = $1`, [chatId]);
  expect(conv.seq).toBe(reset.seq);

  const client = wsClient(app.wsUrl, owner.token);
  const before = app.server.hub.listenerCount;
  const ownerUpdates = collect(client, `subscription { conversationUpdated { id lastMessagePreview unreadCount } }`);
  const ownerNotifications = collect(client, `subscription { notifications { kind conversationId from { userId } } }`);
  await untilListening(app, before + 2);
  await send(app, person, chatId, '/human');
  const notice = 'You asked for Olivia Owner. They have been notified and can join this conversation.';
  const events = await ownerUpdates.waitFor(2);
  const [notification] = await ownerNotifications.waitFor(1);
  ownerUpdates.dispose();
  ownerNotifications.dispose();
  await client.dispose();
  expect(events.map((e: any) => e.conversationUpdated)).toContainEqual(expect.objectContaining({ id: chatId, lastMessagePreview: notice }));
  expect(notification.notifications).toEqual({ kind: 'HUMAN_REQUESTED', conversationId: chatId, from: { userId: person.userId } });
  const [event] = await app.dataSource.query(`SELECT kind, actor_id FROM agent_events WHERE conversation_id = $1 AND kind = 'HUMAN_REQUESTED'`, [chatId]);
  expect(event).toEqual({ kind: 'HUMAN_REQUESTED', actor_id: person.userId });
  await quiet();
  expect(await replies(app, chatId)).toHaveLength(0);
});
