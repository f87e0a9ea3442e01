import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, createGroup, ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';
import { markSnippet, splitQuery } from './search.service';

// `app` makes the data and answers with the default settings; the other two answer the same
// searches one way each (see search.sql.ts): always from the full-text index, or always by
// walking the viewer's conversations newest first (the way common words go on big data).
type Mode = 'indexed' | 'walked';
let app: TestApp;
const apps = {} as Record<Mode, TestApp>;
beforeAll(async () => {
  app = await startTestApp();
  apps.indexed = await startTestApp({ SEARCH_INDEX_BELOW: '1000000000' });
  apps.walked = await startTestApp({ SEARCH_INDEX_BELOW: '0' });
});
afterAll(() => Promise.all([app.stop(), apps.indexed.stop(), apps.walked.stop()]));

const SEARCH = `query($q: String!, $c: ID, $from: ID, $sb: DateTime, $sa: DateTime, $first: Int, $after: String) {
  searchMessages(query: $q, conversationId: $c, from: $from, sentBefore: $sb, sentAfter: $sa, first: $first, after: $after) {
    edges { cursor node { snippet rank message { id content conversationId } } } pageInfo { hasNextPage endCursor } } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
let via: TestApp;
const search = (u: TestUser, q: string, vars: Record<string, unknown> = {}) => via.gql(SEARCH, { q, ...vars }, u.token);
const found = async (u: TestUser, q: string, vars: Record<string, unknown> = {}) =>
  ok<any>(await search(u, q, vars)).searchMessages.edges.map((e: any) => e.node.message.content);
// Every test searches for words only it uses, so tests never see each other's messages.
const word = () => `w${Math.random().toString(36).slice(2, 10)}`;

describe.each(['indexed', 'walked'] as Mode[])('searchMessages, %s', (mode) => {
  beforeAll(() => {
    via = apps[mode];
  });

  it('finds messages by their words, ranked, with highlighted and escaped snippets', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const w = word();
    await sendMessage(app, a, chat.id, `${w} once`);
    await sendMessage(app, b, chat.id, `${w} ${w} fish & "chips" <script>x</script>`);
    await sendMessage(app, a, chat.id, 'nothing to see');
    const result = ok<any>(await search(b, w)).searchMessages.edges;
    expect(result.map((e: any) => e.node.message.content)).toEqual([`${w} ${w} fish & "chips" <script>x</script>`, `${w} once`]);
    expect(result[0].node.rank).toBeGreaterThan(result[1].node.rank);
    expect(result[0].node.snippet).toBe(`<mark>${w}</mark> <mark>${w}</mark> fish &amp; &quot;chips&quot; x`);
  });

  it('understands quotes and minus, and matches the last word as a prefix', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const w = word();
    await sendMessage(app, a, chat.id, `${w} red apple`);
    await sendMessage(app, a, chat.id, `${w} apple red`);
    await sendMessage(app, a, chat.id, `${w} green pear`);
    expect(await found(a, `${w} "red apple"`)).toEqual([`${w} red apple`]);
    expect((await found(a, `${w} -red`)).sort()).toEqual([`${w} green pear`]);
    expect(await found(a, `${w} pe`)).toEqual([`${w} green pear`]);
    expect((await found(a, w.slice(0, 6))).length).toBe(3);
    expect(await found(a, '"unclosed quote')).toEqual([]);
  });

  it('never finds another person\'s conversations, deleted messages, or edited-away words', async () => {
    const [a, b, c] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const ab = await startChat(app, a, b);
    const ac = await startChat(app, a, c);
    const w = word();
    await sendMessage(app, a, ab.id, `${w} for b`);
    await sendMessage(app, a, ac.id, `${w} for c`);
    const gone = await sendMessage(app, a, ab.id, `${w} deleted`);
    const edited = await sendMessage(app, a, ab.id, `${w} typo`);
    ok(await app.gql(`mutation($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id: gone.id }, a.token));
    ok(await app.gql(`mutation($id: ID!) { editMessage(messageId: $id, content: "fixed it") { id } }`, { id: edited.id }, a.token));
    expect(await found(b, w)).toEqual([`${w} for b`]);
    expect(await found(c, w)).toEqual([`${w} for c`]);
    expect((await found(a, w)).sort()).toEqual([`${w} for b`, `${w} for c`]);
    expect(await found(c, w, { c: ab.id })).toEqual([]);
    expect(await found(b, 'deleted')).not.toContain(`${w} deleted`);
    const stranger = await registerUser(app);
    expect(await found(stranger, w)).toEqual([]);
    expect(code(await via.gql(SEARCH, { q: w }))).toBe('UNAUTHENTICATED');
  });

  it('filters by conversation, sender and time, and pages by cursor without repeats', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const w = word();
    for (let i = 0; i < 5; i++) await sendMessage(app, i % 2 ? b : a, chat.id, `${w} number ${i}`);
    expect((await found(a, w, { from: b.userId })).sort()).toEqual([`${w} number 1`, `${w} number 3`]);
    expect(await found(a, w, { sa: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect((await found(a, w, { sb: new Date(Date.now() + 60_000).toISOString(), c: chat.id })).length).toBe(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const conn: any = ok<any>(await search(a, w, { first: 2, after })).searchMessages;
      seen.push(...conn.edges.map((e: any) => e.node.message.content));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${w} number ${i}`));
  });

  it('refuses an empty or too long query and bad arguments', async () => {
    const a = await registerUser(app);
    expect(code(await search(a, '   '))).toBe('BAD_USER_INPUT');
    expect(code(await search(a, 'x'.repeat(201)))).toBe('BAD_USER_INPUT');
    expect(code(await search(a, 'x', { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(code(await search(a, 'x', { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    expect(code(await search(a, 'x', { c: 'nope' }))).toBe('BAD_USER_INPUT');
  });
});

describe.each(['indexed', 'walked'] as Mode[])('the ranked window (SEARCH_WINDOW), %s', (mode) => {
  // Ranks only the newest 3 matches: small enough to see the bound with a few messages.
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ SEARCH_WINDOW: '3', SEARCH_INDEX_BELOW: mode === 'indexed' ? '1000000000' : '0' });
  });
  afterAll(() => small.stop());
  const pageOf = async (u: TestUser, q: string, vars: Record<string, unknown> = {}) =>
    ok<any>(await small.gql(SEARCH, { q, first: 10, ...vars }, u.token)).searchMessages;
  const contents = (conn: any) => conn.edges.map((e: any) => e.node.message.content);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('ranks the newest matches only, and reaches older ones with sentBefore', async () => {
    const [a, b, c] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const [ab, ac] = [await startChat(app, a, b), await startChat(app, a, c)];
    const w = word();
    await sendMessage(app, b, ab.id, `${w} ${w} ${w} said three times, long ago`);
    await pause();
    const since = new Date();
    for (const [i, chat] of [ac, ab, ac, ab].entries()) await sendMessage(app, a, chat.id, `${w} newer ${i}`);
    // The old message ranks first when every match is ranked (the default window holds them all) …
    const all = ok<any>(await app.gql(SEARCH, { q: w, first: 10 }, a.token)).searchMessages;
    expect(contents(all)).toHaveLength(5);
    expect(contents(all)[0]).toBe(`${w} ${w} ${w} said three times, long ago`);
    // … but the window ranks the newest three, whichever conversation they are in.
    const newest = await pageOf(a, w);
    expect(contents(newest).sort()).toEqual([`${w} newer 1`, `${w} newer 2`, `${w} newer 3`]);
    expect(newest.pageInfo.hasNextPage).toBe(false);
    expect(contents(await pageOf(a, w, { sb: since.toISOString() }))).toEqual([`${w} ${w} ${w} said three times, long ago`]);
    expect(contents(await pageOf(a, w, { c: ac.id })).sort()).toEqual([`${w} newer 0`, `${w} newer 2`]);
  });

  it('finds the newest matches in conversations that were not the last active', async () => {
    const me = await registerUser(app);
    const others = await Promise.all(Array.from({ length: 10 }, () => registerUser(app)));
    const chats = [];
    for (const other of others) chats.push(await startChat(app, me, other));
    const w = word();
    // Four matches in four conversations, oldest first …
    for (let i = 0; i < 4; i++) {
      await sendMessage(app, others[i], chats[i].id, `${w} match ${i}`);
      await pause();
    }
    // … then the oldest one's conversation and six others become the most recently active,
    // with messages that do not match: the newest matches are behind them.
    for (const i of [0, 4, 5, 6, 7, 8, 9]) await sendMessage(app, me, chats[i].id, 'nothing to find here');
    expect(contents(await pageOf(me, w)).sort()).toEqual([`${w} match 1`, `${w} match 2`, `${w} match 3`]);
    expect(contents(await pageOf(me, `${w} match`)).sort()).toEqual([`${w} match 1`, `${w} match 2`, `${w} match 3`]);
  });

  it('pages through the window it ranked first, even when newer matches arrive in between', async () => {
    const [a, b] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, a, b);
    const w = word();
    // Oldest to newest: out of the window, the lowest rank, then two that rank highest.
    for (const text of [`${w} out of the window`, `${w} low`, `${w} ${w} high one`, `${w} ${w} high two`]) {
      await sendMessage(app, a, chat.id, text);
      await pause();
    }
    const first = await pageOf(a, w, { first: 2 });
    expect(contents(first).sort()).toEqual([`${w} ${w} high one`, `${w} ${w} high two`]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    // A newer match would take the window's last place if the window were chosen again.
    await sendMessage(app, b, chat.id, `${w} arrived between pages`);
    const second = await pageOf(a, w, { first: 2, after: first.pageInfo.endCursor });
    const seen = [...contents(first), ...contents(second)];
    expect(seen).toContain(`${w} low`);
    expect(seen).not.toContain(`${w} out of the window`);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('a result\'s conversation (what the search page shows beside each hit)', () => {
  const RICH = `query($q: String!, $first: Int) { searchMessages(query: $q, first: $first) { nodes { snippet message {
    id content seq sender { handle } senderAgent { handle }
    conversation { id chatType title memberCount unreadCount otherParticipant { handle avatarUrl } targetAgent { handle owner { handle } }
      groupAgents { handle } participants { role isAdmin profile { handle } } } } } } }`;

  it('names every kind of conversation as the viewer sees it, in a constant number of SQL statements per page', async () => {
    const me = await registerUser(app);
    const owner = await registerUser(app);
    const partners = await Promise.all(Array.from({ length: 8 }, () => registerUser(app)));
    const agents = await Promise.all(Array.from({ length: 6 }, () => createAgent(app, owner)));
    const w = word();
    // The first chat of each kind says the word twice, so it ranks above the rest: the short page
    // also holds every kind of conversation and needs every kind of row (a fair comparison).
    const say = (i: number) => (i === 0 ? `${w} ${w}` : w);
    const expected = new Map<string, { chatType: string; name: string }>();
    for (const [i, partner] of partners.entries()) {
      const chat = await startChat(app, me, partner);
      await sendMessage(app, partner, chat.id, `${say(i)} from ${partner.handle}`);
      expected.set(chat.id, { chatType: 'PROFILE', name: partner.handle });
    }
    for (const [i, agent] of agents.entries()) {
      const chat = await startChat(app, me, owner, agent.id);
      await sendMessage(app, me, chat.id, `${say(i)} to ${agent.handle}`);
      expected.set(chat.id, { chatType: 'AGENT', name: agent.handle });
    }
    for (let i = 0; i < 6; i++) {
      const group = await createGroup(app, me, [partners[i], partners[i + 1]], `Group ${i} ${me.handle}`);
      await sendMessage(app, partners[i], group.id, `${say(i)} in group ${i}`);
      expected.set(group.id, { chatType: 'GROUP', name: `Group ${i} ${me.handle}` });
    }
    const measure = async (first: number) => {
      const before = app.server.db.statementCount;
      const data = ok<any>(await app.gql(RICH, { q: w, first }, me.token));
      return { statements: app.server.db.statementCount - before, nodes: data.searchMessages.nodes };
    };
    const small = await measure(3);
    const large = await measure(20);
    expect(small.nodes.map((n: any) => n.message.conversation.chatType).sort()).toEqual(['AGENT', 'GROUP', 'PROFILE']);
    expect(large.nodes).toHaveLength(20);
    // each result carries its own conversation, named as the viewer sees it
    expect(new Set(large.nodes.map((n: any) => n.message.conversation.id))).toEqual(new Set(expected.keys()));
    for (const { message } of large.nodes) {
      const { conversation } = message;
      const want = expected.get(conversation.id)!;
      expect(conversation.chatType).toBe(want.chatType);
      if (want.chatType === 'PROFILE') expect(conversation.otherParticipant.handle).toBe(want.name);
      if (want.chatType === 'AGENT') expect(conversation.targetAgent).toMatchObject({ handle: want.name, owner: { handle: owner.handle } });
      if (want.chatType === 'GROUP') expect(conversation).toMatchObject({ title: want.name, memberCount: 3 });
      expect(conversation.participants.some((p: any) => p.profile.handle === me.handle)).toBe(true);
      expect(message.content).toContain(w);
    }
    // the viewer's own read state comes along: each partner's message is unread for me
    const fromPartners = large.nodes.filter((n: any) => n.message.conversation.chatType !== 'AGENT');
    expect(fromPartners.map((n: any) => n.message.conversation.unreadCount)).toEqual(Array(14).fill(1));
    // One statement per kind of row (search, profiles, conversations, participants, agents), not per
    // result. Not exactly equal between the pages: which DataLoader batch first asks for a profile
    // (sender, participant, agent owner) depends on the rows, so a page may need one more or fewer.
    // Per-row loading would cost at least 20 here.
    expect(small.statements).toBeLessThanOrEqual(8);
    expect(large.statements).toBeLessThanOrEqual(8);
  });

  it('shows an agent chat to the agent\'s owner from the owner\'s side', async () => {
    const [me, owner] = [await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, owner);
    const chat = await startChat(app, me, owner, agent.id);
    const w = word();
    await sendMessage(app, me, chat.id, `${w} hello agent`);
    const [hit] = ok<any>(await app.gql(RICH, { q: w }, owner.token)).searchMessages.nodes;
    expect(hit.message.conversation).toMatchObject({ id: chat.id, chatType: 'AGENT', otherParticipant: { handle: me.handle }, targetAgent: { handle: agent.handle } });
  });
});

describe('query parsing', () => {
  it('takes the last plain word as a prefix, never inside quotes or after a minus', () => {
    expect(splitQuery('hello wor')).toEqual({ words: 'hello', prefix: 'wor:*' });
    expect(splitQuery('"hello wor"')).toEqual({ words: '"hello wor"', prefix: null });
    expect(splitQuery('hello -wor')).toEqual({ words: 'hello -wor', prefix: null });
    expect(splitQuery('a or')).toEqual({ words: 'a or', prefix: null });
    expect(markSnippet('\uE000a&b\uE001 <i>')).toBe('<mark>a&amp;b</mark> &lt;i&gt;');
  });
});
