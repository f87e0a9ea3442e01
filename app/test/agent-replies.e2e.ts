import type { Browser } from 'playwright-core';
import type { TestApp } from '../../api/test/harness';
import { startAgentApp } from '../../api/modules/agent-replies/test/agent-kit';
import { FakeModelServer } from '../../api/modules/agent-replies/test/fake-model-server';
import { assertPrerequisites, eventually, launchBrowser, networkSwitch, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { handle, registerViaApi, sendViaApi, startChatViaApi, useSessionIn, type ApiPerson } from './support/people';
import { agentReplies, createAgentViaApi, repliesInDb, sendInBrowser, systemLine, type ApiAgent } from './support/agents';

jest.setTimeout(120_000);

/**
 * Agents that answer, in the browser, against an OpenAI-compatible model server that the test
 * runs on loopback (real HTTP and SSE; it holds a stream half-way on demand): a reply streams
 * into the visitor's chat with "Generating…", completes, fails and is retried; the owner takes
 * the chat over after /human, writes as themselves and hands it back (both sides see Parley's
 * lines); the owner's insights page shows the period's figures and charts; a reply in flight
 * when the WebSocket drops is shown whole after it comes back.
 */
describe('agents that answer (model server)', () => {
  let app: TestApp;
  let model: FakeModelServer;
  let browser: Browser;
  let visitor: TestContext;
  let owner: TestContext;
  let olivia: ApiPerson;
  let gus: ApiPerson;
  let hal: ApiAgent;
  let chatId: string;
  let origin: string;

  beforeAll(async () => {
    assertPrerequisites();
    model = await FakeModelServer.start();
    app = await startAgentApp({ AGENT_MODEL_BASE_URL: model.baseUrl, AGENT_MODEL: 'fake-model', AGENT_MODEL_RETRIES: '0' });
    origin = originOf(app.url);
    browser = await launchBrowser();
    olivia = await registerViaApi(app, { handle: handle('olivia'), displayName: 'Olivia Owner' });
    gus = await registerViaApi(app, { handle: handle('gus'), displayName: 'Gus Guest' });
    hal = await createAgentViaApi(app, olivia, { displayName: 'Hal', persona: 'You are Hal: brief and kind.' });
    chatId = await startChatViaApi(app, gus, olivia.userId, hal.id);
    visitor = await openContext(browser);
    owner = await openContext(browser);
    await useSessionIn(visitor.context, gus);
    await useSessionIn(owner.context, olivia);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await model?.close();
  });

  afterEach(() => {
    expect(visitor.blocked).toEqual([]);
    expect(owner.blocked).toEqual([]);
  });

  it('a reply streams in with "Generating…", completes, and a failed one is retried', async () => {
    const page = visitor.page;
    await page.goto(`${origin}/messages/${chatId}`);
    // First thing in a new agent chat: Parley says the owner can read it, as a centred line.
    await systemLine(page, 'Olivia Owner owns Hal and can read this conversation').waitFor();

    let release!: () => void;
    const gate = new Promise((resolve) => (release = () => resolve(undefined)));
    model.behave = () => ({ kind: 'stream', chunks: ['The ', 'answer ', 'is ', 'forty', '-two', '.'], stallAfter: 3, resume: gate });
    await sendInBrowser(page, 'What is the answer?');

    // Half-way: the text so far, marked as being written.
    const reply = agentReplies(page).first();
    await eventually(
      async () => (await reply.getAttribute('data-state')) === 'STREAMING' && (await reply.locator('.message-text').innerText()).trim() === 'The answer is',
      15_000,
      'the partial reply',
    ).catch(async (error) => {
      throw new Error(`${error.message}; on screen: ${await reply.getAttribute('data-state')} "${await reply.locator('.message-text').innerText().catch(() => '?')}"; errors: ${visitor.errors.join(' | ')}`);
    });
    expect(await reply.getByTestId('reply-generating').innerText()).toContain('Generating');
    expect(await reply.locator('.message-sender').innerText()).toContain('Hal');
    await screenshot(page, 'agent-reply-streaming');

    // The rest arrives: complete, no indicator, and it says what wrote it.
    release();
    await eventually(async () => (await reply.getAttribute('data-state')) === 'COMPLETE', 15_000, 'the complete reply');
    expect(await reply.locator('.message-text').innerText()).toBe('The answer is forty-two.');
    expect(await reply.getByTestId('reply-generating').count()).toBe(0);
    expect(await reply.getByTestId('reply-responder').innerText()).toBe('via fake-model');
    expect((await repliesInDb(app, chatId))[0]).toMatchObject({ state: 'COMPLETE', content: 'The answer is forty-two.' });

    // The model server fails: the reply ends FAILED with its notice and a Retry.
    model.behave = () => ({ kind: 'status', status: 500 });
    await sendInBrowser(page, 'And the question?');
    const second = agentReplies(page).nth(1);
    await eventually(async () => (await second.getAttribute('data-state')) === 'FAILED', 15_000, 'the failed reply');
    expect(await second.locator('.message-text').innerText()).toContain("Hal couldn't answer just now");
    const failed = second.getByTestId('reply-failed');
    expect(await failed.innerText()).toContain('The agent could not answer.');
    await screenshot(page, 'agent-reply-failed');

    // Retry, with the model back: the same message (same place) is written again.
    const seqBefore = await second.getAttribute('data-seq');
    model.behave = () => ({ kind: 'stream', chunks: ['Nobody ', 'knows.'], delayMs: 30 });
    await failed.getByRole('button', { name: 'Retry' }).click();
    await eventually(async () => (await second.getAttribute('data-state')) === 'COMPLETE', 15_000, 'the retried reply');
    expect(await second.locator('.message-text').innerText()).toBe('Nobody knows.');
    expect(await second.getAttribute('data-seq')).toBe(seqBefore);
    expect(await agentReplies(page).count()).toBe(2);
    expect(visitor.errors.filter((e) => !e.includes('500'))).toEqual([]);
  });

  it('after /human the owner takes over, writes as themselves, and hands back; the visitor sees both moments', async () => {
    const guestPage = visitor.page;
    const ownerPage = owner.page;
    const asked = model.requests.length;

    // The visitor asks for a human: Parley answers, not the agent.
    await sendInBrowser(guestPage, '/human');
    await systemLine(guestPage, 'You asked for Olivia Owner').waitFor();

    // The owner opens the chat from Agent Chats: Hal answers there, and the bar says so.
    await ownerPage.goto(`${origin}/messages?tab=agents`);
    await ownerPage.getByTestId('conversation-item').filter({ hasText: 'Gus Guest' }).click();
    await ownerPage.waitForURL(/\/messages\/[0-9a-f-]{36}\?/);
    const bar = ownerPage.getByTestId('takeover-bar');
    await bar.waitFor();
    expect(await bar.getByTestId('takeover-mode').innerText()).toContain('Hal answers this chat');
    const box = ownerPage.getByRole('textbox', { name: 'Message' });
    expect(await box.getAttribute('placeholder')).toBe('Reply as Hal');
    // Replies Hal wrote itself are labelled Hal, not "You, as Hal".
    expect(await agentReplies(ownerPage).first().locator('.message-sender').innerText()).not.toContain('You, as');

    await bar.getByRole('button', { name: 'Take over' }).click();
    await eventually(async () => (await bar.getByTestId('takeover-mode').innerText()).includes('You took over'), 10_000, 'the taken-over bar');
    expect(await box.getAttribute('placeholder')).toBe('Write as yourself');
    await systemLine(ownerPage, 'Olivia Owner joined the conversation').waitFor();
    await systemLine(guestPage, 'Olivia Owner joined the conversation').waitFor({ timeout: 10_000 });

    await sendInBrowser(ownerPage, 'Hi Gus, Olivia here in person.');
    const inPerson = guestPage.getByTestId('message').filter({ hasText: 'Olivia here in person' });
    await inPerson.waitFor({ timeout: 10_000 });
    expect(await inPerson.getAttribute('data-sender-type')).toBe('USER');
    expect(await inPerson.locator('.message-sender').innerText()).toBe('Olivia Owner');

    // While taken over, Hal stays silent: the visitor's message gets no reply.
    await sendInBrowser(guestPage, 'Thanks Olivia!');
    await ownerPage.getByTestId('message').filter({ hasText: 'Thanks Olivia!' }).waitFor({ timeout: 10_000 });
    await screenshot(ownerPage, 'agent-takeover-owner');

    await bar.getByRole('button', { name: 'Hand back to Hal' }).click();
    await eventually(async () => (await bar.getByTestId('takeover-mode').innerText()).includes('Hal answers this chat'), 10_000, 'the handed-back bar');
    expect(await box.getAttribute('placeholder')).toBe('Reply as Hal');
    await systemLine(guestPage, 'Hal is back').waitFor({ timeout: 10_000 });
    await screenshot(guestPage, 'agent-takeover-guest');

    // Nothing was asked of the model in all that time, and no reply was queued.
    expect(model.requests.length).toBe(asked);
    expect(await repliesInDb(app, chatId)).toHaveLength(2);
    // The order the visitor saw: joined, the owner in person, the thanks, back.
    const lines = await guestPage.locator('[data-testid="message"], [data-testid="system-message"]').allInnerTexts();
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(at('joined the conversation')).toBeLessThan(at('Olivia here in person'));
    expect(at('Olivia here in person')).toBeLessThan(at('Thanks Olivia!'));
    expect(at('Thanks Olivia!')).toBeLessThan(at('Hal is back'));
  });

  it("the owner's insights page shows the period's figures and draws its charts", async () => {
    const page = owner.page;
    await page.goto(`${origin}/agents`);
    await page.getByRole('link', { name: 'Insights for Hal' }).click();
    await page.waitForURL(/\/agents\/[0-9a-f-]{36}\/insights$/);
    await page.getByRole('heading', { name: 'Insights: Hal' }).waitFor();
    // A deep link to it is an app page (200), like every other route.
    expect((await page.reload())?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Insights: Hal' }).waitFor();
    await page.getByTestId('stat-messages').waitFor({ timeout: 15_000 });

    const stat = async (id: string) => (await page.getByTestId(id).locator('dd').innerText()).trim();
    const [{ count: messages }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1`, [chatId]);
    expect(await stat('stat-conversations')).toBe('1');
    expect(await stat('stat-people')).toBe('1');
    expect(await stat('stat-messages')).toBe(String(messages));
    expect(await stat('stat-replies')).toBe('2');
    expect(await stat('stat-takeovers')).toBe('1');
    expect(await stat('stat-human')).toBe('1');
    expect(await stat('stat-first-token')).not.toBe('—');

    // The hours chart is an SVG with bars; its figures (the table beside it) add up to the messages.
    const hours = page.getByTestId('chart-hours');
    await eventually(async () => (await hours.locator('svg .recharts-bar-rectangle path').count()) > 0, 10_000, 'bars in the hours chart');
    const perHour = (await hours.locator('table td').allInnerTexts()).map(Number);
    expect(perHour).toHaveLength(24);
    expect(perHour.reduce((a, b) => a + b, 0)).toBe(messages);
    const outcomes = page.getByTestId('chart-outcomes');
    await eventually(async () => (await outcomes.locator('svg .recharts-bar-rectangle path').count()) > 0, 10_000, 'bars in the outcomes chart');
    expect(await outcomes.locator('table tr').filter({ hasText: 'Complete' }).locator('td').innerText()).toBe('2');
    expect(await outcomes.locator('table tr').filter({ hasText: 'Failed' }).locator('td').innerText()).toBe('0');
    await page.getByTestId('chart-times').locator('svg').waitFor();
    // Tall enough for the whole page in one picture.
    await page.setViewportSize({ width: 1280, height: 1250 });
    await eventually(async () => (await page.getByTestId('chart-times').locator('svg .recharts-bar-rectangle path').count()) === 2, 10_000, 'bars in the times chart');
    await screenshot(page, 'agent-insights');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Another period: a day long ago has nothing.
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-01-02');
    await page.getByRole('button', { name: 'Show these days' }).click();
    await eventually(async () => (await stat('stat-messages')) === '0', 10_000, 'an empty period');
    expect(await stat('stat-replies')).toBe('0');
    expect(owner.errors).toEqual([]);
  });

  it('a reply in flight when the socket drops: finished while away, or finished after coming back', async () => {
    const rita = await registerViaApi(app, { handle: handle('rita'), displayName: 'Rita Reader' });
    const ritaChat = await startChatViaApi(app, rita, olivia.userId, hal.id);
    const tab = await openContext(browser);
    // Every socket of the page goes through here, so the test can cut it and hold it off.
    const network = await networkSwitch(tab.context);
    await useSessionIn(tab.context, rita);
    const { page } = tab;
    const goOffline = async () => {
      await network.down();
      await page.getByRole('status').filter({ hasText: 'Connection lost' }).waitFor({ timeout: 10_000 });
    };
    const goOnline = async () => {
      network.up();
      await eventually(async () => (await page.getByRole('status').filter({ hasText: 'Connection lost' }).count()) === 0, 30_000, 'connected again');
    };
    const stalled = () => {
      let release!: () => void;
      const gate = new Promise((resolve) => (release = () => resolve(undefined)));
      return { gate, release };
    };
    const state = (n: number) => agentReplies(page).nth(n).getAttribute('data-state');
    const text = async (n: number) => (await agentReplies(page).nth(n).locator('.message-text').innerText()).trim();

    await page.goto(`${origin}/messages/${ritaChat}`);
    await systemLine(page, 'can read this conversation').waitFor();

    // 1. Half-way on screen, then the socket drops and the reply finishes while we are away.
    const first = stalled();
    model.behave = () => ({ kind: 'stream', chunks: ['Once ', 'upon ', 'a ', 'time.'], stallAfter: 2, resume: first.gate });
    await sendViaApi(app, rita, ritaChat, 'Tell me a story');
    await eventually(async () => (await state(0)) === 'STREAMING' && (await text(0)) === 'Once upon', 15_000, 'the partial story');
    await goOffline();
    first.release();
    await eventually(async () => (await repliesInDb(app, ritaChat))[0]?.state === 'COMPLETE', 15_000, 'the story complete on the server');
    expect(await state(0)).toBe('STREAMING');
    await goOnline();
    await eventually(async () => (await state(0)) === 'COMPLETE' && (await text(0)) === 'Once upon a time.', 15_000, 'the whole story after reconnecting');

    // 2. The socket drops mid-reply and comes back before it ends: the rest arrives live.
    const second = stalled();
    model.behave = () => ({ kind: 'stream', chunks: ['The ', 'end ', 'came ', 'later.'], stallAfter: 2, resume: second.gate });
    await sendViaApi(app, rita, ritaChat, 'And then?');
    await eventually(async () => (await state(1)) === 'STREAMING' && (await text(1)) === 'The end', 15_000, 'the partial ending');
    await goOffline();
    await goOnline();
    second.release();
    await eventually(async () => (await state(1)) === 'COMPLETE' && (await text(1)) === 'The end came later.', 15_000, 'the ending, live after reconnecting');
    expect(await agentReplies(page).count()).toBe(2);
    expect(tab.blocked).toEqual([]);
    await tab.context.close();
  });
});
