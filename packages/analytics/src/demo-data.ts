/**
 * A seeded synthetic event generator for the shoe map (`templateById('shoes')`): realistic,
 * multichannel, non-linear journeys whose events the map's match rules classify into its
 * touchpoints, and the ad-spend rows that go with them. The demo workspace and the benchmark
 * use it.
 *
 * What the data looks like, and why:
 * - Customers arrive over a window of `days` days ending on `end` (inclusive), more on Sundays
 *   and Mondays, in the lunch hour and the evening, slowly growing over the window. Nothing
 *   reads the clock, so a seed always gives the same bytes.
 * - Most visitors come once, see one page and leave (a single page-view session), which is what
 *   bounce rate counts. They stay anonymous: their user id starts with `v-`. Customers who sign
 *   up, log in, subscribe or order are known: their id starts with `c-`. Identity is assumed
 *   stitched, so a customer keeps one id over the whole journey.
 * - Touches carry a `channel` from the map's channel vocabulary and, when paid or sent, a
 *   `campaign`: paid `search`, `social`, `display`, `video` and `audio` ads (an `ad_click`), organic
 *   `search` and `social` and `partner` (affiliate) referrals (the landing `page_view`), `email`
 *   (newsletter, cart reminder, review campaign: `email_open`, `email_click`). Only the event
 *   that is the touch carries the channel: the page view right after an ad or e-mail click does
 *   not, so touches are not counted twice. Direct visits and app opens have no channel.
 * - Web events carry a `session_id`, which begins at the landing page. Clicks and opens that an
 *   ad platform or e-mail service records (`ad_click`, `email_open`, `email_click`), app events,
 *   offline events (shipping, hotline, returns, surveys) and the web events of one visitor in
 *   ten (no cookie consent) have none, so the 30-minute gap rule decides their sessions.
 * - Journeys are not linear: visitors come back days later (direct, organic search, retargeting
 *   ads on the product they viewed, the newsletter, the app), go back from the cart to product
 *   pages, abandon carts (known customers get a cart reminder the next day) and leave at the
 *   payment step.
 * - An order is `payment_completed` (properties `provider`, `amount`) then `order_completed` with
 *   `revenue` (properties `order_id`, `items`, `coupon`), then the thank-you page. Revenue is on
 *   `order_completed` only, so summing revenue counts each order once.
 * - After an order: `order_shipped`, `shipping_update` (in transit, out for delivery),
 *   `parcel_delivered`. About a quarter of first pairs do not fit: the return flow reads the FAQs
 *   and terms, often calls the hotline (`ivr_menu_choice`, `hotline_call`), submits the return form
 *   and ends with `return_label_printed`, `return_received` and `refund_issued` up to two weeks
 *   later; some then try another size, most go silent.
 * - Pairs that fit lead to the NPS survey for some (`survey_answer` with `value` 0-10 and property
 *   `question: nps`), and to the review-campaign newsletter; a review (`review_submitted`) earns a
 *   €10 coupon, and about half of those come back to use it (`coupon_redeemed` with `value` 10,
 *   then another order): the coupon loop of the map. A few buy again without one.
 * - Subscribers open the weekly newsletter (Thursdays) for a while after their last visit, then
 *   go silent; everyone else simply stops coming: churn.
 * - Events after the end of the window are not written: late arrivals have unfinished journeys,
 *   as in any export.
 * - Ad impressions are not events (they would outnumber everything else a hundred to one): they
 *   are in the cost rows, with clicks equal to the `ad_click` events of that day, channel and
 *   campaign, impressions from a plausible CTR, viewable and audible shares per channel (audible
 *   only for video and audio) and the cost from a plausible CPC (search) or CPM (the rest).
 *
 * With the defaults this gives about 6.7 events per customer, a bounce rate near 46% (sessions
 * with an id and one event), about 3.5% of customers ordering, a quarter of first orders returned,
 * an NPS near 30 and a last-touch ROAS near 6 for search, social and display ads (video and audio
 * work higher up the funnel).
 *
 * Events come out one customer at a time (customer 1, 2, ...), in time order within a customer,
 * so the file is not in global time order. Event ids are `<seed>-<sequence>` in base 36. Each
 * customer's journey depends only on the seed and the customer's index, so `{events: n}` gives
 * a prefix of the same data.
 */
import type { CostRecord, TrackedEvent } from './events.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DemoDataOptions {
  /** Customers (distinct user ids) to generate; 10,000 when neither this nor `events` is given. */
  users?: number;
  /** Stop after exactly this many events instead (the last customer's journey is cut short). */
  events?: number;
  /** Any integer 0..2^32-1; the same seed always gives the same data. */
  seed: number;
  /** Last day of the window, `YYYY-MM-DD` (inclusive); `2026-10-31` by default. */
  end?: string;
  /** Length of the window in days; 90 by default. */
  days?: number;
}

/** What one pass over the events produced so far. */
export interface DemoDataStats {
  customers: number;
  events: number;
  /** Customers who became known (`c-` ids). */
  knownCustomers: number;
  orders: number;
  revenue: number;
  adClicks: number;
}

export interface DemoData {
  /** The events, generated lazily; each iteration starts again from the first customer. */
  events: Iterable<TrackedEvent>;
  /**
   * The ad-spend rows, one per day, channel and campaign with clicks, sorted by date, channel and
   * campaign. Computed from the last complete pass over `events`, or from a silent pass of its own.
   */
  costs(): CostRecord[];
  /** Counts of the current (or last) pass over `events`. */
  readonly stats: Readonly<DemoDataStats>;
  /** The window: epoch milliseconds, `from` inclusive, `to` exclusive. */
  readonly window: { from: number; to: number };
}

export const DEFAULT_DEMO_END = '2026-10-31';
export const DEFAULT_DEMO_DAYS = 90;
export const DEFAULT_DEMO_USERS = 10_000;

/** A paid campaign: which channel it runs on and how it performs and is priced. */
export interface DemoCampaign {
  channel: 'search' | 'social' | 'display' | 'video' | 'audio';
  campaign: string;
  /** Click-through rate: clicks / impressions. */
  ctr: number;
  /** Cost per click (search is bought per click) ... */
  cpc?: number;
  /** ... or per 1,000 impressions (everything else). */
  cpm?: number;
  /** Share of impressions that were viewable, and audible (video and audio only). */
  viewable: number;
  audible: number;
}

/** The paid campaigns of the demo; cost rows exist for these only. */
export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  { channel: 'search', campaign: 'brand-search', ctr: 0.09, cpc: 0.35, viewable: 0.97, audible: 0 },
  { channel: 'search', campaign: 'generic-shoes', ctr: 0.032, cpc: 0.85, viewable: 0.97, audible: 0 },
  { channel: 'social', campaign: 'sneaker-launch', ctr: 0.011, cpm: 6.5, viewable: 0.78, audible: 0 },
  { channel: 'social', campaign: 'comfort-collection', ctr: 0.01, cpm: 6, viewable: 0.76, audible: 0 },
  { channel: 'display', campaign: 'comfort-collection', ctr: 0.0045, cpm: 2.8, viewable: 0.62, audible: 0 },
  { channel: 'video', campaign: 'walk-in-comfort', ctr: 0.0035, cpm: 12, viewable: 0.72, audible: 0.58 },
  { channel: 'audio', campaign: 'podcast-comfort', ctr: 0.0015, cpm: 9, viewable: 0, audible: 0.93 },
  { channel: 'display', campaign: 'retargeting-display', ctr: 0.009, cpm: 4.5, viewable: 0.64, audible: 0 },
  { channel: 'social', campaign: 'retargeting-social', ctr: 0.016, cpm: 8, viewable: 0.8, audible: 0 },
];

const BRAND_SEARCH = 0;
const GENERIC_SEARCH = 1;
const SNEAKER_LAUNCH = 2;
const COMFORT_SOCIAL = 3;
const COMFORT_DISPLAY = 4;
const VIDEO = 5;
const AUDIO = 6;
const RETARGETING_DISPLAY = 7;
const RETARGETING_SOCIAL = 8;

// ---------------------------------------------------------------------------------------------
// Random numbers: sfc32 seeded through a 32-bit mixer, so every customer (and every cost row)
// gets its own stream from (seed, index) alone. Integer arithmetic only: the same numbers on
// every machine.

function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The sfc32 generator; `reseed` reuses the instance for the next customer. */
class Random {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 1;

  reseed(seed: number, stream: number): void {
    this.a = mix32(seed ^ 0x5eed5eed);
    this.b = mix32(this.a ^ stream);
    this.c = mix32(this.b + Math.imul(stream, 0x27d4eb2d));
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  between(low: number, high: number): number {
    return low + this.next() * (high - low);
  }

  /** Exponentially distributed with this mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** An index drawn from cumulative weights (the last entry is the total). */
  pick(cumulative: Float64Array): number {
    const x = this.next() * (cumulative[cumulative.length - 1] ?? 0);
    // The first index whose running total exceeds x.
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) <= x) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  item<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, i) => {
    total += weight;
    sums[i] = total;
  });
  return sums;
}

// ---------------------------------------------------------------------------------------------
// The shop: its catalogue and pages. Property objects are shared and frozen: they never change,
// and a writer may cache their JSON.

type Properties = Readonly<Record<string, unknown>>;
const props = (value: Record<string, unknown>): Properties => Object.freeze(value);

interface Product {
  slug: string;
  category: number;
  price: number;
  url: string;
  cart: Properties;
  review: Properties[];
}

const CATEGORIES = ['sneakers', 'running', 'boots', 'sandals', 'formal', 'kids'] as const;
const CATEGORY_URLS = CATEGORIES.map((c) => `/category/${c}`);

const PRODUCTS: readonly Product[] = (
  [
    ['urban-runner-white', 0, 89.95],
    ['trail-pro-gtx', 1, 139.95],
    ['chelsea-suede', 2, 129.95],
    ['court-classic', 0, 79.95],
    ['road-glide', 1, 119.95],
    ['walk-easy', 0, 99.95],
    ['hiker-mid', 2, 159.95],
    ['slide-comfort', 3, 39.95],
    ['oxford-brown', 4, 149.95],
    ['canvas-low-black', 0, 49.95],
    ['tempo-lite', 1, 109.95],
    ['winter-lined', 2, 169.95],
    ['kids-sneaker-velcro', 5, 44.95],
    ['strap-sandal', 3, 54.95],
    ['derby-black', 4, 139.95],
    ['retro-trainer', 0, 99.95],
    ['cushion-max', 1, 149.95],
    ['biker-leather', 2, 189.95],
    ['loafer-tan', 4, 119.95],
    ['knit-slip-on', 0, 69.95],
    ['rain-boot', 2, 59.95],
    ['kids-rain-boot', 5, 34.95],
    ['orthopedic-comfort', 4, 129.95],
    ['trail-sandal', 3, 64.95],
  ] as const
).map(([slug, category, price]) => ({
  slug,
  category,
  price,
  url: `/product/${slug}`,
  cart: props({ product: slug, price }),
  review: [1, 2, 3, 4, 5].map((rating) => props({ product: slug, rating })),
}));

/** Popularity falls off with rank, as sales in a catalogue do. */
const PRODUCT_WEIGHTS = cumulative(PRODUCTS.map((_, i) => 1 / (i + 1) ** 0.7));
const PRODUCTS_BY_CATEGORY = CATEGORIES.map((_, c) =>
  PRODUCTS.map((p, i) => (p.category === c ? i : -1)).filter((i) => i >= 0),
);

const BLOG_URLS = [
  '/blog/find-your-size',
  '/blog/autumn-trends',
  '/blog/care-for-leather',
  '/blog/best-running-shoes',
  '/blog/walking-all-day',
];
const FAQ_URLS = ['/faq', '/faq/sizes', '/faq/delivery'];
const SEARCHES = [
  'white sneakers',
  'running shoes',
  'chelsea boots',
  'size 42',
  'waterproof boots',
  'sandals',
  'black shoes',
  'kids shoes',
].map((query) => props({ query }));
const BANNERS = [
  props({ banner: 'autumn-sale', url: '/category/boots' }),
  props({ banner: 'size-guide', url: '/lp/size-guide' }),
  props({ banner: 'free-returns', url: '/faq/returns' }),
];
const SEARCH_REFERRERS = [props({ referrer: 'google' }), props({ referrer: 'bing' })];
const SOCIAL_REFERRERS = ['instagram', 'facebook', 'pinterest', 'tiktok'].map((referrer) =>
  props({ referrer }),
);
const PARTNERS = ['schoenvergelijker', 'cashback-club', 'style-blog-network'];
const PARTNER_REFERRERS = PARTNERS.map((referrer) => props({ referrer }));
const PLATFORMS = [props({ platform: 'ios' }), props({ platform: 'android' })];
const PROVIDERS = cumulative([55, 25, 20]);
const PROVIDER_NAMES = ['ideal', 'card', 'pay-later'];
const CARRIERS = [props({ carrier: 'postnl' }), props({ carrier: 'dhl' }), props({ carrier: 'dpd' })];
const NEWSLETTER = props({ list: 'newsletter' });
const CART_REMINDER = props({ list: 'cart-reminder' });
const REVIEW_CAMPAIGN = props({ list: 'review-campaign' });
const SIZE_ADVICE = props({ form: 'size-advice' });
const NEWSLETTER_SIGNUP = props({ form: 'newsletter-signup' });
const IN_TRANSIT = props({ status: 'in-transit' });
const OUT_FOR_DELIVERY = props({ status: 'out-for-delivery' });
const RETURN_IN_TRANSIT = props({ status: 'return-in-transit' });
const IVR_CHOICES = [props({ option: 'other' }), props({ option: 'order-status' })];
const NPS_QUESTION = props({ question: 'nps' });
const COUPON = props({ code: 'REVIEW10' });
const COUPON_VALUE = 10;

/** NPS answers 0..10: after a pair that fits, and after a return. */
const NPS_HAPPY = cumulative([1, 0.5, 0.5, 1, 1, 2, 3, 12, 18, 24, 30]);
const NPS_RETURNED = cumulative([5, 3, 4, 6, 7, 10, 12, 14, 14, 11, 9]);
const RATINGS_HAPPY = cumulative([1, 2, 6, 35, 56]);

/** Where a visit comes from. */
const Source = {
  OrganicSearch: 0,
  BrandSearch: 1,
  GenericSearch: 2,
  SocialAd: 3,
  DisplayAd: 4,
  VideoAd: 5,
  AudioAd: 6,
  OrganicSocial: 7,
  Partner: 8,
  Direct: 9,
  Newsletter: 10,
  CartReminder: 11,
  RetargetingDisplay: 12,
  RetargetingSocial: 13,
  App: 14,
} as const;
type Source = (typeof Source)[keyof typeof Source];

/** First visits of new visitors. */
const ARRIVAL_SOURCES: readonly Source[] = [
  Source.OrganicSearch,
  Source.BrandSearch,
  Source.GenericSearch,
  Source.SocialAd,
  Source.DisplayAd,
  Source.VideoAd,
  Source.AudioAd,
  Source.OrganicSocial,
  Source.Partner,
  Source.Direct,
];
const ARRIVAL_WEIGHTS = cumulative([26, 5, 9, 12, 8, 4, 1.5, 7, 5, 16]);

/** Probability that a first session is a bounce, by source. */
const FIRST_BOUNCE: Readonly<Record<Source, number>> = {
  [Source.OrganicSearch]: 0.52,
  [Source.BrandSearch]: 0.32,
  [Source.GenericSearch]: 0.52,
  [Source.SocialAd]: 0.67,
  [Source.DisplayAd]: 0.74,
  [Source.VideoAd]: 0.68,
  [Source.AudioAd]: 0.62,
  [Source.OrganicSocial]: 0.62,
  [Source.Partner]: 0.42,
  [Source.Direct]: 0.44,
  [Source.Newsletter]: 0.37,
  [Source.CartReminder]: 0.17,
  [Source.RetargetingDisplay]: 0.47,
  [Source.RetargetingSocial]: 0.47,
  [Source.App]: 0.27,
};

/** Arrival hour of day, UTC, for a Dutch shop: lunch and evening peaks. */
const HOUR_WEIGHTS = cumulative([
  0.3, 0.15, 0.1, 0.08, 0.1, 0.25, 0.6, 1, 1.3, 1.5, 1.6, 1.8, 1.7, 1.6, 1.5, 1.5, 1.6, 1.9, 2.3, 2.5, 2.2,
  1.5, 0.9, 0.5,
]);
/** Sunday first, as `getUTCDay` counts. */
const WEEKDAY_WEIGHTS = [1.15, 1.1, 1, 1, 1, 0.9, 0.85];

function emptyStats(): DemoDataStats {
  return { customers: 0, events: 0, knownCustomers: 0, orders: 0, revenue: 0, adClicks: 0 };
}

function parseEnd(end: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== end)
    throw new RangeError(`end "${end}" is not a date (YYYY-MM-DD)`);
  return time + DAY;
}

function checkCount(name: string, value: number | undefined, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > max))
    throw new RangeError(`${name} must be a whole number from 0 to ${max}, not ${value}`);
}

/**
 * The synthetic shoe-shop data of a seed: events (lazily, one customer at a time) and the
 * matching ad spend. See the module comment for what the journeys look like.
 *
 * @example
 * const demo = generateDemoData({ users: 1000, seed: 7 });
 * for (const event of demo.events) write(event);
 * const costs = demo.costs();
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  checkCount('users', options.users, 1e9);
  checkCount('events', options.events, 1e10);
  checkCount('days', options.days, 36_600);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff)
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, not ${options.seed}`);
  const days = options.days ?? DEFAULT_DEMO_DAYS;
  if (days < 1) throw new RangeError('days must be at least 1');
  const to = parseEnd(options.end ?? DEFAULT_DEMO_END);
  const from = to - days * DAY;
  // Each pass has a generator of its own, so a silent pass for the costs cannot disturb another.
  const start = () => new JourneyGenerator(options.seed, from, days, options.users, options.events);
  let latest = start();
  let complete: Int32Array | undefined;
  return {
    events: {
      [Symbol.iterator]() {
        latest = start();
        return latest.run();
      },
    },
    costs() {
      if (latest.complete) complete = latest.clicks;
      if (!complete) {
        const generator = start();
        for (const _ of generator.run()) {
          // A silent pass only counts the clicks.
        }
        complete = generator.clicks;
      }
      return costRecords(options.seed, from, days, complete);
    },
    get stats() {
      return latest.stats;
    },
    window: { from, to },
  };
}

/** Cost rows from click counts per (day, campaign), with per-row noise from its own stream. */
function costRecords(seed: number, from: number, days: number, clicks: Int32Array): CostRecord[] {
  const random = new Random();
  const rows: CostRecord[] = [];
  for (let day = 0; day < days; day++) {
    const date = new Date(from + day * DAY).toISOString().slice(0, 10);
    for (let c = 0; c < DEMO_CAMPAIGNS.length; c++) {
      const count = clicks[day * DEMO_CAMPAIGNS.length + c] ?? 0;
      const campaign = DEMO_CAMPAIGNS[c];
      if (count === 0 || !campaign) continue;
      random.reseed(seed ^ 0x00c05700, day * 64 + c);
      const ctr = campaign.ctr * random.between(0.8, 1.2);
      const impressions = Math.max(count, Math.round(count / ctr));
      const viewable = Math.min(
        impressions,
        Math.round(impressions * campaign.viewable * random.between(0.94, 1.06)),
      );
      const audible = Math.min(
        impressions,
        Math.round(impressions * campaign.audible * random.between(0.94, 1.06)),
      );
      const cost =
        campaign.cpc !== undefined
          ? count * campaign.cpc * random.between(0.85, 1.15)
          : (impressions / 1000) * (campaign.cpm ?? 0) * random.between(0.9, 1.1);
      rows.push({
        date,
        channel: campaign.channel,
        campaign: campaign.campaign,
        cost: Math.round(cost * 100) / 100,
        impressions,
        viewableImpressions: viewable,
        audibleImpressions: audible,
        clicks: count,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      compareText(a.date, b.date) || compareText(a.channel, b.channel) || compareText(a.campaign, b.campaign),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An event under construction: always the same shape, so the engine keeps one hidden class. */
function makeEvent(
  time: number,
  event: string,
  sessionId: string | undefined,
  channel: string | undefined,
  campaign: string | undefined,
  url: string | undefined,
  revenue: number | undefined,
  value: number | undefined,
  properties: Properties | undefined,
): TrackedEvent {
  return {
    eventId: '',
    userId: '',
    time,
    event,
    sessionId,
    channel,
    campaign,
    url,
    revenue,
    value,
    properties,
  };
}

class JourneyGenerator {
  readonly stats: DemoDataStats = emptyStats();
  /** Ad clicks per (day, campaign); final once `complete`. */
  readonly clicks: Int32Array;
  complete = false;
  private readonly random = new Random();
  private readonly dayWeights: Float64Array;
  private readonly seedTag: string;
  /** Newsletter send times (Thursdays 07:00 UTC) over the window, and their campaign names. */
  private readonly sends: number[] = [];
  private readonly sendCampaigns: string[] = [];
  private readonly campaignIndex = new Map<string, number>();

  // The customer being generated.
  private buffer: TrackedEvent[] = [];
  private index = 0;
  private t = 0;
  private sessionId: string | undefined;
  private sessionNo = 0;
  private customerTag = '';
  private noConsent = false;
  private inApp = false;
  private platform: Properties | undefined;
  private appUser = false;
  private registered = false;
  private known = false;
  private subscribedAt = -1;
  private loggedIn = false;
  private interest = 0;
  private lastProduct = -1;
  private category = -1;
  private cart: number[] = [];
  private coupon = false;
  private sizeAdvice = false;
  private orders = 0;
  private opened: number[] = [];
  private justOrdered = false;
  private orderId = '';
  private orderAmount = 0;
  private orderProduct = 0;

  constructor(
    private readonly seed: number,
    private readonly from: number,
    private readonly days: number,
    private readonly users: number | undefined,
    private readonly maxEvents: number | undefined,
  ) {
    this.clicks = new Int32Array(days * DEMO_CAMPAIGNS.length);
    this.seedTag = seed.toString(36);
    this.dayWeights = cumulative(
      Array.from({ length: days }, (_, d) => {
        const weekday = new Date(from + d * DAY).getUTCDay();
        return (WEEKDAY_WEIGHTS[weekday] ?? 1) * (0.85 + (0.3 * d) / days);
      }),
    );
    // From the Thursday of the week before the window, so there always is a latest newsletter.
    let send = from - ((new Date(from).getUTCDay() + 3) % 7) * DAY - 7 * DAY + 7 * HOUR;
    for (; send < from + days * DAY; send += 7 * DAY) {
      this.sends.push(send);
      this.sendCampaigns.push(`newsletter-${new Date(send).toISOString().slice(0, 10)}`);
    }
    DEMO_CAMPAIGNS.forEach((c, i) => {
      this.campaignIndex.set(`${c.channel}\u0000${c.campaign}`, i);
    });
  }

  private idHigh = -1;
  private idPrefix = '';

  /** `<seed>-<sequence>`, both in base 36; the high digits change only every 1,296 events. */
  private eventId(sequence: number): string {
    const high = Math.floor(sequence / 1296);
    const low = sequence - high * 1296;
    if (high === 0) return `${this.seedTag}-${BASE36_LOW[low]}`;
    if (high !== this.idHigh) {
      this.idHigh = high;
      this.idPrefix = `${this.seedTag}-${high.toString(36)}`;
    }
    return this.idPrefix + BASE36_PAIRS[low];
  }

  private get to(): number {
    return this.from + this.days * DAY;
  }

  /** Every event of the data set, customer by customer. */
  *run(): Generator<TrackedEvent> {
    Object.assign(this.stats, emptyStats());
    this.clicks.fill(0);
    this.complete = false;
    const users =
      this.maxEvents === undefined ? (this.users ?? DEFAULT_DEMO_USERS) : Number.POSITIVE_INFINITY;
    const maxEvents = this.maxEvents ?? Number.POSITIVE_INFINITY;
    const stats = this.stats;
    const to = this.to;
    const campaigns = DEMO_CAMPAIGNS.length;
    if (maxEvents === 0) {
      this.complete = true;
      return;
    }
    for (let index = 1; index <= users; index++) {
      this.customer(index);
      const events = this.buffer;
      if (!inTimeOrder(events)) events.sort(byTime);
      const userId = `${this.known ? 'c' : 'v'}-${index}`;
      stats.customers++;
      if (this.known) stats.knownCustomers++;
      for (let i = 0; i < events.length; i++) {
        const event = events[i] as TrackedEvent;
        if (event.time >= to) break;
        event.userId = userId;
        event.eventId = this.eventId(stats.events);
        stats.events++;
        if (event.event === 'ad_click') {
          const c = this.campaignIndex.get(`${event.channel}\u0000${event.campaign}`) ?? -1;
          const day = Math.floor((event.time - this.from) / DAY);
          if (c >= 0) this.clicks[day * campaigns + c] = (this.clicks[day * campaigns + c] ?? 0) + 1;
          stats.adClicks++;
        } else if (event.event === 'order_completed') {
          stats.orders++;
          stats.revenue = Math.round((stats.revenue + (event.revenue ?? 0)) * 100) / 100;
        }
        yield event;
        if (stats.events >= maxEvents) {
          this.complete = true;
          return;
        }
      }
    }
    this.complete = true;
  }

  // --- one customer -----------------------------------------------------------------------

  private customer(index: number): void {
    const r = this.random;
    r.reseed(this.seed, index);
    this.buffer = [];
    this.index = index;
    this.customerTag = `s${index.toString(36)}-`;
    this.sessionNo = 0;
    this.noConsent = r.chance(0.1);
    this.interest = r.next();
    this.lastProduct = -1;
    this.category = -1;
    this.cart = [];
    this.coupon = false;
    this.sizeAdvice = false;
    this.orders = 0;
    this.opened = [];
    this.justOrdered = false;
    this.loggedIn = false;
    const day = r.pick(this.dayWeights);
    this.t = this.from + day * DAY + r.pick(HOUR_WEIGHTS) * HOUR + Math.floor(r.next() * HOUR);

    // One in twelve is a returning customer from before the window (Mark of the map's personas).
    const returning = r.chance(0.08);
    this.registered = returning;
    this.known = returning;
    this.appUser = returning ? r.chance(0.5) : r.chance(0.03);
    this.platform = r.chance(0.55) ? PLATFORMS[0] : PLATFORMS[1];
    this.subscribedAt = returning && r.chance(0.7) ? this.from - 60 * DAY : -1;
    if (returning) {
      this.interest = 0.3 + 0.7 * this.interest;
    }

    let source: Source;
    if (returning) {
      const x = r.next();
      if (this.appUser && x < 0.5) source = Source.App;
      else if (this.subscribedAt >= 0 && x < 0.75) source = Source.Newsletter;
      else source = x < 0.88 ? Source.Direct : Source.OrganicSearch;
    } else {
      source = ARRIVAL_SOURCES[r.pick(ARRIVAL_WEIGHTS)] ?? Source.Direct;
    }

    let lastActivity = this.t;
    for (let visit = 0; visit < 40 && this.t < this.to; visit++) {
      const bounced = this.visit(source, visit === 0);
      lastActivity = this.t;
      let next: Source | -1;
      if (this.justOrdered) {
        this.justOrdered = false;
        next = this.afterOrder();
      } else {
        next = this.nextVisit(bounced, visit);
      }
      lastActivity = Math.max(lastActivity, this.t);
      if (next === -1) break;
      source = next;
    }
    this.newsletterOpens(lastActivity);
  }

  /** One visit: its entry, then a bounce or a browse, maybe a cart and an order. Returns whether it bounced. */
  private visit(source: Source, first: boolean): boolean {
    const r = this.random;
    this.enter(source, first);
    const bounceChance = first ? FIRST_BOUNCE[source] : FIRST_BOUNCE[source] * 0.6;
    if (r.chance(bounceChance)) return true;
    const pages = 1 + Math.floor(r.exp(this.coupon ? 2.5 : 4));
    for (let page = 0; page < pages; page++) this.browse();
    if (this.cart.length > 0 && r.chance(0.5)) this.page('/cart');
    const cartChance =
      0.02 + 0.14 * this.interest + 0.03 * Math.min(this.sessionNo, 4) + (this.coupon ? 0.4 : 0);
    if (this.lastProduct >= 0 && (this.cart.length > 0 || r.chance(cartChance))) {
      if (this.cart.length === 0) this.addToCart(this.lastProduct);
      // Non-linear: back from the cart to product pages, sometimes a second pair.
      if (r.chance(0.35)) {
        const back = 1 + r.int(2);
        for (let i = 0; i < back; i++) this.productPage(this.pickProduct());
        if (r.chance(0.25)) this.addToCart(this.lastProduct);
      }
      const checkoutChance =
        0.16 + 0.24 * this.interest + (this.coupon ? 0.35 : 0) + (this.registered ? 0.05 : 0);
      if (r.chance(checkoutChance)) this.checkout();
    }
    return false;
  }

  /** When and how the customer comes back, or -1 for never. */
  private nextVisit(bounced: boolean, visit: number): Source | -1 {
    const r = this.random;
    const hasCart = this.cart.length > 0;
    // Known customers with an abandoned cart get a reminder the next day.
    if (hasCart && this.known && !bounced) {
      const sent = this.t + 20 * HOUR + r.int(4 * HOUR);
      if (r.chance(0.45)) {
        this.t = sent + Math.round(r.exp(3 * HOUR));
        this.startOffline();
        this.add('email_open', 'email', 'cart-reminder', undefined, CART_REMINDER);
        if (r.chance(0.4)) return Source.CartReminder;
      }
    }
    const returnChance = bounced
      ? 0.12
      : (hasCart ? 0.62 : 0.42) * (this.known ? 1.2 : 1) * 0.85 ** Math.max(0, visit - 1);
    if (!r.chance(returnChance)) return -1;
    const gap = bounced ? r.exp(6 * DAY) : hasCart ? r.exp(2 * DAY) : r.exp(4 * DAY);
    this.t += 35 * MINUTE + Math.round(gap);
    return this.returnSource();
  }

  private returnSource(): Source {
    const r = this.random;
    const retarget = this.lastProduct >= 0 && this.orders === 0;
    const x = r.next();
    if (this.appUser && x < 0.35) return Source.App;
    if (this.subscribedAt >= 0 && r.chance(0.2)) return Source.Newsletter;
    if (retarget && r.chance(0.3))
      return r.chance(0.55) ? Source.RetargetingDisplay : Source.RetargetingSocial;
    const y = r.next();
    if (y < 0.4) return Source.Direct;
    if (y < 0.72) return Source.OrganicSearch;
    if (y < 0.8) return Source.BrandSearch;
    if (y < 0.86) return Source.GenericSearch;
    if (y < 0.92) return Source.OrganicSocial;
    return Source.Partner;
  }

  // --- entering a visit -------------------------------------------------------------------

  private startSession(app: boolean): void {
    this.sessionNo++;
    this.inApp = app;
    this.loggedIn = app && this.registered;
    this.category = -1;
    this.sessionId = app || this.noConsent ? undefined : `${this.customerTag}${this.sessionNo}`;
  }

  /** Offline and server-side events: no session id. */
  private startOffline(): void {
    this.sessionId = undefined;
    this.inApp = false;
  }

  private enter(source: Source, first: boolean): void {
    const r = this.random;
    switch (source) {
      case Source.App:
        this.startSession(true);
        this.add('app_open', undefined, undefined, undefined, this.platform);
        return;
      case Source.Newsletter: {
        // A first visit opens the latest newsletter (the customer's first event stays in the
        // window); a return waits for the next one.
        let send = this.latestSend(this.t);
        if (!first && send + 1 < this.sends.length) {
          send++;
          this.t = Math.max(this.t, (this.sends[send] ?? 0) + Math.round(r.exp(4 * HOUR)));
        }
        const campaign = this.sendCampaigns[send] ?? 'newsletter';
        this.startOffline();
        this.add('email_open', 'email', campaign, undefined, NEWSLETTER);
        this.opened.push(send);
        this.wait(r.between(10, 300) * SECOND);
        this.add('email_click', 'email', campaign, undefined, NEWSLETTER);
        this.wait(r.between(2, 6) * SECOND);
        this.startSession(false);
        this.categoryPage(r.int(CATEGORIES.length));
        return;
      }
      case Source.CartReminder:
        this.startOffline();
        this.add('email_click', 'email', 'cart-reminder', undefined, CART_REMINDER);
        this.wait(r.between(2, 6) * SECOND);
        this.startSession(false);
        this.page('/cart');
        return;
      case Source.RetargetingDisplay:
      case Source.RetargetingSocial: {
        this.adClick(source === Source.RetargetingDisplay ? RETARGETING_DISPLAY : RETARGETING_SOCIAL);
        this.productPage(this.lastProduct >= 0 ? this.lastProduct : this.pickProduct());
        return;
      }
      case Source.BrandSearch:
      case Source.GenericSearch:
      case Source.SocialAd:
      case Source.DisplayAd:
      case Source.VideoAd:
      case Source.AudioAd: {
        const campaign = this.paidCampaign(source);
        this.adClick(campaign);
        this.page(`/lp/${DEMO_CAMPAIGNS[campaign]?.campaign ?? 'offer'}`);
        return;
      }
      case Source.OrganicSearch: {
        this.startSession(false);
        const referrer = r.chance(0.9) ? SEARCH_REFERRERS[0] : SEARCH_REFERRERS[1];
        const x = r.next();
        if (x < 0.45) this.landOn(this.productUrl(this.pickProduct()), 'search', undefined, referrer);
        else if (x < 0.75)
          this.landOn(this.categoryUrl(r.int(CATEGORIES.length)), 'search', undefined, referrer);
        else if (x < 0.93) this.landOn(r.item(BLOG_URLS), 'search', undefined, referrer);
        else this.landOn('/', 'search', undefined, referrer);
        return;
      }
      case Source.OrganicSocial: {
        this.startSession(false);
        const referrer = r.item(SOCIAL_REFERRERS);
        if (r.chance(0.5)) this.landOn(r.item(BLOG_URLS), 'social', undefined, referrer);
        else this.landOn(this.productUrl(this.pickProduct()), 'social', undefined, referrer);
        return;
      }
      case Source.Partner: {
        this.startSession(false);
        const partner = r.int(PARTNERS.length);
        this.landOn(
          this.productUrl(this.pickProduct()),
          'partner',
          PARTNERS[partner],
          PARTNER_REFERRERS[partner],
        );
        return;
      }
      case Source.Direct:
        this.startSession(false);
        this.page('/');
        return;
    }
  }

  private paidCampaign(source: Source): number {
    switch (source) {
      case Source.BrandSearch:
        return BRAND_SEARCH;
      case Source.GenericSearch:
        return GENERIC_SEARCH;
      case Source.SocialAd:
        // The sneaker launch runs in the first third of the window, the comfort collection after.
        return this.t < this.from + (this.days * DAY) / 3 ? SNEAKER_LAUNCH : COMFORT_SOCIAL;
      case Source.DisplayAd:
        return COMFORT_DISPLAY;
      case Source.VideoAd:
        return VIDEO;
      default:
        return AUDIO;
    }
  }

  /** The click as the ad platform records it (no session of ours), then the visit begins. */
  private adClick(campaign: number): void {
    const c = DEMO_CAMPAIGNS[campaign];
    this.startOffline();
    this.add('ad_click', c?.channel, c?.campaign, undefined, undefined);
    this.wait(this.random.between(1, 5) * SECOND);
    this.startSession(false);
  }

  /** The first page of a visit that has no click event before it: it carries the source. */
  private landOn(
    url: string,
    channel: string,
    campaign: string | undefined,
    referrer: Properties | undefined,
  ) {
    this.add('page_view', channel, campaign, url, referrer);
    this.dwell();
  }

  // --- browsing ---------------------------------------------------------------------------

  private browse(): void {
    const r = this.random;
    const x = r.next();
    if (x < 0.44) {
      this.productPage(this.pickProduct());
      if (!this.sizeAdvice && r.chance(0.06)) {
        this.sizeAdvice = true;
        this.add('form_submitted', undefined, undefined, undefined, SIZE_ADVICE);
        this.wait(r.between(20, 90) * SECOND);
      }
    } else if (x < 0.64)
      this.categoryPage(this.category >= 0 && r.chance(0.3) ? this.category : r.int(CATEGORIES.length));
    else if (x < 0.72) {
      this.add('site_search', undefined, undefined, undefined, r.item(SEARCHES));
      this.wait(r.between(3, 12) * SECOND);
      this.productPage(this.pickProduct());
    } else if (x < 0.77) this.page('/');
    else if (x < 0.81) this.page(r.item(BLOG_URLS));
    else if (x < 0.85) {
      const banner = r.item(BANNERS);
      this.add('banner_click', undefined, undefined, undefined, banner);
      this.wait(r.between(1, 3) * SECOND);
      this.page(String(banner.url));
    } else if (x < 0.88) this.page(r.item(FAQ_URLS));
    else if (x < 0.885 && this.subscribedAt < 0) {
      this.subscribedAt = this.t;
      this.known = true;
      this.add('form_submitted', undefined, undefined, undefined, NEWSLETTER_SIGNUP);
      this.wait(r.between(5, 20) * SECOND);
    } else this.productPage(this.pickProduct());
  }

  private pickProduct(): number {
    const r = this.random;
    if (this.category >= 0 && r.chance(0.7)) {
      const list = PRODUCTS_BY_CATEGORY[this.category] ?? [];
      if (list.length > 0) return r.item(list);
    }
    if (this.lastProduct >= 0 && r.chance(0.25)) return this.lastProduct;
    return r.pick(PRODUCT_WEIGHTS);
  }

  private productUrl(product: number): string {
    this.lastProduct = product;
    return PRODUCTS[product]?.url ?? '/product/unknown';
  }

  private categoryUrl(category: number): string {
    this.category = category;
    return CATEGORY_URLS[category] ?? '/category/all';
  }

  private productPage(product: number): void {
    this.page(this.productUrl(product));
  }

  private categoryPage(category: number): void {
    this.page(this.categoryUrl(category));
  }

  private page(url: string): void {
    this.add('page_view', undefined, undefined, url, this.inApp ? this.platform : undefined);
    this.dwell();
  }

  private dwell(): void {
    this.wait(8 * SECOND + this.random.exp(45 * SECOND));
  }

  private wait(ms: number): void {
    this.t += Math.round(ms);
  }

  private add(
    event: string,
    channel: string | undefined,
    campaign: string | undefined,
    url: string | undefined,
    properties: Properties | undefined,
    revenue?: number,
    value?: number,
  ): void {
    this.buffer.push(
      makeEvent(this.t, event, this.sessionId, channel, campaign, url, revenue, value, properties),
    );
  }

  /** An event at a time of its own (shipping, returns), without a session. */
  private addAt(time: number, event: string, properties: Properties | undefined, value?: number): void {
    this.buffer.push(
      makeEvent(
        Math.round(time),
        event,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        value,
        properties,
      ),
    );
  }

  // --- cart and checkout ------------------------------------------------------------------

  private addToCart(product: number): void {
    const p = PRODUCTS[product];
    this.add('add_to_cart', undefined, undefined, undefined, p?.cart);
    this.cart.push(product);
    this.wait(this.random.between(1, 4) * SECOND);
    this.page('/cart');
  }

  private checkout(): void {
    const r = this.random;
    this.page('/cart/checkout');
    if (!this.registered && r.chance(0.55)) {
      this.registered = true;
      this.loggedIn = true;
      this.add('sign_up', undefined, undefined, undefined, undefined);
      this.wait(r.between(30, 120) * SECOND);
    } else if (this.registered && !this.loggedIn) {
      this.loggedIn = true;
      this.add('login', undefined, undefined, undefined, undefined);
      this.wait(r.between(5, 30) * SECOND);
    }
    this.known = true;
    if (r.chance(0.15)) this.page(r.chance(0.6) ? '/terms' : '/terms/delivery');
    // Some leave at the payment step; the cart stays.
    if (r.chance(0.1)) return;
    let amount = 0;
    for (const product of this.cart) amount += PRODUCTS[product]?.price ?? 0;
    let coupon: string | undefined;
    if (this.coupon) {
      this.coupon = false;
      coupon = 'REVIEW10';
      this.add('coupon_redeemed', undefined, undefined, undefined, COUPON, undefined, COUPON_VALUE);
      this.wait(r.between(3, 10) * SECOND);
      amount -= COUPON_VALUE;
    }
    amount = Math.round(amount * 100) / 100;
    this.wait(r.between(20, 90) * SECOND);
    const provider = PROVIDER_NAMES[r.pick(PROVIDERS)];
    this.add('payment_completed', undefined, undefined, undefined, { provider, amount });
    this.wait(r.between(2, 8) * SECOND);
    this.orders++;
    this.orderId = `o${this.seedTag}-${this.index.toString(36)}-${this.orders}`;
    this.orderAmount = amount;
    this.orderProduct = this.cart[0] ?? 0;
    this.add(
      'order_completed',
      undefined,
      undefined,
      undefined,
      coupon
        ? { order_id: this.orderId, items: this.cart.length, coupon }
        : { order_id: this.orderId, items: this.cart.length },
      amount,
    );
    this.wait(r.between(1, 3) * SECOND);
    this.page('/checkout/thank-you');
    this.cart = [];
    this.justOrdered = true;
  }

  // --- after the order --------------------------------------------------------------------

  /** Shipping, trying on, and either the return flow or the review campaign. */
  private afterOrder(): Source | -1 {
    const r = this.random;
    const order = props({ order_id: this.orderId });
    const carrier = r.item(CARRIERS);
    const shipped = this.t + 10 * HOUR + r.exp(10 * HOUR);
    this.addAt(shipped, 'order_shipped', carrier);
    this.addAt(shipped + r.between(1, 4) * HOUR, 'shipping_update', IN_TRANSIT);
    const delivered = shipped + 16 * HOUR + r.exp(12 * HOUR);
    this.addAt(delivered - r.between(2, 5) * HOUR, 'shipping_update', OUT_FOR_DELIVERY);
    if (this.appUser && r.chance(0.4))
      this.addAt(delivered - r.between(1, 6) * HOUR, 'app_open', this.platform);
    this.addAt(delivered, 'parcel_delivered', carrier);
    const fits = r.chance(this.sizeAdvice || this.orders > 1 ? 0.85 : 0.72);
    this.t = Math.round(delivered);
    if (!fits) return this.returnFlow(order);

    if (r.chance(0.3)) {
      this.addAt(delivered + r.between(2, 6) * DAY, 'survey_answer', NPS_QUESTION, r.pick(NPS_HAPPY));
    }
    // The review campaign a week after delivery.
    const sent = delivered + 7 * DAY + r.between(0, 3) * HOUR;
    if (r.chance(0.5)) {
      this.t = Math.round(sent + r.exp(5 * HOUR));
      this.startOffline();
      this.add('email_open', 'email', 'review-campaign', undefined, REVIEW_CAMPAIGN);
      if (r.chance(0.6)) {
        this.wait(r.between(5, 120) * SECOND);
        this.add('email_click', 'email', 'review-campaign', undefined, REVIEW_CAMPAIGN);
        this.wait(r.between(2, 6) * SECOND);
        this.startSession(false);
        this.productPage(this.orderProduct);
        if (r.chance(0.8)) {
          this.wait(r.between(1, 4) * MINUTE);
          const rating = r.pick(RATINGS_HAPPY);
          this.add(
            'review_submitted',
            undefined,
            undefined,
            undefined,
            PRODUCTS[this.orderProduct]?.review[rating],
          );
          this.coupon = true;
        }
      }
    }
    if (this.coupon && r.chance(0.5)) {
      this.t += Math.round(2 * DAY + r.exp(12 * DAY));
      this.interest = Math.max(this.interest, 0.6);
      return this.appUser && r.chance(0.5)
        ? Source.App
        : this.subscribedAt >= 0
          ? Source.Newsletter
          : Source.Direct;
    }
    if (r.chance(0.15)) {
      this.t = Math.round(Math.max(this.t, delivered) + 7 * DAY + r.exp(30 * DAY));
      return this.returnSource();
    }
    return -1;
  }

  /** The shoes don't fit: FAQs and terms, often the hotline, the return form, label, refund. */
  private returnFlow(order: Properties): Source | -1 {
    const r = this.random;
    this.t += Math.round(2 * HOUR + r.exp(20 * HOUR));
    this.startSession(false);
    this.page('/');
    this.page('/faq/returns');
    if (r.chance(0.4)) this.page('/terms/returns');
    if (r.chance(0.45)) {
      // The voice menu has no option for returns: most choose "other", then wait for an agent.
      this.t += Math.round(5 * MINUTE + r.exp(2 * HOUR));
      this.startOffline();
      this.add(
        'ivr_menu_choice',
        undefined,
        undefined,
        undefined,
        r.chance(0.8) ? IVR_CHOICES[0] : IVR_CHOICES[1],
      );
      this.wait(r.between(2, 10) * MINUTE);
      const duration = Math.round(120 + r.exp(300));
      this.add('hotline_call', undefined, undefined, undefined, { reason: 'return', duration });
      this.wait(duration * SECOND + r.between(5, 60) * MINUTE);
      this.startSession(false);
      this.page('/faq/returns');
    }
    this.add('form_submitted', undefined, undefined, undefined, { form: 'return', order_id: this.orderId });
    this.wait(r.between(1, 10) * MINUTE);
    this.addAt(this.t, 'return_label_printed', order);
    const dropped = this.t + 4 * HOUR + r.exp(20 * HOUR);
    this.addAt(dropped + r.between(1, 6) * HOUR, 'shipping_update', RETURN_IN_TRANSIT);
    const received = dropped + DAY + r.exp(2 * DAY);
    this.addAt(received, 'return_received', order);
    const refunded = received + 2 * DAY + r.between(0, 12) * DAY;
    this.addAt(refunded, 'refund_issued', { order_id: this.orderId, amount: this.orderAmount });
    if (r.chance(0.25)) {
      this.addAt(refunded + r.between(1, 4) * DAY, 'survey_answer', NPS_QUESTION, r.pick(NPS_RETURNED));
    }
    // "Let's try one size up", or never again.
    if (r.chance(0.3)) {
      this.t = Math.round(this.t + r.between(2, 48) * HOUR);
      this.interest = Math.max(this.interest, 0.7);
      this.lastProduct = this.orderProduct;
      return this.appUser ? Source.App : Source.Direct;
    }
    this.t = Math.round(refunded);
    return -1;
  }

  // --- the newsletter ---------------------------------------------------------------------

  /** The last newsletter sent at or before `time`. */
  private latestSend(time: number): number {
    let i = 0;
    while (i + 1 < this.sends.length && (this.sends[i + 1] ?? 0) <= time) i++;
    return i;
  }

  /** Opens of newsletters without a visit, from subscribing until some weeks after the last visit. */
  private newsletterOpens(lastActivity: number): void {
    if (this.subscribedAt < 0) return;
    const r = this.random;
    const quiet = lastActivity + r.exp(35 * DAY);
    for (let i = 0; i < this.sends.length; i++) {
      const send = this.sends[i] ?? 0;
      if (send < this.subscribedAt || send < this.from || send > quiet) continue;
      if (this.opened.includes(i) || !r.chance(0.22)) continue;
      this.buffer.push(
        makeEvent(
          Math.round(send + r.exp(6 * HOUR)),
          'email_open',
          undefined,
          'email',
          this.sendCampaigns[i],
          undefined,
          undefined,
          undefined,
          NEWSLETTER,
        ),
      );
    }
  }
}

/** 0..1295 in base 36, plain and padded to two digits. */
const BASE36_LOW = Array.from({ length: 1296 }, (_, i) => i.toString(36));
const BASE36_PAIRS = BASE36_LOW.map((digits) => digits.padStart(2, '0'));

function inTimeOrder(events: readonly TrackedEvent[]): boolean {
  for (let i = 1; i < events.length; i++)
    if ((events[i] as TrackedEvent).time < (events[i - 1] as TrackedEvent).time) return false;
  return true;
}

function byTime(a: TrackedEvent, b: TrackedEvent): number {
  return a.time - b.time;
}
