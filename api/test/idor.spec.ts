import { startTestApp, TestApp } from './harness';
import { createAgent, ok, registerUser, sendMessage, startChat, TestUser } from './factories';

/**
 * IDOR sweep: a third user, who is neither a participant nor the agent's owner, tries every
 * query and mutation on conversations and agents that are not theirs. Each gets NOT_FOUND
 * (FORBIDDEN only where the contract says so), sees none of the data, and changes nothing.
 */
let app: TestApp;
let alice: TestUser, bob: TestUser, owner: TestUser, person: TestUser, intruder: TestUser;
let profileChat: string, agentChat: string, agentId: string, privateAgentId: string;
const SECRET = 'the secret is 4711';

beforeAll(async () => {
  app = await startTestApp();
  [alice, bob, owner, person, intruder] = await Promise.all(Array.from({ length: 5 }, () => registerUser(app, { displayName: 'Someone' })));
  agentId = (await createAgent(app, owner, { persona: 'private persona' })).id;
  privateAgentId = (await createAgent(app, owner, { visibility: 'PRIVATE' })).id;
  profileChat = (await startChat(app, alice, bob)).id;
  agentChat = (await startChat(app, person, owner, agentId)).id;
  await sendMessage(app, alice, profileChat, `${SECRET} (profile)`, 'alice-1');
  await sendMessage(app, bob, profileChat, 'reply');
  await sendMessage(app, person, agentChat, `${SECRET} (agent)`);
  await sendMessage(app, owner, agentChat, 'agent reply');
});
afterAll(() => app.stop());

const FULL = `query($id: ID!) { conversation(id: $id) { id lastSeq lastMessagePreview
  participants { lastReadSeq lastReadAt profile { userId } } messages { nodes { id content clientId } } } }`;
/** Everything the rightful people see, to compare before and after the sweep. */
async function snapshot() {
  const view = async (user: TestUser, id: string) => ok<any>(await app.gql(FULL, { id }, user.token)).conversation;
  return {
    profileChat: await view(alice, profileChat),
    agentChat: await view(person, agentChat),
    ownerView: await view(owner, agentChat),
    agents: ok<any>(await app.gql(`{ myAgents { id handle displayName avatarUrl persona visibility } }`, {}, owner.token)).myAgents,
    rows: await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM messages WHERE conversation_id = ANY($1::uuid[])) AS messages,
              (SELECT count(*)::int FROM participants WHERE conversation_id = ANY($1::uuid[])) AS participants`,
      [[profileChat, agentChat]],
    ),
  };
}

function expectRefused(result: { data?: any; errors?: any[] }, code: string) {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions.code).toBe(code);
  // no data: the field is null (nullable) or the whole response has none (non-null)
  expect(result.data === null || result.data === undefined || Object.values(result.data).every((v) => v === null)).toBe(true);
  const text = JSON.stringify(result);
  for (const leak of [SECRET, 'reply', alice.handle, bob.handle, person.handle, owner.handle, 'private persona']) expect(text).not.toContain(leak);
}

describe('a third user on conversations they are not part of', () => {
  const operations: [string, string, (id: string) => Record<string, unknown>][] = [
    ['conversation(id)', `query($id: ID!) { conversation(id: $id) { id chatType lastMessagePreview } }`, (id) => ({ id })],
    ['conversation(id) { messages }', `query($id: ID!) { conversation(id: $id) { messages { nodes { content sender { handle } } } } }`, (id) => ({ id })],
    ['conversation(id) { participants }', `query($id: ID!) { conversation(id: $id) { participants { profile { handle } } otherParticipant { handle } } }`, (id) => ({ id })],
    ['sendMessage', `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id content } }`,
      (id) => ({ input: { conversationId: id, content: 'intruding' } })],
    ['sendMessage with the victim\'s clientId', `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id content } }`,
      (id) => ({ input: { conversationId: id, content: 'intruding', clientId: 'alice-1' } })],
    ['markConversationRead', `mutation($id: ID!) { markConversationRead(conversationId: $id) { id unreadCount messages { nodes { content } } } }`, (id) => ({ id })],
  ];

  it.each(operations)('%s gives NOT_FOUND on both chats, with no data, and changes nothing', async (_name, query, vars) => {
    const before = await snapshot();
    for (const id of [profileChat, agentChat]) {
      const result = await app.gql(query, vars(id), intruder.token);
      expectRefused(result, 'NOT_FOUND');
      expect(result.errors![0].message).toBe('No such conversation');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the agent\'s owner, who may see the agent chat, gets NOT_FOUND on the profile chat', async () => {
    for (const user of [owner, person]) {
      expectRefused(await app.gql(`query($id: ID!) { conversation(id: $id) { id } }`, { id: profileChat }, user.token), 'NOT_FOUND');
      expectRefused(await app.gql(`mutation($id: ID!) { markConversationRead(conversationId: $id) { id } }`, { id: profileChat }, user.token), 'NOT_FOUND');
    }
    expect(ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { id } }`, { id: agentChat }, owner.token)).conversation.id).toBe(agentChat);
  });

  it('lists none of the chats, and counts none of their unread messages', async () => {
    const data = ok<any>(await app.gql(`{ conversations { nodes { id } } agentConversations { nodes { id } } unreadTotal }`, {}, intruder.token));
    expect(data).toEqual({ conversations: { nodes: [] }, agentConversations: { nodes: [] }, unreadTotal: 0 });
  });

  it('cannot join an existing chat through startConversation: it gets chats of its own', async () => {
    const before = await snapshot();
    const outsider = await registerUser(app); // not `intruder`, whose lists other tests expect empty
    const own = await startChat(app, outsider, alice);
    const ownAgentChat = await startChat(app, outsider, owner, agentId);
    expect([own.id, ownAgentChat.id]).not.toContain(profileChat);
    expect([own.id, ownAgentChat.id]).not.toContain(agentChat);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a third user on someone else\'s agents', () => {
  it('agentConversations(agentId) of someone else\'s agent gives NOT_FOUND', async () => {
    for (const id of [agentId, privateAgentId]) {
      const result = await app.gql(`query($id: ID) { agentConversations(agentId: $id) { nodes { id lastMessagePreview } } }`, { id }, intruder.token);
      expectRefused(result, 'NOT_FOUND');
    }
  });

  it.each([
    ['updateAgent', `mutation($id: ID!) { updateAgent(input: { id: $id, displayName: "pwned", persona: "evil", visibility: PUBLIC }) { id persona } }`],
    ['deleteAgent', `mutation($id: ID!) { deleteAgent(id: $id) }`],
  ])('%s gives NOT_FOUND for a PUBLIC and a PRIVATE agent, and changes nothing', async (_name, query) => {
    const before = await snapshot();
    for (const id of [agentId, privateAgentId]) {
      const result = await app.gql(query, { id }, intruder.token);
      expectRefused(result, 'NOT_FOUND');
      expect(result.errors![0].message).toBe('No such agent of yours');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('startConversation with a PRIVATE agent gives FORBIDDEN (the contract\'s rule) and creates nothing', async () => {
    const before = await snapshot();
    const result = await app.gql(
      `mutation($input: StartConversationInput!) { startConversation(input: $input) { conversation { id } } }`,
      { input: { targetUserId: owner.userId, chatType: 'AGENT', targetAgentId: privateAgentId } },
      intruder.token,
    );
    expectRefused(result, 'FORBIDDEN');
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM conversations WHERE target_agent_id = $1`, [privateAgentId]);
    expect(n).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('sees a PRIVATE agent nowhere, and never a persona', async () => {
    expect(ok<any>(await app.gql(`query($id: ID!) { agent(id: $id) { id } }`, { id: privateAgentId }, intruder.token)).agent).toBeNull();
    const pub = ok<any>(await app.gql(`query($id: ID!) { agent(id: $id) { id persona } }`, { id: agentId }, intruder.token)).agent;
    expect(pub).toEqual({ id: agentId, persona: null });
    const profile = ok<any>(await app.gql(`query($h: String!) { profile(handle: $h) { agents { id persona } } }`, { h: owner.handle }, intruder.token));
    expect(profile.profile.agents).toEqual([{ id: agentId, persona: null }]);
  });
});
