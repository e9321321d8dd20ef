import { describe, expect, it } from 'vitest';
import { diffMaps, formatDiff, isEmptyDiff } from './diff.ts';
import type { JourneyMap } from './schema.ts';

function currentState(): JourneyMap {
  return {
    schemaVersion: 2,
    id: 'shoes',
    title: 'Buying shoes',
    language: 'en',
    style: 'current-state',
    personas: [{ id: 'buyer', name: 'Buyer' }],
    departments: [{ id: 'marketing', name: 'Marketing' }],
    touchpoints: [
      { id: 'ad', name: 'Ad', channel: 'display', mode: 'online', department: 'marketing' },
      { id: 'banner', name: 'Banner', channel: 'display', mode: 'online' },
    ],
    stages: [
      {
        id: 'awareness',
        name: 'Awareness',
        customerGoal: 'Find shoes',
        steps: [
          { id: 'wants', name: 'Wants shoes', thoughts: ['Old shoes are worn'], feelings: { buyer: 1 } },
          { id: 'clicks', name: 'Clicks an ad', touchpoints: ['ad'] },
        ],
      },
      {
        id: 'service',
        name: 'Service',
        steps: [{ id: 'returns', name: 'Returns them', painPoints: ['Unclear process'] }],
      },
    ],
  };
}

describe('diffMaps', () => {
  it('finds nothing between a map and itself', () => {
    const diff = diffMaps(currentState(), currentState());
    expect(isEmptyDiff(diff)).toBe(true);
    expect(formatDiff(diff)).toBe('');
  });

  it('lists exactly what a future-state map changes', () => {
    const future = currentState();
    future.style = 'future-state';
    future.touchpoints = future.touchpoints?.filter((t) => t.id !== 'banner');
    const [awareness, service] = future.stages;
    if (!awareness || !service) throw new Error('fixture');
    awareness.customerGoal = 'Find shoes that fit';
    awareness.steps[0] = {
      id: 'wants',
      name: 'Wants shoes',
      thoughts: [{ text: 'Old shoes are worn', knownBy: 'observed' }],
      feelings: { buyer: 2 },
    };
    const clicks = awareness.steps.pop();
    if (!clicks) throw new Error('fixture');
    service.steps.unshift(clicks);
    service.steps.push({ id: 'calls', name: 'Calls the hotline' });
    const returns = service.steps[1];
    if (!returns) throw new Error('fixture');
    returns.painPoints = [];
    returns.opportunities = ['A return button in the e-mail'];

    const diff = diffMaps(currentState(), future);
    expect(diff.changes).toEqual([
      {
        kind: 'changed',
        entity: 'map',
        id: 'shoes',
        path: ['style'],
        field: 'style',
        before: 'current-state',
        after: 'future-state',
      },
      { kind: 'removed', entity: 'touchpoint', id: 'banner', path: ['touchpoints', 1], before: 'Banner' },
      {
        kind: 'changed',
        entity: 'stage',
        id: 'awareness',
        path: ['stages', 0, 'customerGoal'],
        field: 'customerGoal',
        before: 'Find shoes',
        after: 'Find shoes that fit',
      },
      {
        kind: 'changed',
        entity: 'step',
        id: 'wants',
        path: ['stages', 0, 'steps', 0, 'feelings'],
        field: 'feelings',
        before: { buyer: 1 },
        after: { buyer: 2 },
      },
      {
        kind: 'changed',
        entity: 'lane-item',
        id: 'wants',
        path: ['stages', 0, 'steps', 0, 'thoughts', 0, 'knownBy'],
        field: 'thoughts',
        before: 'Old shoes are worn (assumed)',
        after: 'Old shoes are worn (observed)',
      },
      {
        kind: 'moved',
        entity: 'step',
        id: 'clicks',
        path: ['stages', 1, 'steps', 0],
        field: 'stage',
        before: 'awareness',
        after: 'service',
      },
      {
        kind: 'removed',
        entity: 'lane-item',
        id: 'returns',
        path: ['stages', 1, 'steps', 1, 'painPoints'],
        field: 'painPoints',
        before: 'Unclear process',
      },
      {
        kind: 'added',
        entity: 'lane-item',
        id: 'returns',
        path: ['stages', 1, 'steps', 1, 'opportunities', 0],
        field: 'opportunities',
        after: 'A return button in the e-mail',
      },
      {
        kind: 'added',
        entity: 'step',
        id: 'calls',
        path: ['stages', 1, 'steps', 2],
        before: 'service',
        after: 'Calls the hotline',
      },
    ]);
    expect(formatDiff(diff).split('\n')).toEqual([
      '~ map style: "current-state" -> "future-state"',
      '- touchpoint "banner" removed',
      '~ stage "awareness" customerGoal: "Find shoes" -> "Find shoes that fit"',
      '~ step "wants" feelings: {"buyer":1} -> {"buyer":2}',
      '~ step "wants" thoughts: "Old shoes are worn (assumed)" -> "Old shoes are worn (observed)"',
      '> step "clicks" moved from stage "awareness" to stage "service"',
      '- step "returns" painPoints: "Unclear process"',
      '+ step "returns" opportunities: "A return button in the e-mail"',
      '+ step "calls" added to stage "service"',
    ]);
  });
});
