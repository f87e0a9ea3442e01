import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, createGroup, ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';

/** `conversations`: order, filter, keyset pagination, cursor and page-size checks, and a bounded statement count. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const LIST = `query($first: Int, $after: String, $chatType: ChatType) { conversations(first: $first, after: $after, chatType: $chatType) {
  edges { cursor node { id } } nodes { id chatType lastMessagePreview } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const list = async (viewer: TestUser, vars: Record<string, unknown> = {}) => ok<any>(await app.gql(LIST, vars, viewer.token)).conversations;
const ids = async (viewer: TestUser, vars: Record<string, unknown> = {}) => (await list(viewer, vars)).nodes.map((n: { id: string }) => n.id);
const users = (n: number) => Promise.all(Array.from({ length: n }, () => registerUser(app)));
const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe('conversations order and filter', () => {
  it('lists the most recently active chat first after interleaved sends by both sides', async () => {
    const [me, b, c, d] = await users(4);
    const withB = await startChat(app, me, b);
    const withC = await startChat(app, c, me);
    const withD = await startChat(app, me, d);
    expect(await ids(me)).toEqual([withD.id, withC.id, withB.id]); // never messaged: newest started first
    await sendMessage(app, b, withB.id, 'b1');
    await sendMessage(app, me, withC.id, 'to c');
    await sendMessage(app, d, withD.id, 'd1');
    await sendMessage(app, me, withB.id, 'to b');
    expect(await ids(me)).toEqual([withB.id, withD.id, withC.id]);
    await sendMessage(app, c, withC.id, 'c1');
    expect(await ids(me)).toEqual([withC.id, withB.id, withD.id]);
    expect((await list(me)).nodes.map((n: any) => n.lastMessagePreview)).toEqual(['c1', 'to b', 'd1']);
    expect(await ids(b)).toEqual([withB.id]);
  });

  it('filters by chatType', async () => {
    const [me, owner] = await users(2);
    const agent = await createAgent(app, owner);
    const direct = await startChat(app, me, owner);
    const withAgent = await startChat(app, me, owner, agent.id);
    expect(await ids(me, { chatType: 'PROFILE' })).toEqual([direct.id]);
    expect(await ids(me, { chatType: 'AGENT' })).toEqual([withAgent.id]);
    expect(await ids(me)).toEqual([withAgent.id, direct.id]);
  });
});

describe('conversations keyset pagination', () => {
  it('visits every chat exactly once across pages (25 chats, first: 7)', async () => {
    const me = await registerUser(app);
    const owner = await registerUser(app);
    const others = await users(13);
    const agents = await Promise.all(Array.from({ length: 12 }, () => createAgent(app, owner)));
    const made: string[] = [];
    for (let i = 0; i < 25; i++) {
      made.push((i % 2 ? await startChat(app, me, owner, agents[i >> 1].id) : await startChat(app, others[i >> 1], me)).id);
    }
    // Messages reorder some of them, so the pages follow activity, not creation.
    for (const id of [made[3], made[20], made[0]]) await sendMessage(app, me, id, 'bump');
    const everything = await ids(me, { first: 100 });
    expect(everything).toHaveLength(25);
    expect(everything.slice(0, 3)).toEqual([made[0], made[20], made[3]]);

    const seen: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const conn: any = await list(me, { first: 7, after });
      sizes.push(conn.nodes.length);
      seen.push(...conn.nodes.map((n: { id: string }) => n.id));
      expect(conn.edges.map((e: any) => e.node.id)).toEqual(conn.nodes.map((n: any) => n.id));
      expect(conn.pageInfo.startCursor).toBe(conn.edges[0].cursor);
      expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1].cursor);
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(sizes).toEqual([7, 7, 7, 4]);
    expect(seen).toEqual(everything);
    expect(new Set(seen).size).toBe(25);
    expect(new Set(seen)).toEqual(new Set(made));
  });

  it('returns an empty last page after the final cursor', async () => {
    const [me, b] = await users(2);
    await startChat(app, me, b);
    const first = await list(me, { first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(false);
    const rest = await list(me, { first: 5, after: first.pageInfo.endCursor });
    expect(rest).toMatchObject({ nodes: [], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['a JSON object', cursor({ a: 1 })],
    ['the wrong number of parts', cursor(['2026-01-01 00:00:00+00'])],
    ['parts of the wrong type', cursor([1, 2])],
    ['a sort key that is not a time', cursor(['yesterday-ish', '6f1c1c55-0000-4000-8000-000000000000'])],
    ['a sort key JavaScript parses but PostgreSQL does not', cursor(['1', '6f1c1c55-0000-4000-8000-000000000000'])],
    ['an impossible date', cursor(['2026-02-31 10:00:00+00', '6f1c1c55-0000-4000-8000-000000000000'])],
    ['an id that is not a UUID', cursor(['2026-01-01 00:00:00+00', 'abc'])],
    ['an over-long cursor', 'A'.repeat(500)],
  ])('rejects a cursor that is %s with BAD_USER_INPUT', async (_what, after) => {
    const me = await registerUser(app);
    for (const query of [LIST, `query($after: String) { agentConversations(after: $after) { nodes { id } } }`]) {
      const result = await app.gql(query, { after }, me.token);
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toBe('after is not a valid cursor');
      expect(result.data).toBeFalsy();
    }
  });

  it.each([0, -1, 101])('rejects first: %d with BAD_USER_INPUT', async (first) => {
    const me = await registerUser(app);
    for (const query of [LIST, `query($first: Int) { agentConversations(first: $first) { nodes { id } } }`]) {
      const result = await app.gql(query, { first }, me.token);
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toBe('first must be between 1 and 100');
    }
  });
});

describe('a list page runs a bounded number of SQL statements', () => {
  const RICH = `query($first: Int) { conversations(first: $first) { nodes {
    id participants { lastReadSeq profile { handle } } otherParticipant { handle } targetAgent { handle owner { handle } } unreadCount
    messages(last: 3) { nodes { content sender { handle } senderAgent { handle } } } } } }`;

  it('is the same small number for first: 5 and first: 50', async () => {
    const me = await registerUser(app);
    const owner = await registerUser(app);
    const partners = await users(26);
    const agents = await Promise.all(Array.from({ length: 26 }, () => createAgent(app, owner)));
    // 52 chats, alternating PROFILE and AGENT; each has messages from both sides (agent chats: the owner answers as the agent),
    // so every page, however short, needs every kind of row.
    for (let i = 0; i < 26; i++) {
      const direct = await startChat(app, me, partners[i]);
      const withAgent = await startChat(app, me, owner, agents[i].id);
      await sendMessage(app, partners[i], direct.id, `hi ${i}`);
      await sendMessage(app, me, direct.id, `hello ${i}`);
      await sendMessage(app, me, withAgent.id, `question ${i}`);
      await sendMessage(app, owner, withAgent.id, `answer ${i}`);
    }
    const measure = async (first: number) => {
      const before = app.server.db.statementCount;
      const data = ok<any>(await app.gql(RICH, { first }, me.token));
      return { statements: app.server.db.statementCount - before, nodes: data.conversations.nodes };
    };
    const small = await measure(5);
    const large = await measure(50);
    expect(small.nodes).toHaveLength(5);
    expect(large.nodes).toHaveLength(50);
    // the data really is there (a resolver that skipped work would also be "cheap")
    const agentChat = large.nodes.find((n: any) => n.targetAgent);
    expect(agentChat.targetAgent.owner.handle).toBe(owner.handle);
    expect(agentChat.messages.nodes[1]).toMatchObject({ sender: { handle: owner.handle }, senderAgent: { handle: agentChat.targetAgent.handle } });
    expect(large.nodes.every((n: any) => n.participants.length === 2 && n.messages.nodes.length === 2 && n.otherParticipant.handle)).toBe(true);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(2);
  });
});

describe('a conversation opened with its messages, as the app asks for it', () => {
  const PROFILE = `{ userId handle displayName avatarUrl }`;
  const AGENT = `{ id handle displayName avatarUrl visibility owner ${PROFILE} }`;
  const CHAT = `query($id: ID!) { conversation(id: $id) {
    id chatType title memberCount createdAt lastMessageAt lastMessagePreview lastSeq unreadCount agentTakenOverAt updatesCursor
    otherParticipant ${PROFILE} targetAgent ${AGENT} groupAgents ${AGENT}
    participants { role isAdmin lastReadSeq lastReadAt profile ${PROFILE} }
    messages(last: 50) { nodes { id content seq sender ${PROFILE} senderAgent { id handle } attachments { id } versions { content }
      reactions { emoji } replyTo { id content sender ${PROFILE} } } pageInfo { hasPreviousPage } } } }`;

  it('is two statements: the conversation with its people and agents, then the page of messages', async () => {
    const [me, friend, owner] = await users(3);
    const agent = await createAgent(app, owner);
    const direct = await startChat(app, me, friend);
    const withAgent = await startChat(app, me, owner, agent.id);
    const group = await createGroup(app, me, [friend, owner], 'Counted');
    ok(await app.gql(`mutation($id: ID!, $a: ID!) { addAgentToGroup(conversationId: $id, agentId: $a) { id } }`, { id: group.id, a: agent.id }, owner.token));
    for (const chat of [direct, withAgent, group]) {
      const first = (await sendMessage(app, me, chat.id, 'first')) as { id: string };
      await sendMessage(app, chat === withAgent ? owner : friend, chat.id, 'second');
      ok(await app.gql(`mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId: chat.id, content: 'third', replyToId: first.id } }, me.token));
    }
    const open = async (id: string) => {
      const before = app.server.db.statementCount;
      const data = ok<any>(await app.gql(CHAT, { id }, me.token)).conversation;
      return { statements: app.server.db.statementCount - before, data };
    };
    await open(direct.id); // the session check is cached from here on
    const opened = { direct: await open(direct.id), withAgent: await open(withAgent.id), group: await open(group.id) };
    for (const { statements } of Object.values(opened)) expect(statements).toBe(2);
    // the rows came from the one statement, right
    expect(opened.direct.data.otherParticipant.handle).toBe(friend.handle);
    expect(opened.direct.data.participants.map((p: any) => p.profile.handle).sort()).toEqual([me.handle, friend.handle].sort());
    expect(opened.withAgent.data.targetAgent).toMatchObject({ id: agent.id, owner: { handle: owner.handle } });
    expect(opened.withAgent.data.messages.nodes.at(-2)).toMatchObject({ content: 'second', sender: { handle: owner.handle }, senderAgent: { id: agent.id } });
    expect(opened.group.data).toMatchObject({ memberCount: 3, groupAgents: [{ id: agent.id, owner: { handle: owner.handle } }] });
    for (const { data } of Object.values(opened)) {
      expect(data.messages.nodes.map((m: any) => m.content).slice(-3)).toEqual(['first', 'second', 'third']); // after a group's notices
      expect(data.messages.nodes.at(-1).replyTo).toMatchObject({ content: 'first', sender: { handle: me.handle } });
      expect(data.participants.every((p: any) => p.lastReadAt === null || !Number.isNaN(Date.parse(p.lastReadAt)))).toBe(true);
    }
  });
});
