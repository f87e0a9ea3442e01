import type { TestApp } from '../../../test/harness';
import { createAgent, createGroup, ok, registerUser, sendMessage, startChat } from '../../../test/factories';
import { collect, sleep, untilListening, wsClient } from '../../../test/ws-client';
import { FakeModelServer } from './fake-model-server';
import { MESSAGE_UPDATED, messagesOf, replies, send, settled, startAgentApp, until } from './agent-kit';

const ADD_AGENT = `mutation($id: ID!, $a: ID!) { addAgentToGroup(conversationId: $id, agentId: $a) { groupAgents { id handle } } }`;
const ADD_NOTE = `mutation($input: AddAgentKnowledgeInput!) { addAgentKnowledge(input: $input) { id } }`;
const WIFI = 'The guest wifi is called Parley-Guest and its password is sunflower-42.';

async function groupWithAgent(app: TestApp) {
  const owner = await registerUser(app, { displayName: 'Olivia Owner' });
  const [bob, carol] = await Promise.all([registerUser(app, { displayName: 'Bob' }), registerUser(app, { displayName: 'Carol' })]);
  const agent = await createAgent(app, owner);
  ok(await app.gql(ADD_NOTE, { input: { agentId: agent.id, title: 'Wifi', body: WIFI } }, owner.token));
  const group = await createGroup(app, owner, [bob, carol], 'Office');
  const added = ok<any>(await app.gql(ADD_AGENT, { id: group.id, a: agent.id }, owner.token)).addAgentToGroup;
  expect(added.groupAgents).toEqual([{ id: agent.id, handle: agent.handle }]);
  return { owner, bob, carol, agent, groupId: group.id };
}

describe('with the built-in responder', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startAgentApp();
  });
  afterAll(() => app.stop());

  it('answers only messages that mention it, from its owner\'s notes, to the whole group', async () => {
    const { bob, carol, agent, groupId } = await groupWithAgent(app);
    await send(app, bob, groupId, 'What is the wifi password?');
    await send(app, carol, groupId, `Ask the agent, ${agent.handle} knows`);
    const asked = await send(app, bob, groupId, `@${agent.handle} what is the wifi password?`);
    const [reply] = await settled(app, groupId);
    expect(reply).toMatchObject({ seq: asked.seq + 1, state: 'COMPLETE', responder: 'builtin' });
    expect(reply.content).toContain(WIFI);
    // Still only one reply a while later: the unmentioned messages never queued one.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await replies(app, groupId)).toHaveLength(1);
    const [row] = await app.dataSource.query(`SELECT sender_type, sender_agent_id, requester_id FROM messages WHERE id = $1`, [reply.id]);
    expect(row).toEqual({ sender_type: 'AGENT', sender_agent_id: agent.id, requester_id: bob.userId });
    // Everyone in the group reads it: for Carol (who wrote before), Bob's question and the reply are unread.
    const unread = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { unreadCount } }`, { id: groupId }, carol.token)).conversation.unreadCount;
    expect(unread).toBe(2);
  });

  it('lets only the agent\'s owner, a member, add it; a mention of an agent not in the group does nothing', async () => {
    const owner = await registerUser(app);
    const [bob, carol, outsider] = await Promise.all([registerUser(app), registerUser(app), registerUser(app)]);
    const agent = await createAgent(app, owner);
    const privateAgent = await createAgent(app, owner, { visibility: 'PRIVATE' });
    const { id } = await createGroup(app, bob, [owner, carol]);
    const code = (r: any) => r.errors?.[0]?.extensions?.code;
    expect(code(await app.gql(ADD_AGENT, { id, a: agent.id }, bob.token))).toBe('NOT_FOUND');
    expect(code(await app.gql(ADD_AGENT, { id, a: agent.id }, outsider.token))).toBe('NOT_FOUND');
    expect(code(await app.gql(ADD_AGENT, { id, a: privateAgent.id }, owner.token))).toBe('BAD_USER_INPUT');
    await send(app, carol, id, `@${agent.handle} are you there?`);
    ok(await app.gql(ADD_AGENT, { id, a: agent.id }, owner.token));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await replies(app, id)).toEqual([]);
    // The owner leaving takes their agent out with them.
    ok(await app.gql(`mutation($id: ID!) { leaveGroup(conversationId: $id) }`, { id }, owner.token));
    const left = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { groupAgents { id } } }`, { id }, bob.token));
    expect(left.conversation.groupAgents).toEqual([]);
  });
});

describe('what the model is sent from a group', () => {
  let app: TestApp;
  let model: FakeModelServer;
  beforeAll(async () => {
    model = await FakeModelServer.start();
    model.behave = () => ({ kind: 'stream', chunks: ['On ', 'it.'] });
    app = await startAgentApp({ AGENT_MODEL_BASE_URL: model.baseUrl, AGENT_MODEL: 'fake-model' });
  });
  afterAll(async () => {
    await app.stop();
    await model.close();
  });

  it('holds only this group\'s messages, each named by its writer', async () => {
    const { owner, bob, carol, agent, groupId } = await groupWithAgent(app);
    // The same people elsewhere: a direct chat and a chat with the same agent.
    const direct = await startChat(app, bob, carol);
    await sendMessage(app, bob, direct.id, 'DIRECT-SECRET between bob and carol');
    const agentChat = await startChat(app, bob, owner, agent.id);
    await send(app, bob, agentChat.id, 'AGENT-CHAT-SECRET for the agent alone');
    await settled(app, agentChat.id);

    await sendMessage(app, carol, groupId, 'Lunch at noon?');
    const before = model.requests.length;
    await send(app, bob, groupId, `@${agent.handle} book a table for lunch`);
    await settled(app, groupId);
    const asked = model.requests.slice(before);
    expect(asked).toHaveLength(1);
    const texts = asked[0].body.messages.map((m) => m.content);
    expect(texts[0]).toContain('in the group chat "Office"');
    expect(texts).toContain('Carol: Lunch at noon?');
    expect(texts).toContain(`Bob: @${agent.handle} book a table for lunch`);
    expect(texts.join('\n')).not.toMatch(/DIRECT-SECRET|AGENT-CHAT-SECRET/);
  });
  it('stops streaming a reply to a member removed while it is written, though it was addressed to them when it started', async () => {
    let release!: () => void;
    const gate = new Promise((r) => (release = () => r(undefined)));
    model.behave = () => ({ kind: 'stream', chunks: ['Table ', 'for ', 'three ', 'booked.'], delayMs: 10, before: gate });
    const { owner, bob, carol, agent, groupId } = await groupWithAgent(app);
    const carolWs = wsClient(app.wsUrl, carol.token);
    const bobWs = wsClient(app.wsUrl, bob.token);
    try {
      const carolUpdates = collect(carolWs, MESSAGE_UPDATED, { id: null });
      const bobUpdates = collect(bobWs, MESSAGE_UPDATED, { id: groupId });
      await untilListening(app, 2);
      await send(app, bob, groupId, `@${agent.handle} book a table`);
      // The reply is claimed (addressed to everyone in the group then) and waits for the model.
      await until('the claim reached carol', async () => carolUpdates.events.length >= 1);
      ok(await app.gql(`mutation($id: ID!, $u: ID!) { removeGroupMember(conversationId: $id, userId: $u) { id } }`, { id: groupId, u: carol.userId }, owner.token));
      const before = carolUpdates.events.length;
      release();
      await settled(app, groupId);
      const last = (await until('bob saw it complete', async () => bobUpdates.events.find((e: any) => e.messageUpdated.message.state === 'COMPLETE'))) as any;
      expect(last.messageUpdated.message.content).toBe('Table for three booked.');
      await sleep(300);
      expect(carolUpdates.events.length).toBe(before);
      expect(carolUpdates.events.map((e: any) => e.messageUpdated.message.content).join('')).not.toContain('booked');
    } finally {
      await carolWs.dispose();
      await bobWs.dispose();
    }
  });
});

describe('a person over their hourly budget, in a group', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startAgentApp({ AGENT_REPLIES_PER_HOUR: '1' });
  });
  afterAll(() => app.stop());

  it('is named in the notice everyone reads, which speaks to nobody as "you" and gives no count', async () => {
    const { bob, carol, agent, groupId } = await groupWithAgent(app);
    await send(app, bob, groupId, `@${agent.handle} what is the wifi password?`);
    await settled(app, groupId);
    const second = await send(app, bob, groupId, `@${agent.handle} and the printer?`);
    const notice = await until('the budget notice', async () =>
      (await messagesOf(app, carol, groupId)).find((m) => m.senderType === 'SYSTEM' && m.seq > second.seq),
    );
    expect(notice.content).toMatch(/^Bob has reached the hourly limit of agent replies: Test Agent can answer them again in about (60|59) minutes\.$/);
    expect(await replies(app, groupId)).toHaveLength(1);
  });
});
