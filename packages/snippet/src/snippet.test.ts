/**
 * The snippet in real headless Chromium against a real HTTP server that serves a test page, the
 * built snippet and a collect endpoint recording what arrives. The page's clock is Playwright's
 * (paused at a known instant), so timestamps, the flush delay and the session gap are exact.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildSnippet,
  type CollectBody,
  type CollectEvent,
  FLUSH_DELAY_MS,
  FLUSH_SIZE,
  SESSION_TIMEOUT_MS,
} from './index.ts';
import { launchChromium } from './testing/browser.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const VISITOR = /^v-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The page's clock stands still here until a test moves it. */
const NOW = new Date('2026-11-02T10:00:00.000Z');
const STUB = 'window.touchline=window.touchline||function(){(touchline.q=touchline.q||[]).push(arguments)};';

/** One request that reached a collect endpoint. */
interface Received {
  body: CollectBody;
  contentType: string | undefined;
}

/** A site on a random loopback port: the test page for any path, the snippet, the collect endpoint. */
interface TestSite {
  origin: string;
  received: Received[];
  /** OPTIONS requests: a CORS preflight the snippet should never cause. */
  preflights: number;
  /** The HTML every page path answers with. */
  html: string;
  close(): Promise<void>;
}

async function startSite(snippet: string): Promise<TestSite> {
  const site: Omit<TestSite, 'origin' | 'close'> = { received: [], preflights: 0, html: '' };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    if (request.method === 'OPTIONS') {
      site.preflights += 1;
      response.writeHead(204).end();
    } else if (request.method === 'POST' && path === '/api/collect') {
      let text = '';
      for await (const chunk of request) text += chunk;
      site.received.push({
        body: JSON.parse(text) as CollectBody,
        contentType: request.headers['content-type'],
      });
      response.writeHead(204).end();
    } else if (path === '/touchline.js') {
      response.writeHead(200, { 'content-type': 'application/javascript' }).end(snippet);
    } else if (path === '/favicon.ico') {
      response.writeHead(404).end();
    } else {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(site.html);
    }
  };
  const server: Server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(site, {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

interface PageOptions {
  key: string;
  title?: string;
  /** Extra attributes of the script tag. */
  attributes?: string;
  /** Inline script that runs before the snippet loads. */
  before?: string;
  body?: string;
}

function pageHtml(options: PageOptions): string {
  const before = options.before ? `<script>${options.before}</script>` : '';
  return `<!doctype html><html><head><title>${options.title ?? ''}</title>${before}
<script async src="/touchline.js" data-key="${options.key}" ${options.attributes ?? ''}></script>
</head><body>${options.body ?? ''}</body></html>`;
}

let browser: Browser;
let site: TestSite;
let context: BrowserContext;
let keys = 0;

let launching: Promise<Browser>;

beforeAll(async () => {
  launching = launchChromium();
  // Awaited per test, so a missing browser fails every test with its message instead of skipping them.
  launching.catch(() => {});
  site = await startSite(await buildSnippet());
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  browser = await launching;
  context = await browser.newContext();
});
afterEach(async () => {
  await context?.close();
});

/** A key of its own per test, so late requests of one test never count for another. */
function newSite(options: Omit<PageOptions, 'key'> = {}): string {
  keys += 1;
  const key = `tl_ingest_test${keys}`;
  site.html = pageHtml({ key, ...options });
  return key;
}

/** A new page whose clock stands still at NOW; `initScript` runs before every document's own. */
async function newPage(initScript?: string, inContext: BrowserContext = context): Promise<Page> {
  const page = await inContext.newPage();
  if (initScript) await page.addInitScript(initScript);
  await page.clock.install({ time: NOW.getTime() - 60_000 });
  await page.clock.pauseAt(NOW);
  return page;
}

/** Opens `path` (in a new page unless given one) and waits until the snippet has loaded. */
async function open(path: string, page?: Page): Promise<Page> {
  const opened = page ?? (await newPage());
  await opened.goto(site.origin + path);
  await opened.waitForFunction('window.touchline && window.touchline.loaded');
  return opened;
}

function batches(key: string): Received[] {
  return site.received.filter((received) => received.body.key === key);
}

function eventsOf(key: string): CollectEvent[] {
  return batches(key).flatMap((received) => received.body.events);
}

/** Waits until `count` requests with this key arrived and returns their events. */
async function waitForBatches(key: string, count: number): Promise<CollectEvent[]> {
  await vi.waitFor(() => expect(batches(key)).toHaveLength(count), { timeout: 10_000, interval: 20 });
  return eventsOf(key);
}

/** Waits until `count` events with this key arrived and returns them. */
async function waitForEvents(key: string, count: number): Promise<CollectEvent[]> {
  await vi.waitFor(() => expect(eventsOf(key)).toHaveLength(count), { timeout: 10_000, interval: 20 });
  return eventsOf(key);
}

/** Runs the page's clock past the flush delay so queued events are sent. */
async function flushByTimer(page: Page): Promise<void> {
  await page.clock.runFor(FLUSH_DELAY_MS);
}

describe('the tracking snippet in Chromium', () => {
  it('sends a page view on load with the url, title and time, as text/plain without a preflight', async () => {
    const key = newSite({ title: 'Running shoes' });
    const page = await open('/shoes/running?color=red#reviews');
    await flushByTimer(page);
    const [view, ...rest] = await waitForBatches(key, 1);
    expect(rest).toEqual([]);
    expect(view).toEqual({
      event_id: expect.stringMatching(UUID),
      user_id: expect.stringMatching(VISITOR),
      timestamp: '2026-11-02T10:00:00.000Z',
      event: 'page_view',
      session_id: expect.stringMatching(UUID),
      url: '/shoes/running?color=red',
      properties: { title: 'Running shoes' },
    });
    expect(batches(key)[0]?.contentType).toBe('text/plain;charset=UTF-8');
    expect(site.preflights).toBe(0);
  });

  it('puts revenue, value, channel and campaign of a custom event in their fields and the rest in properties', async () => {
    const key = newSite();
    const page = await open('/checkout');
    await page.evaluate(
      `touchline('track', 'order_completed', {revenue: 129.95, value: '4', channel: 'email', campaign: 'spring', order_id: 'o-1', items: 2});
       touchline('track', 'size_advice');`,
    );
    await flushByTimer(page);
    const [view, order, advice] = await waitForBatches(key, 1);
    expect(order).toMatchObject({
      event: 'order_completed',
      user_id: view?.user_id,
      session_id: view?.session_id,
      url: '/checkout',
      revenue: 129.95,
      value: 4,
      channel: 'email',
      campaign: 'spring',
      properties: { order_id: 'o-1', items: 2 },
    });
    expect(advice).toEqual({
      event_id: expect.stringMatching(UUID),
      user_id: view?.user_id,
      timestamp: '2026-11-02T10:00:00.000Z',
      event: 'size_advice',
      session_id: view?.session_id,
      url: '/checkout',
    });
  });

  it('batches the events of a second into one request, and sends at once when 20 are queued', async () => {
    const key = newSite();
    const page = await open('/');
    await page.evaluate(`for (let i = 1; i <= 3; i++) touchline('track', 'step', {i})`);
    // The page view and three steps wait for the delay: nothing has been sent yet.
    await page.waitForTimeout(200);
    expect(batches(key)).toHaveLength(0);
    await flushByTimer(page);
    await waitForBatches(key, 1);
    expect(batches(key)[0]?.body.events.map((e) => e.event)).toEqual(['page_view', 'step', 'step', 'step']);

    // 25 at once: the 20th sends without waiting for the clock, the other 5 wait for the delay.
    await page.evaluate(`for (let i = 1; i <= 25; i++) touchline('track', 'burst', {i})`);
    await waitForBatches(key, 2);
    await flushByTimer(page);
    await waitForBatches(key, 3);
    const sizes = batches(key).map((received) => received.body.events.length);
    expect(sizes).toEqual([4, FLUSH_SIZE, 25 - FLUSH_SIZE]);
    const order = batches(key)
      .slice(1)
      .flatMap((received) => received.body.events.map((e) => e.properties?.i));
    expect(order).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('tags the landing page view with the campaign once per session and counts pages moved to in the page', async () => {
    const key = newSite({ title: 'Brand' });
    const landing = '/lp/brand?utm_source=google&utm_medium=cpc&utm_campaign=brand-search';
    const page = await open(landing);
    // The snippet looks at the URL a moment after it changed: one step of the page's clock.
    await page.evaluate(`history.pushState({}, '', '/product/42'); document.title = 'Trail runner'`);
    await page.clock.runFor(1);
    // Same URL again (routers do this on hydration): not a page view.
    await page.evaluate(`history.replaceState({}, '', '/product/42')`);
    await page.clock.runFor(1);
    await page.evaluate('history.back()');
    await page.waitForURL(`**${landing}`);
    await page.clock.runFor(1);
    await flushByTimer(page);
    const events = await waitForBatches(key, 1);
    const href = site.origin + landing;
    expect(
      events.map(({ url, channel, campaign, properties }) => ({ url, channel, campaign, properties })),
    ).toEqual([
      {
        url: landing,
        channel: 'search',
        campaign: 'brand-search',
        properties: { title: 'Brand', utm_source: 'google' },
      },
      {
        url: '/product/42',
        channel: undefined,
        campaign: undefined,
        properties: { title: 'Trail runner', referrer: href },
      },
      // Back on the landing URL in the same session: the campaign touched once already.
      {
        url: landing,
        channel: undefined,
        campaign: undefined,
        properties: { title: 'Trail runner', referrer: `${site.origin}/product/42` },
      },
    ]);

    // A reload is the same session: still no second touch. An e-mail link is a new one.
    await open(landing, page);
    await open('/?utm_medium=newsletter&utm_campaign=weekly-42', page);
    await open('/?gclid=abc123', page);
    await flushByTimer(page);
    const later = (await waitForEvents(key, 6)).slice(3);
    expect(later.map(({ channel, campaign }) => [channel, campaign])).toEqual([
      [undefined, undefined],
      ['email', 'weekly-42'],
      ['search', undefined],
    ]);
  });

  it('identify joins the anonymous visitor to the customer once, and later events carry the customer id', async () => {
    const key = newSite();
    const page = await open('/account');
    await page.evaluate(
      `touchline('identify', 'c-1042'); touchline('track', 'login'); touchline('identify', 'c-1042')`,
    );
    await flushByTimer(page);
    const [view, identify, login, ...rest] = await waitForBatches(key, 1);
    expect(rest).toEqual([]);
    const anonymousId = view?.user_id;
    expect(anonymousId).toMatch(VISITOR);
    expect(identify).toMatchObject({
      event: 'identify',
      user_id: 'c-1042',
      session_id: view?.session_id,
      properties: { anonymous_id: anonymousId },
    });
    expect(login).toMatchObject({ event: 'login', user_id: 'c-1042' });

    // The customer id is kept: the next page is theirs, and identifying again sends nothing.
    await open('/orders', page);
    await page.evaluate(`touchline('identify', 'c-1042'); touchline('track', 'reorder')`);
    await flushByTimer(page);
    const next = (await waitForEvents(key, 5)).slice(3);
    expect(next.map((e) => [e.event, e.user_id])).toEqual([
      ['page_view', 'c-1042'],
      ['reorder', 'c-1042'],
    ]);
    expect(await page.evaluate('localStorage.getItem("tl_vid")')).toBe(anonymousId);
  });

  it('keeps the session within 30 minutes without events and starts a new one after', async () => {
    const key = newSite();
    const page = await open('/');
    await page.clock.fastForward(SESSION_TIMEOUT_MS - 60_000);
    await page.evaluate(`touchline('track', 'still_here')`);
    await page.clock.fastForward(SESSION_TIMEOUT_MS - 60_000);
    await page.evaluate(`touchline('track', 'still_here')`);
    await page.clock.fastForward(SESSION_TIMEOUT_MS + 60_000);
    await page.evaluate(`touchline('track', 'back_again')`);
    await flushByTimer(page);
    const events = await waitForBatches(key, 4);
    expect(events.map((e) => [e.event, e.timestamp])).toEqual([
      ['page_view', '2026-11-02T10:00:00.000Z'],
      ['still_here', '2026-11-02T10:29:00.000Z'],
      ['still_here', '2026-11-02T10:58:00.000Z'],
      ['back_again', '2026-11-02T11:29:00.000Z'],
    ]);
    const [first, second, third, fourth] = events.map((e) => e.session_id);
    expect([second, third]).toEqual([first, first]);
    expect(fourth).toMatch(UUID);
    expect(fourth).not.toBe(first);
    expect(new Set(events.map((e) => e.user_id)).size).toBe(1);
  });

  it('sends what is queued by beacon when the visitor leaves, before the flush delay', async () => {
    const key = newSite({ title: 'Home', body: '<a href="/next">next</a>' });
    // Counts beacons where the next page of the same origin can read them.
    const page = await newPage(`const send = navigator.sendBeacon.bind(navigator);
      navigator.sendBeacon = (url, body) => {
        sessionStorage.setItem('beacons', String(Number(sessionStorage.getItem('beacons') ?? 0) + 1));
        return send(url, body);
      }`);
    await open('/', page);
    await page.evaluate(`touchline('track', 'newsletter_signup')`);
    // The clock stands still, so only leaving the page can send these two.
    await page.click('a');
    await page.waitForURL('**/next');
    const left = await waitForBatches(key, 1);
    expect(left.map((e) => e.event)).toEqual(['page_view', 'newsletter_signup']);
    expect(await page.evaluate('sessionStorage.getItem("beacons")')).toBe('1');
    await page.waitForFunction('window.touchline && window.touchline.loaded');
    await flushByTimer(page);
    const [, , next] = await waitForBatches(key, 2);
    expect(next).toMatchObject({
      event: 'page_view',
      url: '/next',
      properties: { referrer: `${site.origin}/` },
    });
    expect(next?.session_id).toBe(left[0]?.session_id);
  });

  it.each([
    // Headless Chromium never hides a tab, so the page is told the way a tab switch tells it.
    [
      'the page is hidden',
      `Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
       document.dispatchEvent(new Event('visibilitychange'))`,
    ],
    // What a browser that keeps the page in its back/forward cache tells it, without hiding it.
    ['the page is put away', `dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}))`],
  ])('sends what is queued by beacon when %s', async (_, leave) => {
    const key = newSite();
    const page = await open('/');
    await page.evaluate(`touchline('track', 'added_to_cart')`);
    await page.evaluate(leave);
    const events = await waitForBatches(key, 1);
    expect(events.map((e) => e.event)).toEqual(['page_view', 'added_to_cart']);
  });

  it('replays the calls made before the script loaded, then sends the landing page view', async () => {
    const key = newSite({
      before: `${STUB} touchline('identify', 'c-7'); touchline('track', 'cta_seen', {variant: 'b'});`,
    });
    const page = await open('/pricing');
    await flushByTimer(page);
    const events = await waitForBatches(key, 1);
    expect(events.map((e) => [e.event, e.user_id])).toEqual([
      ['identify', 'c-7'],
      ['cta_seen', 'c-7'],
      ['page_view', 'c-7'],
    ]);
    expect(events[0]?.properties?.anonymous_id).toMatch(VISITOR);
    expect(events[1]?.properties).toEqual({ variant: 'b' });
  });

  it.each([
    ['navigator.doNotTrack', `Object.defineProperty(Navigator.prototype, 'doNotTrack', {get: () => '1'})`],
    ['window.doNotTrack', `window.doNotTrack = '1'`],
    [
      'navigator.globalPrivacyControl',
      `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})`,
    ],
  ])('sends and stores nothing when %s asks not to be tracked', async (_, setting) => {
    const key = newSite({ before: `${STUB} touchline('track', 'early')`, body: '<a href="/next">next</a>' });
    const page = await newPage(setting);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') requests.push(request.url());
    });
    await open('/?utm_medium=cpc', page);
    await page.evaluate(
      `touchline('identify', 'c-1'); touchline('track', 'late'); history.pushState({}, '', '/two')`,
    );
    await flushByTimer(page);
    await page.click('a');
    await page.waitForURL('**/next');
    await page.waitForFunction('window.touchline && window.touchline.loaded');
    await flushByTimer(page);
    expect(await page.evaluate('Object.keys(localStorage).length + document.cookie.length')).toBe(0);
    // A page without the setting, in the same server, is heard: the silence above is the setting.
    const control = await browser.newContext();
    const controlPage = await open('/', await newPage(undefined, control));
    await flushByTimer(controlPage);
    await waitForBatches(key, 1);
    await control.close();
    expect(requests).toEqual([]);
    expect(batches(key)).toHaveLength(1);
  });

  it('without data-auto sends page views only when asked, to the endpoint of data-endpoint without a preflight', async () => {
    const collector = await startSite('');
    try {
      const key = newSite({
        attributes: `data-auto="false" data-endpoint="${collector.origin}/api/collect"`,
      });
      const page = await open('/app');
      await page.evaluate(`history.pushState({}, '', '/app/settings')`);
      await flushByTimer(page);
      await page.evaluate(`touchline('page')`);
      await flushByTimer(page);
      await vi.waitFor(() => expect(collector.received).toHaveLength(1), { timeout: 10_000, interval: 20 });
      expect(collector.received[0]?.body.events.map((e) => [e.event, e.url])).toEqual([
        ['page_view', '/app/settings'],
      ]);
      expect(batches(key)).toHaveLength(0);
      expect(collector.preflights).toBe(0);
    } finally {
      await collector.close();
    }
  });

  it('keeps the visitor in a first-party cookie without localStorage, and in memory without either', async () => {
    const noLocalStorage = `Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError') }})`;
    const key = newSite();
    const page = await newPage(noLocalStorage);
    await open('/', page);
    await open('/again', page);
    await flushByTimer(page);
    const [first, second] = await waitForEvents(key, 2);
    expect(second?.user_id).toBe(first?.user_id);
    expect(second?.session_id).toBe(first?.session_id);
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'tl_vid')?.value).toBe(first?.user_id);
    expect(cookies.find((cookie) => cookie.name === 'tl_vid')?.sameSite).toBe('Lax');

    const memoryContext = await browser.newContext();
    try {
      const memoryPage = await newPage(
        `${noLocalStorage}; Object.defineProperty(Document.prototype, 'cookie', {get: () => '', set() {}})`,
        memoryContext,
      );
      await open('/', memoryPage);
      await memoryPage.evaluate(`touchline('track', 'click')`);
      await open('/', memoryPage);
      await flushByTimer(memoryPage);
      const [view, click, reloaded] = (await waitForEvents(key, 5)).slice(2);
      expect(view?.user_id).toMatch(VISITOR);
      expect(click?.user_id).toBe(view?.user_id);
      expect(reloaded?.user_id).toMatch(VISITOR);
      expect(reloaded?.user_id).not.toBe(view?.user_id);
    } finally {
      await memoryContext.close();
    }
  });

  it('gives every event a random UUID, also where crypto.randomUUID is missing', async () => {
    const key = newSite();
    const page = await newPage('delete Crypto.prototype.randomUUID');
    await open('/', page);
    expect(await page.evaluate('typeof crypto.randomUUID')).toBe('undefined');
    await page.evaluate(`for (let i = 0; i < 59; i++) touchline('track', 'scroll')`);
    await waitForBatches(key, 3);
    const ids = eventsOf(key).map((e) => e.event_id);
    expect(ids).toHaveLength(60);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(60);

    const all = site.received.flatMap((received) => received.body.events.map((e) => e.event_id));
    expect(new Set(all).size).toBe(all.length);
  });
});
