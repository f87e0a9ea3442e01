import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  id conversationId seq content clientId senderType sender { userId } senderAgent { id handle } createdAt } }`;
const PAGE = `query($id: ID!, $last: Int, $before: String, $first: Int, $after: String) { conversation(id: $id) {
  messages(last: $last, before: $before, first: $first, after: $after) {
    edges { cursor node { seq } } nodes { seq content } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const send = (user: TestUser, conversationId: string, content: string, clientId?: string) =>
  app.gql(SEND, { input: { conversationId, content, clientId: clientId ?? null } }, user.token);
const page = async (user: TestUser, id: string, args: Record<string, unknown>) => ok<any>(await app.gql(PAGE, { id, ...args }, user.token)).conversation.messages;
const seqs = (conn: any) => conn.nodes.map((n: { seq: number }) => n.seq);
const stored = async (conversationId: string) =>
  (await app.dataSource.query(`SELECT seq::int, content FROM messages WHERE conversation_id = $1 ORDER BY seq`, [conversationId])) as { seq: number; content: string }[];
const pair = async () => {
  const [a, b] = [await registerUser(app), await registerUser(app)];
  return { a, b, chat: await startChat(app, a, b) };
};

describe('message history', () => {
  it('pages backwards with last/before, oldest first inside a page, every message once', async () => {
    const { a, b, chat } = await pair();
    for (let i = 1; i <= 12; i++) await sendMessage(app, i % 3 ? a : b, chat.id, `m${i}`);
    const newest = await page(b, chat.id, { last: 5 });
    expect(seqs(newest)).toEqual([8, 9, 10, 11, 12]);
    expect(newest.nodes.map((n: any) => n.content)).toEqual(['m8', 'm9', 'm10', 'm11', 'm12']);
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false, startCursor: newest.edges[0].cursor, endCursor: newest.edges[4].cursor });
    const middle = await page(b, chat.id, { last: 5, before: newest.pageInfo.startCursor });
    expect(seqs(middle)).toEqual([3, 4, 5, 6, 7]);
    expect(middle.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const oldest = await page(b, chat.id, { last: 5, before: middle.pageInfo.startCursor });
    expect(seqs(oldest)).toEqual([1, 2]);
    expect(oldest.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const all = [...seqs(oldest), ...seqs(middle), ...seqs(newest)];
    expect(all).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('pages forwards with first/after from the oldest, and after a cursor catches up', async () => {
    const { a, chat } = await pair();
    for (let i = 1; i <= 7; i++) await sendMessage(app, a, chat.id, `m${i}`);
    const one = await page(a, chat.id, { first: 3 });
    expect(seqs(one)).toEqual([1, 2, 3]);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = await page(a, chat.id, { first: 3, after: one.pageInfo.endCursor });
    expect(seqs(two)).toEqual([4, 5, 6]);
    expect(two.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const three = await page(a, chat.id, { first: 3, after: two.pageInfo.endCursor });
    expect(seqs(three)).toEqual([7]);
    expect(three.pageInfo.hasNextPage).toBe(false);
    await sendMessage(app, a, chat.id, 'm8');
    expect(seqs(await page(a, chat.id, { after: three.pageInfo.endCursor }))).toEqual([8]);
  });

  it('defaults to the newest 50 and is empty for a new chat', async () => {
    const { a, chat } = await pair();
    expect(await page(a, chat.id, {})).toMatchObject({ nodes: [], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null } });
    for (let i = 0; i < 52; i++) await sendMessage(app, a, chat.id, `m${i}`);
    const latest = await page(a, chat.id, {});
    expect(seqs(latest)).toEqual(Array.from({ length: 50 }, (_, i) => i + 3));
  });

  it.each([
    ['last: 0', { last: 0 }, 'last must be between 1 and 200'],
    ['last: 201', { last: 201 }, 'last must be between 1 and 200'],
    ['first: 0', { first: 0 }, 'first must be between 1 and 200'],
    ['a garbage cursor', { before: 'nope' }, 'before is not a valid cursor'],
    ['a negative cursor', { after: Buffer.from('[-1]').toString('base64url') }, 'after is not a valid cursor'],
    ['a fractional cursor', { before: Buffer.from('[1.5]').toString('base64url') }, 'before is not a valid cursor'],
    ['before together with after', { before: Buffer.from('[3]').toString('base64url'), after: Buffer.from('[1]').toString('base64url') }, 'use either first/after or last/before, not both'],
  ])('rejects %s with BAD_USER_INPUT', async (_what, args, message) => {
    const { a, chat } = await pair();
    const result = await app.gql(PAGE, { id: chat.id, ...args }, a.token);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe(message);
  });
});

describe('sendMessage content rules', () => {
  it('trims the content and keeps what is inside', async () => {
    const { a, chat } = await pair();
    const sent = ok<any>(await send(a, chat.id, '  \n hello\n  world \t ')).sendMessage;
    expect(sent).toMatchObject({ content: 'hello\n  world', seq: 1, senderType: 'USER', sender: { userId: a.userId }, senderAgent: null });
    expect(await stored(chat.id)).toEqual([{ seq: 1, content: 'hello\n  world' }]);
  });

  it.each([
    ['empty', '', 'content must not be empty'],
    ['whitespace only', ' \n\t ', 'content must not be empty'],
    ['over 4000 characters', 'x'.repeat(4001), 'content must be at most 4000 characters'],
    ['over 4000 characters (astral)', '😀'.repeat(4001), 'content must be at most 4000 characters'],
    ['with a NUL character', 'a\u0000b', 'content must not contain NUL characters'],
  ])('rejects content that is %s with BAD_USER_INPUT and stores nothing', async (_what, content, message) => {
    const { a, chat } = await pair();
    const result = await send(a, chat.id, content);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe(message);
    expect(result.data).toBeFalsy();
    expect(await stored(chat.id)).toEqual([]);
    const view = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { lastSeq lastMessageAt lastMessagePreview } }`, { id: chat.id }, a.token));
    expect(view.conversation).toEqual({ lastSeq: 0, lastMessageAt: null, lastMessagePreview: null });
  });

  it('accepts exactly 4000 characters, counted as characters rather than UTF-16 units', async () => {
    const { a, chat } = await pair();
    expect(ok<any>(await send(a, chat.id, 'y'.repeat(4000))).sendMessage.seq).toBe(1);
    expect(ok<any>(await send(a, chat.id, '😀'.repeat(4000))).sendMessage.seq).toBe(2);
  });

  it('keeps a preview of at most 140 characters with whitespace collapsed', async () => {
    const { a, b, chat } = await pair();
    const long = `${'word '.repeat(20)}\n\n${'z'.repeat(300)}`;
    await sendMessage(app, a, chat.id, long);
    const expected = long.replace(/\s+/g, ' ').slice(0, 140);
    const view = ok<any>(await app.gql(`{ conversations { nodes { id lastMessagePreview lastMessageAt } } }`, {}, b.token)).conversations.nodes[0];
    expect(view.lastMessagePreview).toBe(expected);
    expect(view.lastMessagePreview).toHaveLength(140);
    expect(view.lastMessageAt).not.toBeNull();
  });
});

describe('sendMessage idempotency (clientId)', () => {
  it('returns the first message when retried with the same clientId, storing one row', async () => {
    const { a, chat } = await pair();
    const first = ok<any>(await send(a, chat.id, 'hello', 'client-1')).sendMessage;
    const retry = ok<any>(await send(a, chat.id, 'hello (edited retry)', 'client-1')).sendMessage;
    expect(retry).toEqual(first);
    expect(first.clientId).toBe('client-1');
    expect(await stored(chat.id)).toEqual([{ seq: 1, content: 'hello' }]);
    expect(ok<any>(await send(a, chat.id, 'next', 'client-2')).sendMessage.seq).toBe(2);
  });

  it('gives one message for 20 concurrent sends with the same clientId', async () => {
    const { a, chat } = await pair();
    const results = await Promise.all(Array.from({ length: 20 }, () => send(a, chat.id, 'once', 'same-key')));
    const ids = new Set(results.map((r) => ok<any>(r).sendMessage.id));
    expect(ids.size).toBe(1);
    expect(await stored(chat.id)).toEqual([{ seq: 1, content: 'once' }]);
    const view = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { lastSeq } }`, { id: chat.id }, a.token));
    expect(view.conversation.lastSeq).toBe(1);
  });

  it('scopes clientId to the sender, and refuses reusing it in another conversation', async () => {
    const { a, b, chat } = await pair();
    const c = await registerUser(app);
    const other = await startChat(app, a, c);
    const mine = ok<any>(await send(a, chat.id, 'from a', 'k')).sendMessage;
    const theirs = ok<any>(await send(b, chat.id, 'from b', 'k')).sendMessage;
    expect(theirs.id).not.toBe(mine.id);
    const reused = await send(a, other.id, 'elsewhere', 'k');
    expect(code(reused)).toBe('BAD_USER_INPUT');
    expect(await stored(other.id)).toEqual([]);
    expect(code(await send(a, chat.id, 'x', 'k'.repeat(65)))).toBe('BAD_USER_INPUT');
  });
});

describe('sendMessage ordering and agent answers', () => {
  it('gives concurrent sends into one conversation distinct consecutive seq values', async () => {
    const { a, b, chat } = await pair();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i % 2 ? a : b, chat.id, `c${i}`)));
    const got = results.map((r) => ok<any>(r).sendMessage.seq).sort((x: number, y: number) => x - y);
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await stored(chat.id)).map((m) => m.seq)).toEqual(got);
    const view = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { lastSeq unreadCount } }`, { id: chat.id }, a.token));
    expect(view.conversation.lastSeq).toBe(20);
  });

  it('makes the agent owner\'s messages in a chat with their agent AGENT messages, sender = owner', async () => {
    const [owner, person] = [await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    const chat = await startChat(app, person, owner, agent.id);
    const question = ok<any>(await send(person, chat.id, 'who are you?')).sendMessage;
    const answer = ok<any>(await send(owner, chat.id, 'an agent')).sendMessage;
    expect(question).toMatchObject({ senderType: 'USER', sender: { userId: person.userId }, senderAgent: null });
    expect(answer).toMatchObject({ senderType: 'AGENT', sender: { userId: owner.userId }, senderAgent: { id: agent.id, handle: agent.handle } });
    const history = await page(person, chat.id, {});
    expect(history.nodes.map((n: any) => n.content)).toEqual(['who are you?', 'an agent']);
  });

  it('keeps the owner\'s own messages USER in a PROFILE chat with the same person', async () => {
    const [owner, person] = [await registerUser(app), await registerUser(app)];
    await createAgent(app, owner);
    const direct = await startChat(app, person, owner);
    expect(ok<any>(await send(owner, direct.id, 'as myself')).sendMessage).toMatchObject({ senderType: 'USER', senderAgent: null });
  });
});
