import type { TestApp } from '../../../test/harness';
import { ok } from '../../../test/factories';
import { collect, untilListening, wsClient } from '../../../test/ws-client';
import { Behaviour, FakeModelServer } from './fake-model-server';
import { agentChat, MESSAGE_UPDATED, messagesOf, send, settled, startAgentApp } from './agent-kit';

const RETRY = `mutation($id: ID!) { retryAgentReply(messageId: $id) { id state content } }`;

let app: TestApp;
let model: FakeModelServer;
beforeAll(async () => {
  model = await FakeModelServer.start();
  app = await startAgentApp({
    AGENT_MODEL_BASE_URL: model.baseUrl,
    AGENT_MODEL: 'fake-model',
    AGENT_MODEL_RETRIES: '2',
    AGENT_IDLE_TIMEOUT_MS: '600',
    AGENT_REPLY_TIMEOUT_MS: '5000',
  });
});
afterAll(async () => {
  await app.stop();
  await model.close();
});

/** Routes the model's requests by the question they carry, so each test scripts only its own chat. */
function script(question: string, behave: (attempt: number) => Behaviour) {
  let attempts = 0;
  const previous = model.behave;
  model.behave = (request, index) => {
    const last = request.body.messages[request.body.messages.length - 1]?.content;
    return last === question ? behave(attempts++) : previous(request, index);
  };
  return () => attempts;
}

it('times out a model that sends nothing: FAILED with a short notice, the question kept; retryAgentReply answers it', async () => {
  const { person, chatId } = await agentChat(app);
  let hang = true;
  script('Are you there?', () => (hang ? { kind: 'hang' } : { kind: 'stream', chunks: ['Yes, ', 'sorry!'] }));
  const question = await send(app, person, chatId, 'Are you there?');
  const [failed] = await settled(app, chatId);
  expect(failed).toMatchObject({ state: 'FAILED', content: 'Sorry, Test Agent took too long to answer. You can try again.' });
  const kept = await messagesOf(app, person, chatId);
  expect(kept.find((m) => m.id === question.id)).toMatchObject({ content: 'Are you there?', state: 'COMPLETE' });

  const unread = async () => ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { unreadCount } }`, { id: chatId }, person.token)).conversation.unreadCount;
  expect(await unread()).toBe(0); // a FAILED reply is a notice, not an answer: it is not counted

  hang = false;
  const retried = ok<any>(await app.gql(RETRY, { id: failed.id }, person.token)).retryAgentReply;
  expect(retried).toMatchObject({ id: failed.id, state: 'PENDING', content: '' });
  const [answered] = await settled(app, chatId);
  expect(answered).toMatchObject({ id: failed.id, seq: failed.seq, state: 'COMPLETE', content: 'Yes, sorry!' });
  expect(await unread()).toBe(1); // counted once, when complete
  // Retrying again is refused: only FAILED replies can be retried; nobody else may retry it.
  expect((await app.gql(RETRY, { id: failed.id }, person.token)).errors?.[0]).toMatchObject({ message: 'Only a failed reply can be retried', extensions: { code: 'BAD_USER_INPUT' } });
  const stranger = await agentChat(app);
  expect((await app.gql(RETRY, { id: failed.id }, stranger.person.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
});

it('retries a 429 and answers when the model recovers', async () => {
  const { person, chatId } = await agentChat(app);
  const attempts = script('Busy?', (n) => (n === 0 ? { kind: 'status', status: 429, retryAfterMs: 30 } : { kind: 'stream', chunks: ['Not ', 'any ', 'more.'] }));
  await send(app, person, chatId, 'Busy?');
  const [reply] = await settled(app, chatId);
  expect(reply).toMatchObject({ state: 'COMPLETE', content: 'Not any more.', responder: 'fake-model' });
  expect(attempts()).toBe(2);
});

it('gives up on a model that keeps failing with 500: retries, then FAILED', async () => {
  const { person, chatId } = await agentChat(app);
  const attempts = script('Broken?', () => ({ kind: 'status', status: 500 }));
  await send(app, person, chatId, 'Broken?');
  const [reply] = await settled(app, chatId);
  expect(reply).toMatchObject({ state: 'FAILED', content: "Sorry, Test Agent couldn't answer just now. You can try again; Olivia Owner can read this conversation." });
  expect(attempts()).toBe(3); // the first try and AGENT_MODEL_RETRIES=2 retries
  const [row] = await app.dataSource.query(`SELECT failure FROM messages WHERE id = $1`, [reply.id]);
  expect(row.failure).toBe('server_error');
});

it('starts the same reply over when the model server dies mid-stream; subscribers see it start again', async () => {
  const { person, chatId } = await agentChat(app);
  const attempts = script('Tell me a story', (n) =>
    n === 0 ? { kind: 'stream', chunks: ['Once ', 'upon ', 'a ', 'time'], dieAfter: 2, delayMs: 10 } : { kind: 'stream', chunks: ['Once ', 'upon ', 'a ', 'time, ', 'the end.'] },
  );
  const client = wsClient(app.wsUrl, person.token);
  const updates = collect(client, MESSAGE_UPDATED, { id: chatId });
  await untilListening(app, 1);
  await send(app, person, chatId, 'Tell me a story');
  const [reply] = await settled(app, chatId);
  expect(reply).toMatchObject({ state: 'COMPLETE', content: 'Once upon a time, the end.' });
  expect(attempts()).toBe(2);
  const replies = await messagesOf(app, person, chatId);
  expect(replies.filter((m) => m.senderType === 'AGENT')).toHaveLength(1); // no duplicate reply
  const events = (await updates.waitFor(1)).map((e: any) => e.messageUpdated);
  await new Promise((r) => setTimeout(r, 100));
  const all = updates.events.map((e: any) => e.messageUpdated);
  updates.dispose();
  await client.dispose();
  expect(events[0].message.id).toBe(reply.id);
  // The broken attempt streamed "Once upon ", then the reply went back to PENDING and empty, then streamed in full.
  const restartAt = all.findIndex((e, i) => i > 0 && e.message.state === 'PENDING');
  expect(restartAt).toBeGreaterThan(0);
  expect(all.slice(0, restartAt).filter((e) => e.message.state === 'STREAMING').map((e) => e.message.content).at(-1)).toBe('Once upon ');
  expect(all[restartAt].message.content).toBe('');
  expect(all.at(-1).message).toMatchObject({ state: 'COMPLETE', content: 'Once upon a time, the end.' });
});
