import { startTestApp, TestApp } from '../../test/harness';
import { ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';
import { markSnippet, splitQuery } from './search.service';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const SEARCH = `query($q: String!, $c: ID, $from: ID, $sb: DateTime, $sa: DateTime, $first: Int, $after: String) {
  searchMessages(query: $q, conversationId: $c, from: $from, sentBefore: $sb, sentAfter: $sa, first: $first, after: $after) {
    edges { cursor node { snippet rank message { id content conversationId } } } pageInfo { hasNextPage endCursor } } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const search = (u: TestUser, q: string, vars: Record<string, unknown> = {}) => app.gql(SEARCH, { q, ...vars }, u.token);
const found = async (u: TestUser, q: string, vars: Record<string, unknown> = {}) =>
  ok<any>(await search(u, q, vars)).searchMessages.edges.map((e: any) => e.node.message.content);
// Every test searches for words only it uses, so tests never see each other's messages.
const word = () => `w${Math.random().toString(36).slice(2, 10)}`;

describe('searchMessages', () => {
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
    expect(code(await app.gql(SEARCH, { q: w }))).toBe('UNAUTHENTICATED');
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

describe('query parsing', () => {
  it('takes the last plain word as a prefix, never inside quotes or after a minus', () => {
    expect(splitQuery('hello wor')).toEqual({ words: 'hello', prefix: 'wor:*' });
    expect(splitQuery('"hello wor"')).toEqual({ words: '"hello wor"', prefix: null });
    expect(splitQuery('hello -wor')).toEqual({ words: 'hello -wor', prefix: null });
    expect(splitQuery('a or')).toEqual({ words: 'a or', prefix: null });
    expect(markSnippet('\uE000a&b\uE001 <i>')).toBe('<mark>a&amp;b</mark> &lt;i&gt;');
  });
});
