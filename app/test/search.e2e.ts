import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, eventually, launchBrowser, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { gqlOk, handle, registerViaApi, sendViaApi, startChatViaApi, useSessionIn, type ApiPerson } from './support/people';

jest.setTimeout(180_000);

/**
 * The search page in a browser: each result names the conversation it is from, and a search
 * started from a conversation's header stays in that conversation (a removable "in:" chip) until
 * the chip is cleared. The same word is said in a direct chat and in a group.
 */
describe('search page: where each result is from, and search in one conversation', () => {
  let app: TestApp;
  let browser: Browser;
  let a: TestContext;
  let alice: ApiPerson;
  let bob: ApiPerson;
  let carol: ApiPerson;
  let directId: string;
  let groupId: string;
  let origin: string;
  const groupTitle = 'Kumquat tasting club';

  const hits = (page: Page) => page.getByTestId('search-hit');
  /** The conversation names the results show, in order, once the list holds `count` results. */
  const shownConversations = async (page: Page, count: number) => {
    await eventually(async () => (await hits(page).count()) === count && !(await page.getByLabel('Results').getAttribute('aria-busy'))?.includes('true'), 10_000, `${count} results`);
    return page.getByTestId('search-hit-conversation').allInnerTexts();
  };

  beforeAll(async () => {
    assertPrerequisites();
    app = await startTestApp();
    origin = originOf(app.url);
    alice = await registerViaApi(app, { handle: handle('alice'), displayName: 'Alice Liddell' });
    bob = await registerViaApi(app, { handle: handle('bob'), displayName: 'Bob Builder' });
    carol = await registerViaApi(app, { handle: handle('carol'), displayName: 'Carol Danvers' });
    directId = await startChatViaApi(app, alice, bob.userId);
    const group = await gqlOk<{ createGroup: { id: string } }>(
      app,
      'mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
      { input: { title: groupTitle, memberIds: [bob.userId, carol.userId] } },
      alice.token,
    );
    groupId = group.createGroup.id;
    // "marmalade" is said in both chats; two messages in the group, one in the direct chat.
    await sendViaApi(app, bob, directId, 'Should we make marmalade this weekend?');
    await sendViaApi(app, alice, directId, 'Unrelated: the boat leaves at noon');
    await sendViaApi(app, carol, groupId, 'I brought marmalade for everyone');
    await sendViaApi(app, alice, groupId, 'Marmalade on toast, marmalade in tea');

    browser = await launchBrowser();
    a = await openContext(browser);
    await useSessionIn(a.context, alice);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  afterEach(() => {
    expect(a.blocked).toEqual([]);
    expect(a.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });

  it('shows, per result, the conversation it is from, who sent it and when', async () => {
    await a.page.goto(`${origin}/messages`);
    await a.page.getByTestId('topbar-search').click();
    await a.page.waitForURL(/\/search/);
    await a.page.getByTestId('search-input').fill('marmalade');
    const names = await shownConversations(a.page, 3);
    expect([...names].sort()).toEqual(['Bob Builder', groupTitle, groupTitle]);
    const direct = hits(a.page).filter({ hasText: 'make marmalade' });
    expect(await direct.getByTestId('search-hit-conversation').innerText()).toBe('Bob Builder');
    expect(await direct.getByTestId('search-hit-sender').innerText()).toBe('Bob Builder:');
    expect(await direct.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    const mine = hits(a.page).filter({ hasText: 'on toast' });
    expect(await mine.getByTestId('search-hit-conversation').innerText()).toBe(groupTitle);
    expect(await mine.getByTestId('search-hit-sender').innerText()).toBe('You:');
    expect(await mine.getByTestId('group-badge').count()).toBe(1);
    expect(await hits(a.page).filter({ hasText: 'brought marmalade' }).getByTestId('search-hit-sender').innerText()).toBe('Carol Danvers:');
    await screenshot(a.page, 'search-results');
  });

  it('searches only the open conversation from its header, and clearing the chip searches everywhere', async () => {
    await a.page.goto(`${origin}/messages/${groupId}`);
    await a.page.getByTestId('thread-title').filter({ hasText: groupTitle }).waitFor();
    await a.page.getByTestId('thread-search').click();
    await a.page.waitForURL(new RegExp(`/search\\?in=${groupId}$`));
    const chip = a.page.getByTestId('search-scope');
    await chip.filter({ hasText: `in: ${groupTitle}` }).waitFor();
    await a.page.getByTestId('search-input').fill('marmalade');
    await a.page.waitForURL((url) => url.searchParams.get('q') === 'marmalade' && url.searchParams.get('in') === groupId);
    expect(await shownConversations(a.page, 2)).toEqual([groupTitle, groupTitle]);
    await screenshot(a.page, 'search-in-conversation');

    // A reload keeps both the words and the scope.
    await a.page.reload();
    await chip.filter({ hasText: `in: ${groupTitle}` }).waitFor();
    expect(await a.page.getByTestId('search-input').inputValue()).toBe('marmalade');
    expect(await shownConversations(a.page, 2)).toEqual([groupTitle, groupTitle]);

    // Clearing the chip widens the same search to every conversation.
    await a.page.getByTestId('search-scope-clear').click();
    await a.page.waitForURL((url) => url.searchParams.get('q') === 'marmalade' && !url.searchParams.has('in'));
    expect(await chip.count()).toBe(0);
    expect((await shownConversations(a.page, 3)).sort()).toEqual(['Bob Builder', groupTitle, groupTitle]);

    // Back brings the scope back.
    await a.page.goBack();
    await a.page.waitForURL((url) => url.searchParams.get('in') === groupId);
    await chip.filter({ hasText: `in: ${groupTitle}` }).waitFor();
    expect(await shownConversations(a.page, 2)).toEqual([groupTitle, groupTitle]);
  });

  it('scopes a direct chat the same way, named after the other person', async () => {
    await a.page.goto(`${origin}/messages/${directId}`);
    await a.page.getByTestId('thread-title').filter({ hasText: 'Bob Builder' }).waitFor();
    await a.page.getByTestId('thread-search').click();
    await a.page.getByTestId('search-scope').filter({ hasText: 'in: Bob Builder' }).waitFor();
    await a.page.getByTestId('search-input').fill('marmalade');
    expect(await shownConversations(a.page, 1)).toEqual(['Bob Builder']);
    await hits(a.page).first().click();
    await a.page.waitForURL(new RegExp(`/messages/${directId}\\?at=\\d+$`));
  });
});
