import { startTestApp, TestApp } from '../test/harness';
import { createAgent, registerUser, sendMessage, startChat, TestUser } from '../test/factories';

/**
 * The compiled executor (graphql-jit, GRAPHQL_JIT=true, the default) must answer exactly as
 * graphql-js does. A document runs through graphql-js the first time and compiled from the
 * second, so each document is sent three times to the default server and compared with a
 * server that never compiles, data and errors alike.
 */
let jit: TestApp;
let plain: TestApp;
let a: TestUser;
let b: TestUser;
let agentChat: string;
let chat: string;
beforeAll(async () => {
  jit = await startTestApp();
  plain = await startTestApp({ GRAPHQL_JIT: 'false' });
  [a, b] = [await registerUser(jit), await registerUser(jit)];
  const agent = await createAgent(jit, b);
  chat = (await startChat(jit, a, b)).id;
  agentChat = (await startChat(jit, a, b, agent.id)).id;
  for (let i = 0; i < 3; i++) await sendMessage(jit, i % 2 ? b : a, chat, `message ${i}`);
});
afterAll(async () => {
  await jit?.stop();
  await plain?.stop();
});

const LIST = `query Conversations($first: Int) { conversations(first: $first) {
  nodes { id chatType createdAt lastMessageAt lastMessagePreview lastSeq unreadCount muted
    otherParticipant { userId handle displayName avatarUrl }
    targetAgent { id handle displayName visibility owner { userId handle } }
    participants { role lastReadSeq lastReadAt profile { userId handle } } }
  pageInfo { hasNextPage endCursor } } }`;
const PAGE = `query Page($id: ID!, $last: Int) { conversation(id: $id) { id
  messages(last: $last) { nodes { id seq content senderType createdAt cursor sender { handle } senderAgent { id } }
  pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } } }`;

async function both(query: string, variables: Record<string, unknown>, token?: string) {
  const expected = await plain.gql(query, variables, token);
  for (let i = 0; i < 3; i++) expect(await jit.gql(query, variables, token)).toEqual(expected);
  return expected;
}

describe('compiled execution answers as graphql-js does', () => {
  it('a list page with nested objects, enums, dates and nulls', async () => {
    const result = await both(LIST, { first: 10 }, a.token);
    expect(result.data.conversations.nodes.map((n: any) => n.id).sort()).toEqual([chat, agentChat].sort());
  });

  it('a message page with arguments and cursors', async () => {
    const result = await both(PAGE, { id: chat, last: 2 }, b.token);
    expect(result.data.conversation.messages.nodes.map((n: any) => n.content)).toEqual(['message 1', 'message 2']);
  });

  it('errors keep their code, message, path and locations', async () => {
    const notFound = await both(PAGE, { id: '00000000-0000-4000-8000-000000000000', last: 2 }, a.token);
    expect(notFound.errors?.[0]).toMatchObject({ path: ['conversation'], extensions: { code: 'NOT_FOUND' } });
    const unauthenticated = await both(LIST, { first: 5 });
    expect(unauthenticated.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const database = await both(`query($h: String!) { profile(handle: $h) { handle } }`, { h: 'a\u0000b' }, a.token);
    expect(database.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('variables that do not coerce: the same 400 and BAD_USER_INPUT', async () => {
    const result = await both(LIST, { first: 'ten' }, a.token);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('mutations, compiled, still write once per call', async () => {
    const send = `mutation($c: ID!, $t: String!) { sendMessage(input: { conversationId: $c, content: $t }) { seq content } }`;
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) seqs.push((await jit.gql<any>(send, { c: chat, t: `compiled ${i}` }, a.token)).data.sendMessage.seq);
    expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
  });
});
