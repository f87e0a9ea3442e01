import { startTestApp, TestApp } from '../../test/harness';
import { createAgent, ok, registerUser, sendMessage, startChat } from '../../test/factories';
import { get, png, upload } from '../media/test/media-kit';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const exportUrl = () => app.url.replace(/\/graphql$/, '/account/export');

describe('GET /account/export', () => {
  it('downloads everything the person owns or can read, and nothing of other people\'s chats', async () => {
    const [alice, bob, carol] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const agent = await createAgent(app, alice, { persona: 'be kind' });
    const chat = await startChat(app, alice, bob);
    await sendMessage(app, alice, chat.id, 'one');
    await sendMessage(app, bob, chat.id, '<script>alert(1)</script> two');
    const agentChat = await startChat(app, carol, alice, agent.id);
    await sendMessage(app, carol, agentChat.id, 'hello agent');
    const elsewhere = await startChat(app, bob, carol);
    await sendMessage(app, bob, elsewhere.id, 'not for alice');

    const response = await fetch(exportUrl(), { headers: { authorization: `Bearer ${alice.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="parley-export-/);
    const data: any = await response.json();
    expect(data.profile.handle).toBe(alice.handle);
    expect(data.agents).toEqual([expect.objectContaining({ id: agent.id, persona: 'be kind' })]);
    const byId = Object.fromEntries(data.conversations.map((c: any) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual([chat.id, agentChat.id].sort());
    expect(byId[chat.id].messages.map((m: any) => [m.seq, m.content, m.senderHandle])).toEqual([
      [1, 'one', alice.handle],
      [2, '<script>alert(1)</script> two', bob.handle],
    ]);
    expect(byId[agentChat.id].myRole).toBe('AGENT_OWNER');
    expect(JSON.stringify(data)).not.toContain('not for alice');
    expect(JSON.stringify(data)).not.toContain('password');
  });

  it('lists each message\'s files with a path that downloads them with the same token', async () => {
    const [alice, bob] = [await registerUser(app), await registerUser(app)];
    const chat = await startChat(app, alice, bob);
    const photo = await upload(app, bob, await png(40, 30), { name: 'sketch.png', type: 'image/png' });
    expect(photo.status).toBe(201);
    ok(await app.gql(`mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }`, { i: { conversationId: chat.id, content: 'the sketch', attachmentIds: [photo.body.id] } }, bob.token));
    const data: any = await (await fetch(exportUrl(), { headers: { authorization: `Bearer ${alice.token}` } })).json();
    const [message] = data.conversations.find((c: any) => c.id === chat.id).messages;
    expect(message.content).toBe('the sketch');
    expect(message.attachments).toEqual([
      { id: photo.body.id, kind: 'IMAGE', name: 'sketch.png', contentType: 'image/png', size: photo.body.size, width: 40, height: 30, durationMs: null, download: `/attachments/${photo.body.id}` },
    ]);
    const file = await get(app, message.attachments[0].download, alice.token);
    expect(file.status).toBe(200);
    expect(file.bytes.length).toBe(photo.body.size);
  });

  it('refuses without a valid token', async () => {
    expect((await fetch(exportUrl())).status).toBe(401);
    const bad = await fetch(exportUrl(), { headers: { authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
