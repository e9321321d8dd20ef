import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../schema.ts';
import { buildShoesMap } from '../templates/shoes.ts';
import { applyEdit, type EditAction } from './actions.ts';
import { deepFreeze, outcomeOf } from './test-support.ts';

const shoes = (): JourneyMap => deepFreeze(buildShoesMap('en'));

describe('map operations', () => {
  it.each<[string, EditAction, Partial<JourneyMap>]>([
    [
      'renames the map',
      { type: 'renameMap', title: 'Buying running shoes' },
      { title: 'Buying running shoes' },
    ],
    ['sets the style', { type: 'setMapStyle', style: 'future-state' }, { style: 'future-state' }],
    ['sets the language', { type: 'setMapLanguage', language: 'nl' }, { language: 'nl' }],
    [
      'sets the scenario and clears the description',
      { type: 'describeMap', scenario: 'Spring sale', description: null },
      { scenario: 'Spring sale', description: undefined },
    ],
  ])('%s', (_, action, expected) => {
    const before = shoes();
    const map = applyEdit(before, action);
    expect(map).toEqual({ ...before, ...expected });
    expect(map.stages).toBe(before.stages);
  });

  it.each<[EditAction, string]>([
    [{ type: 'renameMap', title: '' }, 'empty-text: map title must not be empty'],
    [
      { type: 'setMapStyle', style: 'blueprint' as 'future-state' },
      'invalid-value: map style must be one of current-state, future-state, service-blueprint, day-in-the-life; got "blueprint"',
    ],
    [
      { type: 'setMapLanguage', language: 'de' as 'nl' },
      'invalid-value: language must be one of en, nl; got "de"',
    ],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toBe(outcome);
  });
});
