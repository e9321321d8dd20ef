import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../schema.ts';
import { buildShoesMap } from '../templates/shoes.ts';
import type { EditAction } from './actions.ts';
import { addPersona, deletePersona, editPersona, movePersona } from './personas.ts';
import { deepFreeze, outcomeOf } from './test-support.ts';

const shoes = (): JourneyMap => deepFreeze(buildShoesMap('en'));

describe('persona operations', () => {
  it('adds a persona with goals, and edits it', () => {
    let map = addPersona(shoes(), { name: 'Gift buyer', goals: ['Find a present in time'] });
    expect(map.personas.at(-1)).toEqual({
      id: 'gift-buyer',
      name: 'Gift buyer',
      goals: ['Find a present in time'],
    });
    map = editPersona(map, { personaId: 'gift-buyer', quote: 'It has to arrive by Friday', goals: null });
    expect(map.personas.at(-1)).toEqual({
      id: 'gift-buyer',
      name: 'Gift buyer',
      quote: 'It has to arrive by Friday',
    });
  });

  it('moves a persona to the front, where the main curve is', () => {
    const map = movePersona(shoes(), { personaId: 'returning-customer', index: 0 });
    expect(map.personas.map((p) => p.id)).toEqual(['returning-customer', 'first-time-buyer']);
  });

  it('deletes a persona with its feelings', () => {
    const map = deletePersona(shoes(), { personaId: 'first-time-buyer' });
    const feelings = map.stages.flatMap((stage) => stage.steps.map((step) => step.feelings ?? {}));
    expect(feelings.every((f) => !('first-time-buyer' in f) && 'returning-customer' in f)).toBe(true);
  });

  it.each<[EditAction, string]>([
    [
      { type: 'addPersona', name: 'Gift buyer', goals: ['ok', ''] },
      'empty-text: a persona goal must not be empty',
    ],
    [{ type: 'editPersona', personaId: 'nobody', name: 'X' }, 'not-found: persona "nobody" does not exist'],
    [
      { type: 'movePersona', personaId: 'first-time-buyer', index: 2 },
      'bad-index: a persona can go at positions 0 to 1, not 2',
    ],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toBe(outcome);
  });

  it('keeps the last persona', () => {
    const map = deletePersona(shoes(), { personaId: 'first-time-buyer' });
    expect(outcomeOf(map, { type: 'deletePersona', personaId: 'returning-customer' })).toBe(
      'last-one: a map needs at least one persona',
    );
  });
});
