/**
 * The web app in real headless Chromium against a real server on a random loopback port: one
 * server and one browser per test file, a browser context (its own cookies) per person.
 *
 * ```ts
 * let app: AppUnderTest;
 * beforeAll(async () => { app = await startAppUnderTest(); }, 120_000);
 * afterAll(() => app?.close());
 * it('...', async () => { const ann = await app.person(); await ann.page.goto('/'); });
 * ```
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@touchline/server/testing';
import { launchChromium } from '@touchline/snippet/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { ensureWebBuild, WEB_DIR } from '../build.ts';

/** Where the screenshots of the main pages go (git ignores it): to look at, not to compare. */
export const SCREENSHOT_DIR = join(WEB_DIR, 'screenshots');
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

export interface Person {
  context: BrowserContext;
  page: Page;
  /** What went wrong in the page: uncaught errors and Content Security Policy refusals. */
  problems: string[];
  /** The page's recent console lines, failed requests and error answers, printed when a test fails. */
  journal: string[];
}

export interface AppUnderTest {
  server: TestServer;
  browser: Browser;
  url: string;
  /** A new person at the app: a browser context of their own, a page, English unless told. */
  person(options?: { locale?: string }): Promise<Person>;
  close(): Promise<void>;
}

/** Builds the app if its sources changed, then starts a server (with the demo workspace) and Chromium. */
export async function startAppUnderTest(options: { demo?: boolean } = {}): Promise<AppUnderTest> {
  await ensureWebBuild();
  const [server, browser] = await Promise.all([
    startTestServer({ demo: options.demo ?? true, demoCustomers: 200 }),
    launchChromium(),
  ]);
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    url: server.url,
    async person({ locale = 'en-GB' } = {}) {
      const context = await browser.newContext({
        baseURL: server.url,
        locale,
        viewport: { width: 1280, height: 860 },
      });
      contexts.push(context);
      // Below the test's own timeout, so a wait that fails says what it waited for.
      context.setDefaultTimeout(10_000);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const page = await context.newPage();
      const problems: string[] = [];
      const journal: string[] = [];
      const note = (line: string) => {
        journal.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
        if (journal.length > JOURNAL_LINES) journal.shift();
      };
      page.on('pageerror', (error) => {
        problems.push(`uncaught: ${error.message}`);
        note(`uncaught: ${error.stack ?? error.message}`);
      });
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) problems.push(`CSP: ${message.text()}`);
        note(`console.${message.type()}: ${message.text()}`);
      });
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) note(`at ${frame.url()}`);
      });
      page.on('requestfailed', (request) =>
        note(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`),
      );
      page.on('response', (response) => {
        if (response.status() >= 400)
          note(`${response.status()}: ${response.request().method()} ${response.url()}`);
      });
      return { context, page, problems, journal };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser?.close();
      await server?.close();
    },
  };
}

const JOURNAL_LINES = 40;

/**
 * Prints what the people's pages did lately when the current test fails; call it in `beforeEach`.
 *
 * @example
 * beforeEach(() => reportWhenFailed(() => [ann]));
 */
export function reportWhenFailed(people: () => (Person | undefined)[]) {
  onTestFailed(() => {
    for (const [index, person] of people().entries()) {
      if (person) console.error(`person ${index + 1} at ${person.page.url()}:\n${person.journal.join('\n')}`);
    }
  });
}

/** `expect.poll` with the patience a page on a busy two-core machine needs (vitest's default is 1 s). */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 100 });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now.
 * axe comes from node_modules, evaluated through the DevTools protocol: a script tag would be
 * refused by the app's CSP (no inline scripts), which the tests keep on.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) {
    axeSource ??= readFileSync(AXE_SCRIPT, 'utf8');
    await page.evaluate(`${axeSource}\n;void 0`);
  }
  const violations = await page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const page = globalThis as unknown as {
      axe: { run(context: unknown, options: object): Promise<AxeResult> };
      document: unknown;
    };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Saves a screenshot of the whole page to screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
