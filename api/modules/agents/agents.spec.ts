import { startTestApp, TestApp, uniqueHandle } from '../../test/harness';
import { createAgent, ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const AGENT_FIELDS = `id handle displayName avatarUrl persona visibility owner { userId handle }`;
const CREATE = `mutation($input: CreateAgentInput!) { createAgent(input: $input) { ${AGENT_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateAgentInput!) { updateAgent(input: $input) { ${AGENT_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteAgent(id: $id) }`;
const AGENT = `query($id: ID!) { agent(id: $id) { ${AGENT_FIELDS} } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const create = (user: TestUser, input: Record<string, unknown>) =>
  app.gql(CREATE, { input: { handle: uniqueHandle('a'), displayName: 'Helper', ...input } }, user.token);
const agentRow = async (id: string) => (await app.dataSource.query(`SELECT * FROM agents WHERE id = $1`, [id]))[0];
const agentsOf = async (user: TestUser) => Number((await app.dataSource.query(`SELECT count(*) AS n FROM agents WHERE owner_id = $1`, [user.userId]))[0].n);

describe('createAgent', () => {
  it('creates an agent owned by the viewer, handle stored lower case, PUBLIC by default', async () => {
    const owner = await registerUser(app);
    const handle = uniqueHandle('bot');
    const data = ok<any>(await create(owner, { handle: handle.toUpperCase(), displayName: '  Bot  ', avatarUrl: 'https://example.com/a.png', persona: 'Be kind.' }));
    expect(data.createAgent).toMatchObject({
      handle, displayName: 'Bot', avatarUrl: 'https://example.com/a.png', persona: 'Be kind.', visibility: 'PUBLIC',
      owner: { userId: owner.userId, handle: owner.handle },
    });
    expect(ok<any>(await app.gql(`{ myAgents { id } }`, {}, owner.token)).myAgents).toEqual([{ id: data.createAgent.id }]);
  });

  it('needs a token', async () => {
    const result = await app.gql(CREATE, { input: { handle: uniqueHandle('a'), displayName: 'X' } });
    expect(code(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeFalsy();
  });

  it.each([
    ['a handle that is too short', { handle: 'ab' }, 'handle must be 3–30 characters of letters, digits and _'],
    ['a handle with a hyphen', { handle: 'my-bot' }, 'handle must be 3–30 characters of letters, digits and _'],
    ['an empty displayName', { displayName: '' }, 'displayName must not be empty'],
    ['a whitespace-only displayName', { displayName: '   ' }, 'displayName must not be empty'],
    ['a displayName over 80 characters', { displayName: 'x'.repeat(81) }, 'displayName must be at most 80 characters'],
    ['a javascript: avatarUrl', { avatarUrl: 'javascript:alert(1)' }, 'avatarUrl must be an http(s) URL'],
    ['an ftp avatarUrl', { avatarUrl: 'ftp://example.com/a.png' }, 'avatarUrl must be an http(s) URL'],
    ['an avatarUrl without a scheme', { avatarUrl: 'example.com/a.png' }, 'avatarUrl must be an http(s) URL'],
    ['a persona over 8000 characters', { persona: 'p'.repeat(8001) }, 'persona must be at most 8000 characters'],
  ])('rejects %s with BAD_USER_INPUT and stores nothing', async (_what, input, message) => {
    const owner = await registerUser(app);
    const result = await create(owner, input);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe(message);
    expect(result.data).toBeFalsy();
    expect(await agentsOf(owner)).toBe(0);
  });

  it('accepts http and https avatar URLs', async () => {
    const owner = await registerUser(app);
    for (const avatarUrl of ['http://localhost:8080/a.png', 'https://cdn.example.com/x/y.jpg?s=64']) {
      expect(ok<any>(await create(owner, { avatarUrl })).createAgent.avatarUrl).toBe(avatarUrl);
    }
  });

  it('rejects a taken handle, in any letter case, with BAD_USER_INPUT', async () => {
    const owner = await registerUser(app);
    const other = await registerUser(app);
    const handle = uniqueHandle('dup');
    ok<any>(await create(owner, { handle }));
    for (const [user, again] of [[owner, handle], [other, handle.toUpperCase()]] as const) {
      const result = await create(user, { handle: again });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toBe('That agent handle is taken');
    }
    expect(Number((await app.dataSource.query(`SELECT count(*) AS n FROM agents WHERE handle = $1`, [handle]))[0].n)).toBe(1);
  });
});

describe('persona', () => {
  it('is visible to the owner only', async () => {
    const owner = await registerUser(app);
    const other = await registerUser(app);
    const agent = await createAgent(app, owner, { persona: 'Secret instructions' });
    expect(ok<any>(await app.gql(AGENT, { id: agent.id }, owner.token)).agent.persona).toBe('Secret instructions');
    expect(ok<any>(await app.gql(AGENT, { id: agent.id }, other.token)).agent).toMatchObject({ id: agent.id, persona: null });
    const viaProfile = ok<any>(await app.gql(`query($h: String!) { profile(handle: $h) { agents { id persona } } }`, { h: owner.handle }));
    expect(viaProfile.profile.agents).toEqual([{ id: agent.id, persona: null }]);
    const chat = await startChat(app, other, owner, agent.id);
    const viaChat = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { targetAgent { persona } } }`, { id: chat.id }, other.token));
    expect(viaChat.conversation.targetAgent.persona).toBeNull();
  });
});

describe('agent(id)', () => {
  it('hides PRIVATE agents from everyone but their owner', async () => {
    const owner = await registerUser(app);
    const other = await registerUser(app);
    const agent = await createAgent(app, owner, { visibility: 'PRIVATE' });
    expect(ok<any>(await app.gql(AGENT, { id: agent.id }, owner.token)).agent.id).toBe(agent.id);
    const result = await app.gql(AGENT, { id: agent.id }, other.token);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ agent: null });
  });
});

describe('updateAgent', () => {
  it('changes only the fields given; empty strings remove avatarUrl and persona', async () => {
    const owner = await registerUser(app);
    const agent = ok<any>(await create(owner, { displayName: 'Old', avatarUrl: 'https://x.test/a.png', persona: 'P' })).createAgent;
    const renamed = ok<any>(await app.gql(UPDATE, { input: { id: agent.id, displayName: 'New' } }, owner.token)).updateAgent;
    expect(renamed).toMatchObject({ displayName: 'New', avatarUrl: 'https://x.test/a.png', persona: 'P', visibility: 'PUBLIC' });
    const cleared = ok<any>(await app.gql(UPDATE, { input: { id: agent.id, avatarUrl: '', persona: '', visibility: 'PRIVATE' } }, owner.token)).updateAgent;
    expect(cleared).toMatchObject({ displayName: 'New', avatarUrl: null, persona: null, visibility: 'PRIVATE' });
  });

  it.each([
    ['a whitespace-only displayName', { displayName: '  ' }],
    ['a non-http avatarUrl', { avatarUrl: 'javascript:alert(1)' }],
  ])('rejects %s with BAD_USER_INPUT', async (_what, change) => {
    const owner = await registerUser(app);
    const agent = await createAgent(app, owner);
    const result = await app.gql(UPDATE, { input: { id: agent.id, ...change } }, owner.token);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect((await agentRow(agent.id)).display_name).toBe('Test Agent');
  });

  it('gives NOT_FOUND for someone else\'s agent and changes nothing', async () => {
    const owner = await registerUser(app);
    const other = await registerUser(app);
    const agent = await createAgent(app, owner, { persona: 'P' });
    const result = await app.gql(UPDATE, { input: { id: agent.id, displayName: 'Hijacked', persona: 'evil', visibility: 'PRIVATE' } }, other.token);
    expect(code(result)).toBe('NOT_FOUND');
    expect(result.data).toBeFalsy();
    expect(await agentRow(agent.id)).toMatchObject({ display_name: 'Test Agent', persona: 'P', visibility: 'PUBLIC' });
  });
});

describe('deleteAgent', () => {
  it('gives NOT_FOUND for someone else\'s agent and deletes nothing', async () => {
    const owner = await registerUser(app);
    const other = await registerUser(app);
    const agent = await createAgent(app, owner);
    const result = await app.gql(DELETE, { id: agent.id }, other.token);
    expect(code(result)).toBe('NOT_FOUND');
    expect(result.data).toBeFalsy();
    expect(await agentRow(agent.id)).toBeDefined();
  });

  it('deletes the owner\'s agent; a second delete is NOT_FOUND', async () => {
    const owner = await registerUser(app);
    const agent = await createAgent(app, owner);
    expect(ok<any>(await app.gql(DELETE, { id: agent.id }, owner.token)).deleteAgent).toBe(true);
    expect(await agentRow(agent.id)).toBeUndefined();
    expect(ok<any>(await app.gql(`{ myAgents { id } }`, {}, owner.token)).myAgents).toEqual([]);
    expect(code(await app.gql(DELETE, { id: agent.id }, owner.token))).toBe('NOT_FOUND');
  });

  it('leaves its chats readable: targetAgent becomes null and the messages stay', async () => {
    const owner = await registerUser(app);
    const person = await registerUser(app);
    const agent = await createAgent(app, owner);
    const chat = await startChat(app, person, owner, agent.id);
    await sendMessage(app, person, chat.id, 'hello agent');
    await sendMessage(app, owner, chat.id, 'hello human');
    ok<any>(await app.gql(DELETE, { id: agent.id }, owner.token));

    const READ = `query($id: ID!) { conversation(id: $id) { id chatType targetAgent { id }
      messages { nodes { content senderType sender { userId } senderAgent { id } } } } }`;
    for (const viewer of [person, owner]) {
      const data = ok<any>(await app.gql(READ, { id: chat.id }, viewer.token));
      expect(data.conversation).toMatchObject({ id: chat.id, chatType: 'AGENT', targetAgent: null });
      expect(data.conversation.messages.nodes).toEqual([
        { content: 'hello agent', senderType: 'USER', sender: { userId: person.userId }, senderAgent: null },
        { content: 'hello human', senderType: 'AGENT', sender: { userId: owner.userId }, senderAgent: null },
      ]);
    }
    const list = ok<any>(await app.gql(`{ conversations(chatType: AGENT) { nodes { id targetAgent { id } } } }`, {}, person.token));
    expect(list.conversations.nodes).toEqual([{ id: chat.id, targetAgent: null }]);
  });
});
