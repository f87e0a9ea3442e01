import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, launchBrowser, openContext, originOf, type TestContext } from './support/browser';
import { handle, registerViaApi, sendViaApi, startChatViaApi, useSessionIn } from './support/people';

jest.setTimeout(120_000);

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Robert'); DROP TABLE messages;--`;

/** Script and markup in names and messages are shown as the text people typed, never run. */
describe('hostile text in the app', () => {
  let app: TestApp;
  let browser: Browser;
  let viewer: TestContext;

  beforeAll(async () => {
    assertPrerequisites();
    app = await startTestApp();
    browser = await launchBrowser();
    viewer = await openContext(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('renders names, previews and messages as text', async () => {
    const reader = await registerViaApi(app, { handle: handle('reader'), displayName: 'Plain Reader' });
    const mallory = await registerViaApi(app, { handle: handle('mallory'), displayName: `<b onmouseover=alert(1)>Mallory</b>` });
    const chat = await startChatViaApi(app, mallory, reader.userId);
    await sendViaApi(app, mallory, chat, HOSTILE);
    let dialogs = 0;
    viewer.page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    await useSessionIn(viewer.context, reader);
    await viewer.page.goto(`${originOf(app.url)}/messages/${chat}`);
    const main = viewer.page.getByRole('main');
    // The text appears as the message (and, shortened or not, as the chat's preview).
    await main.getByText(HOSTILE, { exact: true }).first().waitFor();
    await viewer.page.getByText(`<b onmouseover=alert(1)>Mallory</b>`).first().waitFor();
    expect(await viewer.page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await viewer.page.locator('img[src="x"], b[onmouseover]').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(viewer.blocked).toEqual([]);
  });
});
