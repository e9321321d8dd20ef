/** What the funnel tests share: a map of touchpoints only, and seeded random events for it. */
import { type JourneyMap, templateById } from '@touchline/core';
import type { TrackedEvent } from '../events.ts';

export const MINUTE = 60_000;
export const T0 = Date.UTC(2026, 4, 1, 9);

const shoes = templateById('shoes')?.build('en') as JourneyMap;

/**
 * A map holding only what the funnel reads: touchpoints and their rules (stages without steps,
 * so no step id shadows an event name). `basket` matches a cart event and also a view of a
 * /cart page, so such a view counts for two steps; `silent` has no rules at all.
 */
export const FUNNEL_MAP = {
  ...shoes,
  stages: shoes.stages.map((stage) => ({ ...stage, steps: [] })),
  touchpoints: [
    {
      id: 'basket',
      name: 'basket',
      channel: 'web',
      mode: 'online',
      match: [
        { event: 'cart' },
        { event: 'view', where: [{ property: 'url', op: 'starts-with', value: '/cart' }] },
      ],
    },
    {
      id: 'buy',
      name: 'buy',
      channel: 'web',
      mode: 'online',
      match: [{ event: 'checkout' }, { event: 'order' }],
    },
    { id: 'silent', name: 'silent', channel: 'web', mode: 'online' },
  ],
} as JourneyMap;

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['view', 'cart', 'checkout', 'order', 'other'];
const CHANNELS = ['search', 'email', 'social', undefined];

/**
 * Up to `maxEvents - 1` events per customer at whole minutes within `minutes` of T0, so equal
 * times and window edges are common.
 */
export function randomFunnelEvents(
  seed: number,
  customers: number,
  { maxEvents, minutes }: { maxEvents: number; minutes: number },
): TrackedEvent[] {
  const next = random(seed);
  const events: TrackedEvent[] = [];
  for (let c = 0; c < customers; c++) {
    const count = Math.floor(next() * maxEvents);
    for (let i = 0; i < count; i++) {
      const event = NAMES[Math.floor(next() * NAMES.length)] ?? 'other';
      const e: TrackedEvent = { userId: `u${c}`, time: T0 + Math.floor(next() * minutes) * MINUTE, event };
      const channel = CHANNELS[Math.floor(next() * CHANNELS.length)];
      if (channel !== undefined) e.channel = channel;
      if (next() < 0.3) e.url = '/cart/1';
      events.push(e);
    }
  }
  return events;
}
