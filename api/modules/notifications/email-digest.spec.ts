import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startTestApp, TestApp } from '../../test/harness';
import { ok, registerUser, sendMessage, startChat, TestUser } from '../../test/factories';
import { collect, sleep, untilListening, wsClient } from '../../test/ws-client';

interface Mail {
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let inbox: Mail[] = [];
let app: TestApp;

beforeAll(async () => {
  // A real SMTP server on loopback, as the product's operator would run one.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString()));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  // The background timer is parked (1 h) so each test runs a round itself, deterministically.
  app = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_DIGEST_DELAY_SECONDS: '1', EMAIL_DIGEST_INTERVAL_MS: '3600000' });
});
afterAll(async () => {
  await app.stop();
  await new Promise<void>((resolve) => smtp.close(resolve));
});
beforeEach(() => {
  inbox = [];
});

async function withEmail(user: TestUser, email: string) {
  ok(await app.gql(`mutation($i: NotificationSettingsInput!) { updateNotificationSettings(input: $i) { email } }`, { i: { email } }, user.token));
}
const round = () => app.server.emailDigest!.runOnce();
const mailsTo = (address: string) => inbox.filter((m) => m.to.includes(address));

describe('missed-message email', () => {
  it('sends one email per person that batches every chat with messages unread past the delay, then nothing more', async () => {
    const [bob, alice, carol] = [await registerUser(app), await registerUser(app, { displayName: 'Alice A' }), await registerUser(app, { displayName: 'Carol C' })];
    await withEmail(bob, `${bob.handle}@example.test`);
    const fromAlice = await startChat(app, alice, bob);
    const fromCarol = await startChat(app, carol, bob);
    await sendMessage(app, alice, fromAlice.id, 'lunch tomorrow');
    await sendMessage(app, alice, fromAlice.id, 'at noon');
    await sendMessage(app, carol, fromCarol.id, 'call me back');
    expect(await round()).toBe(0); // not unread long enough yet
    await sleep(1100);
    expect(await round()).toBe(1);
    const mails = mailsTo(`${bob.handle}@example.test`);
    expect(mails).toHaveLength(1);
    expect(mails[0].raw).toMatch(/Subject: 3 unread messages on Parley/);
    for (const text of ['Alice A', 'lunch tomorrow', 'at noon', 'Carol C', 'call me back', `/messages/${fromAlice.id}`]) expect(mails[0].raw).toContain(text);
    expect(await round()).toBe(0);
    expect(mailsTo(`${bob.handle}@example.test`)).toHaveLength(1);
  });

  it('never emails about messages read meanwhile, muted chats, people with emails off, or people who are connected', async () => {
    const [reader, muter, off, online, sender] = await Promise.all([1, 2, 3, 4, 5].map(() => registerUser(app)));
    for (const user of [reader, muter, off, online]) await withEmail(user, `${user.handle}@example.test`);
    ok(await app.gql(`mutation { updateNotificationSettings(input: { emailNotifications: false }) { emailNotifications } }`, {}, off.token));
    const chats = await Promise.all([reader, muter, off, online].map((user) => startChat(app, sender, user)));
    const muted = ok<any>(await app.gql(`mutation($c: ID!) { setConversationMuted(conversationId: $c, muted: true) { muted unreadCount } }`, { c: chats[1].id }, muter.token));
    expect(muted.setConversationMuted).toEqual({ muted: true, unreadCount: 0 });
    const socket = wsClient(app.wsUrl, online.token);
    const before = app.server.hub.listenerCount;
    collect(socket, `subscription { conversationUpdated { id } }`);
    await untilListening(app, before + 1);
    for (const chat of chats) await sendMessage(app, sender, chat.id, 'are you there?');
    ok(await app.gql(`mutation($c: ID!) { markConversationRead(conversationId: $c) { unreadCount } }`, { c: chats[0].id }, reader.token));
    await sleep(1100);
    expect(await round()).toBe(0);
    expect(inbox).toEqual([]);
    // Muted still counts as unread.
    expect(ok<any>(await app.gql(`{ unreadTotal }`, {}, muter.token)).unreadTotal).toBe(1);
    await socket.dispose();
  });

  it('neither counts nor quotes a message its sender deleted, and sends nothing when all of them are gone', async () => {
    const [bob, alice] = [await registerUser(app), await registerUser(app, { displayName: 'Alice D' })];
    const [dan, eve] = [await registerUser(app), await registerUser(app)];
    await withEmail(bob, `${bob.handle}@example.test`);
    await withEmail(dan, `${dan.handle}@example.test`);
    const chat = await startChat(app, alice, bob);
    const del = (user: TestUser, id: string) => app.gql(`mutation($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id }, user.token);
    const kept = await sendMessage(app, alice, chat.id, 'see you at eight');
    const gone = await sendMessage(app, alice, chat.id, 'wrong address, ignore');
    ok(await del(alice, gone.id));
    expect(kept.id).not.toBe(gone.id);
    const empty = await startChat(app, eve, dan);
    ok(await del(eve, (await sendMessage(app, eve, empty.id, 'oops, wrong person')).id));
    await sleep(1100);
    expect(await round()).toBe(1);
    const mails = mailsTo(`${bob.handle}@example.test`);
    expect(mails).toHaveLength(1);
    expect(mails[0].raw).toMatch(/Subject: 1 unread message on Parley/);
    expect(mails[0].raw).toContain('see you at eight');
    expect(mails[0].raw).not.toContain('wrong address');
    expect(mailsTo(`${dan.handle}@example.test`)).toEqual([]);
  });

  it('validates the address', async () => {
    const user = await registerUser(app);
    const result = await app.gql(`mutation { updateNotificationSettings(input: { email: "not an address" }) { email } }`, {}, user.token);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await withEmail(user, 'Someone@Example.TEST');
    expect(ok<any>(await app.gql(`{ notificationSettings { email emailNotifications } }`, {}, user.token)).notificationSettings).toEqual({
      email: 'someone@example.test',
      emailNotifications: true,
    });
  });
});
