import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, eventually, launchBrowser, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { handle, registerViaApi, sendViaApi, signUpInBrowser, startChatViaApi, userIdOf } from './support/people';

jest.setTimeout(120_000);

/**
 * Two people in two browsers: A signs up, B signs up, A starts a chat with B and sends; B sees
 * it arrive live with an unread badge; B opens it and A sees "Seen"; B types (A sees it) and
 * answers, and A sees that chat move to the top of the list.
 */
describe('two people chatting in two browsers', () => {
  let app: TestApp;
  let browser: Browser;
  let a: TestContext;
  let b: TestContext;

  beforeAll(async () => {
    assertPrerequisites();
    app = await startTestApp();
    browser = await launchBrowser();
    a = await openContext(browser);
    b = await openContext(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  afterEach(() => {
    // Nothing may be fetched from outside this machine, on any page.
    expect(a.blocked).toEqual([]);
    expect(b.blocked).toEqual([]);
  });

  it('delivers live, shows unread, "Seen", typing, and reorders the list', async () => {
    const origin = originOf(app.url);
    const alice = { handle: handle('alice'), displayName: 'Alice Liddell' };
    const bob = { handle: handle('bob'), displayName: 'Bob Builder' };

    await signUpInBrowser(a.page, origin, alice);
    await signUpInBrowser(b.page, origin, bob);
    await b.page.getByText('No conversations yet').waitFor();

    // A: "+" → handle with suggestions → Profile → Start Chat.
    await a.page.getByRole('button', { name: 'New conversation' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'New conversation' });
    await dialog.getByRole('combobox', { name: 'Handle' }).fill(bob.handle.slice(0, 7));
    const suggestion = dialog.getByRole('option', { name: new RegExp(bob.handle) });
    await suggestion.waitFor();
    await screenshot(a.page, 'new-conversation-modal');
    await suggestion.click();
    await dialog.getByText(`${bob.displayName} (@${bob.handle})`).waitFor();
    await dialog.getByRole('radio', { name: 'Profile' }).check();
    await dialog.getByRole('button', { name: 'Start Chat' }).click();
    await a.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const conversationId = a.page.url().split('/').pop()!;

    const compose = a.page.getByRole('textbox', { name: 'Message' });
    // Empty messages cannot be sent.
    await compose.fill('   ');
    expect(await a.page.getByRole('button', { name: 'Send message' }).isDisabled()).toBe(true);
    // Shift+Enter adds a line; Enter sends.
    await compose.fill('Hello Bob!');
    await compose.press('Shift+Enter');
    await compose.pressSequentially('Second line.');
    await compose.press('Enter');
    const sent = a.page.getByTestId('message').filter({ hasText: 'Hello Bob!' });
    await sent.waitFor();
    expect(await sent.locator('.message-text').innerText()).toBe('Hello Bob!\nSecond line.');
    expect(await compose.inputValue()).toBe('');
    await a.page.getByTestId('status-sent').waitFor();

    // B: the chat arrives live at the top with an unread badge, and the top bar counts it.
    const bobsItem = b.page.getByTestId('conversation-item').filter({ hasText: alice.displayName });
    await bobsItem.waitFor({ timeout: 10_000 });
    expect(await bobsItem.getByTestId('unread-badge').innerText()).toBe('1');
    expect(await bobsItem.innerText()).toContain('Hello Bob!');
    await eventually(async () => (await b.page.getByTestId('topbar-messages').getAttribute('aria-label')) === 'Messages, 1 unread', 10_000, 'unread total 1');
    await screenshot(b.page, 'messages-unread');

    // B opens it: it is read (badge gone) and A sees "Seen" under the message.
    await bobsItem.click();
    await b.page.waitForURL(new RegExp(`/messages/${conversationId}$`));
    await b.page.getByTestId('message').filter({ hasText: 'Hello Bob!' }).waitFor();
    await a.page.getByTestId('status-seen').waitFor({ timeout: 10_000 });
    await eventually(async () => (await bobsItem.getByTestId('unread-badge').count()) === 0, 10_000, 'badge cleared');
    await eventually(async () => (await b.page.getByTestId('topbar-messages').getAttribute('aria-label')) === 'Messages', 10_000, 'unread total 0');

    // Meanwhile someone else writes to A: that chat goes on top of A's list.
    const carol = await registerViaApi(app, { handle: handle('carol'), displayName: 'Carol Danvers' });
    const carolChat = await startChatViaApi(app, carol, await userIdOf(app, alice.handle));
    await sendViaApi(app, carol, carolChat, 'Hi Alice, it is Carol');
    const firstTitle = () => a.page.getByTestId('conversation-item').first().getByTestId('conversation-title').innerText();
    await eventually(async () => (await firstTitle()) === 'Carol Danvers', 10_000, "Carol's chat on top");

    // B types: A sees it. Then B answers: A gets it live in the open chat and the chat moves up.
    const bobCompose = b.page.getByRole('textbox', { name: 'Message' });
    await bobCompose.pressSequentially('Hi Al');
    await a.page.getByTestId('typing').filter({ hasText: `${bob.displayName} is typing…` }).waitFor({ timeout: 10_000 });
    await bobCompose.pressSequentially('ice, got it!');
    await bobCompose.press('Enter');
    await a.page.getByTestId('message').filter({ hasText: 'Hi Alice, got it!' }).waitFor({ timeout: 10_000 });
    await eventually(async () => (await firstTitle()) === bob.displayName, 10_000, "Bob's chat back on top");
    await eventually(async () => (await a.page.getByTestId('typing').innerText()) === '', 10_000, 'typing line cleared');
    // A has that chat open in a focused window: it is marked read at once; Carol's stays unread.
    const alicesBobItem = a.page.getByTestId('conversation-item').filter({ hasText: bob.displayName });
    await eventually(async () => (await alicesBobItem.getByTestId('unread-badge').count()) === 0, 10_000, 'open chat marked read');
    await eventually(async () => (await a.page.getByTestId('topbar-messages').getAttribute('aria-label')) === 'Messages, 1 unread', 10_000, "A's unread total is Carol's 1");
    await screenshot(a.page, 'messages-desktop');

    // Each message shows once on both sides (live delivery and the send answer are one message).
    expect(await a.page.getByTestId('message').filter({ hasText: 'Hi Alice, got it!' }).count()).toBe(1);
    expect(await b.page.getByTestId('message').filter({ hasText: 'Hi Alice, got it!' }).count()).toBe(1);
    expect(await b.page.getByTestId('message').filter({ hasText: 'Hello Bob!' }).count()).toBe(1);

    // A reload keeps the session and deep link.
    await a.page.reload();
    await a.page.getByTestId('message').filter({ hasText: 'Hi Alice, got it!' }).waitFor();
    expect(a.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
