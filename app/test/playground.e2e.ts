import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, eventually, launchBrowser, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { handle, registerViaApi, sendViaApi, startChatViaApi } from './support/people';

jest.setTimeout(120_000);

/**
 * Replaces the whole text of one of GraphiQL's Monaco editors by pasting it, as a person would:
 * typed text would get Monaco's auto-closed brackets and auto-indentation on top.
 */
async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  const editor = page.locator(selector).first();
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.evaluate((value) => (globalThis as any).navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+V');
  // Pasting reads the clipboard asynchronously: wait until the editor shows every line.
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  await eventually(async () => {
    const shown = (await editor.innerText()).replace(/\u00a0/g, ' ');
    return lines.every((line) => shown.includes(line));
  }, 10_000, `editor ${selector} to show the pasted text`);
}

/**
 * GraphiQL takes the operation name from the editor 100 ms after the last change (a debounced
 * handler that first saves the text to localStorage). Running before that sends the new text
 * with the previous operation's name, which the server rightly refuses; under load the gap
 * grows, so wait until the saved text is the new one.
 */
async function waitForOperationText(page: Page, marker: string): Promise<void> {
  await eventually(
    () =>
      page.evaluate(
        (m) => {
          const storage = (globalThis as any).localStorage;
          return Object.keys(storage).some((key) => key.endsWith(':query') && String(storage.getItem(key) ?? '').includes(m));
        },
        marker,
      ),
    10_000,
    `GraphiQL to take the operation containing ${marker}`,
  );
}

async function responseText(page: Page): Promise<string> {
  return (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
}

/**
 * The playground: GraphiQL served from the product's own bundle (nothing from a CDN), at
 * /graphql for a browser and at /playground; the docs explorer shows the schema; the header
 * editor carries the Authorization header; a query runs over HTTP and a subscription receives
 * an event over graphql-ws.
 */
describe('GraphQL playground', () => {
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

  it('serves pages without intercepting GraphQL clients', async () => {
    const origin = originOf(app.url);
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const path of ['/', '/login', '/messages', '/messages/1b2c3d4e-0000-4000-8000-000000000000', '/u/someone', '/agents']) {
      const response = await fetch(origin + path, { headers: html });
      expect([path, response.status]).toEqual([path, 200]);
      expect(await response.text()).toContain('<div id="root">');
    }
    const unknown = await fetch(`${origin}/no/such/page`, { headers: html });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<div id="root">');
    for (const path of ['/playground', '/graphql']) {
      const response = await fetch(origin + path, { headers: html });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await response.text()).toContain('<div id="playground">');
    }
    // GraphQL clients still reach the API on the same path: POST, and GET asking for JSON.
    const post = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    const get = await fetch(`${app.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('runs a query with an Authorization header and receives a subscription event', async () => {
    const origin = originOf(app.url);
    const ann = await registerViaApi(app, { handle: handle('ann'), displayName: 'Ann Api' });
    const ben = await registerViaApi(app, { handle: handle('ben'), displayName: 'Ben Api' });
    const conversationId = await startChatViaApi(app, ben, ann.userId);

    const { page } = tab;
    await tab.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.goto(`${origin}/graphql`);
    expect(await page.title()).toBe('Parley GraphQL playground');

    // The docs explorer reads the schema by introspection.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Subscription', { exact: true }).waitFor({ timeout: 20_000 });

    // The header editor (GraphiQL's "Headers" tab) carries the token.
    await page.locator('.graphiql-editors').getByRole('button', { name: 'Headers', exact: true }).click();
    await setEditor(page, '.graphiql-editor-tool .monaco-editor[data-uri$="headers.json"]', JSON.stringify({ Authorization: `Bearer ${ann.token}` }, null, 2));
    await setEditor(page, '.graphiql-query-editor .monaco-editor', 'query Me {\n  me { handle displayName }\n  unreadTotal\n}');
    await waitForOperationText(page, 'query Me');
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await eventually(async () => (await responseText(page)).includes(ann.handle), 15_000, 'query result in the response pane');
    expect(await responseText(page)).toContain('"unreadTotal": 0');

    await setEditor(
      page,
      '.graphiql-query-editor .monaco-editor',
      `subscription Live {\n  messageAdded(conversationId: "${conversationId}") {\n    seq\n    content\n    sender { handle }\n  }\n}`,
    );
    await waitForOperationText(page, 'subscription Live');
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await page.getByRole('button', { name: /^Stop query/ }).waitFor();
    // The socket opens asynchronously: send until the event shows (each send is a new message).
    let sent = 0;
    await eventually(
      async () => {
        if ((await responseText(page)).includes('Hello over graphql-ws')) return true;
        await sendViaApi(app, ben, conversationId, `Hello over graphql-ws #${++sent}`);
        await new Promise((resolve) => setTimeout(resolve, 700));
        return (await responseText(page)).includes('Hello over graphql-ws');
      },
      20_000,
      'subscription event in the response pane',
    );
    expect(await responseText(page)).toContain(ben.handle);
    await screenshot(page, 'playground');
    await page.getByRole('button', { name: /^Stop query/ }).click();

    expect(tab.blocked).toEqual([]);
  });
});
