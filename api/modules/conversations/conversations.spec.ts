import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';

/** Start-or-get, the rules on who may chat with whom, who sees a chat, and agentConversations. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const START = `mutation($input: StartConversationInput!) { startConversation(input: $input) { isNew conversation { id chatType targetAgent { id } } } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const start = (me: TestUser, input: Record<string, unknown>) => app.gql(START, { input }, me.token);
const profileChat = (target: TestUser) => ({ targetUserId: target.userId, chatType: 'PROFILE' });
const agentChat = (owner: TestUser, agentId?: string | null) => ({ targetUserId: owner.userId, chatType: 'AGENT', targetAgentId: agentId });
/** Rows in `conversations` that involve this user (scoped: the database is shared). */
const chatsOf = async (user: TestUser) =>
  Number((await app.dataSource.query(`SELECT count(*) AS n FROM conversations WHERE $1 IN (user_low_id, user_high_id)`, [user.userId]))[0].n);

describe('startConversation is start-or-get', () => {
  it('gives the same PROFILE chat for the same pair, from either side: isNew true, then false', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const first = ok<any>(await start(a, profileChat(b))).startConversation;
    expect(first).toMatchObject({ isNew: true, conversation: { chatType: 'PROFILE', targetAgent: null } });
    const again = ok<any>(await start(a, profileChat(b))).startConversation;
    const reverse = ok<any>(await start(b, profileChat(a))).startConversation;
    expect(again).toEqual({ ...first, isNew: false });
    expect(reverse).toEqual({ ...first, isNew: false });
    expect(await chatsOf(a)).toBe(1);
  });

  it('gives one AGENT chat per person and agent, apart from the PROFILE chat and from other agents', async () => {
    const [owner, person] = [await registerUser(app), await registerUser(app)];
    const [x, y] = [await createAgent(app, owner), await createAgent(app, owner)];
    const withX = ok<any>(await start(person, agentChat(owner, x.id))).startConversation;
    expect(withX).toMatchObject({ isNew: true, conversation: { chatType: 'AGENT', targetAgent: { id: x.id } } });
    expect(ok<any>(await start(person, agentChat(owner, x.id))).startConversation).toEqual({ ...withX, isNew: false });
    const withY = await startChat(app, person, owner, y.id);
    const direct = await startChat(app, person, owner);
    expect(new Set([withX.conversation.id, withY.id, direct.id]).size).toBe(3);
    expect([withY.isNew, direct.isNew]).toEqual([true, true]);
    expect(await chatsOf(person)).toBe(3);
  });

  it('creates exactly one PROFILE chat under 10 concurrent calls for the same pair', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? start(a, profileChat(b)) : start(b, profileChat(a)))));
    const payloads = results.map((r) => ok<any>(r).startConversation);
    expect(new Set(payloads.map((p) => p.conversation.id)).size).toBe(1);
    expect(payloads.filter((p) => p.isNew)).toHaveLength(1);
    expect(await chatsOf(a)).toBe(1);
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM participants WHERE conversation_id = $1`, [payloads[0].conversation.id]);
    expect(n).toBe(2);
    const listed = ok<any>(await app.gql(`{ conversations { nodes { id } } }`, {}, a.token)).conversations.nodes;
    expect(listed).toEqual([{ id: payloads[0].conversation.id }]);
  });

  it('creates exactly one AGENT chat under 10 concurrent calls for the same person and agent', async () => {
    const [owner, person] = [await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    const results = await Promise.all(Array.from({ length: 10 }, () => start(person, agentChat(owner, agent.id))));
    const payloads = results.map((r) => ok<any>(r).startConversation);
    expect(new Set(payloads.map((p) => p.conversation.id)).size).toBe(1);
    expect(payloads.filter((p) => p.isNew)).toHaveLength(1);
    expect(await chatsOf(person)).toBe(1);
  });
});

describe('startConversation rules', () => {
  const refused = async (me: TestUser, input: Record<string, unknown>, expected: string, message: string) => {
    const before = await chatsOf(me);
    const result = await start(me, input);
    expect(code(result)).toBe(expected);
    expect(result.errors?.[0].message).toBe(message);
    expect(result.data).toBeFalsy();
    expect(await chatsOf(me)).toBe(before);
  };

  it('refuses a PROFILE chat with yourself (BAD_USER_INPUT)', async () => {
    const me = await registerUser(app);
    await refused(me, profileChat(me), 'BAD_USER_INPUT', 'You cannot start a profile chat with yourself');
  });

  it('refuses an AGENT chat without targetAgentId (BAD_USER_INPUT)', async () => {
    const [me, owner] = [await registerUser(app), await registerUser(app)];
    await refused(me, agentChat(owner, null), 'BAD_USER_INPUT', 'targetAgentId is required for AGENT chats');
  });

  it('refuses targetAgentId on a PROFILE chat (BAD_USER_INPUT)', async () => {
    const [me, owner] = [await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    await refused(me, { ...profileChat(owner), targetAgentId: agent.id }, 'BAD_USER_INPUT', 'targetAgentId is only for AGENT chats');
  });

  it('refuses an agent that does not belong to targetUserId (BAD_USER_INPUT)', async () => {
    const [me, owner, someoneElse] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    await refused(me, agentChat(someoneElse, agent.id), 'BAD_USER_INPUT', 'That agent does not belong to targetUserId');
  });

  it('refuses a PRIVATE agent to anyone but its owner (FORBIDDEN)', async () => {
    const [me, owner] = [await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner, { visibility: 'PRIVATE' });
    await refused(me, agentChat(owner, agent.id), 'FORBIDDEN', 'This agent is private: only its owner can chat with it');
  });

  it('lets an owner chat with their own PRIVATE agent', async () => {
    const owner = await registerUser(app);
    const agent = await createAgent(app, owner, { visibility: 'PRIVATE' });
    const chat = ok<any>(await start(owner, agentChat(owner, agent.id))).startConversation;
    expect(chat).toMatchObject({ isNew: true, conversation: { chatType: 'AGENT', targetAgent: { id: agent.id } } });
    await sendMessage(app, owner, chat.conversation.id, 'note to self');
    const listed = ok<any>(await app.gql(`{ conversations { nodes { id lastMessagePreview } } }`, {}, owner.token)).conversations.nodes;
    expect(listed).toEqual([{ id: chat.conversation.id, lastMessagePreview: 'note to self' }]);
  });

  it('gives NOT_FOUND for an unknown target user or an unknown agent', async () => {
    const [me, owner] = [await registerUser(app), await registerUser(app)];
    const ghost = { userId: '6f1c1c55-0000-4000-8000-000000000000' } as TestUser;
    await refused(me, profileChat(ghost), 'NOT_FOUND', 'No such user');
    await refused(me, agentChat(ghost, '6f1c1c55-0000-4000-8000-000000000001'), 'NOT_FOUND', 'No such user');
    await refused(me, agentChat(owner, '6f1c1c55-0000-4000-8000-000000000001'), 'NOT_FOUND', 'No such agent');
  });

  it('needs a token', async () => {
    const other = await registerUser(app);
    const result = await app.gql(START, { input: profileChat(other) });
    expect(code(result)).toBe('UNAUTHENTICATED');
    expect(await chatsOf(other)).toBe(0);
  });
});

describe('otherParticipant', () => {
  const OTHER = `query($id: ID!) { conversation(id: $id) { otherParticipant { userId handle } } }`;
  const other = async (viewer: TestUser, id: string) => ok<any>(await app.gql(OTHER, { id }, viewer.token)).conversation.otherParticipant.userId;

  it('is the other side of a PROFILE chat, for each side', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    expect(await other(a, chat.id)).toBe(b.userId);
    expect(await other(b, chat.id)).toBe(a.userId);
  });

  it('is the agent\'s owner for the person chatting, and the person chatting for the owner', async () => {
    const [owner, person] = [await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    const chat = await startChat(app, person, owner, agent.id);
    expect(await other(person, chat.id)).toBe(owner.userId);
    expect(await other(owner, chat.id)).toBe(person.userId);
  });
});

describe('agentConversations', () => {
  const AGENT_CHATS = `query($agentId: ID, $first: Int, $after: String) { agentConversations(agentId: $agentId, first: $first, after: $after) {
    nodes { id chatType targetAgent { id } otherParticipant { userId } unreadCount } pageInfo { hasNextPage endCursor } } }`;
  const ids = (result: any) => ok<any>(result).agentConversations.nodes.map((n: { id: string }) => n.id);

  it('lists chats others hold with my agents, most recent first, and not in my `conversations`', async () => {
    const [owner, p1, p2] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const [x, y] = [await createAgent(app, owner), await createAgent(app, owner)];
    const withX = await startChat(app, p1, owner, x.id);
    const withY = await startChat(app, p2, owner, y.id);
    await sendMessage(app, p2, withY.id, 'first');
    await sendMessage(app, p1, withX.id, 'second');
    const data = ok<any>(await app.gql(AGENT_CHATS, {}, owner.token)).agentConversations;
    expect(data.nodes).toEqual([
      { id: withX.id, chatType: 'AGENT', targetAgent: { id: x.id }, otherParticipant: { userId: p1.userId }, unreadCount: 1 },
      { id: withY.id, chatType: 'AGENT', targetAgent: { id: y.id }, otherParticipant: { userId: p2.userId }, unreadCount: 1 },
    ]);
    expect(ok<any>(await app.gql(`{ conversations { nodes { id } } }`, {}, owner.token)).conversations.nodes).toEqual([]);
    expect(ids(await app.gql(AGENT_CHATS, {}, p1.token))).toEqual([]);
  });

  it('filters by one of my agents', async () => {
    const [owner, p1, p2] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const [x, y] = [await createAgent(app, owner), await createAgent(app, owner)];
    const withX = await startChat(app, p1, owner, x.id);
    const withY = await startChat(app, p2, owner, y.id);
    expect(ids(await app.gql(AGENT_CHATS, { agentId: x.id }, owner.token))).toEqual([withX.id]);
    expect(ids(await app.gql(AGENT_CHATS, { agentId: y.id }, owner.token))).toEqual([withY.id]);
  });

  it('gives NOT_FOUND for someone else\'s agent or an unknown agent', async () => {
    const [owner, stranger, person] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    await startChat(app, person, owner, agent.id);
    for (const agentId of [agent.id, '6f1c1c55-0000-4000-8000-0000000000aa']) {
      const result = await app.gql(AGENT_CHATS, { agentId }, stranger.token);
      expect(code(result)).toBe('NOT_FOUND');
      expect(result.errors?.[0].message).toBe('No such agent of yours');
      expect(result.data).toBeFalsy();
    }
  });

  it('pages with first/after, visiting every chat once', async () => {
    const owner = await registerUser(app);
    const agent = await createAgent(app, owner);
    const people = await Promise.all(Array.from({ length: 8 }, () => registerUser(app)));
    const chats = [];
    for (const p of people) chats.push((await startChat(app, p, owner, agent.id)).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const page: any = ok<any>(await app.gql(AGENT_CHATS, { first: 3, after }, owner.token)).agentConversations;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...chats].reverse());
  });
});
