/**
 * The collect protocol: what the snippet sends to the collect endpoint. Shared by the browser
 * code and, later, the server that receives it. Pure: no DOM and no Node APIs, so both sides'
 * type checks accept it.
 */

/**
 * One canonical event as the snippet sends it (the column names of an import file). `timestamp`
 * is ISO 8601 in UTC (`2026-11-02T10:00:00.000Z`); `url` is the page's path and query.
 */
export interface CollectEvent {
  /** Random per event (a UUID), so a batch sent twice is stored once. */
  event_id: string;
  /** The customer id once `identify` was called, else the anonymous visitor id (`v-<uuid>`). */
  user_id: string;
  timestamp: string;
  event: string;
  session_id: string;
  channel?: string;
  campaign?: string;
  url: string;
  revenue?: number;
  value?: number;
  properties?: Record<string, unknown>;
}

/** The body of one collect request, sent as `text/plain` JSON so no CORS preflight is needed. */
export interface CollectBody {
  /** The site's ingest key (`data-key` of the script tag). */
  key: string;
  events: CollectEvent[];
}

/** Properties of `touchline('track', name, props)`: these four go to columns, the rest to `properties`. */
export interface TrackProperties {
  revenue?: number;
  value?: number;
  channel?: string;
  campaign?: string;
  [property: string]: unknown;
}

/** The calls the page makes: `touchline('track', 'signup', {plan: 'pro'})`. */
export type TouchlineCall = ['track', string, TrackProperties?] | ['page'] | ['identify', string];

/** The event name of a page view. */
export const PAGE_VIEW = 'page_view';
/** The event name that joins an anonymous visitor to a customer. */
export const IDENTIFY = 'identify';
/** Prefix of anonymous visitor ids, as in the demo data (customers' ids are the site's own). */
export const VISITOR_ID_PREFIX = 'v-';

/** A session ends after this long without an event. */
export const SESSION_TIMEOUT_MS = 30 * 60_000;
/** Events wait this long in the page for others to share their request ... */
export const FLUSH_DELAY_MS = 1000;
/** ... or until this many are queued. */
export const FLUSH_SIZE = 20;
/**
 * The most events one request may carry (the server's limit). The snippet sends at most
 * `FLUSH_SIZE`, since it flushes whenever that many are queued.
 */
export const MAX_EVENTS_PER_REQUEST = 1000;
