import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, eventually, launchBrowser, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { handle, registerViaApi, sendViaApi, startChatViaApi, useSessionIn } from './support/people';

jest.setTimeout(120_000);

/** The phone layout at 390×844: one pane at a time, a back button, nothing wider than the screen. */
describe('mobile layout (390×844)', () => {
  let app: TestApp;
  let browser: Browser;
  let phone: TestContext;

  beforeAll(async () => {
    assertPrerequisites();
    app = await startTestApp();
    browser = await launchBrowser();
    phone = await openContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the list, then the conversation with a back button, one at a time', async () => {
    const origin = originOf(app.url);
    const mia = await registerViaApi(app, { handle: handle('mia'), displayName: 'Mia Mobile' });
    const noah = await registerViaApi(app, { handle: handle('noah'), displayName: 'Noah Desk' });
    const conversationId = await startChatViaApi(app, noah, mia.userId);
    // Enough history to scroll, on more than one page of it.
    for (let i = 1; i <= 40; i++) await sendViaApi(app, i % 3 ? noah : mia, conversationId, `Message number ${i} ${i === 40 ? 'is the newest' : ''}`.trim());
    await useSessionIn(phone.context, mia);

    const { page } = phone;
    const sidebar = page.getByRole('complementary', { name: 'Conversations' });
    const thread = page.getByTestId('conversation-view');
    const noOverflow = async () => (await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)) <= 390;

    await page.goto(`${origin}/messages`);
    const item = page.getByTestId('conversation-item').filter({ hasText: noah.displayName });
    await item.waitFor();
    expect(await sidebar.isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'No conversation open' }).isVisible()).toBe(false);
    expect(await noOverflow()).toBe(true);
    await screenshot(page, 'mobile-list');

    await item.tap();
    await page.waitForURL(new RegExp(`/messages/${conversationId}$`));
    await thread.getByTestId('message').filter({ hasText: 'is the newest' }).waitFor();
    expect(await sidebar.isVisible()).toBe(false);
    const back = page.getByRole('link', { name: 'Back to conversations' });
    expect(await back.isVisible()).toBe(true);
    expect(await noOverflow()).toBe(true);

    // Scrolling up loads older messages (30 of 40 came with the first page).
    await eventually(async () => (await thread.getByTestId('message').count()) === 30, 10_000, 'first page of 30');
    await page.getByTestId('message-list').evaluate((el: any) => (el.scrollTop = 0));
    await thread.locator('.message-text', { hasText: /^Message number 1$/ }).waitFor({ timeout: 10_000 });
    await page.getByText('This is the start of the conversation.').waitFor();
    expect(await thread.getByTestId('message').count()).toBe(40);
    await page.getByTestId('message-list').evaluate((el: any) => (el.scrollTop = el.scrollHeight));

    // Send from the phone on a bad network: it shows at once, fails, and is sent by Retry, once.
    let networkDown = true;
    await page.route('**/graphql', (route) => {
      const body = route.request().postData() ?? '';
      if (networkDown && body.includes('"operationName":"SendMessage"')) return route.abort('internetdisconnected');
      return route.fallback();
    });
    await page.getByRole('textbox', { name: 'Message' }).fill('Sent from my phone');
    await page.getByRole('button', { name: 'Send message' }).tap();
    const pending = thread.getByTestId('pending-message').filter({ hasText: 'Sent from my phone' });
    await pending.getByRole('alert').filter({ hasText: 'Cannot reach Parley' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'mobile-send-failed');
    networkDown = false;
    await pending.getByRole('button', { name: 'Retry' }).tap();
    await thread.getByTestId('message').filter({ hasText: 'Sent from my phone' }).waitFor();
    await eventually(async () => (await thread.getByTestId('pending-message').count()) === 0, 10_000, 'outbox emptied');
    expect(await thread.getByTestId('message').filter({ hasText: 'Sent from my phone' }).count()).toBe(1);
    await screenshot(page, 'mobile-conversation');

    await back.tap();
    await page.waitForURL(/\/messages$/);
    // The URL changes before React renders the list again: wait for it rather than sample it.
    await sidebar.waitFor({ state: 'visible', timeout: 10_000 });
    await eventually(async () => (await thread.count()) === 0, 10_000, 'the conversation pane to close');
    expect(await sidebar.isVisible()).toBe(true);
    expect(await item.innerText()).toContain('Sent from my phone');
    expect(phone.blocked).toEqual([]);
  });
});
