/**
 * The rules an incoming event must meet, for events that arrive as JSON (the collect endpoint).
 * They are the rules of file import, with the same messages: `user_id`, `event` and `timestamp`
 * are required; a timestamp is ISO 8601 with a zone (Z or an offset) or epoch milliseconds;
 * `revenue` and `value` are numbers; `properties` is a JSON object.
 */
import type { TrackedEvent } from './events.ts';

export type EventCheck = { ok: true; event: TrackedEvent } | { ok: false; problems: string[] };

/** Longest text kept of a field: ids, names and URLs beyond it are refused, not cut. */
export const MAX_EVENT_TEXT = 2_048;

const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/;

/** `"value"` cut to 60 characters, as the import quotes a value in its messages. */
function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${(text ?? String(value)).slice(0, 60)}"`;
}

/**
 * Epoch milliseconds of an ISO 8601 date-time with a zone, or undefined when it is not one
 * (computed by hand so the calendar is checked: 2026-02-30 is not a date).
 */
export function parseIsoInstant(text: string): number | undefined {
  const match = ISO_WITH_ZONE.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes =
      (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A required or optional text field: strings as given, numbers as their decimal text. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function number(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Checks one event as it arrived; either the canonical event or every problem with it. */
export function checkEvent(raw: unknown): EventCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: ['an event is a JSON object'] };
  }
  const input = raw as Record<string, unknown>;
  const problems: string[] = [];
  const field = (name: string, required: boolean): string | undefined => {
    const value = input[name];
    if (blank(value)) {
      if (required) problems.push(`${name} is empty`);
      return undefined;
    }
    const given = text(value);
    if (given === undefined) problems.push(`${name} ${quoted(value)} is not text`);
    else if (given.length > MAX_EVENT_TEXT)
      problems.push(`${name} is longer than ${MAX_EVENT_TEXT} characters`);
    return given;
  };

  const eventId = field('event_id', false)?.trim();
  const userId = field('user_id', true)?.trim();
  const name = field('event', true)?.trim();
  const sessionId = field('session_id', false)?.trim();
  const channel = field('channel', false)?.trim();
  const campaign = field('campaign', false)?.trim();
  const url = field('url', false);

  let time: number | undefined;
  const timestamp = input.timestamp;
  if (blank(timestamp)) problems.push('timestamp is empty');
  else if (
    typeof timestamp === 'number' ||
    (typeof timestamp === 'string' && /^-?\d+$/.test(timestamp.trim()))
  ) {
    time = Number(timestamp);
    if (!Number.isSafeInteger(time)) {
      problems.push(`timestamp ${quoted(timestamp)} is not a date`);
      time = undefined;
    }
  } else if (typeof timestamp === 'string') {
    time = parseIsoInstant(timestamp);
    if (time === undefined) {
      problems.push(
        ISO_WITHOUT_ZONE.test(timestamp.trim())
          ? `timestamp ${quoted(timestamp)} has no time zone (add Z for UTC, or an offset such as +01:00)`
          : `timestamp ${quoted(timestamp)} is not a date`,
      );
    }
  } else problems.push(`timestamp ${quoted(timestamp)} is not a date`);

  const numeric = (name: 'revenue' | 'value'): number | undefined => {
    const value = input[name];
    if (blank(value)) return undefined;
    const parsed = number(value);
    if (parsed === undefined) problems.push(`${name} ${quoted(value)} is not a number`);
    return parsed;
  };
  const revenue = numeric('revenue');
  const value = numeric('value');

  let properties: Record<string, unknown> | undefined;
  const rawProperties = input.properties;
  if (!blank(rawProperties)) {
    if (typeof rawProperties === 'object' && rawProperties !== null && !Array.isArray(rawProperties)) {
      properties = rawProperties as Record<string, unknown>;
    } else problems.push(`properties is not a JSON object: ${quoted(rawProperties)}`);
  }

  if (problems.length > 0 || userId === undefined || name === undefined || time === undefined) {
    return { ok: false, problems };
  }
  const event: TrackedEvent = { userId, time, event: name };
  if (eventId) event.eventId = eventId;
  if (sessionId) event.sessionId = sessionId;
  if (channel) event.channel = channel;
  if (campaign) event.campaign = campaign;
  if (url) event.url = url;
  if (revenue !== undefined) event.revenue = revenue;
  if (value !== undefined) event.value = value;
  if (properties && Object.keys(properties).length > 0) event.properties = properties;
  return { ok: true, event };
}
