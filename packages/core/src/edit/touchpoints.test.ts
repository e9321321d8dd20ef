import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../schema.ts';
import { buildShoesMap } from '../templates/shoes.ts';
import type { EditAction } from './actions.ts';
import { deepFreeze, outcomeOf } from './test-support.ts';
import {
  addTouchpoint,
  attachTouchpoint,
  deleteTouchpoint,
  detachTouchpoint,
  editTouchpoint,
} from './touchpoints.ts';

const shoes = (): JourneyMap => deepFreeze(buildShoesMap('en'));
const steps = (map: JourneyMap) => map.stages.flatMap((stage) => stage.steps);
const touchpointsOf = (map: JourneyMap, stepId: string) =>
  steps(map).find((s) => s.id === stepId)?.touchpoints;

describe('touchpoint operations', () => {
  it('adds a touchpoint with its channel, mode and department', () => {
    const map = addTouchpoint(shoes(), {
      name: 'Kiosk in the store',
      channel: 'store',
      mode: 'offline',
      department: 'e-shop-management',
      index: 0,
    });
    expect(map.touchpoints?.[0]).toEqual({
      id: 'kiosk-in-the-store',
      name: 'Kiosk in the store',
      channel: 'store',
      mode: 'offline',
      department: 'e-shop-management',
    });
  });

  it('edits fields, clears the department, and keeps the match rules', () => {
    const before = shoes();
    const map = editTouchpoint(before, {
      touchpointId: 'ad',
      name: 'Display ad',
      mode: 'offline',
      department: null,
    });
    const ad = map.touchpoints?.find((t) => t.id === 'ad');
    expect(ad).toMatchObject({ name: 'Display ad', channel: 'display', mode: 'offline' });
    expect(ad).not.toHaveProperty('department');
    expect(ad?.match).toBe(before.touchpoints?.find((t) => t.id === 'ad')?.match);
  });

  it('attaches at a position and detaches', () => {
    let map = attachTouchpoint(shoes(), { stepId: 'checkout', touchpointId: 'hotline-agent', index: 0 });
    expect(touchpointsOf(map, 'checkout')?.[0]).toBe('hotline-agent');
    map = detachTouchpoint(map, { stepId: 'checkout', touchpointId: 'hotline-agent' });
    expect(touchpointsOf(map, 'checkout')).toEqual(touchpointsOf(shoes(), 'checkout'));
  });

  it('detaching the last touchpoint of a step removes the field', () => {
    let map = shoes();
    for (const id of touchpointsOf(map, 'calls-hotline') ?? []) {
      map = detachTouchpoint(map, { stepId: 'calls-hotline', touchpointId: id });
    }
    expect(steps(map).find((s) => s.id === 'calls-hotline')).not.toHaveProperty('touchpoints');
  });

  it('deletes a touchpoint from the map, every step and every objection', () => {
    const before = shoes();
    expect(steps(before).filter((s) => s.touchpoints?.includes('form')).length).toBeGreaterThan(1);
    const map = deleteTouchpoint(before, { touchpointId: 'product-page' });
    expect(map.touchpoints?.some((t) => t.id === 'product-page')).toBe(false);
    expect(steps(map).some((s) => s.touchpoints?.includes('product-page'))).toBe(false);
    const objections = map.stages.flatMap((stage) => stage.objections ?? []);
    expect(objections.find((o) => o.id === 'size-doubt')).not.toHaveProperty('touchpoint');
    // Steps without it stay as they were.
    expect(steps(map).find((s) => s.id === 'checkout')).toBe(steps(before).find((s) => s.id === 'checkout'));
  });

  it.each<[EditAction, string]>([
    [
      { type: 'addTouchpoint', name: 'Kiosk', channel: 'kiosk' as 'store', mode: 'offline' },
      'invalid-value: channel must be one of web, app, email, search, display, social, video, audio, phone, chat, store, mail, print, delivery, product, word-of-mouth, partner, other; got "kiosk"',
    ],
    [
      { type: 'addTouchpoint', name: 'Kiosk', channel: 'store', mode: 'offline', department: 'it' },
      'not-found: department "it" does not exist',
    ],
    [
      { type: 'addTouchpoint', name: 'Ad', channel: 'store', mode: 'offline', id: 'ad' },
      'id-taken: touchpoint id "ad" is already taken',
    ],
    [
      { type: 'editTouchpoint', touchpointId: 'kiosk', name: 'Kiosk' },
      'not-found: touchpoint "kiosk" does not exist',
    ],
    [
      { type: 'editTouchpoint', touchpointId: 'ad', name: '' },
      'empty-text: touchpoint name must not be empty',
    ],
    [
      { type: 'attachTouchpoint', stepId: 'checkout', touchpointId: 'cart' },
      'duplicate: touchpoint "cart" is already on step "checkout"',
    ],
    [
      { type: 'attachTouchpoint', stepId: 'checkout', touchpointId: 'kiosk' },
      'not-found: touchpoint "kiosk" does not exist',
    ],
    [
      { type: 'attachTouchpoint', stepId: 'checkout', touchpointId: 'ad', index: 9 },
      'bad-index: a touchpoint of step "checkout" can go at positions 0 to 5, not 9',
    ],
    [
      { type: 'detachTouchpoint', stepId: 'checkout', touchpointId: 'ad' },
      'not-found: touchpoint "ad" is not on step "checkout"',
    ],
    [{ type: 'deleteTouchpoint', touchpointId: 'kiosk' }, 'not-found: touchpoint "kiosk" does not exist'],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toBe(outcome);
  });
});
