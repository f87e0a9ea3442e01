import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, eventually, launchBrowser, networkSwitch, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { handle, registerViaApi, sendViaApi, startChatViaApi, useSessionIn } from './support/people';

jest.setTimeout(120_000);

/**
 * A dropped WebSocket: the page's socket is cut (1001, as a server going away would) and kept
 * from reconnecting while messages are sent; when it comes back, the open conversation shows
 * every missed message exactly once and in order, the list shows a chat started meanwhile, and
 * live delivery carries on.
 */
describe('resuming after a dropped connection', () => {
  let app: TestApp;
  let browser: Browser;
  let tab: TestContext;

  beforeAll(async () => {
    assertPrerequisites();
    app = await startTestApp();
    browser = await launchBrowser();
    tab = await openContext(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows what was missed once, in order, then goes on live', async () => {
    const origin = originOf(app.url);
    const mia = await registerViaApi(app, { handle: handle('mia'), displayName: 'Mia Reader' });
    const noah = await registerViaApi(app, { handle: handle('noah'), displayName: 'Noah Writer' });
    const olga = await registerViaApi(app, { handle: handle('olga'), displayName: 'Olga Later' });
    const conversationId = await startChatViaApi(app, noah, mia.userId);
    for (let i = 1; i <= 3; i++) await sendViaApi(app, noah, conversationId, `before the drop ${i}`);

    // Every socket of the page goes through here, so the test can cut it and hold it off.
    const network = await networkSwitch(tab.context);
    await useSessionIn(tab.context, mia);

    const { page } = tab;
    const texts = async () => page.getByTestId('message').locator('.message-text').allInnerTexts();
    const seqs = async () => (await page.getByTestId('message').evaluateAll((els) => els.map((el: any) => Number(el.dataset.seq))));
    await page.goto(`${origin}/messages/${conversationId}`);
    await page.getByTestId('message').filter({ hasText: 'before the drop 3' }).waitFor();
    // Live first: one message over the socket.
    await sendViaApi(app, noah, conversationId, 'live before the drop');
    await page.getByTestId('message').filter({ hasText: 'live before the drop' }).waitFor({ timeout: 10_000 });
    // Opened by a deep link in a focused window: read, so no badge.
    const noahsChat = page.getByTestId('conversation-item').filter({ hasText: noah.displayName });
    await eventually(async () => (await noahsChat.getByTestId('unread-badge').count()) === 0, 10_000, 'open chat marked read');
    await eventually(async () => (await page.getByTestId('topbar-messages').getAttribute('aria-label')) === 'Messages', 10_000, 'unread total 0');

    // Cut the connection and keep it down while others write.
    await network.down();
    await page.getByRole('status').filter({ hasText: 'Connection lost' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'reconnecting');
    for (let i = 1; i <= 5; i++) await sendViaApi(app, noah, conversationId, `missed while away ${i}`);
    const olgaChat = await startChatViaApi(app, olga, mia.userId);
    await sendViaApi(app, olga, olgaChat, 'Olga wrote while Mia was away');
    expect(await texts()).not.toContain('missed while away 1');

    // Back online: everything missed shows up, once each, in order; the new chat is listed.
    network.up();
    await eventually(async () => (await texts()).includes('missed while away 5'), 30_000, 'missed messages after reconnecting');
    await page.getByTestId('conversation-item').filter({ hasText: 'Olga wrote while Mia was away' }).waitFor({ timeout: 10_000 });
    await eventually(async () => (await page.getByRole('status').filter({ hasText: 'Connection lost' }).count()) === 0, 10_000, 'banner gone');

    await sendViaApi(app, noah, conversationId, 'live after the drop');
    await page.getByTestId('message').filter({ hasText: 'live after the drop' }).waitFor({ timeout: 10_000 });

    const expected = [
      'before the drop 1',
      'before the drop 2',
      'before the drop 3',
      'live before the drop',
      ...[1, 2, 3, 4, 5].map((i) => `missed while away ${i}`),
      'live after the drop',
    ];
    expect(await texts()).toEqual(expected);
    // The open chat is read again after catching up; Olga's waits with its one message.
    await eventually(async () => (await noahsChat.getByTestId('unread-badge').count()) === 0, 10_000, 'caught-up chat marked read');
    const olgasChat = page.getByTestId('conversation-item').filter({ hasText: olga.displayName });
    expect(await olgasChat.getByTestId('unread-badge').innerText()).toBe('1');
    expect(await seqs()).toEqual(expected.map((_, i) => i + 1));
    expect(tab.blocked).toEqual([]);
  });
});
