import { describe, expect, it } from 'vitest';
import type { JourneyMap, Stage } from '../schema.ts';
import { buildShoesMap } from '../templates/shoes.ts';
import { applyEdit, type EditAction } from './actions.ts';
import { editKpi, removeKpi } from './stage-items.ts';
import { deepFreeze, outcomeOf } from './test-support.ts';

const shoes = (): JourneyMap => deepFreeze(buildShoesMap('en'));

function stageOf(map: JourneyMap, stageId: string): Stage {
  const stage = map.stages.find((s) => s.id === stageId);
  if (!stage) throw new Error(`no stage ${stageId}`);
  return stage;
}

// The service stage of the shoe map: KPI nps (target 30, actual 12, a note); objection
// return-hassle (KPI nps); three actions.
describe('stage KPIs, objections and actions', () => {
  it.each<[string, EditAction, (stage: Stage) => unknown, unknown]>([
    [
      'adds a KPI from the catalogue with a target',
      { type: 'addKpi', stageId: 'service', kpi: 'churn-rate', target: 0.2 },
      (stage) => stage.kpis,
      [
        { kpi: 'nps', target: 30, actual: 12, note: 'Survey after a return' },
        { kpi: 'churn-rate', target: 0.2 },
      ],
    ],
    [
      'sets a target',
      { type: 'editKpi', stageId: 'service', kpi: 'nps', target: 35 },
      (stage) => stage.kpis,
      [{ kpi: 'nps', target: 35, actual: 12, note: 'Survey after a return' }],
    ],
    [
      'sets the actual value and a note, and clears the target',
      { type: 'editKpi', stageId: 'service', kpi: 'nps', actual: 28, note: 'Q1 survey', target: null },
      (stage) => stage.kpis,
      [{ kpi: 'nps', actual: 28, note: 'Q1 survey' }],
    ],
    [
      'moves a KPI',
      { type: 'moveKpi', stageId: 'awareness', kpi: 'ctr', index: 0 },
      (stage) => stage.kpis?.map((k) => k.kpi),
      ['ctr', 'cpm', 'cpc', 'viewability', 'audibility'],
    ],
    [
      'adds an objection with an id from its first words',
      {
        type: 'addObjection',
        stageId: 'service',
        objection: 'Returning shoes costs me a trip to the post office',
        remedy: 'Pick-up at home',
        department: 'logistics-service-providers',
        kpi: 'nps',
        knownBy: 'assumed',
      },
      (stage) => stage.objections?.at(-1),
      {
        id: 'returning-shoes-costs-me-a-trip-to-the',
        objection: 'Returning shoes costs me a trip to the post office',
        remedy: 'Pick-up at home',
        department: 'logistics-service-providers',
        kpi: 'nps',
        knownBy: 'assumed',
      },
    ],
    [
      'edits an objection and clears its touchpoint',
      {
        type: 'editObjection',
        stageId: 'service',
        objectionId: 'return-hassle',
        remedy: 'A return label in the box',
        touchpoint: null,
      },
      (stage) => [stage.objections?.[0]?.remedy, stage.objections?.[0]?.touchpoint],
      ['A return label in the box', undefined],
    ],
    [
      'moves an objection',
      { type: 'moveObjection', stageId: 'loyalty', objectionId: 'bad-return', index: 0 },
      (stage) => stage.objections?.map((o) => o.id),
      ['bad-return', 'why-review'],
    ],
    [
      'removes an objection',
      { type: 'removeObjection', stageId: 'service', objectionId: 'return-hassle' },
      (stage) => stage.objections,
      undefined,
    ],
    [
      'adds an action at a position',
      { type: 'addStageAction', stageId: 'service', text: 'Pick-up of returns at home', index: 0 },
      (stage) => stage.actions?.[0],
      'Pick-up of returns at home',
    ],
    [
      'moves an action to the end',
      { type: 'moveStageAction', stageId: 'service', index: 0, toIndex: 2 },
      (stage) => stage.actions?.[2],
      buildShoesMap('en').stages[3]?.actions?.[0],
    ],
  ])('%s', (_, action, read, expected) => {
    const map = applyEdit(shoes(), action);
    expect(read(stageOf(map, (action as { stageId: string }).stageId))).toEqual(expected);
  });

  it('edits and removes actions', () => {
    let map = applyEdit(shoes(), {
      type: 'editStageAction',
      stageId: 'service',
      index: 1,
      text: 'Free returns',
    });
    expect(stageOf(map, 'service').actions?.[1]).toBe('Free returns');
    for (let n = 0; n < 3; n++)
      map = applyEdit(map, { type: 'removeStageAction', stageId: 'service', index: 0 });
    expect(stageOf(map, 'service')).not.toHaveProperty('actions');
  });

  it('removing a KPI clears it from the objections that name it', () => {
    const map = removeKpi(shoes(), { stageId: 'loyalty', kpi: 'nps' });
    expect(stageOf(map, 'loyalty').kpis?.map((k) => k.kpi)).toEqual(['churn-rate']);
    expect(stageOf(map, 'loyalty').objections?.find((o) => o.id === 'why-review')).not.toHaveProperty('kpi');
    expect(stageOf(map, 'loyalty').objections?.find((o) => o.id === 'bad-return')?.kpi).toBe('churn-rate');
  });

  it('returns the same map for a KPI edit that changes nothing', () => {
    const map = shoes();
    expect(editKpi(map, { stageId: 'service', kpi: 'nps', target: 30 })).toBe(map);
  });

  it('refuses a first KPI while an objection of the stage names another one', () => {
    // As a file may have it: the service stage without KPIs, its objection naming nps. Adding ctr
    // alone would leave the objection naming a KPI the stage does not have.
    const map = shoes();
    const bare: JourneyMap = {
      ...map,
      stages: map.stages.map((stage) => (stage.id === 'service' ? { ...stage, kpis: undefined } : stage)),
    };
    expect(outcomeOf(bare, { type: 'addKpi', stageId: 'service', kpi: 'ctr' })).toBe(
      'conflict: objection "return-hassle" of stage "service" names KPI "nps"; add that KPI first',
    );
    expect(outcomeOf(bare, { type: 'addKpi', stageId: 'service', kpi: 'nps' })).toBe('applied');
  });

  it.each<[EditAction, string]>([
    [{ type: 'addKpi', stageId: 'service', kpi: 'nps' }, 'duplicate: stage "service" already has KPI "nps"'],
    [
      { type: 'addKpi', stageId: 'service', kpi: 'happiness' as 'nps' },
      expect.stringMatching(/^invalid-value: KPI must be one of .*; got "happiness"$/) as unknown as string,
    ],
    [
      { type: 'addKpi', stageId: 'service', kpi: 'ctr', target: Number.POSITIVE_INFINITY },
      'invalid-value: KPI target must be a number; got null',
    ],
    [
      { type: 'editKpi', stageId: 'service', kpi: 'ctr', target: 1 },
      'not-found: stage "service" has no KPI "ctr"',
    ],
    [
      { type: 'addObjection', stageId: 'service', objection: 'Too slow', kpi: 'ctr' },
      'not-found: stage "service" has no KPI "ctr"; add it to the stage before naming it here',
    ],
    [
      { type: 'addObjection', stageId: 'service', objection: 'Too slow', touchpoint: 'kiosk' },
      'not-found: touchpoint "kiosk" does not exist',
    ],
    [{ type: 'addObjection', stageId: 'service', objection: '' }, 'empty-text: objection must not be empty'],
    [
      { type: 'addObjection', stageId: 'service', objection: 'Again', id: 'return-hassle' },
      'id-taken: objection id "return-hassle" is already taken',
    ],
    [
      { type: 'editObjection', stageId: 'service', objectionId: 'why-review', remedy: 'x' },
      'not-found: stage "service" has no objection "why-review"',
    ],
    [
      { type: 'editStageAction', stageId: 'service', index: 3, text: 'x' },
      'not-found: actions of stage "service" has 3 entries (0 to 2), so there is no entry 3',
    ],
    [
      { type: 'moveStageAction', stageId: 'service', index: 0, toIndex: 3 },
      'bad-index: an action of stage "service" can go at positions 0 to 2, not 3',
    ],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toEqual(outcome);
  });
});
