import { startTestApp, TestApp } from '../../test/harness';
import { createGroup, ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';
import { collect, sleep, untilListening, wsClient } from '../../test/ws-client';

let app: TestApp;
beforeAll(async () => {
  // A small maximum, so the upper bound is cheap to reach.
  app = await startTestApp({ GROUP_MAX_MEMBERS: '5' });
});
afterAll(() => app.stop());

const CREATE = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id chatType title memberCount participants { isAdmin profile { userId } } } }`;
const GROUP = `query($id: ID!) {
  conversation(id: $id) {
    id chatType title memberCount unreadCount otherParticipant { userId }
    participants { isAdmin lastReadSeq profile { userId } }
    messages(last: 50) { nodes { seq senderType content seenByCount sender { userId } } }
  }
}`;
const RENAME = `mutation($id: ID!, $title: String!) { renameGroup(conversationId: $id, title: $title) { title } }`;
const ADD = `mutation($id: ID!, $ids: [ID!]!) { addGroupMembers(conversationId: $id, memberIds: $ids) { memberCount } }`;
const REMOVE = `mutation($id: ID!, $user: ID!) { removeGroupMember(conversationId: $id, userId: $user) { memberCount } }`;
const ADMIN = `mutation($id: ID!, $user: ID!, $on: Boolean!) { setGroupAdmin(conversationId: $id, userId: $user, isAdmin: $on) { participants { isAdmin profile { userId } } } }`;
const LEAVE = `mutation($id: ID!) { leaveGroup(conversationId: $id) }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id seq } }`;
const MARK_READ = `mutation($id: ID!) { markConversationRead(conversationId: $id) { unreadCount } }`;

async function people(n: number, prefix = 'Member'): Promise<TestUser[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => registerUser(app, { displayName: `${prefix} ${i + 1}` })));
}

async function view(user: TestUser, id: string): Promise<any> {
  return ok<any>(await app.gql(GROUP, { id }, user.token)).conversation;
}

function code(result: { errors?: { extensions?: Record<string, any> }[] }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

async function messageCount(id: string): Promise<number> {
  const [row] = await app.dataSource.query(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`, [id]);
  return row.n;
}

describe('creating a group', () => {
  it('makes a GROUP with a title, the creator as its only admin, and a SYSTEM line naming who is in it', async () => {
    const [alice, bob, carol] = await people(3);
    const result = ok<any>(await app.gql(CREATE, { input: { title: '  Trip to Lisbon ', memberIds: [bob.userId, carol.userId, bob.userId] } }, alice.token)).createGroup;
    expect(result).toMatchObject({ chatType: 'GROUP', title: 'Trip to Lisbon', memberCount: 3 });
    expect(result.participants.map((p: any) => [p.profile.userId, p.isAdmin])).toEqual([[alice.userId, true], [bob.userId, false], [carol.userId, false]]);

    const seenByBob = await view(bob, result.id);
    expect(seenByBob.messages.nodes).toEqual([
      { seq: 1, senderType: 'SYSTEM', content: 'Member 1 created the group "Trip to Lisbon" with Member 2 and Member 3', seenByCount: 1, sender: null },
    ]);
    // The creator has read it (their action); the others have it unread.
    expect(seenByBob.unreadCount).toBe(1);
    expect((await view(alice, result.id)).unreadCount).toBe(0);
    // No single other side in a group: the longest-standing other member.
    expect(seenByBob.otherParticipant.userId).toBe(alice.userId);

    // It is listed for each member, and under the GROUP filter only.
    const list = `query($t: ChatType) { conversations(first: 10, chatType: $t) { nodes { id title chatType memberCount } } }`;
    expect(ok<any>(await app.gql(list, { t: 'GROUP' }, carol.token)).conversations.nodes).toEqual([{ id: result.id, title: 'Trip to Lisbon', chatType: 'GROUP', memberCount: 3 }]);
    expect(ok<any>(await app.gql(list, { t: 'PROFILE' }, carol.token)).conversations.nodes).toEqual([]);
  });

  it('refuses fewer than 3 or more than GROUP_MAX_MEMBERS members, bad titles and unknown people, writing nothing', async () => {
    const [alice, bob, ...rest] = await people(6);
    const before = await app.dataSource.query(`SELECT count(*)::int AS n FROM conversations WHERE initiator_id = $1`, [alice.userId]);
    const tooFew = await app.gql(CREATE, { input: { title: 'Two', memberIds: [bob.userId, alice.userId] } }, alice.token);
    expect(tooFew.errors?.[0]).toMatchObject({ message: 'A group needs at least 3 members: you and 2 others', extensions: { code: 'BAD_USER_INPUT', field: 'memberIds' } });
    const tooMany = await app.gql(CREATE, { input: { title: 'Six', memberIds: [bob, ...rest].map((u) => u.userId) } }, alice.token);
    expect(tooMany.errors?.[0]).toMatchObject({ message: 'A group can have at most 5 members', extensions: { code: 'BAD_USER_INPUT' } });
    for (const title of ['   ', 'x'.repeat(101), 'a\u0000b']) {
      expect(code(await app.gql(CREATE, { input: { title, memberIds: [bob.userId, rest[0].userId] } }, alice.token))).toBe('BAD_USER_INPUT');
    }
    expect(code(await app.gql(CREATE, { input: { title: 'Ghost', memberIds: [bob.userId, '00000000-0000-4000-8000-000000000000'] } }, alice.token))).toBe('NOT_FOUND');
    expect(code(await app.gql(CREATE, { input: { title: 'Bad', memberIds: [bob.userId, 'not-a-uuid'] } }, alice.token))).toBe('BAD_USER_INPUT');
    // startConversation does not make groups.
    expect(code(await app.gql(`mutation($input: StartConversationInput!) { startConversation(input: $input) { isNew } }`, { input: { targetUserId: bob.userId, chatType: 'GROUP' } }, alice.token))).toBe('BAD_USER_INPUT');
    const after = await app.dataSource.query(`SELECT count(*)::int AS n FROM conversations WHERE initiator_id = $1`, [alice.userId]);
    expect(after[0].n).toBe(before[0].n);
    // Exactly the maximum is fine.
    const full = ok<any>(await app.gql(CREATE, { input: { title: 'Five', memberIds: [bob, ...rest.slice(0, 3)].map((u) => u.userId) } }, alice.token)).createGroup;
    expect(full.memberCount).toBe(5);
  });

  it('is rate-limited like starting conversations', async () => {
    const limited = await startTestApp({ RATE_LIMIT_START: '2/3600' });
    try {
      const [alice, bob, carol] = await Promise.all([1, 2, 3].map(() => registerUser(limited)));
      await startChat(limited, alice, bob);
      await createGroup(limited, alice, [bob, carol]);
      const refused = await limited.gql(CREATE, { input: { title: 'Third', memberIds: [bob.userId, carol.userId] } }, alice.token);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      const [row] = await limited.dataSource.query(`SELECT count(*)::int AS n FROM conversations WHERE initiator_id = $1 AND chat_type = 'GROUP'`, [alice.userId]);
      expect(row.n).toBe(1);
    } finally {
      await limited.stop();
    }
  });
});

describe('membership rules', () => {
  it('lets only admins rename, add and remove; an admin can make another member admin', async () => {
    const [alice, bob, carol, dave] = await people(4);
    const { id } = await createGroup(app, alice, [bob, carol], 'Book club');
    const count = await messageCount(id);
    expect((await app.gql(RENAME, { id, title: 'Mine now' }, bob.token)).errors?.[0]).toMatchObject({ message: 'Only an admin can rename the group', extensions: { code: 'FORBIDDEN' } });
    expect(code(await app.gql(ADD, { id, ids: [dave.userId] }, bob.token))).toBe('FORBIDDEN');
    expect(code(await app.gql(REMOVE, { id, user: carol.userId }, bob.token))).toBe('FORBIDDEN');
    expect(code(await app.gql(ADMIN, { id, user: bob.userId, on: true }, bob.token))).toBe('FORBIDDEN');
    const unchanged = await view(carol, id);
    expect(unchanged).toMatchObject({ title: 'Book club', memberCount: 3 });
    expect(await messageCount(id)).toBe(count);

    ok(await app.gql(ADMIN, { id, user: bob.userId, on: true }, alice.token));
    expect(ok<any>(await app.gql(RENAME, { id, title: 'Bob\'s book club' }, bob.token)).renameGroup.title).toBe('Bob\'s book club');
    // The last admin cannot step down; with two, one can.
    ok(await app.gql(ADMIN, { id, user: alice.userId, on: false }, alice.token));
    expect(code(await app.gql(ADMIN, { id, user: bob.userId, on: false }, bob.token))).toBe('BAD_USER_INPUT');
    const lines = (await view(carol, id)).messages.nodes.filter((m: any) => m.senderType === 'SYSTEM').map((m: any) => m.content);
    expect(lines.slice(1)).toEqual(['Member 1 made Member 2 an admin', 'Member 2 renamed the group to "Bob\'s book club"', 'Member 1 removed themselves as admin']);
  });

  it('adds people up to the maximum; they read the history and start with only the notice unread', async () => {
    const [alice, bob, carol, dave, erin, frank] = await people(6);
    const { id } = await createGroup(app, alice, [bob, carol]);
    await sendMessage(app, bob, id, 'before dave');
    expect(code(await app.gql(ADD, { id, ids: [dave.userId, erin.userId, frank.userId] }, alice.token))).toBe('BAD_USER_INPUT');
    expect(code(await app.gql(ADD, { id, ids: [bob.userId] }, alice.token))).toBe('BAD_USER_INPUT');
    expect(ok<any>(await app.gql(ADD, { id, ids: [dave.userId, bob.userId] }, alice.token)).addGroupMembers.memberCount).toBe(4);
    const seen = await view(dave, id);
    expect(seen.unreadCount).toBe(1);
    expect(seen.messages.nodes.map((m: any) => m.content)).toEqual([expect.stringContaining('created the group'), 'before dave', 'Member 1 added Member 4']);
  });

  it('removes a member from everything at once: no events over graphql-ws, NOT_FOUND for the group and its new messages', async () => {
    const [alice, bob, carol] = await people(3);
    const { id } = await createGroup(app, alice, [bob, carol]);
    const carolWs = wsClient(app.wsUrl, carol.token);
    const bobWs = wsClient(app.wsUrl, bob.token);
    try {
      const everything = collect(carolWs, `subscription { messageAdded { seq content } }`);
      const thisOne = collect(carolWs, `subscription($id: ID) { messageAdded(conversationId: $id) { seq content } }`, { id });
      const typing = collect(carolWs, `subscription { typing { conversationId isTyping } }`);
      const updates = collect(carolWs, `subscription { conversationUpdated { id } }`);
      const receipts = collect(carolWs, `subscription { readReceipt { conversationId } }`);
      const notes = collect(carolWs, `subscription { notifications(kinds: [GROUP_REMOVED]) { kind conversationId from { userId } } }`);
      const bobSees = collect(bobWs, `subscription($id: ID) { messageAdded(conversationId: $id) { seq content senderType } }`, { id });
      await untilListening(app, 7);
      await sendMessage(app, alice, id, 'while carol is here');
      await everything.waitFor(1);
      await thisOne.waitFor(1);

      ok(await app.gql(REMOVE, { id, user: carol.userId }, alice.token));
      // Her stream of this group ends; her other streams stay open but hear nothing more of it.
      await waitUntil(() => thisOne.completed);
      // Her app is told, so it can drop the group from what it shows.
      const removedNote = await waitUntil(() => notes.events.find((e: any) => e.notifications.kind === 'GROUP_REMOVED'));
      expect(removedNote.notifications).toEqual({ kind: 'GROUP_REMOVED', conversationId: id, from: { userId: alice.userId } });
      // Only the kind asked for: the message before the removal did not come through here.
      expect(notes.events).toHaveLength(1);
      const counts = () => [everything.events.length, typing.events.length, updates.events.length, receipts.events.length, notes.events.length];
      const before = counts();
      await sendMessage(app, alice, id, 'after carol left');
      ok(await app.gql(`mutation($id: ID!) { setTyping(conversationId: $id) }`, { id }, bob.token));
      ok(await app.gql(MARK_READ, { id }, bob.token));
      await bobSees.waitFor(3);
      await sleep(300);
      expect(counts()).toEqual(before);
      expect(everything.events.map((e: any) => e.messageAdded.content)).not.toContain('after carol left');
      expect(bobSees.events.map((e: any) => e.messageAdded.content)).toEqual(['while carol is here', 'Member 1 removed Member 3', 'after carol left']);

      // Reads and writes: NOT_FOUND, as for anyone outside.
      expect(code(await app.gql(GROUP, { id }, carol.token))).toBe('NOT_FOUND');
      expect(code(await app.gql(SEND, { input: { conversationId: id, content: 'let me back' } }, carol.token))).toBe('NOT_FOUND');
      expect(code(await app.gql(MARK_READ, { id }, carol.token))).toBe('NOT_FOUND');
      const late = collect(carolWs, `subscription($id: ID) { messageAdded(conversationId: $id) { seq } }`, { id });
      await waitUntil(() => late.errors.length > 0);
      expect(JSON.stringify(late.errors)).toContain('NOT_FOUND');
      const list = ok<any>(await app.gql(`{ conversations(first: 20) { nodes { id } } unreadTotal }`, {}, carol.token));
      expect(list.conversations.nodes.map((n: any) => n.id)).not.toContain(id);
      expect(list.unreadTotal).toBe(0);
    } finally {
      await carolWs.dispose();
      await bobWs.dispose();
    }
  });

  it('lets anyone leave; the last admin out hands over to the longest-standing member, the last one out deletes the group', async () => {
    const [alice, bob, carol] = await people(3);
    const { id } = await createGroup(app, alice, [bob, carol]);
    expect(ok<any>(await app.gql(LEAVE, { id }, alice.token)).leaveGroup).toBe(true);
    const after = await view(bob, id);
    expect(after.participants.map((p: any) => [p.profile.userId, p.isAdmin])).toEqual([[bob.userId, true], [carol.userId, false]]);
    expect(after.messages.nodes.at(-1)).toMatchObject({ senderType: 'SYSTEM', content: 'Member 1 left; Member 2 is now an admin' });
    expect(code(await app.gql(GROUP, { id }, alice.token))).toBe('NOT_FOUND');
    expect(code(await app.gql(LEAVE, { id }, alice.token))).toBe('NOT_FOUND');
    ok(await app.gql(LEAVE, { id }, carol.token));
    expect((await view(bob, id)).messages.nodes.at(-1).content).toBe('Member 3 left');
    ok(await app.gql(LEAVE, { id }, bob.token));
    expect(await app.dataSource.query(`SELECT id FROM conversations WHERE id = $1`, [id])).toEqual([]);
  });

  it('keeps a group whose only admin deletes their account, with the longest-standing member as admin', async () => {
    const alice = await registerUser(app, { displayName: 'Member 1', password: 'alice password 1' });
    const [bob, carol] = await people(2, 'Other');
    const { id } = await createGroup(app, alice, [bob, carol]);
    ok(await app.gql(`mutation { deleteAccount(password: "alice password 1") }`, {}, alice.token));
    const after = await view(bob, id);
    expect(after.participants.map((p: any) => [p.profile.userId, p.isAdmin])).toEqual([[bob.userId, true], [carol.userId, false]]);
    expect(ok<any>(await app.gql(RENAME, { id, title: 'Still here' }, bob.token)).renameGroup.title).toBe('Still here');
  });

  it('refuses a send that started before a removal committed and waited for it; a member\'s racing send still lands', async () => {
    const [alice, bob, carol] = await people(3);
    const { id } = await createGroup(app, alice, [bob, carol]);
    // Hold the removal open (it has locked the group's row) long enough for sends to start
    // meanwhile: they read the membership before it commits, then wait for the row.
    const fn = `slow_removal_${id.replace(/-/g, '')}`;
    await app.dataSource.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF OLD.conversation_id = '${id}' THEN PERFORM pg_sleep(0.7); END IF; RETURN OLD; END $$`);
    await app.dataSource.query(`CREATE TRIGGER ${fn} BEFORE DELETE ON participants FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const removal = app.gql(REMOVE, { id, user: carol.userId }, alice.token);
      await sleep(300);
      const carolSends = Array.from({ length: 3 }, (_, i) => app.gql(SEND, { input: { conversationId: id, content: `race ${i}` } }, carol.token));
      const bobSend = app.gql(SEND, { input: { conversationId: id, content: 'bob during the removal' } }, bob.token);
      ok(await removal);
      for (const r of await Promise.all(carolSends)) expect(code(r)).toBe('NOT_FOUND');
      ok(await bobSend);
    } finally {
      await app.dataSource.query(`DROP TRIGGER ${fn} ON participants`);
      await app.dataSource.query(`DROP FUNCTION ${fn}()`);
    }
    const rows = await app.dataSource.query(`SELECT content FROM messages WHERE conversation_id = $1 ORDER BY seq`, [id]);
    expect(rows.map((r: any) => r.content).slice(1)).toEqual(['Member 1 removed Member 3', 'bob during the removal']);
  });
});

describe('read state per member', () => {
  it('counts unread per member and shows "seen by N" from their watermarks', async () => {
    const [alice, bob, carol, dave] = await people(4);
    const { id } = await createGroup(app, alice, [bob, carol, dave]);
    await sendMessage(app, alice, id, 'one');
    const last = await sendMessage(app, alice, id, 'two');
    const unread = async (u: TestUser) => (await view(u, id)).unreadCount;
    expect([await unread(alice), await unread(bob), await unread(carol), await unread(dave)]).toEqual([0, 3, 3, 3]);
    const seenBy = async () => (await view(alice, id)).messages.nodes.find((m: any) => m.seq === last.seq).seenByCount;
    expect(await seenBy()).toBe(0);

    const aliceWs = wsClient(app.wsUrl, alice.token);
    try {
      const receipts = collect(aliceWs, `subscription($id: ID) { readReceipt(conversationId: $id) { lastReadSeq profile { userId } } }`, { id });
      await untilListening(app, 1);
      ok(await app.gql(MARK_READ, { id }, bob.token));
      expect(await seenBy()).toBe(1);
      ok(await app.gql(MARK_READ, { id }, carol.token));
      expect(await seenBy()).toBe(2);
      const events = await receipts.waitFor(2);
      expect(events.map((e: any) => e.readReceipt.profile.userId).sort()).toEqual([bob.userId, carol.userId].sort());
    } finally {
      await aliceWs.dispose();
    }
    expect([await unread(bob), await unread(carol), await unread(dave)]).toEqual([0, 0, 3]);
    // Bob's reply reads everything before it for him, and counts for everyone else.
    await sendMessage(app, bob, id, 'three');
    expect([await unread(alice), await unread(bob), await unread(dave)]).toEqual([1, 0, 4]);
    expect(ok<any>(await app.gql(`{ unreadTotal }`, {}, dave.token)).unreadTotal).toBe(4);

    // Someone added later starts with the history behind their watermark, but never saw it.
    const [erin] = await people(1, 'Late');
    ok(await app.gql(ADD, { id, ids: [erin.userId] }, alice.token));
    expect((await view(erin, id)).unreadCount).toBe(1); // only the "added" line
    expect(await seenBy()).toBe(2); // still bob and carol
  });

  it('sends typing to every other member, by name', async () => {
    const [alice, bob, carol] = await people(3);
    const { id } = await createGroup(app, alice, [bob, carol]);
    const bobWs = wsClient(app.wsUrl, bob.token);
    const carolWs = wsClient(app.wsUrl, carol.token);
    try {
      const q = `subscription($id: ID) { typing(conversationId: $id) { isTyping profile { userId displayName } } }`;
      const bobTyping = collect(bobWs, q, { id });
      const carolTyping = collect(carolWs, q, { id });
      await untilListening(app, 2);
      ok(await app.gql(`mutation($id: ID!) { setTyping(conversationId: $id) }`, { id }, alice.token));
      for (const c of [bobTyping, carolTyping]) {
        expect((await c.waitFor(1))[0].typing).toEqual({ isTyping: true, profile: { userId: alice.userId, displayName: 'Member 1' } });
      }
    } finally {
      await bobWs.dispose();
      await carolWs.dispose();
    }
  });
});

describe('blocks and outsiders', () => {
  it('does not apply blocks inside a group, but a person who blocked you cannot be added by you', async () => {
    const [alice, bob, carol, dave] = await people(4);
    const { id } = await createGroup(app, alice, [bob, carol]);
    ok(await app.gql(`mutation($u: ID!) { blockProfile(userId: $u) }`, { u: carol.userId }, bob.token));
    await sendMessage(app, carol, id, 'still talking here');
    await sendMessage(app, bob, id, 'me too');
    ok(await app.gql(`mutation($u: ID!) { blockProfile(userId: $u) }`, { u: alice.userId }, dave.token));
    const refused = await app.gql(ADD, { id, ids: [dave.userId] }, alice.token);
    expect(refused.errors?.[0]).toMatchObject({ message: 'Someone you named is not accepting messages from you', extensions: { code: 'FORBIDDEN' } });
    expect(code(await app.gql(CREATE, { input: { title: 'No', memberIds: [bob.userId, dave.userId] } }, alice.token))).toBe('FORBIDDEN');
    // The blocker's own group list still shows the group (blocks hide two-person chats only).
    const list = ok<any>(await app.gql(`{ conversations(first: 10) { nodes { id } } }`, {}, bob.token));
    expect(list.conversations.nodes.map((n: any) => n.id)).toContain(id);
  });

  it('answers NOT_FOUND to outsiders for every group operation (IDOR)', async () => {
    const [alice, bob, carol, eve] = await people(4);
    const { id } = await createGroup(app, alice, [bob, carol]);
    const count = await messageCount(id);
    const attempts: [string, Record<string, unknown>][] = [
      [GROUP, { id }],
      [SEND, { input: { conversationId: id, content: 'hi' } }],
      [RENAME, { id, title: 'Eve was here' }],
      [ADD, { id, ids: [eve.userId] }],
      [REMOVE, { id, user: bob.userId }],
      [ADMIN, { id, user: eve.userId, on: true }],
      [LEAVE, { id }],
      [MARK_READ, { id }],
      [`mutation($id: ID!) { setTyping(conversationId: $id) }`, { id }],
      [`mutation($id: ID!, $a: ID!) { addAgentToGroup(conversationId: $id, agentId: $a) { id } }`, { id, a: '00000000-0000-4000-8000-000000000000' }],
    ];
    for (const [query, variables] of attempts) {
      const result = await app.gql(query, variables, eve.token);
      expect({ query, code: code(result) }).toEqual({ query, code: 'NOT_FOUND' });
      expect(JSON.stringify(result)).not.toContain('Eve was here');
    }
    expect(await messageCount(id)).toBe(count);
    expect((await view(alice, id)).memberCount).toBe(3);
  });
});

async function waitUntil<T>(probe: () => T, timeoutMs = 5000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await sleep(20);
  }
}
