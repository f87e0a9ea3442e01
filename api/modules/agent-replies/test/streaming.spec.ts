import type { TestApp } from '../../../test/harness';
import { ok } from '../../../test/factories';
import { collect, untilListening, wsClient } from '../../../test/ws-client';
import { FakeModelServer } from './fake-model-server';
import { agentChat, MESSAGE_UPDATED, replies, send, settled, startAgentApp, until } from './agent-kit';

let app: TestApp;
let model: FakeModelServer;
beforeAll(async () => {
  model = await FakeModelServer.start();
  app = await startAgentApp({ AGENT_MODEL_BASE_URL: model.baseUrl, AGENT_MODEL: 'fake-model', AGENT_MODEL_API_KEY: 'sk-test', AGENT_CONTEXT_TOKENS: '400' });
});
afterAll(async () => {
  await app.stop();
  await model.close();
});

describe('a reply from an OpenAI-compatible model', () => {
  it('streams to subscribers in order, stores the final content, and counts as unread once, when complete', async () => {
    const chunks = ['The ', 'answer ', 'is ', 'forty', '-two', '.'];
    let release!: () => void;
    const gate = new Promise((r) => (release = () => r(undefined)));
    model.behave = () => ({ kind: 'stream', chunks, delayMs: 20, before: gate });
    const { person, owner, chatId } = await agentChat(app, { persona: 'You are Deep Thought.' });
    const client = wsClient(app.wsUrl, person.token);
    const updates = collect(client, MESSAGE_UPDATED, { id: chatId });
    await untilListening(app, 1);

    const question = await send(app, person, chatId, 'What is the answer?');
    expect(question).toMatchObject({ senderType: 'USER', state: 'COMPLETE', responder: null });
    // The reply has its place before it has its text: PENDING, right after the question.
    const [pending] = await replies(app, chatId);
    expect(pending).toMatchObject({ seq: question.seq + 1, state: 'PENDING', content: '' });
    const unread = async () => ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { unreadCount } }`, { id: chatId }, person.token)).conversation.unreadCount;
    expect(await unread()).toBe(0);

    release();
    const [reply] = await settled(app, chatId);
    expect(reply).toMatchObject({ state: 'COMPLETE', content: 'The answer is forty-two.', responder: 'fake-model' });
    const events = (await updates.waitFor(chunks.length + 2)).map((e: any) => e.messageUpdated);
    updates.dispose();
    await client.dispose();
    expect(events.every((e) => e.message.id === reply.id)).toBe(true);
    const streamed = events.filter((e) => e.message.state === 'STREAMING');
    expect(streamed.map((e) => e.delta)).toEqual(chunks);
    let text = '';
    for (const e of streamed) {
      expect(e.offset).toBe(text.length);
      text += e.delta;
      expect(e.message.content).toBe(text);
    }
    expect(events[events.length - 1].message).toMatchObject({ state: 'COMPLETE', content: 'The answer is forty-two.', responder: 'fake-model' });
    expect(await unread()).toBe(1);

    const asked = model.requests[model.requests.length - 1];
    expect(asked.authorization).toBe('Bearer sk-test');
    expect(asked.body).toMatchObject({ model: 'fake-model', stream: true });
    expect(asked.body.messages[0].role).toBe('system');
    expect(asked.body.messages[0].content).toContain('You are Deep Thought.');
    expect(asked.body.messages[asked.body.messages.length - 1]).toEqual({ role: 'user', content: 'What is the answer?' });
    const owners = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { messages(last: 5) { nodes { senderType state content sender { userId } senderAgent { id } } } } }`, { id: chatId }, owner.token));
    expect(owners.conversation.messages.nodes.at(-1)).toMatchObject({ senderType: 'AGENT', state: 'COMPLETE', sender: { userId: owner.userId } });
  });
});

it('notifies the person once, when the reply is complete, with its text', async () => {
  model.behave = () => ({ kind: 'stream', chunks: ['All ', 'done ', 'here.'], delayMs: 10 });
  const { person, chatId } = await agentChat(app);
  const client = wsClient(app.wsUrl, person.token);
  const before = app.server.hub.listenerCount;
  const notifications = collect(client, `subscription { notifications { kind conversationId preview } }`);
  await untilListening(app, before + 1);
  await send(app, person, chatId, 'Are we done?');
  await settled(app, chatId);
  await notifications.waitFor(1);
  await new Promise((r) => setTimeout(r, 200));
  notifications.dispose();
  await client.dispose();
  expect(notifications.events.map((e: any) => e.notifications)).toEqual([{ kind: 'NEW_MESSAGE', conversationId: chatId, preview: 'All done here.' }]);
});

describe('a person who (re)subscribes mid-stream', () => {
  it('gets the reply as it is so far, then the rest, in order', async () => {
    let resume!: () => void;
    const paused = new Promise((r) => (resume = () => r(undefined)));
    model.behave = () => ({ kind: 'stream', chunks: ['Alpha ', 'beta ', 'gamma ', 'delta.'], stallAfter: 2, resume: paused });
    const { person, chatId } = await agentChat(app);
    await send(app, person, chatId, 'Greek letters please');
    await until('the first half to be stored', async () => (await replies(app, chatId)).find((r) => r.content === 'Alpha beta '));

    const client = wsClient(app.wsUrl, person.token);
    const updates = collect(client, MESSAGE_UPDATED, { id: chatId });
    await updates.waitFor(1);
    resume();
    const [reply] = await settled(app, chatId);
    const events = (await updates.waitFor(4)).map((e: any) => e.messageUpdated);
    updates.dispose();
    await client.dispose();
    expect(events[0]).toMatchObject({ offset: 0, delta: 'Alpha beta ', message: { id: reply.id, state: 'STREAMING', content: 'Alpha beta ' } });
    expect(events.slice(1).map((e) => e.delta)).toEqual(['gamma ', 'delta.', '']);
    expect(events.at(-1).message).toMatchObject({ state: 'COMPLETE', content: 'Alpha beta gamma delta.' });
  });
});

describe('what the model is sent', () => {
  it('never includes another conversation\'s messages, even with the same agent or the same person', async () => {
    model.behave = () => ({ kind: 'stream', chunks: ['Noted.'] });
    const first = await agentChat(app, { persona: 'Persona of agent one.' });
    await send(app, first.person, first.chatId, 'My locker code is 4711-SECRET.');
    await settled(app, first.chatId);
    // The same agent, another person; and the same person, another agent.
    const sameAgent = await agentChat(app, { owner: first.owner, agentId: first.agent.id });
    const before = model.requests.length;
    await send(app, sameAgent.person, sameAgent.chatId, 'What is the locker code?');
    await settled(app, sameAgent.chatId);
    const otherAgent = await agentChat(app, { persona: 'Persona of agent two.' });
    const chat = await startChatAs(first.person, otherAgent);
    await send(app, first.person, chat, 'Do you know my locker code?');
    await settled(app, chat);
    const sent = model.requests.slice(before).flatMap((r) => r.body.messages.map((m) => m.content)).join('\n');
    expect(sent).toContain('What is the locker code?');
    expect(sent).toContain('Do you know my locker code?');
    expect(sent).not.toContain('4711-SECRET');
    expect(model.requests.at(-1)!.body.messages[0].content).toContain('Persona of agent two.');
    expect(model.requests.at(-1)!.body.messages[0].content).not.toContain('Persona of agent one.');
  });

  it('leaves out messages their sender deleted (no empty turns)', async () => {
    model.behave = () => ({ kind: 'stream', chunks: ['Understood.'] });
    const { person, chatId } = await agentChat(app);
    const regretted = await send(app, person, chatId, 'Please forget I said this.');
    await settled(app, chatId);
    ok(await app.gql(`mutation($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id: regretted.id }, person.token));
    await send(app, person, chatId, 'What did I ask before?');
    await settled(app, chatId, 2);
    const turns = model.requests.at(-1)!.body.messages.slice(1);
    expect(turns.map((t) => t.content)).toEqual(['Understood.', 'What did I ask before?']);
  });

  it('forgets the turns before /reset', async () => {
    model.behave = () => ({ kind: 'stream', chunks: ['Hello ', 'Zed.'] });
    const { person, chatId } = await agentChat(app);
    await send(app, person, chatId, 'My name is Zed.');
    await settled(app, chatId);
    expect(model.requests.at(-1)!.body.messages.map((m) => m.content)).toContain('My name is Zed.');
    await send(app, person, chatId, '/reset');
    await until('the reset notice', async () => (await app.dataSource.query(`SELECT 1 FROM messages WHERE conversation_id = $1 AND content LIKE '%has forgotten%'`, [chatId])).length);
    await send(app, person, chatId, 'What is my name?');
    await settled(app, chatId, 2);
    const turns = model.requests.at(-1)!.body.messages;
    expect(turns.slice(1)).toEqual([{ role: 'user', content: 'What is my name?' }]);
    expect(JSON.stringify(turns)).not.toContain('Zed');
  });

  it('keeps the newest turns within AGENT_CONTEXT_TOKENS, alternating person and agent', async () => {
    model.behave = () => ({ kind: 'stream', chunks: ['ok'] });
    const { person, chatId } = await agentChat(app);
    for (let i = 1; i <= 6; i++) {
      await send(app, person, chatId, `Message number ${i}: ${'words '.repeat(60)}`);
      await settled(app, chatId, i);
    }
    const turns = model.requests.at(-1)!.body.messages;
    const budget = Number(app.config.agentReplies.contextTokens);
    const tokens = turns.reduce((sum, t) => sum + Math.ceil(t.content.length / 4) + 4, 0);
    expect(tokens).toBeLessThanOrEqual(budget);
    expect(turns.at(-1)!.content).toMatch(/^Message number 6:/);
    expect(turns.some((t) => t.content.startsWith('Message number 1:'))).toBe(false);
    expect(turns.slice(1).map((t) => t.role)).toEqual(turns.slice(1).map((_, i, all) => ((all.length - 1 - i) % 2 === 0 ? 'user' : 'assistant')));
  });
});

async function startChatAs(person: { token: string; userId: string; handle: string }, target: { owner: { userId: string }; agent: { id: string } }): Promise<string> {
  const data = ok<any>(
    await app.gql(`mutation($input: StartConversationInput!) { startConversation(input: $input) { conversation { id } } }`, {
      input: { targetUserId: target.owner.userId, chatType: 'AGENT', targetAgentId: target.agent.id },
    }, person.token),
  );
  return data.startConversation.conversation.id;
}
