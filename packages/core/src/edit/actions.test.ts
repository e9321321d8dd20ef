import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildShoesMap } from '../templates/shoes.ts';
import { validateMap } from '../validate.ts';
import {
  applyEdit,
  coalesceKey,
  EDIT_ACTION_TYPES,
  type EditAction,
  type EditActionType,
  tryEdit,
} from './actions.ts';
import { EditError } from './errors.ts';
import { deepFreeze, randomEdit, seededRandom } from './test-support.ts';

/**
 * Checks that `next` shares with `previous` every stage, step and record list it did not change:
 * equal content must be the same object, so the editor can skip what did not change.
 */
function expectShared(
  previous: ReturnType<typeof buildShoesMap>,
  next: ReturnType<typeof buildShoesMap>,
): void {
  if (isDeepStrictEqual(previous, next)) {
    expect(next).toBe(previous);
    return;
  }
  for (const key of ['personas', 'departments', 'touchpoints'] as const) {
    if (isDeepStrictEqual(previous[key], next[key])) expect(next[key]).toBe(previous[key]);
  }
  const stagesBefore = new Map(previous.stages.map((stage) => [stage.id, stage]));
  const stepsBefore = new Map(previous.stages.flatMap((stage) => stage.steps.map((step) => [step.id, step])));
  for (const stage of next.stages) {
    const was = stagesBefore.get(stage.id);
    if (was && isDeepStrictEqual(was, stage)) expect(stage).toBe(was);
    for (const step of stage.steps) {
      const stepWas = stepsBefore.get(step.id);
      if (stepWas && isDeepStrictEqual(stepWas, step)) expect(step).toBe(stepWas);
    }
  }
}

describe('random edits of the shoe map', () => {
  const SEEDS = [1, 2, 3, 4, 5, 6];
  const EDITS_PER_SEED = 400;

  it('keep the map valid, never write into their input, and share what they leave alone', () => {
    const applied = new Map<EditActionType, number>();
    const refused = new Map<string, number>();
    for (const seed of SEEDS) {
      const random = seededRandom(seed);
      let map = deepFreeze(buildShoesMap(seed % 2 === 0 ? 'nl' : 'en'));
      for (let n = 0; n < EDITS_PER_SEED; n++) {
        const action = randomEdit(map, random);
        let next: typeof map;
        try {
          next = applyEdit(map, action);
        } catch (error) {
          // Only EditError may come out; anything else (a TypeError from a frozen input ...) is a bug.
          if (!(error instanceof EditError)) throw error;
          refused.set(error.code, (refused.get(error.code) ?? 0) + 1);
          continue;
        }
        const problems = validateMap(next).problems;
        if (problems.length > 0) {
          throw new Error(
            `seed ${seed}, edit ${n}: ${JSON.stringify(action)} made an invalid map: ${JSON.stringify(problems)}`,
          );
        }
        expectShared(map, next);
        applied.set(action.type, (applied.get(action.type) ?? 0) + 1);
        map = deepFreeze(next);
      }
    }
    // Each kind of edit got through at least once, and refusals were exercised too.
    expect(EDIT_ACTION_TYPES.filter((type) => !applied.has(type))).toEqual([]);
    expect([...refused.keys()].sort()).toEqual(
      expect.arrayContaining(['bad-index', 'duplicate', 'empty-text', 'invalid-value', 'not-found']),
    );
    const total = [...applied.values()].reduce((sum, count) => sum + count, 0);
    expect(total).toBeGreaterThan((SEEDS.length * EDITS_PER_SEED) / 3);
  });

  it('give the same result for an action that went through JSON', () => {
    const random = seededRandom(42);
    let map = buildShoesMap('en');
    for (let n = 0; n < 300; n++) {
      const action = randomEdit(map, random);
      const travelled = JSON.parse(JSON.stringify(action)) as EditAction;
      const direct = tryEdit(map, action);
      const viaJson = tryEdit(map, travelled);
      if (direct.ok && viaJson.ok) expect(viaJson.map).toEqual(direct.map);
      else if (!direct.ok && !viaJson.ok) expect(viaJson.error.code).toBe(direct.error.code);
      else throw new Error(`${JSON.stringify(action)} applies differently after JSON`);
      if (direct.ok) map = direct.map;
    }
  });
});

describe('applyEdit', () => {
  it('applies the operation named by the type', () => {
    const map = buildShoesMap('en');
    const next = applyEdit(map, { type: 'renameStage', stageId: 'purchase', name: 'Buying' });
    expect(next.stages[2]?.name).toBe('Buying');
    expect(map.stages[2]?.name).not.toBe('Buying');
  });

  it.each([
    ['an unknown type', { type: 'renameEverything' }],
    ['a type from the prototype', { type: 'toString' }],
    ['no type', {}],
  ])('refuses %s', (_, action) => {
    const map = buildShoesMap('en');
    expect(() => applyEdit(map, action as unknown as EditAction)).toThrow(
      expect.objectContaining({ code: 'unknown-action' }),
    );
  });

  it('tryEdit reports the refusal instead of throwing', () => {
    const result = tryEdit(buildShoesMap('en'), { type: 'renameStep', stepId: 'checkout', name: ' ' });
    expect(result).toEqual({ ok: false, error: expect.any(EditError) });
    if (!result.ok) expect(result.error.message).toBe('step name must not be empty');
  });
});

describe('coalesceKey', () => {
  it.each<[string, EditAction, EditAction, boolean]>([
    [
      'the same step renamed twice',
      { type: 'renameStep', stepId: 'checkout', name: 'P' },
      { type: 'renameStep', stepId: 'checkout', name: 'Pays' },
      true,
    ],
    [
      'two steps renamed',
      { type: 'renameStep', stepId: 'checkout', name: 'P' },
      { type: 'renameStep', stepId: 'tries-on', name: 'P' },
      false,
    ],
    [
      'a stage goal, then its description',
      { type: 'describeStage', stageId: 'purchase', customerGoal: 'a' },
      { type: 'describeStage', stageId: 'purchase', description: 'a' },
      false,
    ],
    [
      'a feeling dragged',
      { type: 'setFeeling', stepId: 'checkout', personaId: 'first-time-buyer', score: 1 },
      { type: 'setFeeling', stepId: 'checkout', personaId: 'first-time-buyer', score: 1.5 },
      true,
    ],
    [
      'the same note typed',
      { type: 'editLaneItem', stepId: 'checkout', lane: 'thoughts', index: 0, text: 'a' },
      { type: 'editLaneItem', stepId: 'checkout', lane: 'thoughts', index: 0, text: 'ab' },
      true,
    ],
    [
      'another note typed',
      { type: 'editLaneItem', stepId: 'checkout', lane: 'thoughts', index: 0, text: 'a' },
      { type: 'editLaneItem', stepId: 'checkout', lane: 'thoughts', index: 1, text: 'a' },
      false,
    ],
  ])('%s: one undo step is %s', (_, a, b, same) => {
    expect(coalesceKey(a) !== undefined && coalesceKey(a) === coalesceKey(b)).toBe(same);
  });

  it.each<EditAction>([
    { type: 'addStep', stageId: 'purchase', name: 'Pays' },
    { type: 'moveStep', stepId: 'checkout', index: 0 },
    { type: 'deleteStage', stageId: 'loyalty' },
  ])('does not join $type edits', (action) => {
    expect(coalesceKey(action)).toBeUndefined();
  });
});
