import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, ok, registerUser, sendMessage, startChat } from '../../test/factories';
import { collect, untilListening, wsClient } from '../../test/ws-client';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const me = (token: string) => app.gql(`{ me { handle } }`, {}, token);
const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

function closeOf(url: string, token: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const client = wsClient(url, token, {
      on: { closed: (event: any) => resolve({ code: event.code, reason: String(event.reason) }) },
    });
    collect(client, `subscription { conversationUpdated { id } }`);
  });
}

describe('sessions', () => {
  it('sign-out ends that token at once on HTTP and closes its WebSockets with 4403, other sessions live on', async () => {
    const user = await registerUser(app, { password: 'first password' });
    const other = ok<any>(await app.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { handle: user.handle, password: 'first password' } })).login.token;
    const before = app.server.hub.listenerCount;
    const closed = closeOf(app.wsUrl, user.token);
    await untilListening(app, before + 1);
    expect(ok<any>(await app.gql(`mutation { signOut }`, {}, user.token))).toEqual({ signOut: true });
    expect(await closed).toEqual({ code: 4403, reason: 'Forbidden: session ended' });
    const refused = await me(user.token);
    expect(code(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toBe('Your session has ended; sign in again');
    expect(ok<any>(await me(other)).me.handle).toBe(user.handle);
  });

  it('a signed-out token cannot open a WebSocket', async () => {
    const user = await registerUser(app);
    ok(await app.gql(`mutation { signOut }`, {}, user.token));
    expect(await closeOf(app.wsUrl, user.token)).toEqual({ code: 4403, reason: 'Forbidden: session ended' });
  });

  it('changing the password ends every other session and needs the current password', async () => {
    const user = await registerUser(app, { password: 'old password' });
    const other = ok<any>(await app.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { handle: user.handle, password: 'old password' } })).login.token;
    const change = (token: string, currentPassword: string, newPassword: string) =>
      app.gql(`mutation($i: ChangePasswordInput!) { changePassword(input: $i) }`, { i: { currentPassword, newPassword } }, token);
    expect(code(await change(user.token, 'wrong one', 'new password'))).toBe('BAD_USER_INPUT');
    expect(code(await change(user.token, 'old password', 'short'))).toBe('BAD_USER_INPUT');
    expect(ok<any>(await change(user.token, 'old password', 'new password'))).toEqual({ changePassword: true });
    expect(ok<any>(await me(user.token)).me.handle).toBe(user.handle);
    expect(code(await me(other))).toBe('UNAUTHENTICATED');
    const login = (password: string) => app.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { handle: user.handle, password } });
    expect(code(await login('old password'))).toBe('UNAUTHENTICATED');
    ok(await login('new password'));
  });

  it('deleting the account needs the password, cascades as the seed says, and ends its sessions', async () => {
    const [leaver, friend, visitor] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, leaver);
    const chat = await startChat(app, friend, leaver);
    await sendMessage(app, friend, chat.id, 'bye?');
    const agentChat = await startChat(app, visitor, leaver, agent.id);
    const del = (password: string) => app.gql(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: password }, leaver.token);
    expect(code(await del('not my password'))).toBe('BAD_USER_INPUT');
    expect(ok<any>(await del('correct horse battery'))).toEqual({ deleteAccount: true });
    expect(code(await me(leaver.token))).toBe('UNAUTHENTICATED');
    const left = await app.dataSource.query(
      `SELECT (SELECT count(*) FROM conversations WHERE id = ANY($1::uuid[]))::int AS conversations,
              (SELECT count(*) FROM messages WHERE conversation_id = ANY($1::uuid[]))::int AS messages,
              (SELECT count(*) FROM agents WHERE id = $2)::int AS agents,
              (SELECT count(*) FROM sessions WHERE profile_id = $3)::int AS sessions`,
      [[chat.id, agentChat.id], agent.id, leaver.userId],
    );
    expect(left).toEqual([{ conversations: 0, messages: 0, agents: 0, sessions: 0 }]);
    expect(ok<any>(await app.gql(`{ conversations { nodes { id } } }`, {}, friend.token)).conversations.nodes).toEqual([]);
  });
});
