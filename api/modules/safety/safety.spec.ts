import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, ok, registerUser, sendMessage, startChat } from '../../test/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;
const block = (token: string, userId: string) => app.gql(`mutation($u: ID!) { blockProfile(userId: $u) }`, { u: userId }, token);
const unblock = (token: string, userId: string) => app.gql(`mutation($u: ID!) { unblockProfile(userId: $u) }`, { u: userId }, token);
const listIds = async (token: string) =>
  ok<any>(await app.gql(`{ unreadTotal conversations(first: 50) { nodes { id } } }`, {}, token));
const send = (token: string, conversationId: string, content: string) =>
  app.gql(`mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }`, { i: { conversationId, content } }, token);

describe('blocking', () => {
  it('stops the blocked person from starting a chat or sending, stores nothing, and hides their chats from the blocker', async () => {
    const [alice, mallory] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, mallory, alice);
    await sendMessage(app, mallory, chat.id, 'hi');
    expect((await listIds(alice.token)).unreadTotal).toBe(1);
    expect(ok<any>(await block(alice.token, mallory.userId))).toEqual({ blockProfile: true });

    const sent = await send(mallory.token, chat.id, 'are you there?');
    expect(code(sent)).toBe('FORBIDDEN');
    expect(sent.errors![0].message).toBe('This person is not accepting messages from you');
    const answer = await send(alice.token, chat.id, 'no');
    expect(code(answer)).toBe('FORBIDDEN');
    expect(answer.errors![0].message).toBe('You blocked this person: unblock them to send');
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1`, [chat.id]);
    expect(count).toBe(1);

    const again = await app.gql(
      `mutation($i: StartConversationInput!) { startConversation(input: $i) { conversation { id } } }`,
      { i: { targetUserId: alice.userId, chatType: 'PROFILE' } },
      mallory.token,
    );
    expect(code(again)).toBe('FORBIDDEN');

    const hidden = await listIds(alice.token);
    expect(hidden.conversations.nodes.map((n: any) => n.id)).not.toContain(chat.id);
    expect(hidden.unreadTotal).toBe(0);
    // The blocked person still has their side of the chat.
    expect((await listIds(mallory.token)).conversations.nodes.map((n: any) => n.id)).toContain(chat.id);
    expect(ok<any>(await app.gql(`{ blockedProfiles { handle } }`, {}, alice.token)).blockedProfiles).toEqual([{ handle: mallory.handle }]);

    ok(await unblock(alice.token, mallory.userId));
    const restored = await listIds(alice.token);
    expect(restored.conversations.nodes.map((n: any) => n.id)).toContain(chat.id);
    expect(restored.unreadTotal).toBe(1);
    ok(await send(mallory.token, chat.id, 'sorry'));
  });

  it('also covers chats with the blocker\'s agents', async () => {
    const [owner, visitor] = [await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    const chat = await startChat(app, visitor, owner, agent.id);
    ok(await block(owner.token, visitor.userId));
    expect(code(await send(visitor.token, chat.id, 'hello agent'))).toBe('FORBIDDEN');
  });

  it('rejects blocking yourself, unknown people and malformed ids', async () => {
    const me = await registerUser(app);
    expect(code(await block(me.token, me.userId))).toBe('BAD_USER_INPUT');
    expect(code(await block(me.token, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(code(await block(me.token, 'nope'))).toBe('BAD_USER_INPUT');
    expect(code(await app.gql(`mutation($u: ID!) { blockProfile(userId: $u) }`, { u: me.userId }))).toBe('UNAUTHENTICATED');
  });
});

describe('reports', () => {
  const report = (token: string, messageId: string, reason: string) =>
    app.gql(`mutation($i: ReportMessageInput!) { reportMessage(input: $i) { id messageId reason } }`, { i: { messageId, reason } }, token);

  it('stores the reporter and reason once per message; refuses own messages and messages the reporter cannot read', async () => {
    const [alice, bob, eve] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, alice, bob);
    const rude = await sendMessage(app, bob, chat.id, 'something rude');
    const first = ok<any>(await report(alice.token, rude.id, 'harassment')).reportMessage;
    const second = ok<any>(await report(alice.token, rude.id, "  it's spam  ")).reportMessage;
    expect(second).toEqual({ id: first.id, messageId: rude.id, reason: "it's spam" });
    const rows = await app.dataSource.query(`SELECT reporter_id, reason FROM reports WHERE message_id = $1`, [rude.id]);
    expect(rows).toEqual([{ reporter_id: alice.userId, reason: "it's spam" }]);

    expect(code(await report(bob.token, rude.id, 'my own'))).toBe('BAD_USER_INPUT');
    expect(code(await report(eve.token, rude.id, 'nosy'))).toBe('NOT_FOUND');
    expect(code(await report(alice.token, rude.id, ''))).toBe('BAD_USER_INPUT');
    expect(code(await report(alice.token, rude.id, 'x'.repeat(1001)))).toBe('BAD_USER_INPUT');
  });
});
