import { describe, expect, it } from 'vitest';
import {
  attributionQuery,
  countOf,
  discoverQuery,
  funnelQuery,
  funnelSteps,
  measureKey,
  paramsOf,
  pathsQuery,
  searchOf,
  sharedOf,
  withChanges,
} from './query.ts';

describe('the query of an analytics page', () => {
  it.each([
    ['', {}],
    ['?map=m1&from=2026-08-01&to=', { map: 'm1', from: '2026-08-01' }],
    ['?steps=landing-page,cart&by=channel', { steps: 'landing-page,cart', by: 'channel' }],
  ])('%s reads as %j', (search, params) => {
    expect(paramsOf(search)).toEqual(params);
  });

  it.each([
    [{}, ''],
    [{ by: 'channel', map: 'm1', steps: 'a,b' }, '?map=m1&steps=a,b&by=channel'],
    [{ zzz: '1', from: '2026-08-01' }, '?from=2026-08-01&zzz=1'],
    [{ segment: 'a&b' }, '?segment=a%26b'],
  ])('%j is written as %s, and reads back', (params, search) => {
    expect(searchOf(params)).toBe(search);
    expect(paramsOf(search)).toEqual(params);
  });

  it('changes, removes and keeps parameters', () => {
    const params = { map: 'm1', by: 'channel', segment: 'email' };
    expect(withChanges(params, { by: 'campaign', segment: null, from: '2026-08-01', to: '' })).toEqual({
      map: 'm1',
      by: 'campaign',
      from: '2026-08-01',
    });
    expect(sharedOf({ map: 'm1', from: 'x', steps: 'a', by: 'channel' })).toEqual({ map: 'm1', from: 'x' });
  });

  it.each([
    [undefined, 5, 5],
    ['7', 5, 7],
    ['0', 5, 5],
    ['2.5', 5, 5],
    ['nine', 5, 5],
    ['500', 5, 50],
  ])('count %s (default %d) is %d', (value, fallback, count) => {
    expect(countOf(value, fallback)).toBe(count);
  });
});

describe('the measures’ parameters', () => {
  it.each([
    [{}, ['awareness', 'purchase'], ['awareness', 'purchase']],
    [{ steps: 'a, b,,c' }, ['x'], ['a', 'b', 'c']],
    [{ steps: ',' }, [], []],
  ])('funnel steps of %j with defaults %j: %j', (params, defaults, steps) => {
    expect(funnelSteps(params, defaults)).toEqual(steps);
  });

  it('asks the funnel with the range, window and breakdown; not without steps', () => {
    expect(
      funnelQuery(
        { map: 'm1', from: '2026-08-01', to: 'soon', window: '7d', by: 'channel', segment: 'email' },
        ['a', 'b'],
      ),
    ).toEqual({ steps: 'a,b', window: '7d', by: 'channel', map: 'm1', from: '2026-08-01', to: undefined });
    expect(funnelQuery({}, [])).toBeNull();
  });

  it.each([
    [{}, { 'collapse-repeats': 'true', 'max-steps': '5', per: undefined }],
    [
      { repeats: 'keep', depth: '8', per: 'customer' },
      { 'collapse-repeats': undefined, 'max-steps': '8', per: 'customer' },
    ],
    [
      { depth: '99', per: 'visit' },
      { 'collapse-repeats': 'true', 'max-steps': '10', per: undefined },
    ],
  ])('paths of %j ask %j', (params, expected) => {
    expect(pathsQuery(params)).toMatchObject(expected);
  });

  it('asks attribution for the conversion (order_completed unless told) and the discovered journey for a map', () => {
    expect(attributionQuery({ 'half-life': '2d' })).toMatchObject({
      conversion: 'order_completed',
      'half-life': '2d',
    });
    expect(attributionQuery({ conversion: 'sign_up' }).conversion).toBe('sign_up');
    expect(discoverQuery({})).toBeNull();
    expect(discoverQuery({ map: 'm1', to: '2026-09-30' })).toEqual({
      map: 'm1',
      from: undefined,
      to: '2026-09-30',
    });
  });

  it('keys a measure by its parameters, in one order', () => {
    expect(measureKey('funnel', { steps: 'a,b', map: 'm1', by: undefined })).toBe('funnel?map=m1&steps=a,b');
  });
});
