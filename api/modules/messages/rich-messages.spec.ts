import { startTestApp, TestApp } from '../../test/harness';
import { ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';
import { collect, untilListening, wsClient } from '../../test/ws-client';

/** Edit, delete, reactions and replies (issue 6), through HTTP and over the messageUpdated subscription. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const FIELDS = `id seq content editedAt isDeleted deletedAt versions { content writtenAt replacedAt }
  reactions { emoji count reactedByMe reactors { userId } } replyToId replyTo { id content isDeleted } replyCount`;
const EDIT = `mutation($id: ID!, $content: String!) { editMessage(messageId: $id, content: $content) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteMessage(messageId: $id) { ${FIELDS} } }`;
const REACT = `mutation($id: ID!, $emoji: String!, $on: Boolean) { toggleReaction(messageId: $id, emoji: $emoji, on: $on) { ${FIELDS} } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { ${FIELDS} } }`;
const HISTORY = `query($id: ID!) { conversation(id: $id) { lastMessagePreview unreadCount messages(last: 50) { nodes { ${FIELDS} } } } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const edit = (u: TestUser, id: string, content: string) => app.gql(EDIT, { id, content }, u.token);
const del = (u: TestUser, id: string) => app.gql(DELETE, { id }, u.token);
const react = (u: TestUser, id: string, emoji: string, on?: boolean) => app.gql(REACT, { id, emoji, on: on ?? null }, u.token);
const history = async (u: TestUser, id: string) => ok<any>(await app.gql(HISTORY, { id }, u.token)).conversation;
const unreadTotal = async (u: TestUser) => ok<any>(await app.gql(`{ unreadTotal }`, {}, u.token)).unreadTotal;
const trio = async () => {
  const [a, b, c] = [await registerUser(app), await registerUser(app), await registerUser(app)];
  return { a, b, c, chat: await startChat(app, a, b), other: await startChat(app, a, c) };
};

describe('editing', () => {
  it('lets the sender edit within the window, marks it edited and keeps every earlier text', async () => {
    const { a, b, chat } = await trio();
    const m = await sendMessage(app, a, chat.id, 'helo wrold');
    const once = ok<any>(await edit(a, m.id, 'hello wrold')).editMessage;
    const twice = ok<any>(await edit(a, m.id, '  hello world  ')).editMessage;
    expect(twice).toMatchObject({ content: 'hello world', isDeleted: false });
    expect(new Date(twice.editedAt).getTime()).toBeGreaterThanOrEqual(new Date(once.editedAt).getTime());
    const seen = (await history(b, chat.id)).messages.nodes[0];
    expect(seen.versions.map((v: any) => v.content)).toEqual(['helo wrold', 'hello wrold']);
    expect(seen.versions[1].writtenAt).toBe(once.editedAt);
    expect(seen.editedAt).toBe(twice.editedAt);
    expect((await history(b, chat.id)).lastMessagePreview).toBe('hello world');
  });

  it('refuses someone else\'s message, a stranger, empty text, and an edit after the window', async () => {
    const { a, b, c, chat } = await trio();
    const m = await sendMessage(app, a, chat.id, 'mine');
    expect(code(await edit(b, m.id, 'theirs'))).toBe('FORBIDDEN');
    expect(code(await edit(c, m.id, 'stranger'))).toBe('NOT_FOUND');
    expect(code(await edit(a, m.id, '   '))).toBe('BAD_USER_INPUT');
    expect(code(await edit(a, 'not-a-uuid', 'x'))).toBe('BAD_USER_INPUT');
    await app.dataSource.query(`UPDATE messages SET created_at = now() - interval '16 minutes' WHERE id = $1`, [m.id]);
    const late = await edit(a, m.id, 'too late');
    expect(code(late)).toBe('FORBIDDEN');
    expect(late.errors![0].message).toBe('Messages can be edited for 15 minutes after they are sent');
    const [row] = await app.dataSource.query(`SELECT content, edited_at FROM messages WHERE id = $1`, [m.id]);
    expect(row).toEqual({ content: 'mine', edited_at: null });
  });

  it('does not let a person edit an agent\'s message, even the agent\'s owner', async () => {
    const { a, b, chat } = await trio();
    const m = await sendMessage(app, a, chat.id, 'as agent');
    await app.dataSource.query(`UPDATE messages SET sender_type = 'AGENT' WHERE id = $1`, [m.id]);
    expect(code(await edit(a, m.id, 'changed'))).toBe('FORBIDDEN');
    expect(code(await del(a, m.id))).toBe('FORBIDDEN');
    expect(code(await edit(b, m.id, 'changed'))).toBe('FORBIDDEN');
  });
});

describe('deleting', () => {
  it('leaves a tombstone in place, removes the text, versions and reactions from storage', async () => {
    const { a, b, chat } = await trio();
    await sendMessage(app, a, chat.id, 'keep this');
    const m = await sendMessage(app, a, chat.id, 'secret plans');
    ok(await edit(a, m.id, 'secret plans v2'));
    ok(await react(b, m.id, '👍'));
    expect(code(await del(b, m.id))).toBe('FORBIDDEN');
    const gone = ok<any>(await del(a, m.id)).deleteMessage;
    expect(gone).toMatchObject({ id: m.id, seq: 2, content: '', isDeleted: true, versions: [], reactions: [] });
    expect(ok<any>(await del(a, m.id)).deleteMessage.deletedAt).toBe(gone.deletedAt); // idempotent
    const seen = await history(b, chat.id);
    expect(seen.messages.nodes.map((n: any) => [n.seq, n.content, n.isDeleted])).toEqual([[1, 'keep this', false], [2, '', true]]);
    expect(seen.lastMessagePreview).toBe('keep this');
    const stored = await app.dataSource.query(
      `SELECT m.content, m.search::text AS search, (SELECT count(*)::int FROM message_versions v WHERE v.message_id = m.id) AS versions,
              (SELECT count(*)::int FROM message_reactions r WHERE r.message_id = m.id) AS reactions FROM messages m WHERE id = $1`,
      [m.id],
    );
    expect(stored).toEqual([{ content: '', search: '', versions: 0, reactions: 0 }]);
    expect(code(await edit(a, m.id, 'back'))).toBe('BAD_USER_INPUT');
    expect(code(await react(b, m.id, '👍'))).toBe('BAD_USER_INPUT');
  });

  it('keeps unread counts right: a deleted unread message stops counting, a read one changes nothing', async () => {
    const { a, b, chat } = await trio();
    const [m1, m2, m3] = [await sendMessage(app, a, chat.id, 'one'), await sendMessage(app, a, chat.id, 'two'), await sendMessage(app, a, chat.id, 'three')];
    expect((await history(b, chat.id)).unreadCount).toBe(3);
    ok(await del(a, m2.id));
    expect((await history(b, chat.id)).unreadCount).toBe(2);
    ok(await del(a, m3.id));
    expect((await history(b, chat.id)).unreadCount).toBe(1);
    expect(await unreadTotal(b)).toBe(1);
    expect((await history(b, chat.id)).lastMessagePreview).toBe('one');
    ok(await app.gql(`mutation($id: ID!) { markConversationRead(conversationId: $id) { id } }`, { id: chat.id }, b.token));
    expect((await history(b, chat.id)).unreadCount).toBe(0);
    ok(await del(a, m1.id)); // already read: nothing to take back
    expect((await history(b, chat.id)).unreadCount).toBe(0);
    await sendMessage(app, a, chat.id, 'four');
    expect((await history(b, chat.id)).unreadCount).toBe(1);
    expect(await unreadTotal(b)).toBe(1);
    expect((await history(a, chat.id)).unreadCount).toBe(0);
  });
});

describe('reactions', () => {
  it('toggles one of each emoji per person, with counts and who reacted', async () => {
    const { a, b, chat } = await trio();
    const m = await sendMessage(app, a, chat.id, 'party?');
    ok(await react(a, m.id, '🎉'));
    ok(await react(b, m.id, '🎉'));
    const both = ok<any>(await react(b, m.id, '👍🏽')).toggleReaction.reactions;
    expect(both).toEqual([
      { emoji: '🎉', count: 2, reactedByMe: true, reactors: [{ userId: a.userId }, { userId: b.userId }] },
      { emoji: '👍🏽', count: 1, reactedByMe: true, reactors: [{ userId: b.userId }] },
    ]);
    expect(ok<any>(await react(b, m.id, '🎉')).toggleReaction.reactions[0]).toMatchObject({ emoji: '🎉', count: 1, reactedByMe: false });
    expect(ok<any>(await react(a, m.id, '🎉', true)).toggleReaction.reactions[0].count).toBe(1); // set, not toggled
    expect(ok<any>(await react(b, m.id, '👍🏽', false)).toggleReaction.reactions).toEqual([
      { emoji: '🎉', count: 1, reactedByMe: false, reactors: [{ userId: a.userId }] },
    ]);
  });

  it('refuses what is not one emoji, and anyone outside the conversation', async () => {
    const { a, b, c, chat } = await trio();
    const m = await sendMessage(app, a, chat.id, 'hi');
    for (const bad of ['', 'a', '👍👍', '<b>', '👍 x', 'x'.repeat(40)]) expect(code(await react(b, m.id, bad))).toBe('BAD_USER_INPUT');
    expect(code(await react(c, m.id, '👍'))).toBe('NOT_FOUND');
    expect(ok<any>(await react(b, m.id, '👨‍👩‍👧')).toggleReaction.reactions[0].emoji).toBe('👨‍👩‍👧');
    const rows = await app.dataSource.query(`SELECT profile_id FROM message_reactions WHERE message_id = $1`, [m.id]);
    expect(rows).toEqual([{ profile_id: b.userId }]);
  });
});

describe('replies', () => {
  it('answers a message of the same conversation, quotes it (a tombstone once deleted) and lists the replies', async () => {
    const { a, b, chat } = await trio();
    const q = await sendMessage(app, a, chat.id, 'lunch?');
    const send = (u: TestUser, content: string) => app.gql(SEND, { input: { conversationId: chat.id, content, replyToId: q.id } }, u.token);
    const r1 = ok<any>(await send(b, 'yes')).sendMessage;
    expect(r1).toMatchObject({ replyToId: q.id, replyTo: { id: q.id, content: 'lunch?', isDeleted: false } });
    ok(await send(a, 'at noon'));
    ok(await send(b, 'where?'));
    const REPLIES = `query($id: ID!, $after: String) { conversation(id: $id) { messages(first: 1) { nodes { replyCount
      replies(first: 2, after: $after) { nodes { content } pageInfo { hasNextPage endCursor } } } } } }`;
    const one = ok<any>(await app.gql(REPLIES, { id: chat.id }, b.token)).conversation.messages.nodes[0];
    expect(one.replyCount).toBe(3);
    expect(one.replies.nodes.map((n: any) => n.content)).toEqual(['yes', 'at noon']);
    expect(one.replies.pageInfo.hasNextPage).toBe(true);
    const two = ok<any>(await app.gql(REPLIES, { id: chat.id, after: one.replies.pageInfo.endCursor }, b.token)).conversation.messages.nodes[0];
    expect(two.replies.nodes.map((n: any) => n.content)).toEqual(['where?']);
    expect(two.replies.pageInfo.hasNextPage).toBe(false);
    ok(await del(a, q.id));
    const quoted = (await history(b, chat.id)).messages.nodes.find((n: any) => n.id === r1.id);
    expect(quoted.replyTo).toEqual({ id: q.id, content: '', isDeleted: true });
    expect(code(await send(b, 'to a tombstone'))).toBe('BAD_USER_INPUT');
  });

  it('refuses a reply to a message of another conversation', async () => {
    const { a, chat, other } = await trio();
    const elsewhere = await sendMessage(app, a, other.id, 'in the other chat');
    const result = await app.gql(SEND, { input: { conversationId: chat.id, content: 'cross', replyToId: elsewhere.id } }, a.token);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.field).toBe('replyToId');
    expect(await app.dataSource.query(`SELECT 1 FROM messages WHERE conversation_id = $1`, [chat.id])).toEqual([]);
  });
});

describe('live', () => {
  const UPDATED = `subscription($id: ID) { messageUpdated(conversationId: $id) { delta offset message { id content editedAt isDeleted reactions { emoji count } } } }`;

  it('delivers edits, reactions and deletes in order to participants only', async () => {
    const { a, b, c, chat } = await trio();
    const m = await sendMessage(app, a, chat.id, 'draft');
    const [bClient, cClient] = [wsClient(app.wsUrl, b.token), wsClient(app.wsUrl, c.token)];
    const base = app.server.hub.listenerCount;
    const bSees = collect(bClient, UPDATED, { id: chat.id });
    const cSees = collect(cClient, UPDATED, {});
    const cDenied = collect(cClient, UPDATED, { id: chat.id });
    await untilListening(app, base + 2);
    ok(await edit(a, m.id, 'final text, longer'));
    ok(await edit(a, m.id, 'short'));
    ok(await react(b, m.id, '❤️'));
    // An event's related rows (reactions, versions) are read when it is delivered, after its
    // change committed: never older than that change, but possibly newer. So the delete waits
    // until the reaction's event is out; otherwise a slow delivery may already see it deleted.
    await bSees.waitFor(3);
    ok(await del(a, m.id));
    const events = (await bSees.waitFor(4)).map((e: any) => e.messageUpdated);
    expect(events.map((e) => [e.message.content, e.message.isDeleted, e.message.reactions.length, e.offset])).toEqual([
      ['final text, longer', false, 0, 0],
      ['short', false, 0, 0],
      ['short', false, 1, 0],
      ['', true, 0, 0],
    ]);
    expect(events[1].delta).toBe('short');
    expect(cDenied.errors.length + (cDenied.completed ? 1 : 0)).toBeGreaterThan(0);
    expect(JSON.stringify(cDenied.errors)).toContain('NOT_FOUND');
    expect(cSees.events).toEqual([]);
    for (const s of [bSees, cSees, cDenied]) s.dispose();
    await Promise.all([bClient.dispose(), cClient.dispose()]);
  });

  it('resumes after a disconnect: every message changed since the cursor, in its latest state, then live ones', async () => {
    const { a, b, c, chat } = await trio();
    const [m1, m2] = [await sendMessage(app, a, chat.id, 'first'), await sendMessage(app, a, chat.id, 'second')];
    const loaded = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { updatesCursor } }`, { id: chat.id }, b.token)).conversation.updatesCursor;
    ok(await edit(a, m1.id, 'first, edited'));
    ok(await edit(a, m1.id, 'first, edited twice'));
    ok(await react(b, m2.id, '👍'));
    const RESUME = `subscription($id: ID, $after: String) { messageUpdated(conversationId: $id, after: $after) {
      message { id content isDeleted updateCursor reactions { emoji } } } }`;
    const client = wsClient(app.wsUrl, b.token);
    const resumed = collect(client, RESUME, { id: chat.id, after: loaded });
    const replayed = (await resumed.waitFor(2)).map((e: any) => e.messageUpdated.message);
    expect(replayed.map((m) => [m.id, m.content, m.reactions.length])).toEqual([[m1.id, 'first, edited twice', 0], [m2.id, 'second', 1]]);
    ok(await del(a, m1.id));
    const live = (await resumed.waitFor(3))[2].messageUpdated.message;
    expect(live).toMatchObject({ id: m1.id, content: '', isDeleted: true });
    resumed.dispose();
    // From the reaction on: only what changed after it.
    const again = collect(client, RESUME, { id: chat.id, after: replayed[1].updateCursor });
    expect((await again.waitFor(1)).map((e: any) => e.messageUpdated.message.id)).toEqual([m1.id]);
    again.dispose();
    const noConversation = collect(client, RESUME, { after: loaded });
    await noConversation.waitFor(1).catch(() => undefined);
    expect(JSON.stringify(noConversation.errors)).toContain('BAD_USER_INPUT');
    await client.dispose();
    const stranger = wsClient(app.wsUrl, c.token);
    const denied = collect(stranger, RESUME, { id: chat.id, after: loaded });
    await denied.waitFor(1).catch(() => undefined);
    expect(JSON.stringify(denied.errors)).toContain('NOT_FOUND');
    expect(denied.events).toEqual([]);
    await stranger.dispose();
  });
});

describe('a page of rich messages runs a bounded number of SQL statements', () => {
  const PAGE = `query($id: ID!, $last: Int) { conversation(id: $id) { messages(last: $last) { nodes {
    content editedAt versions { content } reactions { emoji count reactors { handle } } replyTo { content isDeleted } replyCount
    replies(first: 2) { nodes { content } pageInfo { hasNextPage } } } } } }`;

  it('is the same small number for last: 5 and last: 40', async () => {
    const { a, b, chat } = await trio();
    let previous: string | null = null;
    for (let i = 0; i < 40; i++) {
      const sent: any = ok<any>(await app.gql(SEND, { input: { conversationId: chat.id, content: `m${i}`, replyToId: previous } }, (i % 2 ? b : a).token)).sendMessage;
      if (i % 3 === 0) ok(await edit(i % 2 ? b : a, sent.id, `m${i} edited`));
      ok(await react(a, sent.id, '👍'));
      ok(await react(b, sent.id, '👍'));
      previous = sent.id;
    }
    const measure = async (last: number) => {
      const before = app.server.db.statementCount;
      const nodes = ok<any>(await app.gql(PAGE, { id: chat.id, last }, a.token)).conversation.messages.nodes;
      return { statements: app.server.db.statementCount - before, nodes };
    };
    const small = await measure(5);
    const large = await measure(40);
    expect(large.nodes).toHaveLength(40);
    expect(large.nodes[3]).toMatchObject({ content: 'm3 edited', versions: [{ content: 'm3' }], replyTo: { content: 'm2', isDeleted: false }, replyCount: 1 });
    expect(large.nodes[3].reactions).toEqual([{ emoji: '👍', count: 2, reactors: [{ handle: a.handle }, { handle: b.handle }] }]);
    expect(large.nodes[3].replies.nodes).toEqual([{ content: 'm4' }]);
    // A longer page never costs more statements; it may cost one fewer: replyTo reads no
    // statement for a quoted message on the page itself, and only the short page quotes one
    // (m34) that it does not show.
    expect(large.statements).toBeLessThanOrEqual(small.statements);
    expect(small.statements).toBeLessThanOrEqual(7);
  });
});
