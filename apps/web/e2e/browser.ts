// Shared by the browser end-to-end tests: the real stack (api, worker, web) on a test database, Chromium,
// pages that collect their uncaught errors, and signed-in contexts.
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from '@dlclass/contracts';
import { createTestDatabase, type TestDatabase } from '@dlclass/db/testing';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

type Stack = { webUrl: string; stop(): Promise<void> };

/** What the web client sends with every API call: a test calling the API with a page's cookie sends it too. */
export const API_CALL_HEADERS = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
const { startStack } = require('../../../scripts/lib/stack.cjs') as {
  startStack(options: Record<string, unknown>): Promise<Stack>;
};
const { freePort } = require('../../../scripts/lib/net.cjs') as { freePort(): Promise<number> };

/** A fixed API port lets later runs reuse the web build made for it (Next bakes the API address in). */
const API_PORT = Number(process.env.E2E_API_PORT) || 3901;

/** api + worker + web on the test database; `name` keeps the training queue apart from other runs. */
async function startBrowserStack(db: TestDatabase, name: string): Promise<Stack> {
  return startStack({
    apiPort: API_PORT,
    webPort: await freePort(),
    databaseUrl: db.url,
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    quiet: !process.env.E2E_VERBOSE,
    env: {
      TRAINING_QUEUE_NAME: `${name}-${process.pid}`,
      WORKER_ID: `${name}-${process.pid}`,
      LOG_LEVEL: 'warn',
      // Every test stack's clients are 127.0.0.1 in the shared Redis: per-address limits would add up.
      RATE_LIMIT_LOGIN_PER_IP: '100000',
      RATE_LIMIT_JOIN_PER_IP: '100000',
    },
  });
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export type OpenedPage = { context: BrowserContext; page: Page; errors: string[] };

/** A page in a new context; uncaught page errors are collected so a page that throws fails the test. */
async function openPage(
  browser: Browser,
  setup?: (context: BrowserContext) => Promise<void>,
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await setup?.(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** A page already signed in with a session token (from `issueSessionToken`). */
function openSignedInPage(
  browser: Browser,
  webUrl: string,
  token: string,
  setup?: (context: BrowserContext) => Promise<void>,
): Promise<OpenedPage> {
  return openPage(browser, async (context) => {
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: webUrl }]);
    await setup?.(context);
  });
}

/** What a browser suite gives its tests once its `beforeAll` has run. */
export type BrowserSuite<T> = {
  /** What the suite's `seed` returned. */
  readonly seeded: T;
  readonly webUrl: string;
  /** A new page, signed in when a session token is given; an uncaught error in it fails the test. */
  open(token?: string, setup?: (context: BrowserContext) => Promise<void>): Promise<OpenedPage>;
};

/**
 * Registers a browser suite's hooks: a test database filled by `seed`, the real stack on it (`name` keeps its
 * training queue apart) and Chromium, all stopped after the suite; after each test, no page it opened threw.
 */
export function browserSuite<T>(name: string, seed: (db: TestDatabase) => Promise<T>): BrowserSuite<T> {
  let db: TestDatabase | undefined;
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let seeded: { value: T } | undefined;
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    seeded = { value: await seed(db) };
    stack = await startBrowserStack(db, name);
    browser = await launchChromium();
  });
  afterEach(() => {
    for (const { errors } of opened.splice(0)) expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await db?.drop();
  });

  const started = () => {
    if (!browser || !stack || !seeded) throw new Error('the browser suite did not start');
    return { browser, stack, seeded: seeded.value };
  };
  return {
    get seeded() {
      return started().seeded;
    },
    get webUrl() {
      return started().stack.webUrl;
    },
    async open(token, setup) {
      const { browser, stack } = started();
      const page = token
        ? await openSignedInPage(browser, stack.webUrl, token, setup)
        : await openPage(browser, setup);
      opened.push(page);
      return page;
    },
  };
}

/**
 * Makes both Socket.IO transports fail in this context, as behind a proxy that refuses websockets and long
 * polling; `onBlocked` counts the attempts.
 */
export async function blockRealtime(context: BrowserContext, onBlocked: () => void): Promise<void> {
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    onBlocked();
    ws.close();
  });
  await context.route(/\/socket\.io\//, (route) => {
    onBlocked();
    return route.abort();
  });
}

/** Waits until the drawing step's model is loaded in the page. */
export async function waitForModel(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="model-load-status"][data-ready="true"]', { timeout: 60_000 });
}

/** Draws a "1" on the drawing canvas: a vertical stroke through its middle. */
export async function drawOne(page: Page): Promise<void> {
  const canvas = page.getByTestId('drawing-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the drawing canvas is not visible');
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(x, box.y + box.height * (0.15 + 0.07 * step));
  }
  await page.mouse.up();
}

/** The ten probabilities once the model answered (all bars filled). */
export async function readProbabilities(page: Page): Promise<number[]> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid="probability-bar"]')].every(
        (bar) => bar.getAttribute('data-value') !== '',
      ),
    null,
    { timeout: 30_000 },
  );
  return page
    .getByTestId('probability-bar')
    .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-value'))));
}

/** Saves a screenshot (a whole page, or one element) under E2E_SCREENSHOT_DIR when it is set, to look at. */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  const path = `${dir}/${name}.png`;
  if ('goto' in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}
