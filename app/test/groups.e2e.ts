import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, eventually, launchBrowser, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { randomBytes } from 'node:crypto';
import { gqlOk, handle, registerViaApi, signUpInBrowser, useSessionIn } from './support/people';

jest.setTimeout(150_000);

/**
 * Three people in three browsers: Alice creates a group with Bob and Carol from the new-chat
 * modal (member search), all three chat in it live (unread badges, sender names, typing by name,
 * "Seen by N"), Alice renames it and removes Carol from the settings panel (everyone sees the
 * SYSTEM lines; Carol stops getting its messages), and Bob leaves it. Alice's agent, added
 * from the panel, answers when she @mentions it (completed from the compose box).
 */
describe('a group chat with three people in three browsers', () => {
  let app: TestApp;
  let browser: Browser;
  let a: TestContext;
  let b: TestContext;
  let c: TestContext;

  beforeAll(async () => {
    assertPrerequisites();
    // Agents answer here (the built-in responder), on a queue of this file's own.
    app = await startTestApp({ AGENT_REPLIES: 'on', AGENT_QUEUE_NAME: `groups_e2e_${randomBytes(4).toString('hex')}`, AGENT_QUEUE_POLL_MS: '500' });
    browser = await launchBrowser();
    [a, b, c] = await Promise.all([openContext(browser), openContext(browser), openContext(browser)]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  afterEach(() => {
    for (const ctx of [a, b, c]) expect(ctx.blocked).toEqual([]);
  });

  it('creates a group, chats in it, renames it, removes a member and leaves', async () => {
    const origin = originOf(app.url);
    const alice = { handle: handle('alice'), displayName: 'Alice Group' };
    const bob = await registerViaApi(app, { handle: handle('bob'), displayName: 'Bob Group' });
    const carol = await registerViaApi(app, { handle: handle('carol'), displayName: 'Carol Group' });
    await useSessionIn(b.context, bob);
    await useSessionIn(c.context, carol);
    await signUpInBrowser(a.page, origin, alice);
    await b.page.goto(`${origin}/messages`);
    await c.page.goto(`${origin}/messages`);
    await b.page.getByText('No conversations yet').waitFor();
    await c.page.getByText('No conversations yet').waitFor();

    // Alice: "+" → New group → name and two members found by search → Create group.
    await a.page.getByRole('button', { name: 'New conversation' }).click();
    await a.page.getByTestId('mode-group').click();
    const dialog = a.page.getByRole('dialog', { name: 'New group' });
    await dialog.getByLabel('Group name').fill('Weekend plan');
    const search = dialog.getByRole('combobox', { name: 'Members' });
    for (const person of [bob, carol]) {
      await search.fill(person.handle.slice(0, 8));
      const option = dialog.getByRole('option', { name: new RegExp(person.handle) });
      await option.waitFor();
      await option.click();
      await dialog.getByTestId('chosen-members').getByText(person.displayName).waitFor();
    }
    await screenshot(a.page, 'new-group-modal');
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await a.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await a.page.getByTestId('thread-title').filter({ hasText: 'Weekend plan' }).waitFor();
    expect(await a.page.getByTestId('group-members-button').innerText()).toBe('3 members');
    const created = a.page.getByTestId('system-message').filter({ hasText: 'created the group "Weekend plan" with Bob Group and Carol Group' });
    await created.waitFor();
    expect(await created.getAttribute('data-sender-type')).toBe('SYSTEM');

    // Bob and Carol: the group arrives live in the sidebar, with its title, member count and an unread badge.
    for (const ctx of [b, c]) {
      const item = ctx.page.getByTestId('conversation-item').filter({ hasText: 'Weekend plan' });
      await item.waitFor({ timeout: 10_000 });
      expect(await item.getAttribute('data-chat-type')).toBe('GROUP');
      expect(await item.getByTestId('member-count').innerText()).toContain('3 members');
      await item.getByTestId('group-badge').waitFor();
      expect(await item.getByTestId('unread-badge').innerText()).toBe('1');
    }

    // Alice writes; Bob and Carol open the group and read it: Alice sees "Seen by 2".
    const aliceCompose = a.page.getByRole('textbox', { name: 'Message' });
    await aliceCompose.fill('Who is in for a hike on Saturday?');
    await aliceCompose.press('Enter');
    for (const ctx of [b, c]) {
      const item = ctx.page.getByTestId('conversation-item').filter({ hasText: 'Weekend plan' });
      await eventually(async () => (await item.getByTestId('unread-badge').innerText()) === '2', 10_000, 'two unread');
      await item.click();
      const message = ctx.page.getByTestId('message').filter({ hasText: 'Who is in for a hike on Saturday?' });
      await message.waitFor();
      expect(await message.locator('.message-sender').innerText()).toContain('Alice Group');
    }
    await a.page.getByTestId('seen-by').filter({ hasText: 'Seen by 2' }).waitFor({ timeout: 10_000 });

    // Carol types: Alice and Bob see her name; then she answers.
    const carolCompose = c.page.getByRole('textbox', { name: 'Message' });
    await carolCompose.pressSequentially('Me!', { delay: 30 });
    for (const ctx of [a, b]) await ctx.page.getByTestId('typing').filter({ hasText: 'Carol Group is typing…' }).waitFor({ timeout: 10_000 });
    await carolCompose.press('Enter');
    for (const ctx of [a, b]) {
      const answer = ctx.page.getByTestId('message').filter({ hasText: 'Me!' });
      await answer.waitFor();
      expect(await answer.locator('.message-sender').innerText()).toContain('Carol Group');
    }

    // Alice adds her agent from the panel; "@" + Tab completes its handle; it answers from her notes.
    const token = (await a.page.evaluate(() => localStorage.getItem('parley.token')))!;
    const agentHandle = handle('helper');
    const agent = await gqlOk<any>(app, `mutation($input: CreateAgentInput!) { createAgent(input: $input) { id } }`, { input: { handle: agentHandle, displayName: 'Trail Helper' } }, token);
    await gqlOk(app, `mutation($input: AddAgentKnowledgeInput!) { addAgentKnowledge(input: $input) { id } }`, {
      input: { agentId: agent.createAgent.id, title: 'Meeting point', body: 'Hikes start at the north car park at 8:00.' },
    }, token);
    await a.page.getByTestId('group-settings-button').click();
    const panel = a.page.getByRole('dialog', { name: 'Group settings' });
    await panel.getByTestId('agent-to-add').waitFor();
    await panel.getByTestId('add-agent').click();
    await panel.getByText(`@${agentHandle} · answers when mentioned`).waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    await aliceCompose.fill('@help');
    await a.page.getByTestId('mention-suggestions').getByText(`@${agentHandle}`).waitFor();
    await aliceCompose.press('Tab');
    expect(await aliceCompose.inputValue()).toBe(`@${agentHandle} `);
    await aliceCompose.pressSequentially('where is the meeting point?');
    await aliceCompose.press('Enter');
    // The reply takes its place at once (PENDING) and grows live on Bob's screen (messageUpdated);
    // its completion moves the sidebar preview too.
    const reply = b.page.locator('[data-testid="message"][data-sender-type="AGENT"]').filter({ hasText: 'Hikes start at the north car park at 8:00.' });
    await reply.waitFor({ timeout: 45_000 });
    await b.page.getByTestId('conversation-item').filter({ hasText: 'north car park' }).waitFor({ timeout: 10_000 });
    expect(await reply.locator('.message-sender').innerText()).toContain('Trail Helper');
    await screenshot(a.page, 'group-chat');

    // Alice renames the group and removes Carol in the settings panel; Bob sees both SYSTEM lines.
    await a.page.getByTestId('group-settings-button').click();
    const settings = a.page.getByRole('dialog', { name: 'Group settings' });
    expect(await settings.getByTestId('member').count()).toBe(3);
    await settings.getByTestId('rename-input').fill('Saturday hike');
    await settings.getByRole('button', { name: 'Rename' }).click();
    await b.page.getByTestId('thread-title').filter({ hasText: 'Saturday hike' }).waitFor({ timeout: 10_000 });
    await b.page.getByTestId('system-message').filter({ hasText: 'Alice Group renamed the group to "Saturday hike"' }).waitFor();
    await screenshot(a.page, 'group-settings');
    await settings.getByRole('button', { name: 'Remove Carol Group' }).click();
    await eventually(async () => (await settings.getByTestId('member').count()) === 2, 10_000, 'two members left');
    await settings.getByRole('button', { name: 'Close' }).click();
    await b.page.getByTestId('system-message').filter({ hasText: 'Alice Group removed Carol Group' }).waitFor({ timeout: 10_000 });
    await eventually(async () => (await b.page.getByTestId('group-members-button').innerText()) === '2 members', 10_000, 'member count on Bob\'s screen');

    // Carol's app drops the group at once: gone from her list, and the open chat says she is out.
    await eventually(async () => (await c.page.getByTestId('conversation-item').count()) === 0, 10_000, 'group gone from Carol\'s list');
    await c.page.getByText('You are no longer in this group.').waitFor({ timeout: 10_000 });

    // Carol hears nothing more of it.
    await aliceCompose.fill('Carol cannot read this');
    await aliceCompose.press('Enter');
    await b.page.getByTestId('message').filter({ hasText: 'Carol cannot read this' }).waitFor({ timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await c.page.getByTestId('message').filter({ hasText: 'Carol cannot read this' }).count()).toBe(0);

    // Bob is not an admin: no admin controls; he leaves, and the group leaves his list.
    await b.page.getByTestId('group-settings-button').click();
    const bobSettings = b.page.getByRole('dialog', { name: 'Group settings' });
    await bobSettings.getByText('Only admins can rename the group').waitFor();
    expect(await bobSettings.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    await bobSettings.getByTestId('leave-group').click();
    await bobSettings.getByTestId('confirm-leave').click();
    await b.page.waitForURL(/\/messages$/);
    await eventually(async () => (await b.page.getByTestId('conversation-item').filter({ hasText: 'Saturday hike' }).count()) === 0, 10_000, 'group gone from Bob\'s list');
    await a.page.getByTestId('system-message').filter({ hasText: 'Bob Group left' }).waitFor({ timeout: 10_000 });

    for (const ctx of [a, b, c]) expect(ctx.errors.filter((e) => !e.includes('NOT_FOUND') && !e.includes('404'))).toEqual([]);
  });
});
