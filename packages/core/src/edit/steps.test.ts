import { describe, expect, it } from 'vitest';
import { stepGraph } from '../journey.ts';
import type { JourneyMap, Step } from '../schema.ts';
import { buildShoesMap } from '../templates/shoes.ts';
import { applyEdit, type EditAction } from './actions.ts';
import {
  addStep,
  deleteStep,
  describeStep,
  linkSteps,
  moveStep,
  renameStep,
  setStepNext,
  stepTargets,
  unlinkSteps,
} from './steps.ts';
import { deepFreeze, outcomeOf } from './test-support.ts';

const shoes = (): JourneyMap => deepFreeze(buildShoesMap('en'));

function stepIdsOf(map: JourneyMap, stageId: string): string[] {
  return map.stages.find((stage) => stage.id === stageId)?.steps.map((step) => step.id) ?? [];
}

function stepOf(map: JourneyMap, stepId: string): Step {
  const step = map.stages.flatMap((stage) => stage.steps).find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return step;
}

/** The flow as `from>to` arrows, for comparing what the map draws before and after an edit. */
function arrows(map: JourneyMap): string[] {
  return [...stepGraph(map)].flatMap(([from, to]) => to.map((id) => `${from}>${id}`)).sort();
}

describe('adding, moving and deleting steps', () => {
  it.each<[string, EditAction, string, string[]]>([
    [
      'adds a step at the end of a stage',
      { type: 'addStep', stageId: 'consideration', name: 'Compares prices' },
      'consideration',
      ['browses-e-shop', 'compares-prices'],
    ],
    [
      'adds a step at a position, its id unique across the map',
      { type: 'addStep', stageId: 'service', name: 'Checkout', index: 0 },
      'service',
      [
        'checkout-2',
        'tries-on',
        'wants-to-return',
        'calls-hotline',
        'does-return',
        'waits-for-return-confirmation',
        'waits-for-credit',
      ],
    ],
    [
      'moves a step within its stage',
      { type: 'moveStep', stepId: 'receives-parcel', index: 0 },
      'purchase',
      ['receives-parcel', 'checkout', 'thank-you-page', 'waits-for-parcel'],
    ],
    [
      'moves a step to the end of its stage when no position is given',
      { type: 'moveStep', stepId: 'checkout' },
      'purchase',
      ['thank-you-page', 'waits-for-parcel', 'receives-parcel', 'checkout'],
    ],
    [
      'moves a step to another stage at a position',
      { type: 'moveStep', stepId: 'browses-e-shop', stageId: 'purchase', index: 1 },
      'purchase',
      ['checkout', 'browses-e-shop', 'thank-you-page', 'waits-for-parcel', 'receives-parcel'],
    ],
    [
      'moves a step to the end of another stage',
      { type: 'moveStep', stepId: 'browses-e-shop', stageId: 'awareness' },
      'awareness',
      ['wants-shoes', 'clicks-ad', 'browses-e-shop'],
    ],
    [
      'deletes a step',
      { type: 'deleteStep', stepId: 'thank-you-page' },
      'purchase',
      ['checkout', 'waits-for-parcel', 'receives-parcel'],
    ],
  ])('%s', (_, action, stageId, expected) => {
    expect(stepIdsOf(applyEdit(shoes(), action), stageId)).toEqual(expected);
  });

  it('puts a new step in the flow where it is inserted', () => {
    const map = addStep(shoes(), { stageId: 'purchase', name: 'Pays with iDEAL', index: 1 });
    expect(stepOf(map, 'pays-with-ideal')).toEqual({ id: 'pays-with-ideal', name: 'Pays with iDEAL' });
    expect(stepTargets(map, 'checkout')).toEqual(['pays-with-ideal']);
    expect(stepTargets(map, 'pays-with-ideal')).toEqual(['thank-you-page']);
  });

  it('moves a step with everything on it, and the stage it left shrinks', () => {
    const before = shoes();
    const map = moveStep(before, { stepId: 'checkout', stageId: 'consideration', index: 0 });
    expect(stepOf(map, 'checkout')).toBe(stepOf(before, 'checkout'));
    expect(stepIdsOf(map, 'purchase')).toEqual(['thank-you-page', 'waits-for-parcel', 'receives-parcel']);
    expect(map.stages[0]).toBe(before.stages[0]);
  });

  it('deleting a step removes the links to it and lets file order close the gap', () => {
    const map = deleteStep(deleteStep(shoes(), { stepId: 'wants-to-return' }), { stepId: 'thank-you-page' });
    expect(stepOf(map, 'tries-on').next).toEqual(['receives-review-newsletter']);
    expect(stepTargets(map, 'checkout')).toEqual(['waits-for-parcel']);
  });

  it('renames and describes a step, keeping its id', () => {
    let map = renameStep(shoes(), { stepId: 'checkout', name: 'Pays' });
    map = describeStep(map, { stepId: 'checkout', description: 'Cart, address, payment' });
    expect(stepOf(map, 'checkout')).toMatchObject({
      id: 'checkout',
      name: 'Pays',
      description: 'Cart, address, payment',
    });
    expect(
      stepOf(describeStep(map, { stepId: 'checkout', description: null }), 'checkout'),
    ).not.toHaveProperty('description');
  });

  it('puts a field new to a step where the schema lists it', () => {
    const map = describeStep(shoes(), { stepId: 'checkout', description: 'Cart, address, payment' });
    expect(Object.keys(stepOf(map, 'checkout')).slice(0, 4)).toEqual([
      'id',
      'name',
      'description',
      'touchpoints',
    ]);
  });

  it('returns the same map when a step does not move', () => {
    const map = shoes();
    expect(moveStep(map, { stepId: 'thank-you-page', index: 1 })).toBe(map);
    expect(moveStep(map, { stepId: 'thank-you-page', stageId: 'purchase', index: 1 })).toBe(map);
  });
});

describe('links between steps', () => {
  it('linking a step that follows by file order keeps its arrow and adds the new one', () => {
    const before = shoes();
    const map = linkSteps(before, { stepId: 'checkout', toStepId: 'calls-hotline' });
    expect(stepOf(map, 'checkout').next).toEqual(['thank-you-page', 'calls-hotline']);
    expect(arrows(map)).toEqual([...arrows(before), 'checkout>calls-hotline'].sort());
  });

  it.each<[string, EditAction, string[] | undefined]>([
    [
      'appends to an explicit list',
      { type: 'linkSteps', stepId: 'tries-on', toStepId: 'calls-hotline' },
      ['wants-to-return', 'receives-review-newsletter', 'calls-hotline'],
    ],
    [
      'links a step where the journey ended',
      { type: 'linkSteps', stepId: 'waits-for-credit', toStepId: 'writes-review' },
      ['writes-review'],
    ],
    [
      'loops a step back to itself',
      { type: 'linkSteps', stepId: 'calls-hotline', toStepId: 'calls-hotline' },
      ['does-return', 'calls-hotline'],
    ],
    [
      'unlinks the step that follows by file order: the journey ends',
      { type: 'unlinkSteps', stepId: 'checkout', toStepId: 'thank-you-page' },
      [],
    ],
    [
      'unlinks one branch',
      { type: 'unlinkSteps', stepId: 'tries-on', toStepId: 'wants-to-return' },
      ['receives-review-newsletter'],
    ],
    [
      'sets the next steps at once',
      { type: 'setStepNext', stepId: 'checkout', next: ['receives-parcel', 'checkout'] },
      ['receives-parcel', 'checkout'],
    ],
    ['returns a step to file order', { type: 'setStepNext', stepId: 'tries-on', next: null }, undefined],
  ])('%s', (_, action, next) => {
    const map = applyEdit(shoes(), action);
    const stepId = (action as { stepId: string }).stepId;
    expect(stepOf(map, stepId).next).toEqual(next);
  });

  it('an explicit next goes before the lanes, where the schema lists it', () => {
    const map = linkSteps(shoes(), { stepId: 'checkout', toStepId: 'calls-hotline' });
    const keys = Object.keys(stepOf(map, 'checkout'));
    expect(keys.indexOf('next')).toBe(keys.indexOf('departments') + 1);
  });

  it('unlinking what linking added gives the same flow back', () => {
    const before = shoes();
    const linked = linkSteps(before, { stepId: 'checkout', toStepId: 'calls-hotline' });
    const unlinked = unlinkSteps(linked, { stepId: 'checkout', toStepId: 'calls-hotline' });
    expect(arrows(unlinked)).toEqual(arrows(before));
  });

  it('returns the same map when the next steps are set to what they are', () => {
    const map = shoes();
    expect(
      setStepNext(map, { stepId: 'tries-on', next: ['wants-to-return', 'receives-review-newsletter'] }),
    ).toBe(map);
    expect(setStepNext(map, { stepId: 'checkout', next: null })).toBe(map);
  });

  it.each<[EditAction, string]>([
    [
      { type: 'linkSteps', stepId: 'checkout', toStepId: 'thank-you-page' },
      'duplicate: step "checkout" already leads to step "thank-you-page"',
    ],
    [{ type: 'linkSteps', stepId: 'checkout', toStepId: 'pays' }, 'not-found: step "pays" does not exist'],
    [{ type: 'linkSteps', stepId: 'pays', toStepId: 'checkout' }, 'not-found: step "pays" does not exist'],
    [
      { type: 'unlinkSteps', stepId: 'checkout', toStepId: 'tries-on' },
      'not-found: step "checkout" does not lead to step "tries-on"',
    ],
    [{ type: 'unlinkSteps', stepId: 'checkout', toStepId: 'pays' }, 'not-found: step "pays" does not exist'],
    [
      { type: 'setStepNext', stepId: 'checkout', next: ['tries-on', 'tries-on'] },
      'duplicate: step "tries-on" is listed twice in next',
    ],
    [{ type: 'setStepNext', stepId: 'checkout', next: ['pays'] }, 'not-found: step "pays" does not exist'],
    [{ type: 'addStep', stageId: 'purchase', name: '' }, 'empty-text: step name must not be empty'],
    [
      { type: 'addStep', stageId: 'purchase', name: 'Pays', id: 'tries-on' },
      'id-taken: step id "tries-on" is already taken',
    ],
    [
      { type: 'addStep', stageId: 'purchase', name: 'Pays', index: 5 },
      'bad-index: a step of stage "purchase" can go at positions 0 to 4, not 5',
    ],
    [{ type: 'addStep', stageId: 'pay', name: 'Pays' }, 'not-found: stage "pay" does not exist'],
    [
      { type: 'moveStep', stepId: 'checkout', index: 4 },
      'bad-index: a step of stage "purchase" can go at positions 0 to 3, not 4',
    ],
    [
      { type: 'moveStep', stepId: 'checkout', stageId: 'loyalty', index: 4 },
      'bad-index: a step of stage "loyalty" can go at positions 0 to 3, not 4',
    ],
    [{ type: 'deleteStep', stepId: 'pays' }, 'not-found: step "pays" does not exist'],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toBe(outcome);
  });
});
