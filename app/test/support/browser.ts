import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type WebSocketRoute } from 'playwright-core';

/**
 * Browser tests drive Debian's Chromium (apt-get install chromium) through playwright-core,
 * against the real server started in-process (startTestApp), which serves the built app from
 * dist/app. Every request that would leave this machine is blocked and recorded, so a test
 * fails if a page tries to load anything from the internet.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../../docs/screenshots');
const DIST_INDEX = resolve(__dirname, '../../../dist/app/index.html');

export function assertPrerequisites(): void {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(`The web app is not built: ${DIST_INDEX} is missing. Run \`npm run build:app\` before the browser tests.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
}

/** `extraArgs`: more Chromium switches for one suite (e.g. a fake microphone for voice messages). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  assertPrerequisites();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export interface TestContext {
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to load from anywhere but this machine (all were blocked). */
  blocked: string[];
  /** Uncaught page errors and console errors, for failure messages. */
  errors: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function openContext(browser: Browser, options: { viewport?: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean } = {}): Promise<TestContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    isMobile: options.isMobile,
    hasTouch: options.hasTouch,
    serviceWorkers: 'block',
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, blocked, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** The origin of the running test server (its GraphQL URL without /graphql). */
export function originOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '');
}

/** Polls until `check` returns a truthy value (or throws its last error after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      lastError = new Error(`${what}: still false`);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError instanceof Error ? new Error(`Timed out waiting for ${what}: ${lastError.message}`) : lastError;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Puts every WebSocket of `context` through the test, so it can cut the network: `down()`
 * closes the open sockets (1001) and refuses new ones until `up()`; HTTP is untouched.
 */
export async function networkSwitch(context: BrowserContext): Promise<{ down(): Promise<void>; up(): void }> {
  let offline = false;
  const sockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/\/graphql$/, (ws) => {
    if (offline) {
      void ws.close({ code: 1001, reason: 'test: network down' });
      return;
    }
    ws.connectToServer();
    sockets.push(ws);
  });
  return {
    down: async () => {
      offline = true;
      await Promise.all(sockets.splice(0).map((ws) => ws.close({ code: 1001, reason: 'test: network down' })));
    },
    up: () => {
      offline = false;
    },
  };
}
