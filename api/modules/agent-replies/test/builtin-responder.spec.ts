import type { TestApp } from '../../../test/harness';
import { ok, registerUser } from '../../../test/factories';
import { agentChat, send, settled, startAgentApp } from './agent-kit';

let app: TestApp;
beforeAll(async () => {
  app = await startAgentApp();
});
afterAll(() => app.stop());

const ADD = `mutation($input: AddAgentKnowledgeInput!) { addAgentKnowledge(input: $input) { id agentId title body } }`;
const UPDATE = `mutation($input: UpdateAgentKnowledgeInput!) { updateAgentKnowledge(input: $input) { id title body } }`;
const DELETE = `mutation($id: ID!) { deleteAgentKnowledge(id: $id) }`;
const AGENT = `query($id: ID!) { agent(id: $id) { paused model responder knowledge { id title body } } }`;

const REFUNDS = 'Damaged or faulty items are refunded in full within 30 days. Email a photo of the damage to help@example.com and we send a prepaid return label.';
const SHIPPING = 'We ship to the United States and Canada. Orders leave the warehouse within two business days.';
const HOURS = 'The shop is open Monday to Friday, 9:00 to 17:00 Central European Time.';

async function withNotes() {
  const chat = await agentChat(app);
  for (const [title, body] of [['Refunds', REFUNDS], ['Shipping', SHIPPING], ['Opening hours', HOURS]]) {
    ok(await app.gql(ADD, { input: { agentId: chat.agent.id, title, body } }, chat.owner.token));
  }
  return chat;
}

it('answers a question from the owner\'s notes with the relevant passage', async () => {
  const { person, chatId } = await withNotes();
  await send(app, person, chatId, 'How do I get a refund for a damaged item?');
  const [reply] = await settled(app, chatId);
  expect(reply).toMatchObject({ state: 'COMPLETE', responder: 'builtin' });
  expect(reply.content).toContain("Here is what Olivia Owner's notes say about that:");
  expect(reply.content).toContain(`Refunds\n${REFUNDS}`);
  expect(reply.content).not.toContain(SHIPPING);
  expect(reply.content).not.toContain(HOURS);

  await send(app, person, chatId, 'Do you ship to Canada?');
  const second = (await settled(app, chatId, 2))[1];
  expect(second.content).toContain(SHIPPING);
  expect(second.content).not.toContain(REFUNDS);
});

it('declines honestly when no note covers the question, and says the owner will see it', async () => {
  const { person, chatId } = await withNotes();
  await send(app, person, chatId, 'What is the weather like on Mars today?');
  const [reply] = await settled(app, chatId);
  expect(reply).toMatchObject({
    state: 'COMPLETE',
    responder: 'builtin',
    content: "I'm sorry, I don't have anything about that in Olivia Owner's notes, so I won't guess. Olivia Owner can read this conversation and will see your message.",
  });
});

it('lets the owner, and only the owner, write, change, read and delete the notes', async () => {
  const { owner, person, agent } = await agentChat(app);
  const note = ok<any>(await app.gql(ADD, { input: { agentId: agent.id, title: ' Returns ', body: 'Within 14 days.' } }, owner.token)).addAgentKnowledge;
  expect(note).toMatchObject({ agentId: agent.id, title: 'Returns', body: 'Within 14 days.' });
  expect((await app.gql(ADD, { input: { agentId: agent.id, title: 'x', body: 'y' } }, person.token)).errors?.[0]).toMatchObject({ message: 'No such agent of yours', extensions: { code: 'NOT_FOUND' } });
  expect((await app.gql(ADD, { input: { agentId: agent.id, title: '  ', body: 'y' } }, owner.token)).errors?.[0]).toMatchObject({ message: 'title must not be empty', extensions: { code: 'BAD_USER_INPUT' } });
  expect((await app.gql(UPDATE, { input: { id: note.id, body: 'hijacked' } }, person.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect(ok<any>(await app.gql(UPDATE, { input: { id: note.id, body: 'Within 30 days.' } }, owner.token)).updateAgentKnowledge).toMatchObject({ title: 'Returns', body: 'Within 30 days.' });

  const asOwner = ok<any>(await app.gql(AGENT, { id: agent.id }, owner.token)).agent;
  expect(asOwner).toEqual({ paused: false, model: null, responder: 'builtin', knowledge: [{ id: note.id, title: 'Returns', body: 'Within 30 days.' }] });
  const asOther = ok<any>(await app.gql(AGENT, { id: agent.id }, person.token)).agent;
  expect(asOther).toEqual({ paused: false, model: null, responder: null, knowledge: null });

  expect((await app.gql(DELETE, { id: note.id }, person.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect(ok<any>(await app.gql(DELETE, { id: note.id }, owner.token)).deleteAgentKnowledge).toBe(true);
  expect(ok<any>(await app.gql(AGENT, { id: agent.id }, owner.token)).agent.knowledge).toEqual([]);
});

it('keeps a per-agent model choice for the owner (used once a model server is configured)', async () => {
  const { owner, agent } = await agentChat(app);
  const SET = `mutation($id: ID!, $model: String) { setAgentModel(agentId: $id, model: $model) { model responder } }`;
  expect(ok<any>(await app.gql(SET, { id: agent.id, model: 'llama3.1:8b' }, owner.token)).setAgentModel).toEqual({ model: 'llama3.1:8b', responder: 'builtin' });
  expect((await app.gql(SET, { id: agent.id, model: 'no spaces please' }, owner.token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const other = await registerUser(app);
  expect((await app.gql(SET, { id: agent.id, model: 'x' }, other.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect(ok<any>(await app.gql(SET, { id: agent.id, model: null }, owner.token)).setAgentModel.model).toBeNull();
});
