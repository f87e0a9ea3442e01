import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness';
import { assertPrerequisites, eventually, launchBrowser, openContext, originOf, screenshot, type TestContext } from './support/browser';
import { handle, registerViaApi, startChatViaApi, useSessionIn, type ApiPerson } from './support/people';

jest.setTimeout(120_000);

/**
 * Attachments and voice messages in two browsers: A attaches an image (file picker) and a
 * file (dropped on the conversation) and records a voice message with Chromium's fake
 * microphone; B sees the image inline (thumbnail, then the full picture in the lightbox), the
 * file as a card, and plays the voice message.
 */
describe('attachments and voice messages', () => {
  let app: TestApp;
  let browser: Browser;
  let a: TestContext;
  let b: TestContext;
  let alice: ApiPerson;
  let bob: ApiPerson;
  let conversationId: string;

  beforeAll(async () => {
    assertPrerequisites();
    app = await startTestApp({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'parley-e2e-media-')) });
    // A fake microphone (a beep) that needs no permission prompt.
    browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
    alice = await registerViaApi(app, { handle: handle('alice'), displayName: 'Alice Liddell' });
    bob = await registerViaApi(app, { handle: handle('bob'), displayName: 'Bob Builder' });
    conversationId = await startChatViaApi(app, alice, bob.userId);
    a = await openContext(browser);
    b = await openContext(browser);
    await useSessionIn(a.context, alice);
    await useSessionIn(b.context, bob);
    const origin = originOf(app.url);
    await a.page.goto(`${origin}/messages/${conversationId}`);
    await b.page.goto(`${origin}/messages/${conversationId}`);
    await a.page.getByRole('textbox', { name: 'Message' }).waitFor();
    await b.page.getByRole('textbox', { name: 'Message' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  afterEach(() => {
    expect(a.blocked).toEqual([]);
    expect(b.blocked).toEqual([]);
  });

  it('sends an image that the other person sees inline and opens in the lightbox', async () => {
    const image = await sharp({ create: { width: 960, height: 640, channels: 3, background: { r: 109, g: 40, b: 217 } } })
      .composite([{ input: Buffer.from('<svg width="960" height="640"><circle cx="480" cy="320" r="200" fill="#fbbf24"/></svg>') }])
      .png()
      .toBuffer();
    await a.page.getByTestId('attach-input').setInputFiles({ name: 'sunset.png', mimeType: 'image/png', buffer: image });
    const draft = a.page.getByTestId('attachment-draft');
    await eventually(async () => (await draft.getAttribute('data-status')) === 'ready', 15_000, 'the image upload to finish');
    await a.page.getByRole('textbox', { name: 'Message' }).fill('Look at this');
    await screenshot(a.page, 'media-compose-with-image');
    await a.page.getByRole('button', { name: 'Send message' }).click();

    const received = b.page.getByTestId('message').filter({ hasText: 'Look at this' }).getByTestId('attachment-image');
    await received.waitFor();
    // The thumbnail really loaded (signed URL, authorized for B): 320 px wide, in proportion.
    const size = await eventually(
      () => received.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth ? [img.naturalWidth, img.naturalHeight] : null)),
      15_000,
      'the thumbnail to load',
    );
    expect(size).toEqual([320, 213]);
    await screenshot(b.page, 'media-image-received');
    await b.page.getByRole('button', { name: 'Open image sunset.png' }).click();
    const full = b.page.getByTestId('lightbox').getByRole('img', { name: 'sunset.png' });
    const fullSize = await eventually(
      () => full.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth ? [img.naturalWidth, img.naturalHeight] : null)),
      15_000,
      'the full image to load',
    );
    expect(fullSize).toEqual([960, 640]);
    await screenshot(b.page, 'media-lightbox');
    await b.page.keyboard.press('Escape');
    await b.page.getByTestId('lightbox').waitFor({ state: 'detached' });
  });

  it('attaches a file dropped on the conversation; the other person gets a download card', async () => {
    await a.page.getByTestId('conversation-view').evaluate((section) => {
      const data = new DataTransfer();
      data.items.add(new File(['Minutes of the meeting\n'], 'minutes.txt', { type: 'text/plain' }));
      section.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      section.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const draft = a.page.getByTestId('attachment-draft');
    await eventually(async () => (await draft.getAttribute('data-status')) === 'ready', 15_000, 'the dropped file to upload');
    await a.page.getByRole('button', { name: 'Send message' }).click();
    const card = b.page.getByTestId('attachment-file').filter({ hasText: 'minutes.txt' });
    await card.waitFor();
    const href = await card.getAttribute('href');
    expect(href).toMatch(/^\/attachments\/[0-9a-f-]{36}\?t=/);
    const response = await b.page.request.get(`${originOf(app.url)}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="minutes.txt"/);
    expect(await response.text()).toBe('Minutes of the meeting\n');
  });

  it('records a voice message with a running timer; the other person plays it with a seek bar', async () => {
    await a.page.getByRole('button', { name: 'Record a voice message' }).click();
    const timer = a.page.getByTestId('voice-timer');
    await eventually(async () => (await timer.textContent()) === '0:02', 15_000, 'the timer to reach 0:02');
    await screenshot(a.page, 'media-recording');
    await a.page.getByRole('button', { name: 'Stop and attach the voice message' }).click();
    const draft = a.page.getByTestId('attachment-draft');
    await eventually(async () => (await draft.getAttribute('data-status')) === 'ready', 15_000, 'the recording to upload');
    await a.page.getByRole('button', { name: 'Send message' }).click();

    const player = b.page.getByTestId('voice-player');
    await player.waitFor();
    const [row] = await app.dataSource.query(`SELECT kind, content_type, duration_ms FROM attachments WHERE kind = 'VOICE' AND uploader_id = $1`, [alice.userId]);
    expect(row.content_type).toBe('audio/webm');
    expect(row.duration_ms).toBeGreaterThanOrEqual(2000);
    expect(row.duration_ms).toBeLessThan(10_000);
    expect(await b.page.getByTestId('voice-time').textContent()).toMatch(/^0:0[2-9]$/);

    await b.page.getByRole('button', { name: 'Play voice message' }).click();
    await eventually(() => player.locator('audio').evaluate((el: HTMLAudioElement) => !el.paused && el.currentTime > 0.2), 15_000, 'the voice message to play');
    await screenshot(b.page, 'media-voice-received');
    await b.page.getByRole('button', { name: 'Pause voice message' }).click();
    // The seek bar moves playback.
    await player.getByRole('slider', { name: 'Seek' }).fill('1');
    expect(await player.locator('audio').evaluate((el: HTMLAudioElement) => el.currentTime)).toBeCloseTo(1, 0);
    expect(a.errors.filter((e) => !e.includes('favicon'))).toEqual([]);

    // The sender's side on a phone: own image, file card and voice message, tools beside the text box.
    await a.page.setViewportSize({ width: 390, height: 844 });
    await a.page.getByTestId('voice-player').waitFor();
    expect(await a.page.getByRole('button', { name: 'Attach files' }).isVisible()).toBe(true);
    expect(await a.page.getByRole('button', { name: 'Send message' }).isVisible()).toBe(true);
    await screenshot(a.page, 'media-mobile-sender');
  });
});
