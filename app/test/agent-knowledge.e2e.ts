import type { Browser } from 'playwright-core';
import type { TestApp } from '../../api/test/harness';
import { startAgentApp } from '../../api/modules/agent-replies/test/agent-kit';
import { assertPrerequisites, eventually, launchBrowser, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { handle, registerViaApi, startChatViaApi, useSessionIn, type ApiPerson } from './support/people';
import { agentReplies, createAgentViaApi, repliesInDb, sendInBrowser, systemLine, type ApiAgent } from './support/agents';

jest.setTimeout(150_000);

/**
 * The agent page with the built-in responder (no model on the server): the owner writes,
 * edits and deletes notes, and the agent answers a visitor from exactly what the notes say
 * now; a model choice is shown as not used; the pause switch stops replies and starts them.
 */
describe('agents that answer (built-in responder)', () => {
  let app: TestApp;
  let browser: Browser;
  let visitor: TestContext;
  let owner: TestContext;
  let olivia: ApiPerson;
  let gus: ApiPerson;
  let shop: ApiAgent;
  let chatId: string;
  let origin: string;

  beforeAll(async () => {
    assertPrerequisites();
    app = await startAgentApp();
    origin = originOf(app.url);
    browser = await launchBrowser();
    olivia = await registerViaApi(app, { handle: handle('olivia'), displayName: 'Olivia Owner' });
    gus = await registerViaApi(app, { handle: handle('gus'), displayName: 'Gus Guest' });
    shop = await createAgentViaApi(app, olivia, { displayName: 'Shop Bot' });
    chatId = await startChatViaApi(app, gus, olivia.userId, shop.id);
    visitor = await openContext(browser);
    owner = await openContext(browser);
    await useSessionIn(visitor.context, gus);
    await useSessionIn(owner.context, olivia);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  afterEach(() => {
    expect(visitor.blocked).toEqual([]);
    expect(owner.blocked).toEqual([]);
  });

  /** The visitor asks; resolves with the text of the reply once it is complete. */
  async function ask(question: string): Promise<string> {
    const before = await agentReplies(visitor.page).count();
    await sendInBrowser(visitor.page, question);
    const reply = agentReplies(visitor.page).nth(before);
    await eventually(async () => (await reply.getAttribute('data-state')) === 'COMPLETE', 15_000, `the reply to "${question}"`);
    return reply.locator('.message-text').innerText();
  }

  it('notes written on the agent page are what the built-in responder answers from', async () => {
    const page = owner.page;
    await page.goto(`${origin}/agents`);
    const card = page.getByTestId('agent-card').filter({ hasText: 'Shop Bot' });
    await card.waitFor();
    expect(await card.getByTestId('agent-responder').innerText()).toContain('Answers with the built-in responder, from your notes.');

    // Notes: add two, edit one, delete the other.
    await card.getByRole('button', { name: 'Notes of Shop Bot' }).click();
    const editor = card.getByTestId('knowledge-editor');
    await editor.getByText('No notes yet.').waitFor();
    const add = editor.getByRole('form', { name: 'Add a note' });
    await add.getByRole('button', { name: 'Add note' }).click();
    await add.getByRole('alert').filter({ hasText: 'Give the note a title or a question.' }).waitFor();
    await add.getByLabel('Title or question').fill('Opening hours');
    await add.getByLabel('Note', { exact: true }).fill('The shop opens at 9am and closes at 5pm on weekdays.');
    await add.getByRole('button', { name: 'Add note' }).click();
    await editor.getByTestId('knowledge-note').filter({ hasText: 'Opening hours' }).waitFor();
    await add.getByLabel('Title or question').fill('Parking');
    await add.getByLabel('Note', { exact: true }).fill('Free parking behind the shop, next to the bakery.');
    await add.getByRole('button', { name: 'Add note' }).click();
    await editor.getByTestId('knowledge-note').filter({ hasText: 'Parking' }).waitFor();
    expect(await editor.getByTestId('knowledge-note').count()).toBe(2);

    await editor.getByRole('button', { name: 'Edit note Opening hours' }).click();
    const edit = editor.getByRole('form', { name: 'Edit note Opening hours' });
    await edit.getByLabel('Note', { exact: true }).fill('The shop opens at 9am and closes at 5pm on weekdays. On Saturdays it opens 10am to 2pm.');
    await edit.getByRole('button', { name: 'Save note' }).click();
    await editor.getByTestId('knowledge-note').filter({ hasText: 'On Saturdays it opens 10am to 2pm' }).waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await editor.getByRole('button', { name: 'Delete note Parking' }).click();
    await eventually(async () => (await editor.getByTestId('knowledge-note').count()) === 1, 10_000, 'the note deleted');
    await screenshot(page, 'agent-notes');

    // After a reload the notes are what the server keeps.
    await page.reload();
    await card.getByRole('button', { name: 'Notes of Shop Bot' }).click();
    await card.getByTestId('knowledge-note').filter({ hasText: 'On Saturdays it opens 10am to 2pm' }).waitFor();
    expect(await card.getByTestId('knowledge-note').count()).toBe(1);

    // The visitor asks: the answer quotes the edited note, streamed in and labelled.
    await visitor.page.goto(`${origin}/messages/${chatId}`);
    await systemLine(visitor.page, 'Olivia Owner owns Shop Bot and can read this conversation').waitFor();
    const hours = await ask('When are you open on Saturdays?');
    expect(hours).toContain('On Saturdays it opens 10am to 2pm');
    const last = agentReplies(visitor.page).last();
    expect(await last.getByTestId('reply-responder').innerText()).toBe('via built-in responder (from notes)');
    await screenshot(visitor.page, 'agent-builtin-answer');

    // The deleted note is gone for the responder too: it says so instead of guessing.
    const parking = await ask('Is there free parking near the bakery?');
    expect(parking).toContain("I don't have anything about that");
    expect(parking).not.toContain('behind the shop');
  });

  it('a model choice is kept but shown as unused without a server model', async () => {
    const page = owner.page;
    await page.goto(`${origin}/agents`);
    const card = page.getByTestId('agent-card').filter({ hasText: 'Shop Bot' });
    await card.getByRole('button', { name: 'Model of Shop Bot' }).click();
    const form = card.getByRole('form', { name: 'Model of Shop Bot' });
    await form.getByLabel('Model name').fill('not a model!');
    await form.getByRole('button', { name: 'Save model' }).click();
    await form.getByRole('alert').filter({ hasText: 'A model name is up to 200' }).waitFor();
    await form.getByLabel('Model name').fill('llama3.1:8b');
    await form.getByRole('button', { name: 'Save model' }).click();
    await eventually(async () => (await card.getByTestId('agent-responder').innerText()).includes('Your model choice “llama3.1:8b” is not used'), 10_000, 'the unused model choice');
    const [{ model }] = await app.dataSource.query(`SELECT model FROM agents WHERE id = $1`, [shop.id]);
    expect(model).toBe('llama3.1:8b');
    await form.getByRole('button', { name: 'Use the server’s default' }).click();
    await eventually(async () => !(await card.getByTestId('agent-responder').innerText()).includes('llama3.1:8b'), 10_000, 'back to the default');
    expect((await app.dataSource.query(`SELECT model FROM agents WHERE id = $1`, [shop.id]))[0].model).toBeNull();
  });

  it('the pause switch stops replies (the visitor is told) and starts them again', async () => {
    const page = owner.page;
    await page.goto(`${origin}/agents`);
    const card = page.getByTestId('agent-card').filter({ hasText: 'Shop Bot' });
    const toggle = card.getByRole('switch', { name: 'Shop Bot answers messages' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await eventually(async () => (await card.getByTestId('pause-state').innerText()) === 'Paused', 10_000, 'paused');
    expect(await card.getByTestId('agent-responder').innerText()).toContain('Paused');
    await screenshot(page, 'agent-paused');

    const repliesBefore = (await repliesInDb(app, chatId)).length;
    await sendInBrowser(visitor.page, 'When do you open on weekdays?');
    await systemLine(visitor.page, "Shop Bot is paused right now and won't answer").waitFor({ timeout: 10_000 });
    expect((await repliesInDb(app, chatId)).length).toBe(repliesBefore);
    expect(await agentReplies(visitor.page).count()).toBe(repliesBefore);

    await toggle.check();
    await eventually(async () => (await card.getByTestId('pause-state').innerText()) === 'Answering', 10_000, 'answering again');
    const answer = await ask('When do you open on weekdays?');
    expect(answer).toContain('opens at 9am');
    expect((await repliesInDb(app, chatId)).length).toBe(repliesBefore + 1);
    expect(owner.errors).toEqual([]);
  });
});
