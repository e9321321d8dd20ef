import { describe, expect, it } from 'vitest';
import { checkEvent, parseIsoInstant } from './event-rules.ts';

const good = { user_id: 'c-1', timestamp: '2026-03-01T10:00:00Z', event: 'page_view' };

describe('checkEvent', () => {
  it('turns a good event into the canonical one', () => {
    expect(
      checkEvent({
        ...good,
        event_id: ' e-1 ',
        session_id: 's1',
        channel: 'email',
        campaign: 'spring',
        url: '/p/1',
        revenue: '59.90',
        value: 9,
        properties: { list: 'newsletter' },
      }),
    ).toEqual({
      ok: true,
      event: {
        eventId: 'e-1',
        userId: 'c-1',
        time: Date.UTC(2026, 2, 1, 10),
        event: 'page_view',
        sessionId: 's1',
        channel: 'email',
        campaign: 'spring',
        url: '/p/1',
        revenue: 59.9,
        value: 9,
        properties: { list: 'newsletter' },
      },
    });
  });

  it.each([
    [{ ...good, user_id: ' ' }, ['user_id is empty']],
    [{ ...good, event: undefined }, ['event is empty']],
    [{ ...good, timestamp: '' }, ['timestamp is empty']],
    [{ ...good, timestamp: 'yesterday' }, ['timestamp "yesterday" is not a date']],
    [
      { ...good, timestamp: '2026-03-01T10:00:00' },
      ['timestamp "2026-03-01T10:00:00" has no time zone (add Z for UTC, or an offset such as +01:00)'],
    ],
    [{ ...good, timestamp: '2026-02-30T10:00:00Z' }, ['timestamp "2026-02-30T10:00:00Z" is not a date']],
    [{ ...good, revenue: 'lots' }, ['revenue "lots" is not a number']],
    [{ ...good, value: true }, ['value "true" is not a number']],
    [{ ...good, properties: [1] }, ['properties is not a JSON object: "[1]"']],
    [{ ...good, channel: { a: 1 } }, ['channel "{"a":1}" is not text']],
    [
      { user_id: '', event: '', timestamp: 'x' },
      ['user_id is empty', 'event is empty', 'timestamp "x" is not a date'],
    ],
    ['page_view', ['an event is a JSON object']],
  ])('refuses %j with %j', (input, problems) => {
    expect(checkEvent(input)).toEqual({ ok: false, problems });
  });

  it('takes epoch milliseconds as a number or as digits', () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    expect(checkEvent({ ...good, timestamp: at })).toMatchObject({ ok: true, event: { time: at } });
    expect(checkEvent({ ...good, timestamp: String(at) })).toMatchObject({ ok: true, event: { time: at } });
  });
});

describe('parseIsoInstant', () => {
  it.each([
    ['2026-03-01T10:00:00Z', Date.UTC(2026, 2, 1, 10)],
    ['2026-03-01T10:00:00.250+01:00', Date.UTC(2026, 2, 1, 9, 0, 0, 250)],
    ['2026-03-01 10:00-0230', Date.UTC(2026, 2, 1, 12, 30)],
    ['2024-02-29T00:00:00+00', Date.UTC(2024, 1, 29)],
    ['2026-03-01T10:00:00', undefined],
    ['2025-02-29T00:00:00Z', undefined],
    ['2026-13-01T00:00:00Z', undefined],
  ])('reads %s', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
    // A second reading where JavaScript's own parser takes the form too.
    if (expected !== undefined && /T.*(Z|[+-]\d\d:\d\d)$/.test(text)) expect(Date.parse(text)).toBe(expected);
  });
});
