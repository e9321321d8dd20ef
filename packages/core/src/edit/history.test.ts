import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../schema.ts';
import { buildShoesMap } from '../templates/shoes.ts';
import { type EditAction, tryEdit } from './actions.ts';
import { createHistory, type EditHistory } from './history.ts';
import { deepFreeze, randomEdit, seededRandom } from './test-support.ts';

const shoes = (): JourneyMap => deepFreeze(buildShoesMap('en'));

/** `count` random actions that apply one after the other to `map`, and the maps they give. */
function randomRun(
  map: JourneyMap,
  seed: number,
  count: number,
): { actions: EditAction[]; maps: JourneyMap[] } {
  const random = seededRandom(seed);
  const actions: EditAction[] = [];
  const maps: JourneyMap[] = [];
  let current = map;
  while (actions.length < count) {
    const action = randomEdit(current, random);
    const result = tryEdit(current, action);
    if (!result.ok || result.map === current) continue;
    actions.push(action);
    maps.push(result.map);
    current = deepFreeze(result.map);
  }
  return { actions, maps };
}

const rename = (name: string): EditAction => ({ type: 'renameStep', stepId: 'checkout', name });

describe('createHistory', () => {
  it.each([1, 2, 3])(
    'undoes %i: 60 random edits undone give the original map back, redone the last',
    (seed) => {
      const original = shoes();
      const snapshot = structuredClone(original);
      const { actions, maps } = randomRun(original, seed, 60);
      let history: EditHistory = createHistory(original);
      for (const action of actions) history = history.apply(action);
      expect(history.map).toEqual(maps.at(-1));
      expect(history.undoCount).toBe(60);

      while (history.canUndo) history = history.undo();
      expect(history.map).toBe(original);
      expect(history.map).toEqual(snapshot);
      expect(history.redoCount).toBe(60);

      for (let n = 0; n < 60; n++) history = history.redo();
      expect(history.map).toEqual(maps.at(-1));
      expect(history.canRedo).toBe(false);
      expect(history.undo().map).toEqual(maps.at(-2));
    },
  );

  it('is a value: applying, undoing and redoing leave the history they start from alone', () => {
    const start = createHistory(shoes());
    const renamed = start.apply(rename('Pays'));
    const undone = renamed.undo();
    expect(start.canUndo).toBe(false);
    expect(renamed.map.stages[2]?.steps[0]?.name).toBe('Pays');
    expect(undone.map).toBe(start.map);
    expect(undone.redo().map).toBe(renamed.map);
  });

  it('makes typing a name one undo step', () => {
    let history = createHistory(shoes());
    const typed = ['P', 'Pa', 'Pay', 'Pays'];
    typed.forEach((name, i) => {
      history = history.apply(rename(name), 10_000 + i * 150);
    });
    expect(history.undoCount).toBe(1);
    expect(history.map.stages[2]?.steps[0]?.name).toBe('Pays');
    expect(history.undo().map.stages[2]?.steps[0]?.name).toBe('Goes through checkout');
  });

  it.each<[string, (history: EditHistory) => EditHistory, number]>([
    ['a pause longer than the window', (h) => h.apply(rename('Pa'), 1000).apply(rename('Pay'), 2001), 2],
    ['a pause within the window', (h) => h.apply(rename('Pa'), 1000).apply(rename('Pay'), 2000), 1],
    ['no times given', (h) => h.apply(rename('Pa')).apply(rename('Pay')), 2],
    [
      'another field in between',
      (h) =>
        h
          .apply(rename('Pa'), 1000)
          .apply({ type: 'renameStage', stageId: 'purchase', name: 'B' }, 1100)
          .apply(rename('Pay'), 1200),
      3,
    ],
    [
      'another step renamed',
      (h) =>
        h.apply(rename('Pa'), 1000).apply({ type: 'renameStep', stepId: 'tries-on', name: 'Tries' }, 1100),
      2,
    ],
    [
      'a seal (the field lost focus)',
      (h) => h.apply(rename('Pa'), 1000).seal().apply(rename('Pay'), 1100),
      2,
    ],
    ['an undo in between', (h) => h.apply(rename('Pa'), 1000).undo().apply(rename('Pay'), 1100), 1],
    [
      'a drag of a feeling',
      (h) =>
        [1, 0.5, 0, -0.5, -1].reduce(
          (g, score, i) =>
            g.apply(
              { type: 'setFeeling', stepId: 'checkout', personaId: 'first-time-buyer', score },
              1000 + 16 * i,
            ),
          h,
        ),
      1,
    ],
  ])('coalescing with %s gives %i undo steps', (_, edit, steps) => {
    expect(edit(createHistory(shoes())).undoCount).toBe(steps);
  });

  it('an action that changes nothing is no undo step and keeps the redo steps', () => {
    const history = createHistory(shoes()).apply(rename('Pays')).undo();
    const same = history.apply(rename('Goes through checkout'));
    expect(same).toBe(history);
    expect(same.canRedo).toBe(true);
  });

  it('a new edit drops the redo steps', () => {
    const history = createHistory(shoes()).apply(rename('Pays')).undo().apply(rename('Buys'));
    expect(history.canRedo).toBe(false);
  });

  it('keeps at most the given number of undo steps', () => {
    const original = shoes();
    const { actions, maps } = randomRun(original, 7, 12);
    let history = createHistory(original, { limit: 5 });
    for (const action of actions) history = history.apply(action);
    expect(history.undoCount).toBe(5);
    while (history.canUndo) history = history.undo();
    expect(history.map).toEqual(maps[6]);
  });

  it('throws the refusal and stays as it was', () => {
    const history = createHistory(shoes());
    expect(() => history.apply(rename(''))).toThrow('step name must not be empty');
    expect(history.canUndo).toBe(false);
  });

  it('refuses a limit below 1', () => {
    expect(() => createHistory(shoes(), { limit: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid-value' }),
    );
  });
});
