/**
 * The tracking snippet served at `/touchline.js`, bundled to one minified IIFE by `buildSnippet()`.
 * No dependencies. The package's CONTEXT.md says the same at more length.
 *
 * ```html
 * <script>window.touchline=window.touchline||function(){(touchline.q=touchline.q||[]).push(arguments)}</script>
 * <script async src="https://host/touchline.js" data-key="tl_ingest_..."
 *   data-endpoint="https://host/api/collect" data-auto="false"></script>
 * ```
 *
 * - `data-key` is required; `data-endpoint` defaults to `/api/collect` on the script's origin;
 *   `data-auto="false"` turns off the automatic page views.
 * - `touchline('page')` sends a `page_view` (url = path + query, properties `title`, `referrer`);
 *   automatic on load and when history.pushState / replaceState / popstate change the URL.
 * - `touchline('track', name, props)`: `revenue`, `value`, `channel`, `campaign` of props go to
 *   their fields, the rest to `properties`.
 * - `touchline('identify', customerId)`: later events carry the customer id (kept in storage); one
 *   `identify` event with `properties.anonymous_id` joins the visitor's earlier journey to it.
 * - Calls made to the stub before the script loaded are replayed first, then the landing page view.
 * - utm parameters (or gclid / fbclid) tag the landing page view with channel and campaign, once per
 *   session: the session remembers them, so a reload or a way back to that URL is no second touch.
 * - The visitor id lives in localStorage, else a first-party cookie, else memory; the session id is
 *   renewed after 30 minutes without an event.
 * - Events go in batches: after 1 s or at 20 queued, by `fetch` (keepalive, no-cors); by
 *   `sendBeacon` when the page is hidden or put away. Bodies are `text/plain` JSON `{key, events}`,
 *   so no CORS preflight.
 * - Do Not Track or Global Privacy Control: nothing is sent or stored.
 */
import { campaignFromSearch } from '../campaign.ts';
import {
  type CollectBody,
  type CollectEvent,
  FLUSH_DELAY_MS,
  FLUSH_SIZE,
  IDENTIFY,
  PAGE_VIEW,
  SESSION_TIMEOUT_MS,
  type TouchlineCall,
  VISITOR_ID_PREFIX,
} from '../collect.ts';

/** `window.touchline`: the stub's queue `q` before the snippet loads, `loaded` after. */
interface TouchlineFunction {
  (...call: TouchlineCall): void;
  q?: ArrayLike<unknown>[];
  loaded?: true;
}

declare global {
  interface Window {
    touchline?: TouchlineFunction;
    /** Old Internet Explorer and Safari put the Do Not Track setting here. */
    doNotTrack?: string;
  }
  interface Navigator {
    globalPrivacyControl?: boolean;
  }
}

/** The session as stored: id, time of the last event, and the campaign it was tagged with. */
interface StoredSession {
  id: string;
  last: number;
  /** `channel \0 campaign` of the campaign URL that last tagged a page view in this session. */
  source?: string;
}

const VISITOR_KEY = 'tl_vid';
const CUSTOMER_KEY = 'tl_uid';
const SESSION_KEY = 'tl_session';

/** Where ids live: localStorage, else a first-party cookie, else this page's memory. */
interface IdStore {
  get(key: string): string | null | undefined;
  set(key: string, value: string): void;
}

function localStore(): IdStore {
  const storage = localStorage;
  storage.setItem(`${VISITOR_KEY}_`, '1');
  storage.removeItem(`${VISITOR_KEY}_`);
  return {
    get: (key) => storage.getItem(key),
    set: (key, value) => storage.setItem(key, value),
  };
}

function cookieStore(): IdStore | undefined {
  const probe = `${VISITOR_KEY}_=1`;
  const write = (cookie: string, maxAge: number) => {
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is async and missing in Safari and Firefox.
    document.cookie = `${cookie};path=/;max-age=${maxAge};samesite=lax${location.protocol === 'https:' ? ';secure' : ''}`;
  };
  write(probe, 60);
  if (!document.cookie.includes(probe)) return undefined;
  write(probe, 0);
  return {
    get: (key) => {
      const found = document.cookie.match(`(?:^|; )${key}=([^;]*)`);
      return found?.[1] && decodeURIComponent(found[1]);
    },
    // 400 days: the longest lifetime browsers keep a cookie.
    set: (key, value) => write(`${key}=${encodeURIComponent(value)}`, 34_560_000),
  };
}

function memoryStore(): IdStore {
  const values = new Map<string, string>();
  return { get: (key) => values.get(key), set: (key, value) => values.set(key, value) };
}

function openStore(): IdStore {
  let store: IdStore | undefined;
  try {
    store = localStore();
  } catch {
    try {
      store = cookieStore();
    } catch {}
  }
  const chosen = store ?? memoryStore();
  return {
    get: (key) => {
      try {
        return chosen.get(key);
      } catch {
        return undefined;
      }
    },
    set: (key, value) => {
      try {
        chosen.set(key, value);
      } catch {}
    },
  };
}

/** A random UUID: crypto.randomUUID where the page has it (secure contexts), else v4 by hand. */
function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function doNotTrack(): boolean {
  return navigator.doNotTrack === '1' || window.doNotTrack === '1' || !!navigator.globalPrivacyControl;
}

function start(script: HTMLScriptElement | null, key: string): TouchlineFunction {
  const endpoint = script?.dataset.endpoint || new URL('/api/collect', script?.src || location.href).href;
  const store = openStore();
  const visitorId = store.get(VISITOR_KEY) || VISITOR_ID_PREFIX + uuid();
  // Written on every load, which also renews a cookie's lifetime.
  store.set(VISITOR_KEY, visitorId);
  let customerId = store.get(CUSTOMER_KEY);
  let queue: CollectEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The page view before the next one: the referrer of pages reached inside the page.
  let previousHref = document.referrer;
  let lastPageUrl: string | undefined;

  const currentUrl = () => location.pathname + location.search;

  /** The session of an event at `now`: renewed after 30 minutes without one. */
  function touchSession(now: number): StoredSession {
    let session: StoredSession | undefined;
    try {
      session = JSON.parse(store.get(SESSION_KEY) || 'null') ?? undefined;
    } catch {}
    if (!session?.id || !(now - session.last <= SESSION_TIMEOUT_MS)) session = { id: uuid(), last: now };
    session.last = now;
    store.set(SESSION_KEY, JSON.stringify(session));
    return session;
  }

  function post(body: string, attempt: number): void {
    // no-cors: the response is not read, and a missing CORS header must not look like a failure
    // (which would send the batch again). Keepalive lets the request outlive the page, up to 64 KiB.
    fetch(endpoint, { method: 'POST', body, keepalive: body.length < 60_000, mode: 'no-cors' }).catch(() => {
      // The network failed: try twice more; event ids make a batch that did arrive a no-op.
      if (attempt < 2) setTimeout(() => post(body, attempt + 1), 2000 << attempt);
    });
  }

  function flush(leaving?: boolean): void {
    clearTimeout(timer);
    timer = undefined;
    if (!queue.length) return;
    const body = JSON.stringify({ key, events: queue } satisfies CollectBody);
    queue = [];
    // A beacon is delivered after the page is gone; a string body goes as text/plain.
    if (!(leaving && navigator.sendBeacon?.(endpoint, body))) post(body, 0);
  }

  function send(event: string, fields: Partial<CollectEvent>, session?: StoredSession): void {
    const now = Date.now();
    queue.push({
      event_id: uuid(),
      user_id: customerId || visitorId,
      timestamp: new Date(now).toISOString(),
      event,
      session_id: (session ?? touchSession(now)).id,
      url: currentUrl(),
      ...fields,
    });
    if (queue.length >= FLUSH_SIZE) flush();
    else timer ??= setTimeout(flush, FLUSH_DELAY_MS);
  }

  function page(): void {
    const session = touchSession(Date.now());
    const fields: Partial<CollectEvent> = {};
    const properties: Record<string, unknown> = {};
    if (document.title) properties.title = document.title;
    if (previousHref) properties.referrer = previousHref;
    const source = campaignFromSearch(location.search);
    const sourceKey = source && `${source.channel}\0${source.campaign}`;
    // The campaign tags the page view that is the touch, once per session: a reload of the
    // landing URL is not a second touch.
    if (source && session.source !== sourceKey) {
      if (source.channel) fields.channel = source.channel;
      if (source.campaign) fields.campaign = source.campaign;
      if (source.source) properties.utm_source = source.source;
      session.source = sourceKey;
      store.set(SESSION_KEY, JSON.stringify(session));
    }
    if (Object.keys(properties).length) fields.properties = properties;
    previousHref = location.href;
    lastPageUrl = currentUrl();
    send(PAGE_VIEW, fields, session);
  }

  function track(name: unknown, props?: unknown): void {
    if (typeof name !== 'string' || !name) return;
    const fields: Partial<CollectEvent> = {};
    const properties: Record<string, unknown> = {};
    if (props && typeof props === 'object') {
      for (const [property, value] of Object.entries(props)) {
        if (
          (property === 'revenue' || property === 'value') &&
          value !== '' &&
          Number.isFinite(Number(value))
        )
          fields[property] = Number(value);
        else if ((property === 'channel' || property === 'campaign') && typeof value === 'string' && value)
          fields[property] = value;
        else properties[property] = value;
      }
    }
    if (Object.keys(properties).length) fields.properties = properties;
    send(name, fields);
  }

  function identify(id: unknown): void {
    if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return;
    const customer = String(id);
    if (customer === customerId) return;
    customerId = customer;
    store.set(CUSTOMER_KEY, customer);
    send(IDENTIFY, { properties: { anonymous_id: visitorId } });
  }

  const touchline: TouchlineFunction = (...call: unknown[]) => {
    const [command, first, second] = call;
    if (command === 'track') track(first, second);
    else if (command === 'page') page();
    else if (command === 'identify') identify(first);
  };

  const leave = () => flush(true);
  addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });
  if (script?.dataset.auto !== 'false') {
    // After the page's own code changed the URL and, in the same task, usually the title.
    const pageIfMoved = () =>
      setTimeout(() => {
        if (currentUrl() !== lastPageUrl) page();
      });
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        pageIfMoved();
      };
    }
    addEventListener('popstate', pageIfMoved);
  }
  return touchline;
}

function main(): void {
  const existing = window.touchline;
  if (existing?.loaded) return;
  const queued = existing?.q ?? [];
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-key]');
  const key = script?.dataset.key;
  let touchline: TouchlineFunction = () => {};
  if (!key) console.warn('touchline: the script tag has no data-key; nothing is sent');
  else if (!doNotTrack()) touchline = start(script, key);
  touchline.loaded = true;
  window.touchline = touchline;
  // Calls made before the script loaded, then the landing page view.
  for (const call of queued) touchline(...(Array.from(call) as TouchlineCall));
  if (key && script?.dataset.auto !== 'false') touchline('page');
}

main();
