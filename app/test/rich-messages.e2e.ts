import type { Browser, Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, eventually, launchBrowser, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { gqlOk, handle, registerViaApi, sendViaApi, startChatViaApi, useSessionIn, type ApiPerson } from './support/people';

jest.setTimeout(180_000);

/**
 * Rich messages in two browsers (issue 6): Alice edits, deletes and replies, Bob reacts and
 * searches, and each change shows on the other side live (messageUpdated), without a reload.
 * The tests run in order on one conversation.
 */
describe('rich messages in two browsers', () => {
  let app: TestApp;
  let browser: Browser;
  let a: TestContext;
  let b: TestContext;
  let alice: ApiPerson;
  let bob: ApiPerson;
  let conversationId: string;
  let origin: string;
  let oldQuestionSeq = 0;

  const message = (page: Page, text: string): Locator => page.getByTestId('message').filter({ hasText: text });
  /** Opens a message's hover toolbar and clicks one of its actions. */
  const act = async (page: Page, text: string, action: 'Edit' | 'Delete' | 'React' | 'Reply') => {
    const bubble = message(page, text).last();
    await bubble.scrollIntoViewIfNeeded();
    await bubble.locator('.message-bubble').hover();
    await bubble.getByRole('button', { name: action, exact: true }).click();
  };

  /**
   * The highlight after a jump lasts a few seconds: record every message that gets it, so a slow
   * machine cannot make the test look after it is gone. (Client-side navigation keeps `window`.)
   */
  const watchHighlights = (page: Page) =>
    page.evaluate(() => {
      const seen: string[] = ((window as any).__highlighted = []);
      const record = () => document.querySelectorAll('.message-highlight').forEach((el) => seen.push(el.getAttribute('data-seq') ?? ''));
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    });
  const highlighted = (page: Page) => page.evaluate(() => (window as any).__highlighted as string[]);

  beforeAll(async () => {
    assertPrerequisites();
    app = await startTestApp();
    origin = originOf(app.url);
    alice = await registerViaApi(app, { handle: handle('alice'), displayName: 'Alice Liddell' });
    bob = await registerViaApi(app, { handle: handle('bob'), displayName: 'Bob Builder' });
    conversationId = await startChatViaApi(app, alice, bob.userId);
    // An old question, far enough back (41 messages) that it is not on the first page the app loads.
    const first = await gqlOk<{ sendMessage: { seq: number } }>(
      app,
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { seq } }',
      { input: { conversationId, content: 'Where shall we hold the zebra crossing review?' } },
      alice.token,
    );
    oldQuestionSeq = first.sendMessage.seq;
    for (let i = 1; i <= 40; i++) await sendViaApi(app, i % 2 ? bob : alice, conversationId, `Filler message number ${i}`);

    browser = await launchBrowser();
    a = await openContext(browser);
    b = await openContext(browser);
    await useSessionIn(a.context, alice);
    await useSessionIn(b.context, bob);
    await a.page.goto(`${origin}/messages/${conversationId}`);
    await b.page.goto(`${origin}/messages/${conversationId}`);
    await message(a.page, 'Filler message number 40').waitFor();
    await message(b.page, 'Filler message number 40').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  afterEach(() => {
    // Nothing may be fetched from outside this machine (the emoji picker included).
    expect(a.blocked).toEqual([]);
    expect(b.blocked).toEqual([]);
  });

  it('edits inline: the other side sees the new text and "edited" live, and can read the earlier text', async () => {
    const compose = a.page.getByRole('textbox', { name: 'Message' });
    await compose.fill('Shall we meet at noon?');
    await compose.press('Enter');
    await message(a.page, 'Shall we meet at noon?').getByTestId('status-sent').waitFor();
    await message(b.page, 'Shall we meet at noon?').waitFor();

    // Bob cannot edit Alice's message: his toolbar has no Edit.
    await message(b.page, 'Shall we meet at noon?').locator('.message-bubble').hover();
    await message(b.page, 'Shall we meet at noon?').getByRole('button', { name: 'Reply', exact: true }).waitFor();
    expect(await message(b.page, 'Shall we meet at noon?').getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);

    await act(a.page, 'Shall we meet at noon?', 'Edit');
    const editor = a.page.getByTestId('edit-input');
    expect(await editor.inputValue()).toBe('Shall we meet at noon?');
    await editor.fill('Shall we meet at one instead?');
    await editor.press('Enter');
    const edited = message(a.page, 'Shall we meet at one instead?');
    await edited.getByTestId('message-edited').waitFor();

    // Bob: the text and the "edited" mark arrive without a reload.
    const bobsCopy = message(b.page, 'Shall we meet at one instead?');
    await bobsCopy.getByTestId('message-edited').waitFor({ timeout: 10_000 });
    expect(await message(b.page, 'Shall we meet at noon?').count()).toBe(0);
    await bobsCopy.getByTestId('message-edited').click();
    const history = b.page.getByRole('dialog', { name: 'Edit history' });
    await history.getByText('Shall we meet at noon?').waitFor();
    expect(await history.getByTestId('versions').innerText()).toContain('Shall we meet at one instead?');
    await screenshot(b.page, 'rich-edit-history');
    await history.getByRole('button', { name: 'Close' }).click();
  });

  it('reacts with the emoji picker: chips with counts live on both sides, toggled by clicking, who reacted on hover', async () => {
    const text = 'Shall we meet at one instead?';
    // Bob: React → the full picker (bundled, offline) → search → pick.
    await act(b.page, text, 'React');
    const dialog = b.page.getByRole('dialog', { name: 'React' });
    const search = dialog.getByRole('searchbox').or(dialog.getByPlaceholder('Search')).first();
    await search.waitFor({ timeout: 15_000 });
    await search.fill('party popper');
    await dialog
      .getByRole('gridcell', { name: /party popper/i })
      .or(dialog.getByRole('button', { name: /party popper/i }))
      .first()
      .click();
    await dialog.waitFor({ state: 'detached' });

    const chip = (page: Page, emoji: string) => message(page, text).locator(`[data-testid="reaction-chip"][data-emoji="${emoji}"]`);
    await chip(b.page, '🎉').waitFor();
    expect(await chip(b.page, '🎉').getAttribute('aria-pressed')).toBe('true');
    // Alice sees Bob's reaction live, not pressed for her.
    await chip(a.page, '🎉').waitFor({ timeout: 10_000 });
    expect(await chip(a.page, '🎉').getByTestId('reaction-count').innerText()).toBe('1');
    expect(await chip(a.page, '🎉').getAttribute('aria-pressed')).toBe('false');

    // Alice adds the same one by clicking the chip: 2 on both sides.
    await chip(a.page, '🎉').click();
    await eventually(async () => (await chip(a.page, '🎉').getByTestId('reaction-count').innerText()) === '2', 10_000, 'Alice sees 2');
    await eventually(async () => (await chip(b.page, '🎉').getByTestId('reaction-count').innerText()) === '2', 10_000, 'Bob sees 2 live');
    // Who reacted shows on hover.
    await chip(b.page, '🎉').hover();
    const who = chip(b.page, '🎉').getByTestId('reaction-who');
    await eventually(() => who.isVisible(), 5_000, 'who-reacted tooltip');
    expect(await who.innerText()).toBe('You, Alice Liddell reacted with 🎉');

    // A quick reaction from the toolbar, then Alice takes hers back by clicking again.
    await act(a.page, text, 'React');
    await a.page.getByRole('dialog', { name: 'React' }).getByRole('button', { name: 'React with 👍' }).click();
    await chip(b.page, '👍').waitFor({ timeout: 10_000 });
    await chip(b.page, '🎉').hover();
    await screenshot(b.page, 'rich-reactions');
    await chip(a.page, '🎉').click();
    await eventually(async () => (await chip(b.page, '🎉').getByTestId('reaction-count').innerText()) === '1', 10_000, 'Bob sees 1 again');
    expect(await chip(a.page, '🎉').getAttribute('aria-pressed')).toBe('false');
  });

  it('deletes after a confirmation: a tombstone on both sides, live', async () => {
    const compose = a.page.getByRole('textbox', { name: 'Message' });
    await compose.fill('Oops, wrong chat, ignore this');
    await compose.press('Enter');
    await message(b.page, 'Oops, wrong chat, ignore this').waitFor();
    const seq = await message(a.page, 'Oops, wrong chat, ignore this').getAttribute('data-seq');

    await act(a.page, 'Oops, wrong chat, ignore this', 'Delete');
    const confirm = a.page.getByRole('dialog', { name: 'Delete this message?' });
    // Cancel keeps it.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await message(a.page, 'Oops, wrong chat, ignore this').count()).toBe(1);
    await act(a.page, 'Oops, wrong chat, ignore this', 'Delete');
    await a.page.getByTestId('confirm-delete').click();

    const tombstone = (page: Page) => page.locator(`[data-testid="message"][data-seq="${seq}"] [data-testid="message-tombstone"]`);
    await tombstone(a.page).waitFor();
    await tombstone(b.page).waitFor({ timeout: 10_000 });
    expect(await tombstone(b.page).innerText()).toBe('message deleted');
    expect(await b.page.getByText('Oops, wrong chat, ignore this').count()).toBe(0);
    await screenshot(b.page, 'rich-deleted');
  });

  it('replies with a quote; clicking a quote scrolls to the original, loading older messages', async () => {
    // Bob answers Alice's edited message from the toolbar: the quote sits above the compose box.
    await act(b.page, 'Shall we meet at one instead?', 'Reply');
    const preview = b.page.getByTestId('reply-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('Replying to Alice Liddell');
    await b.page.getByRole('textbox', { name: 'Message' }).fill('One works for me');
    await b.page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await preview.waitFor({ state: 'detached' });
    const reply = (page: Page) => message(page, 'One works for me');
    await reply(b.page).getByTestId('reply-quote').waitFor();
    expect(await reply(b.page).getByTestId('reply-quote').innerText()).toContain('Shall we meet at one instead?');
    await reply(a.page).getByTestId('reply-quote').waitFor({ timeout: 10_000 });
    expect(await reply(a.page).getByTestId('reply-quote').innerText()).toContain('You');

    // Alice answers the old question (not loaded in Bob's window) from another device.
    const old = await gqlOk<{ conversation: { messages: { nodes: { id: string; seq: number }[] } } }>(
      app,
      'query ($id: ID!) { conversation(id: $id) { messages(first: 1) { nodes { id seq } } } }',
      { id: conversationId },
      alice.token,
    );
    expect(old.conversation.messages.nodes[0].seq).toBe(oldQuestionSeq);
    await gqlOk(
      app,
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
      {
        input: { conversationId, content: 'About that old question: the big room', replyToId: old.conversation.messages.nodes[0].id },
      },
      alice.token,
    );
    const late = message(b.page, 'About that old question: the big room');
    await late.getByTestId('reply-quote').waitFor({ timeout: 10_000 });
    expect(await b.page.locator(`[data-testid="message"][data-seq="${oldQuestionSeq}"]`).count()).toBe(0);
    await screenshot(b.page, 'rich-reply');

    await watchHighlights(b.page);
    await late.getByTestId('reply-quote').click();
    const original = b.page.locator(`[data-testid="message"][data-seq="${oldQuestionSeq}"]`);
    await original.waitFor({ timeout: 30_000 }).catch(async (error) => {
      const seqs = await b.page.locator('[data-testid="message"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-seq')).join(','));
      throw new Error(`${error.message}\nnotices: ${await b.page.locator('.notice').allInnerTexts()}\nloaded seqs: ${seqs}`);
    });
    await eventually(() => original.isVisible(), 5_000, 'original rendered');
    await eventually(async () => (await highlighted(b.page)).includes(String(oldQuestionSeq)), 10_000, 'original highlighted');
    await eventually(
      async () => {
        const box = await original.boundingBox();
        const pane = await b.page.getByTestId('message-list').boundingBox();
        return Boolean(box && pane && box.y >= pane.y - 1 && box.y + box.height <= pane.y + pane.height + 1);
      },
      5_000,
      'original scrolled into view',
    );
    expect(await original.innerText()).toContain('zebra crossing review');

    // A quote of a deleted message is a tombstone.
    const tmp = await gqlOk<{ sendMessage: { id: string } }>(
      app,
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
      { input: { conversationId, content: 'Short-lived note' } },
      bob.token,
    );
    await gqlOk(
      app,
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
      { input: { conversationId, content: 'Answering the short-lived note', replyToId: tmp.sendMessage.id } },
      alice.token,
    );
    await message(a.page, 'Answering the short-lived note').getByTestId('reply-quote').waitFor({ timeout: 10_000 });
    await gqlOk(app, 'mutation ($id: ID!) { deleteMessage(messageId: $id) { id } }', { id: tmp.sendMessage.id }, bob.token);
    await eventually(
      async () => (await message(a.page, 'Answering the short-lived note').getByTestId('reply-quote').innerText()) === 'Original message deleted',
      10_000,
      'quote becomes a tombstone live',
    );
  });

  it('on a phone, the "…" button (and a long press) opens the actions as a sheet', async () => {
    const phone = await openContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await useSessionIn(phone.context, bob);
      await phone.page.goto(`${origin}/messages/${conversationId}`);
      const target = message(phone.page, 'About that old question: the big room');
      await target.waitFor();
      // No hover on a touch screen: the "…" button is visible without it.
      const more = target.getByTestId('message-more');
      expect(await more.isVisible()).toBe(true);
      await more.tap();
      const sheet = phone.page.getByRole('dialog', { name: 'Message' });
      await sheet.getByRole('button', { name: 'Reply' }).waitFor();
      expect(await sheet.getByRole('button', { name: 'Edit' }).count()).toBe(0); // Alice's message
      await screenshot(phone.page, 'rich-mobile-actions');
      await sheet.getByRole('button', { name: 'React with ❤️' }).tap();
      await target.locator('[data-testid="reaction-chip"][data-emoji="❤️"]').waitFor();
      await message(a.page, 'About that old question: the big room').locator('[data-testid="reaction-chip"][data-emoji="❤️"]').waitFor({ timeout: 10_000 });

      // A long press on a message opens the same sheet.
      await target.locator('.message-text').evaluate(async (el) => {
        const rect = el.getBoundingClientRect();
        const touch = new Touch({ identifier: 1, target: el, clientX: rect.x + 5, clientY: rect.y + 5 });
        el.dispatchEvent(new TouchEvent('touchstart', { touches: [touch], targetTouches: [touch], changedTouches: [touch], bubbles: true, cancelable: true }));
        await new Promise((resolve) => setTimeout(resolve, 800));
        el.dispatchEvent(new TouchEvent('touchend', { touches: [], targetTouches: [], changedTouches: [touch], bubbles: true, cancelable: true }));
      });
      await sheet.getByRole('button', { name: 'Reply' }).waitFor({ timeout: 5_000 });
      await sheet.getByRole('button', { name: 'Close' }).tap();
      expect(phone.blocked).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('searches: highlighted results, and a result opens the conversation at that message', async () => {
    await b.page.getByTestId('topbar-search').click();
    await b.page.waitForURL(/\/search/);
    await b.page.getByTestId('search-input').fill('zebra cross');
    const hit = b.page.getByTestId('search-hit').first();
    await hit.waitFor({ timeout: 10_000 });
    expect(await b.page.getByTestId('search-hit').count()).toBe(1);
    // Both words are marked: "zebra" whole, "crossing" by the prefix "cross".
    const marks = await hit.locator('mark').allInnerTexts();
    expect(marks.map((m) => m.toLowerCase()).sort()).toEqual(['crossing', 'zebra']);
    expect(await hit.getByTestId('search-snippet').innerText()).toContain('Where shall we hold the zebra crossing review?');
    // Deleted text is never found.
    await b.page.getByTestId('search-input').fill('Oops wrong chat');
    await b.page.getByText('No messages match').waitFor({ timeout: 10_000 });
    await b.page.getByTestId('search-input').fill('zebra cross');
    await hit.waitFor();
    await screenshot(b.page, 'rich-search');

    await watchHighlights(b.page);
    await hit.click();
    await b.page.waitForURL(new RegExp(`/messages/${conversationId}\\?at=${oldQuestionSeq}$`));
    const original = b.page.locator(`[data-testid="message"][data-seq="${oldQuestionSeq}"]`);
    await original.waitFor({ timeout: 15_000 });
    await eventually(
      async () => {
        const box = await original.boundingBox();
        const pane = await b.page.getByTestId('message-list').boundingBox();
        return Boolean(box && pane && box.y >= pane.y - 1 && box.y + box.height <= pane.y + pane.height + 1);
      },
      10_000,
      'the found message scrolled into view',
    );
    await eventually(async () => (await highlighted(b.page)).includes(String(oldQuestionSeq)), 10_000, 'found message highlighted');
    expect(a.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    expect(b.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
