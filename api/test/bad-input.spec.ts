import { startTestApp, TestApp, uniqueHandle } from './harness';
import { createAgent, ok, registerUser, sendMessage, startChat, TestUser } from './factories';

/**
 * Bad input of any kind gets a clear error with extensions.code, never a stack trace or SQL,
 * and changes nothing; and the server keeps answering afterwards.
 */
let app: TestApp;
let user: TestUser, owner: TestUser;
let chatId: string, agentId: string;

beforeAll(async () => {
  app = await startTestApp();
  [user, owner] = [await registerUser(app), await registerUser(app)];
  agentId = (await createAgent(app, owner)).id;
  chatId = (await startChat(app, user, owner, agentId)).id;
  await sendMessage(app, user, chatId, 'before the storm');
});
afterAll(() => app.stop());

/** What a stack trace or SQL would look like in a response. */
const LEAKS = [/\bat [\w$.<>]+ \(/, /\s{2,}at /, /\.(ts|js):\d+/, /node_modules/, /\bSELECT\b/, /\bINSERT\b/, /\bUPDATE\b/, /\bDELETE FROM\b/, /relation "/, /violates/, /stacktrace/i];
function expectNoLeak(body: unknown) {
  const text = JSON.stringify(body);
  for (const pattern of LEAKS) expect(text).not.toMatch(pattern);
}

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const result = await app.gql(query, variables, token);
  expectNoLeak(result);
  return result;
}
const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
/**
 * Every row these tests could touch, scoped to this file's people (other files share the
 * database and run at the same time), plus whether `handle` got taken by a profile or agent.
 */
const state = async (handle = '') =>
  (await app.dataSource.query(
    `WITH mine AS (SELECT id FROM conversations WHERE user_low_id = ANY($1::uuid[]) OR user_high_id = ANY($1::uuid[]))
     SELECT (SELECT count(*)::int FROM mine) AS conversations,
            (SELECT count(*)::int FROM messages WHERE conversation_id IN (SELECT id FROM mine)) AS messages,
            (SELECT json_agg(json_build_object('c', conversation_id, 'p', profile_id, 'r', last_read_seq, 's', last_seq) ORDER BY conversation_id, profile_id)
               FROM participants WHERE conversation_id IN (SELECT id FROM mine)) AS reads,
            (SELECT json_agg(json_build_object('h', handle, 'd', display_name, 'p', persona, 'a', avatar_url, 'v', visibility) ORDER BY id)
               FROM agents WHERE owner_id = ANY($1::uuid[])) AS agents,
            (SELECT count(*)::int FROM profiles WHERE handle = $2) + (SELECT count(*)::int FROM agents WHERE handle = $2) AS taken`,
    [[user.userId, owner.userId], handle],
  ))[0];

// Each operation that takes an ID, with the ID in `id`; the rest of its input is valid.
const ID_OPERATIONS: [string, string, (id: string) => Record<string, unknown>, 'user' | 'owner'][] = [
  ['conversation(id)', `query($v: ID!) { conversation(id: $v) { id } }`, (v) => ({ v }), 'user'],
  ['agent(id)', `query($v: ID!) { agent(id: $v) { id } }`, (v) => ({ v }), 'user'],
  ['agentConversations(agentId)', `query($v: ID) { agentConversations(agentId: $v) { nodes { id } } }`, (v) => ({ v }), 'owner'],
  ['markConversationRead(conversationId)', `mutation($v: ID!) { markConversationRead(conversationId: $v) { id } }`, (v) => ({ v }), 'user'],
  ['deleteAgent(id)', `mutation($v: ID!) { deleteAgent(id: $v) }`, (v) => ({ v }), 'owner'],
  ['updateAgent(input.id)', `mutation($v: ID!) { updateAgent(input: { id: $v, displayName: "New" }) { id } }`, (v) => ({ v }), 'owner'],
  ['sendMessage(input.conversationId)', `mutation($v: ID!) { sendMessage(input: { conversationId: $v, content: "hi" }) { id } }`, (v) => ({ v }), 'user'],
  ['startConversation(input.targetUserId)', `mutation($v: ID!) { startConversation(input: { targetUserId: $v, chatType: PROFILE }) { isNew } }`, (v) => ({ v }), 'user'],
  ['startConversation(input.targetAgentId)', `mutation($v: ID, $o: ID!) { startConversation(input: { targetUserId: $o, chatType: AGENT, targetAgentId: $v }) { isNew } }`,
    (v) => ({ v, o: owner.userId }), 'user'],
];
const token = (who: 'user' | 'owner') => (who === 'user' ? user : owner).token;

describe('malformed UUIDs in every ID argument', () => {
  const MALFORMED = ['not-a-uuid', '12345', `'; DROP TABLE profiles; --`, '6f1c1c55-0000-4000-8000-00000000000', '{6f1c1c55-0000-4000-8000-000000000000}', 'x'.repeat(100_000)];

  it.each(ID_OPERATIONS)('%s: BAD_USER_INPUT for every malformed id, nothing changed', async (_name, query, vars, who) => {
    const before = await state();
    for (const bad of MALFORMED) {
      const result = await call(query, vars(bad), token(who));
      expect([bad.slice(0, 20), codeOf(result)]).toEqual([bad.slice(0, 20), 'BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(/must be a UUID$/);
    }
    expect(await state()).toEqual(before);
  });
});

describe('unknown ids', () => {
  const UNKNOWN = '6f1c1c55-0000-4000-8000-00000000beef';

  it.each(ID_OPERATIONS.filter(([name]) => name !== 'agent(id)'))('%s: NOT_FOUND for a well-formed id that does not exist', async (_name, query, vars, who) => {
    const before = await state();
    const result = await call(query, vars(UNKNOWN), token(who));
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(await state()).toEqual(before);
  });

  it('agent(id): null for a well-formed id that does not exist', async () => {
    const result = await call(`query($v: ID!) { agent(id: $v) { id } }`, { v: UNKNOWN }, user.token);
    expect(result).toEqual({ status: 200, data: { agent: null } });
  });
});

describe('wrong variable types and shapes', () => {
  it.each([
    ['a string for an Int', `query($f: Int) { conversations(first: $f) { nodes { id } } }`, { f: 'ten' }],
    ['a float for an Int', `query($f: Int) { conversations(first: $f) { nodes { id } } }`, { f: 1.5 }],
    ['an Int beyond 32 bits', `query($f: Int) { conversations(first: $f) { nodes { id } } }`, { f: 2 ** 40 }],
    ['an object for an ID', `query($id: ID!) { conversation(id: $id) { id } }`, { id: { a: 1 } }],
    ['an unknown enum value', `query($t: ChatType) { conversations(chatType: $t) { nodes { id } } }`, { t: 'CHANNEL' }],
    ['a missing required variable', `query($id: ID!) { conversation(id: $id) { id } }`, {}],
    ['an unknown input field', `mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }`, { i: { conversationId: '6f1c1c55-0000-4000-8000-000000000000', content: 'x', extra: 1 } }],
    ['a null for a required input field', `mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }`, { i: { conversationId: '6f1c1c55-0000-4000-8000-000000000000', content: null } }],
    ['a literal of the wrong type', `{ conversations(first: "ten") { nodes { id } } }`, {}],
    ['a variable declared with the wrong type', `query($f: String) { conversations(first: $f) { nodes { id } } }`, { f: '10' }],
    ['a field that does not exist', `{ conversations { nodes { password } } }`, {}],
    ['a syntax error', `{ conversations { nodes { id } `, {}],
  ])('%s: an error with a code, no data, nothing changed', async (_what, query, variables) => {
    const before = await state();
    const result = await call(query, variables, user.token);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(codeOf(result));
    expect(result.data ?? null).toBeNull();
    expect(await state()).toEqual(before);
  });
});

describe('huge strings (100 KB)', () => {
  const HUGE = 'a'.repeat(100_000);

  it.each([
    ['register handle', `mutation($v: String!) { register(input: { handle: $v, password: "password123" }) { token } }`, null],
    ['register displayName', `mutation($v: String!, $h: String!) { register(input: { handle: $h, password: "password123", displayName: $v }) { token } }`, null],
    ['register password', `mutation($v: String!, $h: String!) { register(input: { handle: $h, password: $v }) { token } }`, null],
    ['login handle', `mutation($v: String!) { login(input: { handle: $v, password: "password123" }) { token } }`, null],
    ['login password', `mutation($v: String!, $h: String!) { login(input: { handle: $h, password: $v }) { token } }`, null],
    ['searchProfiles query', `query($v: String!) { searchProfiles(query: $v) { handle } }`, 'user'],
    ['createAgent handle', `mutation($v: String!) { createAgent(input: { handle: $v, displayName: "X" }) { id } }`, 'owner'],
    ['createAgent displayName', `mutation($v: String!, $h: String!) { createAgent(input: { handle: $h, displayName: $v }) { id } }`, 'owner'],
    ['createAgent persona', `mutation($v: String!, $h: String!) { createAgent(input: { handle: $h, displayName: "X", persona: $v }) { id } }`, 'owner'],
    ['createAgent avatarUrl', `mutation($v: String!, $h: String!) { createAgent(input: { handle: $h, displayName: "X", avatarUrl: $v }) { id } }`, 'owner'],
    ['updateAgent displayName', `mutation($v: String!, $a: ID!) { updateAgent(input: { id: $a, displayName: $v }) { id } }`, 'owner'],
    ['updateAgent persona', `mutation($v: String!, $a: ID!) { updateAgent(input: { id: $a, persona: $v }) { id } }`, 'owner'],
    ['sendMessage content', `mutation($v: String!, $c: ID!) { sendMessage(input: { conversationId: $c, content: $v }) { id } }`, 'user'],
    ['sendMessage clientId', `mutation($v: String!, $c: ID!) { sendMessage(input: { conversationId: $c, content: "hi", clientId: $v }) { id } }`, 'user'],
    ['conversations after', `query($v: String!) { conversations(after: $v) { nodes { id } } }`, 'user'],
    ['messages before', `query($v: String!, $c: ID!) { conversation(id: $c) { messages(before: $v) { nodes { id } } } }`, 'user'],
  ] as const)('%s: BAD_USER_INPUT, nothing changed', async (_what, query, who) => {
    const h = uniqueHandle('h');
    const before = await state(h);
    const result = await call(query, { v: HUGE, h, a: agentId, c: chatId }, who ? token(who) : undefined);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message.length).toBeLessThan(300);
    expect(await state(h)).toEqual({ ...before, taken: 0 });
  });

  it('profile(handle) with a 100 KB handle is simply unknown (null)', async () => {
    expect(await call(`query($v: String!) { profile(handle: $v) { handle } }`, { v: HUGE })).toEqual({ status: 200, data: { profile: null } });
  });
});

describe('NUL characters in text (PostgreSQL cannot store them)', () => {
  const NUL = 'ab\u0000cd';

  it.each([
    ['register displayName', `mutation($v: String!, $h: String!) { register(input: { handle: $h, password: "password123", displayName: $v }) { token } }`, null],
    ['login handle', `mutation($v: String!) { login(input: { handle: $v, password: "password123" }) { token } }`, null],
    ['profile handle', `query($v: String!) { profile(handle: $v) { handle } }`, null],
    ['searchProfiles query', `query($v: String!) { searchProfiles(query: $v) { handle } }`, 'user'],
    ['createAgent displayName', `mutation($v: String!, $h: String!) { createAgent(input: { handle: $h, displayName: $v }) { id } }`, 'owner'],
    ['createAgent persona', `mutation($v: String!, $h: String!) { createAgent(input: { handle: $h, displayName: "X", persona: $v }) { id } }`, 'owner'],
    ['updateAgent displayName', `mutation($v: String!, $a: ID!) { updateAgent(input: { id: $a, displayName: $v }) { id } }`, 'owner'],
    ['updateAgent persona', `mutation($v: String!, $a: ID!) { updateAgent(input: { id: $a, persona: $v }) { id } }`, 'owner'],
    ['sendMessage content', `mutation($v: String!, $c: ID!) { sendMessage(input: { conversationId: $c, content: $v }) { id } }`, 'user'],
    ['sendMessage clientId', `mutation($v: String!, $c: ID!) { sendMessage(input: { conversationId: $c, content: "hi", clientId: $v }) { id } }`, 'user'],
  ] as const)('%s: BAD_USER_INPUT, nothing changed', async (_what, query, who) => {
    const h = uniqueHandle('n');
    const before = await state(h);
    const result = await call(query, { v: NUL, h, a: agentId, c: chatId }, who ? token(who) : undefined);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/NUL characters/);
    expect(await state(h)).toEqual({ ...before, taken: 0 });
  });
});

describe('malformed HTTP requests', () => {
  const post = async (body: string, contentType = 'application/json') => {
    const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await response.text();
    expectNoLeak(text);
    return { status: response.status, type: response.headers.get('content-type'), body: JSON.parse(text) };
  };

  it.each([
    ['truncated JSON', '{"query": '],
    ['a JSON string', '"{ me { handle } }"'],
    ['not JSON at all', '<xml/>'],
    ['an empty object', '{}'],
    ['a non-string query', '{"query": 42}'],
    ['variables that are not an object', '{"query": "{ __typename }", "variables": [1]}'],
  ])('%s: 400 with a JSON error that has a code', async (_what, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.body.errors[0]).toEqual({ message: expect.any(String), extensions: { code: expect.any(String) } });
  });

  it('a body over the size limit: 413 with a JSON error', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(1_100_000) } }));
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('after all of it', () => {
  it('the server still answers, reads and writes', async () => {
    const fresh = await registerUser(app);
    const chat = await startChat(app, fresh, user);
    expect((await sendMessage(app, fresh, chat.id, 'still here')).seq).toBe(1);
    const seen = ok<any>(await call(`query($id: ID!) { conversation(id: $id) { messages { nodes { content } } } }`, { id: chatId }, user.token));
    expect(seen.conversation.messages.nodes.map((n: { content: string }) => n.content)).toEqual(['before the storm']);
  });
});
