import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, eventually, launchBrowser, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { handle, signUpInBrowser } from './support/people';

jest.setTimeout(120_000);

/**
 * An agent chat: A creates an agent on /agents; B finds A by handle, picks Agent and that agent,
 * and writes to it; A sees the chat under Agent Chats (live), opens the full history and answers
 * as the agent; B sees the answer labelled with the agent's name. Agent chats carry the purple
 * computer badge on their avatar.
 */
describe('chatting with an agent', () => {
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
    expect(a.blocked).toEqual([]);
    expect(b.blocked).toEqual([]);
  });

  it('A creates an agent, B chats with it, A watches and answers under Agent Chats', async () => {
    const origin = originOf(app.url);
    const owner = { handle: handle('owner'), displayName: 'Olivia Owner' };
    const guest = { handle: handle('guest'), displayName: 'Gus Guest' };
    const agent = { handle: handle('helper'), displayName: 'Helpful Hal' };

    // A: the profile menu leads to My agents; create one (and see a mistake explained).
    await signUpInBrowser(a.page, origin, owner);
    await a.page.getByRole('button', { name: `Account menu for ${owner.displayName}` }).click();
    await a.page.getByRole('menuitem', { name: 'My agents' }).click();
    await a.page.waitForURL(/\/agents$/);
    await a.page.getByRole('button', { name: 'New agent' }).click();
    const form = a.page.getByRole('form', { name: 'New agent' });
    await form.getByLabel('Handle').fill('No');
    await form.getByLabel('Name', { exact: true }).fill(agent.displayName);
    await form.getByRole('button', { name: 'Create agent' }).click();
    await form.getByRole('alert').filter({ hasText: 'An agent handle is 3 to 30 characters' }).waitFor();
    await form.getByLabel('Handle').fill(agent.handle);
    await form.getByLabel('Persona (optional)').fill('Friendly and brief. Answers questions about Olivia’s work.');
    await form.getByLabel('Visibility').selectOption('PUBLIC');
    await form.getByRole('button', { name: 'Create agent' }).click();
    const card = a.page.getByTestId('agent-card').filter({ hasText: agent.displayName });
    await card.waitFor();
    expect(await card.innerText()).toContain(`@${agent.handle}`);
    expect(await card.getByTestId('agent-badge').count()).toBe(1);

    // Edit it: the name changes in place.
    await card.getByRole('button', { name: `Edit ${agent.displayName}` }).click();
    const editForm = a.page.getByRole('form', { name: `Edit ${agent.displayName}` });
    agent.displayName = 'Hal the Helper';
    await editForm.getByLabel('Name', { exact: true }).fill(agent.displayName);
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await a.page.getByTestId('agent-card').filter({ hasText: agent.displayName }).waitFor();
    await screenshot(a.page, 'agents-page');

    // A waits on the Agent Chats tab: nobody yet.
    await a.page.goto(`${origin}/messages?tab=agents`);
    await a.page.getByText('No one has chatted with your agents yet').waitFor();

    // B: the public profile shows the agent; the "+" modal picks it by handle.
    await signUpInBrowser(b.page, origin, guest);
    await b.page.goto(`${origin}/u/${owner.handle}`);
    await b.page.getByRole('heading', { name: owner.displayName, exact: true }).waitFor();
    await b.page.getByRole('button', { name: `Chat with agent ${agent.displayName}` }).waitFor();
    expect(await b.page.getByRole('button', { name: 'Message' }).isVisible()).toBe(true);
    await screenshot(b.page, 'public-profile');

    await b.page.goto(`${origin}/messages`);
    await b.page.getByRole('button', { name: 'New conversation' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'New conversation' });
    await dialog.getByRole('combobox', { name: 'Handle' }).fill(owner.handle);
    await dialog.getByText(`${owner.displayName} (@${owner.handle})`).waitFor();
    await dialog.getByRole('radio', { name: 'Agent' }).check();
    const which = dialog.getByLabel('Which agent');
    await eventually(async () => (await which.inputValue()) !== '', 10_000, 'agent choices');
    expect(await which.locator('option:checked').innerText()).toContain(agent.displayName);
    await dialog.getByRole('button', { name: 'Start Chat' }).click();
    await b.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const header = b.page.getByTestId('conversation-view').locator('header');
    await header.getByRole('heading', { name: agent.displayName }).waitFor();
    expect(await header.getByTestId('agent-badge').count()).toBe(1);
    await b.page.getByRole('textbox', { name: 'Message' }).fill('Hi Hal, what does Olivia work on?');
    await b.page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await b.page.getByTestId('message').filter({ hasText: 'what does Olivia work on' }).waitFor();
    // In B's list the chat carries the agent badge.
    const bItem = b.page.getByTestId('conversation-item').filter({ hasText: agent.displayName });
    expect(await bItem.getByTestId('agent-badge').count()).toBe(1);

    // A: the chat shows up live under Agent Chats, with the badge and an unread count.
    const aItem = a.page.getByTestId('conversation-item').filter({ hasText: guest.displayName });
    await aItem.waitFor({ timeout: 10_000 });
    expect(await aItem.getByTestId('agent-badge').count()).toBe(1);
    expect(await aItem.innerText()).toContain('what does Olivia work on');

    // The agent filter keeps it (it is this agent's chat).
    await a.page.getByLabel('Agent', { exact: true }).selectOption({ label: `${agent.displayName} (@${agent.handle})` });
    await aItem.waitFor();

    // A opens the full history and answers as the agent.
    await aItem.click();
    await a.page.waitForURL(/\/messages\/[0-9a-f-]{36}\?/);
    await a.page.getByTestId('message').filter({ hasText: 'what does Olivia work on' }).waitFor();
    await a.page.getByTestId('conversation-view').getByRole('link', { name: `with your agent ${agent.displayName}` }).waitFor();
    const reply = a.page.getByRole('textbox', { name: 'Message' });
    expect(await reply.getAttribute('placeholder')).toBe(`Reply as ${agent.displayName}`);
    await reply.fill('Mostly bridges, and the odd tunnel.');
    await reply.press('Enter');
    await a.page.getByTestId('message').filter({ hasText: 'Mostly bridges' }).waitFor();
    await screenshot(a.page, 'agent-chats');

    // B gets the answer live, labelled with the agent's name.
    const answer = b.page.getByTestId('message').filter({ hasText: 'Mostly bridges' });
    await answer.waitFor({ timeout: 10_000 });
    expect(await answer.getAttribute('data-sender-type')).toBe('AGENT');
    expect(await answer.locator('.message-sender').innerText()).toContain(agent.displayName);
    // B has the chat open: the answer is read at once.
    await eventually(async () => (await b.page.getByTestId('topbar-messages').getAttribute('aria-label')) === 'Messages', 10_000, "B's unread total back to 0");
    await screenshot(b.page, 'agent-chat-guest');
  });
});
