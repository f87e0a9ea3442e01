import type { TestApp } from '../../../test/harness';
import { ok } from '../../../test/factories';
import { collect, untilListening, wsClient } from '../../../test/ws-client';
import { FakeModelServer } from './fake-model-server';
import { agentChat, MESSAGE_UPDATED, replies, send, settled, startAgentApp, until } from './agent-kit';

let app: TestApp;
let model: FakeModelServer;
beforeAll(async () => {
  model = await FakeModelServer.start();
  app = await startAgentApp({ AGENT_MODEL_BASE_URL: model.baseUrl, AGENT_MODEL: 'fake-model', AGENT_MODEL_API_KEY: 'sk-test' });
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
