import type { TestApp } from './harness';
import { uniqueHandle } from './harness';

export interface TestUser {
  token: string;
  userId: string;
  handle: string;
}

/** Fails the test loudly when an operation that should succeed returns errors. */
export function ok<T>(result: { data?: T; errors?: unknown[] }): T {
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function registerUser(app: TestApp, opts: { handle?: string; displayName?: string; password?: string } = {}): Promise<TestUser> {
  const handle = opts.handle ?? uniqueHandle();
  const data = ok(
    await app.gql<{ register: { token: string; profile: { userId: string; handle: string } } }>(
      `mutation($input: RegisterInput!) { register(input: $input) { token profile { userId handle } } }`,
      { input: { handle, password: opts.password ?? 'correct horse battery', displayName: opts.displayName ?? null } },
    ),
  );
  return { token: data.register.token, userId: data.register.profile.userId, handle: data.register.profile.handle };
}

export async function createAgent(app: TestApp, owner: TestUser, opts: { visibility?: 'PUBLIC' | 'PRIVATE'; handle?: string; persona?: string } = {}) {
  const data = ok(
    await app.gql<{ createAgent: { id: string; handle: string } }>(
      `mutation($input: CreateAgentInput!) { createAgent(input: $input) { id handle } }`,
      { input: { handle: opts.handle ?? uniqueHandle('a'), displayName: 'Test Agent', visibility: opts.visibility ?? 'PUBLIC', persona: opts.persona ?? null } },
      owner.token,
    ),
  );
  return data.createAgent;
}

export async function startChat(app: TestApp, me: TestUser, target: TestUser, agentId?: string): Promise<{ id: string; isNew: boolean }> {
  const data = ok(
    await app.gql<{ startConversation: { isNew: boolean; conversation: { id: string } } }>(
      `mutation($input: StartConversationInput!) { startConversation(input: $input) { isNew conversation { id } } }`,
      { input: { targetUserId: target.userId, chatType: agentId ? 'AGENT' : 'PROFILE', targetAgentId: agentId ?? null } },
      me.token,
    ),
  );
  return { id: data.startConversation.conversation.id, isNew: data.startConversation.isNew };
}

export async function sendMessage(app: TestApp, me: TestUser, conversationId: string, content: string, clientId?: string) {
  const data = ok(
    await app.gql<{ sendMessage: { id: string; seq: number; content: string; senderType: string } }>(
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id seq content senderType clientId } }`,
      { input: { conversationId, content, clientId: clientId ?? null } },
      me.token,
    ),
  );
  return data.sendMessage;
}

export async function createGroup(app: TestApp, me: TestUser, members: TestUser[], title = 'Test group'): Promise<{ id: string }> {
  const data = ok(
    await app.gql<{ createGroup: { id: string } }>(
      `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
      { input: { title, memberIds: members.map((m) => m.userId) } },
      me.token,
    ),
  );
  return data.createGroup;
}
