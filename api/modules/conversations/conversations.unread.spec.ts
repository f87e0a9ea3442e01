import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';

/** Read state: unreadCount, unreadTotal, markConversationRead and participants' watermarks. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const CONVERSATION = `query($id: ID!) { conversation(id: $id) { id lastSeq unreadCount
  participants { role lastReadSeq lastReadAt profile { userId } } } }`;
const MARK = `mutation($id: ID!) { markConversationRead(conversationId: $id) { id lastSeq unreadCount participants { lastReadSeq lastReadAt profile { userId } } } }`;
const conversation = async (viewer: TestUser, id: string) => ok<any>(await app.gql(CONVERSATION, { id }, viewer.token)).conversation;
const unread = async (viewer: TestUser, id: string) => (await conversation(viewer, id)).unreadCount;
const unreadTotal = async (viewer: TestUser) => ok<any>(await app.gql(`{ unreadTotal }`, {}, viewer.token)).unreadTotal;
const markRead = async (viewer: TestUser, id: string) => ok<any>(await app.gql(MARK, { id }, viewer.token)).markConversationRead;
const listedUnread = async (viewer: TestUser) =>
  Object.fromEntries(ok<any>(await app.gql(`{ conversations { nodes { id unreadCount } } }`, {}, viewer.token)).conversations.nodes.map((n: any) => [n.id, n.unreadCount]));
const participant = (conv: any, user: TestUser) => conv.participants.find((p: any) => p.profile.userId === user.userId);

describe('unread counts after interleaved sends and reads by both sides', () => {
  it('counts the other side\'s messages after my watermark; sending marks my side read', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    expect([await unread(a, chat.id), await unread(b, chat.id)]).toEqual([0, 0]);

    for (const text of ['a1', 'a2', 'a3']) await sendMessage(app, a, chat.id, text);
    expect([await unread(a, chat.id), await unread(b, chat.id)]).toEqual([0, 3]);

    await sendMessage(app, b, chat.id, 'b1'); // replying reads everything before it
    expect([await unread(a, chat.id), await unread(b, chat.id)]).toEqual([1, 0]);

    await sendMessage(app, a, chat.id, 'a4');
    await sendMessage(app, a, chat.id, 'a5');
    expect([await unread(a, chat.id), await unread(b, chat.id)]).toEqual([0, 2]);

    const afterRead = await markRead(b, chat.id);
    expect(afterRead).toMatchObject({ id: chat.id, lastSeq: 6, unreadCount: 0 });
    expect([await unread(a, chat.id), await unread(b, chat.id)]).toEqual([0, 0]);

    await sendMessage(app, b, chat.id, 'b2');
    expect([await unread(a, chat.id), await unread(b, chat.id)]).toEqual([1, 0]);
    expect((await markRead(a, chat.id)).unreadCount).toBe(0);
    expect((await markRead(a, chat.id)).unreadCount).toBe(0); // idempotent
    expect([await unread(a, chat.id), await unread(b, chat.id)]).toEqual([0, 0]);
    expect(await listedUnread(a)).toEqual({ [chat.id]: 0 });
  });

  it('shows the same counts in the list as on the conversation, and unreadTotal sums them', async () => {
    const [me, b, c, d] = [await registerUser(app), await registerUser(app), await registerUser(app), await registerUser(app)];
    const withB = await startChat(app, me, b);
    const withC = await startChat(app, c, me);
    const withD = await startChat(app, me, d);
    await sendMessage(app, b, withB.id, 'b1');
    await sendMessage(app, c, withC.id, 'c1');
    await sendMessage(app, b, withB.id, 'b2');
    await sendMessage(app, c, withC.id, 'c2');
    await sendMessage(app, c, withC.id, 'c3');
    await sendMessage(app, me, withD.id, 'only mine');
    expect(await listedUnread(me)).toEqual({ [withB.id]: 2, [withC.id]: 3, [withD.id]: 0 });
    expect(await unreadTotal(me)).toBe(5);
    expect(await unreadTotal(b)).toBe(0);

    await markRead(me, withC.id);
    expect(await unreadTotal(me)).toBe(2);
    await sendMessage(app, d, withD.id, 'd1');
    expect(await unreadTotal(me)).toBe(3);
    await sendMessage(app, me, withB.id, 'reply');
    expect(await listedUnread(me)).toEqual({ [withB.id]: 0, [withC.id]: 0, [withD.id]: 1 });
    expect(await unreadTotal(me)).toBe(1);
    expect(await unreadTotal(b)).toBe(1);
  });

  it('unreadTotal counts only the chats `conversations` lists, not chats others hold with my agents', async () => {
    const [owner, person, friend] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    const agentChat = await startChat(app, person, owner, agent.id);
    const direct = await startChat(app, friend, owner);
    await sendMessage(app, person, agentChat.id, 'hi agent');
    await sendMessage(app, person, agentChat.id, 'are you there?');
    await sendMessage(app, friend, direct.id, 'hi');

    const agentView = ok<any>(await app.gql(`{ agentConversations { nodes { id unreadCount } } }`, {}, owner.token)).agentConversations.nodes;
    expect(agentView).toEqual([{ id: agentChat.id, unreadCount: 2 }]);
    expect(await unread(owner, agentChat.id)).toBe(2);
    expect(await unreadTotal(owner)).toBe(1);

    // The owner answering as the agent reads the chat for the owner, and is unread for the person.
    await sendMessage(app, owner, agentChat.id, 'I am here');
    expect(await unread(owner, agentChat.id)).toBe(0);
    expect(await unread(person, agentChat.id)).toBe(1);
    expect(await unreadTotal(person)).toBe(1);
    expect(await unreadTotal(owner)).toBe(1);
  });

  it('needs a token for unreadTotal and markConversationRead', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    expect(code(await app.gql(`{ unreadTotal }`))).toBe('UNAUTHENTICATED');
    expect(code(await app.gql(MARK, { id: chat.id }))).toBe('UNAUTHENTICATED');
  });
});

describe('participants and read watermarks', () => {
  it('lists both people with roles; lastReadSeq/lastReadAt follow sends and reads and never move backwards', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    let view = await conversation(a, chat.id);
    const rows = view.participants.map((p: any) => [p.profile.userId, p.role, p.lastReadSeq, p.lastReadAt]);
    expect(rows.sort()).toEqual([
      [a.userId, 'MEMBER', 0, null],
      [b.userId, 'MEMBER', 0, null],
    ].sort());

    const m1 = ok<any>(await app.gql(`mutation($input: SendMessageInput!) { sendMessage(input: $input) { seq createdAt } }`,
      { input: { conversationId: chat.id, content: 'one' } }, a.token)).sendMessage;
    await sendMessage(app, a, chat.id, 'two');
    view = await conversation(b, chat.id);
    expect(participant(view, a).lastReadSeq).toBe(2);
    expect(new Date(participant(view, a).lastReadAt).getTime()).toBeGreaterThanOrEqual(new Date(m1.createdAt).getTime());
    expect(participant(view, b)).toMatchObject({ lastReadSeq: 0, lastReadAt: null });

    const before = Date.now();
    const marked = await markRead(b, chat.id);
    expect(participant(marked, b).lastReadSeq).toBe(2);
    const readAt = new Date(participant(marked, b).lastReadAt).getTime();
    expect(readAt).toBeGreaterThanOrEqual(before - 5_000);
    expect(readAt).toBeLessThanOrEqual(Date.now() + 5_000);

    // Marking again with nothing new keeps the watermark where it is.
    expect(participant(await markRead(b, chat.id), b).lastReadSeq).toBe(2);
    await sendMessage(app, a, chat.id, 'three');
    view = await conversation(a, chat.id);
    expect([participant(view, a).lastReadSeq, participant(view, b).lastReadSeq]).toEqual([3, 2]);
  });

  it('shows the agent owner as AGENT_OWNER in an agent chat', async () => {
    const [owner, person] = [await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    const chat = await startChat(app, person, owner, agent.id);
    const view = await conversation(owner, chat.id);
    expect(participant(view, person).role).toBe('MEMBER');
    expect(participant(view, owner).role).toBe('AGENT_OWNER');
  });
});
