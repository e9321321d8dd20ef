import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../schema.ts';
import { buildShoesMap } from '../templates/shoes.ts';
import { applyEdit, type EditAction } from './actions.ts';
import { addStage, deleteStage, describeStage, moveStage, renameStage } from './stages.ts';
import { deepFreeze, outcomeOf } from './test-support.ts';

const shoes = (): JourneyMap => deepFreeze(buildShoesMap('en'));
const stageIds = (map: JourneyMap): string[] => map.stages.map((stage) => stage.id);

describe('stage operations', () => {
  it.each<[string, EditAction, string[]]>([
    [
      'adds a stage at the end by default',
      { type: 'addStage', name: 'Advocacy' },
      ['awareness', 'consideration', 'purchase', 'service', 'loyalty', 'advocacy'],
    ],
    [
      'adds a stage at a position',
      { type: 'addStage', name: 'Oriëntatie', index: 1 },
      ['awareness', 'orientatie', 'consideration', 'purchase', 'service', 'loyalty'],
    ],
    [
      'gives a name already used a numbered id',
      { type: 'addStage', name: 'Purchase', index: 0 },
      ['purchase-2', 'awareness', 'consideration', 'purchase', 'service', 'loyalty'],
    ],
    [
      'takes the id given',
      { type: 'addStage', name: 'Na de koop', id: 'aftercare' },
      ['awareness', 'consideration', 'purchase', 'service', 'loyalty', 'aftercare'],
    ],
    [
      'moves a stage to the front',
      { type: 'moveStage', stageId: 'service', index: 0 },
      ['service', 'awareness', 'consideration', 'purchase', 'loyalty'],
    ],
    [
      'moves a stage to the end',
      { type: 'moveStage', stageId: 'awareness', index: 4 },
      ['consideration', 'purchase', 'service', 'loyalty', 'awareness'],
    ],
    [
      'deletes a stage',
      { type: 'deleteStage', stageId: 'consideration' },
      ['awareness', 'purchase', 'service', 'loyalty'],
    ],
  ])('%s', (_, action, expected) => {
    expect(stageIds(applyEdit(shoes(), action))).toEqual(expected);
  });

  it('adds an empty stage with just an id and a name', () => {
    const map = addStage(shoes(), { name: 'Advocacy', index: 2 });
    expect(map.stages[2]).toEqual({ id: 'advocacy', name: 'Advocacy', steps: [] });
  });

  it('renames a stage and keeps its id', () => {
    const map = renameStage(shoes(), { stageId: 'purchase', name: 'Buying' });
    expect(map.stages[2]).toMatchObject({ id: 'purchase', name: 'Buying' });
  });

  it('sets, clears and leaves the texts of a stage', () => {
    const before = shoes();
    const map = describeStage(before, {
      stageId: 'purchase',
      customerGoal: 'Pay without surprises',
      businessGoal: null,
    });
    const stage = map.stages[2];
    expect(stage?.customerGoal).toBe('Pay without surprises');
    expect(stage && 'businessGoal' in stage).toBe(false);
    expect(stage?.description).toBe(before.stages[2]?.description);
    // An emptied field is cleared too, as a text box gives it.
    expect(
      describeStage(map, { stageId: 'purchase', description: '' }).stages[2]?.description,
    ).toBeUndefined();
  });

  it('returns the same map when nothing changes', () => {
    const map = shoes();
    expect(moveStage(map, { stageId: 'purchase', index: 2 })).toBe(map);
    expect(renameStage(map, { stageId: 'purchase', name: 'Purchase' })).toBe(map);
    expect(describeStage(map, { stageId: 'purchase' })).toBe(map);
  });

  it('shares the stages it does not change', () => {
    const before = shoes();
    const map = renameStage(before, { stageId: 'purchase', name: 'Buying' });
    expect(map.stages[0]).toBe(before.stages[0]);
    expect(map.stages[4]).toBe(before.stages[4]);
    expect(map.touchpoints).toBe(before.touchpoints);
  });

  it('deletes a stage with its steps, and the links to them', () => {
    const map = deleteStage(shoes(), { stageId: 'consideration' });
    const steps = map.stages.flatMap((stage) => stage.steps);
    expect(steps.map((step) => step.id)).not.toContain('browses-e-shop');
    // uses-coupon looped back to browses-e-shop; that link is gone, and the journey ends there.
    expect(steps.find((step) => step.id === 'uses-coupon')?.next).toEqual([]);
  });

  it.each<[EditAction, string]>([
    [{ type: 'addStage', name: '  ' }, 'empty-text: stage name must not be empty'],
    [{ type: 'addStage', name: 'Later', index: 9 }, 'bad-index: a stage can go at positions 0 to 5, not 9'],
    [
      { type: 'addStage', name: 'Later', id: 'Later' },
      'invalid-id: stage id "Later" is not a slug (lower-case letters, digits and single hyphens)',
    ],
    [{ type: 'addStage', name: 'Later', id: 'purchase' }, 'id-taken: stage id "purchase" is already taken'],
    [{ type: 'renameStage', stageId: 'checkout', name: 'Pay' }, 'not-found: stage "checkout" does not exist'],
    [
      { type: 'moveStage', stageId: 'purchase', index: 5 },
      'bad-index: a moved stage can go at positions 0 to 4, not 5',
    ],
    [
      { type: 'moveStage', stageId: 'purchase', index: 1.5 },
      'bad-index: a moved stage can go at positions 0 to 4, not 1.5',
    ],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toBe(outcome);
  });

  it('keeps the last stage', () => {
    let map: JourneyMap = shoes();
    for (const id of ['awareness', 'consideration', 'purchase', 'service'])
      map = deleteStage(map, { stageId: id });
    expect(outcomeOf(map, { type: 'deleteStage', stageId: 'loyalty' })).toBe(
      'last-one: a map needs at least one stage',
    );
  });
});
