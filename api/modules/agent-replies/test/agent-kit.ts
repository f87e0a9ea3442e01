import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from '../../../test/harness';
import { createAgent, ok, registerUser, startChat, TestUser } from '../../../test/factories';

/**
 * A test server whose agents answer, on a queue of its own: test files run side by side on one
 * database, and a job must be taken by the server of the test that queued it.
 */
export function startAgentApp(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({
    AGENT_REPLIES: 'on',
    AGENT_QUEUE_NAME: `agent_test_${randomBytes(5).toString('hex')}`,
    AGENT_QUEUE_POLL_MS: '500',
    AGENT_STREAM_FLUSH_MS: '50',
    ...env,
  });
}

export interface AgentChat {
  owner: TestUser;
  person: TestUser;
  agent: { id: string; handle: string };
  chatId: string;
}

export async function agentChat(app: TestApp, opts: { persona?: string; owner?: TestUser; agentId?: string } = {}): Promise<AgentChat> {
  const owner = opts.owner ?? (await registerUser(app, { displayName: 'Olivia Owner' }));
  const agent = opts.agentId ? { id: opts.agentId, handle: '' } : await createAgent(app, owner, { persona: opts.persona ?? 'You are helpful and brief.' });
  const person = await registerUser(app, { displayName: 'Pat Person' });
  const chat = await startChat(app, person, owner, agent.id);
  return { owner, person, agent, chatId: chat.id };
}

export const MESSAGE_FIELDS = `id seq senderType content state responder sender { userId } senderAgent { id }`;

/** Sends without the factory's fixed field list, so tests see state and responder. */
export async function send(app: TestApp, user: TestUser, conversationId: string, content: string) {
  return ok<any>(
    await app.gql(`mutation($input: SendMessageInput!) { sendMessage(input: $input) { ${MESSAGE_FIELDS} } }`, { input: { conversationId, content } }, user.token),
  ).sendMessage;
}

export async function messagesOf(app: TestApp, user: TestUser, conversationId: string): Promise<any[]> {
  const data = ok<any>(await app.gql(`query($id: ID!) { conversation(id: $id) { messages(last: 200) { nodes { ${MESSAGE_FIELDS} } } } }`, { id: conversationId }, user.token));
  return data.conversation.messages.nodes;
}

interface ReplyRow {
  id: string;
  seq: number;
  state: string;
  content: string;
  responder: string | null;
  attempt: number;
}

/** Agent replies of a conversation, in order, straight from the database. */
export async function replies(app: TestApp, conversationId: string): Promise<ReplyRow[]> {
  return app.dataSource.query(
    `SELECT id, seq::int AS seq, state, content, responder, attempt FROM messages WHERE conversation_id = $1 AND requester_id IS NOT NULL ORDER BY seq`,
    [conversationId],
  );
}

/** Waits until the conversation has `count` agent replies and none is still PENDING or STREAMING. */
export async function settled(app: TestApp, conversationId: string, count = 1, timeoutMs = 15_000): Promise<ReplyRow[]> {
  const started = Date.now();
  for (;;) {
    const rows = await replies(app, conversationId);
    if (rows.length >= count && rows.every((r) => r.state === 'COMPLETE' || r.state === 'FAILED')) return rows;
    if (Date.now() - started > timeoutMs) throw new Error(`replies did not settle: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const MESSAGE_UPDATED = `subscription($id: ID) { messageUpdated(conversationId: $id) { delta offset message { id seq state content responder } } }`;
