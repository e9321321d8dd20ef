import { describe, expect, it } from 'vitest';
import { diffMaps, formatDiff, isEmptyDiff, type MapChange } from './diff.ts';
import type { JourneyMap, Stage } from './schema.ts';
import { buildShoesMap } from './templates/index.ts';

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
        steps: [
          { id: 'returns', name: 'Returns them', painPoints: ['Unclear process'] },
          { id: 'waits-credit', name: 'Waits for the credit' },
        ],
      },
    ],
  };
}

/** The future state of `currentState()`, with the differences the test lists. */
function futureState(): JourneyMap {
  const map = currentState();
  map.style = 'future-state';
  map.personas.push({ id: 'gift-giver', name: 'Gift giver' });
  map.touchpoints = [
    { id: 'ad', name: 'Ad', channel: 'display', mode: 'online', department: 'marketing' },
    { id: 'hotline', name: 'Hotline', channel: 'phone', mode: 'offline' },
  ];
  const [awareness, service] = map.stages as [Stage, Stage];
  awareness.customerGoal = 'Find shoes that fit';
  awareness.steps = [
    {
      id: 'wants',
      name: 'Wants shoes',
      thoughts: [{ text: 'Old shoes are worn', knownBy: 'observed', evidence: ['int-1'] }],
      feelings: { buyer: 2, 'gift-giver': 0 },
      evidence: [{ id: 'int-1', source: 'interview', participants: 5 }],
    },
  ];
  service.steps = [
    { id: 'clicks', name: 'Clicks an ad', touchpoints: ['ad'] },
    {
      id: 'returns',
      name: 'Returns them',
      touchpoints: ['hotline'],
      painPoints: [],
      opportunities: ['A return button in the e-mail'],
    },
    { id: 'calls', name: 'Calls the hotline', touchpoints: ['hotline'], next: [] },
  ];
  return map;
}

describe('diffMaps', () => {
  it('finds nothing between a map and itself', () => {
    const diff = diffMaps(currentState(), currentState());
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff).toEqual({ changes: [] });
    expect(formatDiff(diff)).toBe('');
    expect(isEmptyDiff(diffMaps(buildShoesMap('nl'), buildShoesMap('nl')))).toBe(true);
  });

  it('lists exactly what a future-state map changes', () => {
    const diff = diffMaps(currentState(), futureState());
    const wants = ['stages', 0, 'steps', 0];
    const returns = ['stages', 1, 'steps', 1];
    const expected: MapChange[] = [
      {
        kind: 'changed',
        entity: 'map',
        id: 'shoes',
        path: ['style'],
        field: 'style',
        before: 'current-state',
        after: 'future-state',
      },
      { kind: 'added', entity: 'persona', id: 'gift-giver', path: ['personas', 1], after: 'Gift giver' },
      { kind: 'removed', entity: 'touchpoint', id: 'banner', path: ['touchpoints', 1], before: 'Banner' },
      { kind: 'added', entity: 'touchpoint', id: 'hotline', path: ['touchpoints', 1], after: 'Hotline' },
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
        kind: 'removed',
        entity: 'step',
        id: 'waits-credit',
        path: ['stages', 1, 'steps', 1],
        stage: 'service',
        before: 'Waits for the credit',
      },
      {
        kind: 'changed',
        entity: 'lane-item',
        id: 'wants',
        path: [...wants, 'thoughts', 0, 'knownBy'],
        field: 'thoughts',
        item: 'Old shoes are worn',
        before: 'assumed',
        after: 'observed',
      },
      {
        kind: 'changed',
        entity: 'lane-item',
        id: 'wants',
        path: [...wants, 'feelings', 'buyer'],
        field: 'feelings',
        item: 'buyer',
        before: 1,
        after: 2,
      },
      {
        kind: 'added',
        entity: 'lane-item',
        id: 'wants',
        path: [...wants, 'feelings', 'gift-giver'],
        field: 'feelings',
        item: 'gift-giver',
        after: 0,
      },
      {
        kind: 'added',
        entity: 'lane-item',
        id: 'wants',
        path: [...wants, 'evidence', 0],
        field: 'evidence',
        item: 'int-1',
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
        kind: 'added',
        entity: 'lane-item',
        id: 'returns',
        path: [...returns, 'touchpoints', 0],
        field: 'touchpoints',
        item: 'hotline',
      },
      // Neither map spells out `next`: the step that now follows is what changed.
      {
        kind: 'removed',
        entity: 'lane-item',
        id: 'returns',
        path: [...returns, 'next'],
        field: 'next',
        item: 'waits-credit',
      },
      {
        kind: 'added',
        entity: 'lane-item',
        id: 'returns',
        path: [...returns, 'next', 0],
        field: 'next',
        item: 'calls',
      },
      {
        kind: 'removed',
        entity: 'lane-item',
        id: 'returns',
        path: [...returns, 'painPoints'],
        field: 'painPoints',
        item: 'Unclear process',
      },
      {
        kind: 'added',
        entity: 'lane-item',
        id: 'returns',
        path: [...returns, 'opportunities', 0],
        field: 'opportunities',
        item: 'A return button in the e-mail',
      },
      {
        kind: 'added',
        entity: 'step',
        id: 'calls',
        path: ['stages', 1, 'steps', 2],
        stage: 'service',
        after: 'Calls the hotline',
      },
    ];
    expect(diff.changes).toEqual(expected);
    // JSON-friendly: a round trip gives the same changes.
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
    expect(formatDiff(diff).split('\n')).toEqual([
      '~ map style: "current-state" -> "future-state"',
      '+ persona "gift-giver" added',
      '- touchpoint "banner" removed',
      '+ touchpoint "hotline" added',
      '~ stage "awareness" customerGoal: "Find shoes" -> "Find shoes that fit"',
      '- step "waits-credit" removed from stage "service"',
      '~ step "wants" thoughts "Old shoes are worn" knownBy: "assumed" -> "observed"',
      '~ step "wants" feelings "buyer": 1 -> 2',
      '+ step "wants" feelings "gift-giver": 0',
      '+ step "wants" evidence: "int-1"',
      '> step "clicks" moved from stage "awareness" to stage "service"',
      '+ step "returns" touchpoints: "hotline"',
      '- step "returns" next: "waits-credit"',
      '+ step "returns" next: "calls"',
      '- step "returns" painPoints: "Unclear process"',
      '+ step "returns" opportunities: "A return button in the e-mail"',
      '+ step "calls" added to stage "service"',
    ]);
  });

  it('reads the other way round as the opposite changes', () => {
    const lines = formatDiff(diffMaps(futureState(), currentState())).split('\n');
    expect(lines).toContain('- persona "gift-giver" removed');
    expect(lines).toContain('- step "calls" removed from stage "service"');
    expect(lines).toContain('> step "clicks" moved from stage "service" to stage "awareness"');
    expect(lines).toContain('- step "wants" feelings "gift-giver": 0');
    expect(lines).toContain('+ step "waits-credit" added to stage "service"');
    expect(lines).toHaveLength(17);
  });

  it('ignores how `next` and fields are spelt when the flow and content are the same', () => {
    const explicit = currentState();
    const [awareness, service] = explicit.stages as [Stage, Stage];
    // The flow `next` gives when omitted, written out; and the same touchpoint with keys reordered.
    awareness.steps = awareness.steps.map((step, i) => ({ ...step, next: [i === 0 ? 'clicks' : 'returns'] }));
    const last = service.steps[1];
    if (last) last.next = [];
    explicit.touchpoints = [
      { department: 'marketing', mode: 'online', channel: 'display', name: 'Ad', id: 'ad' },
      { id: 'banner', name: 'Banner', channel: 'display', mode: 'online' },
    ];
    expect(diffMaps(currentState(), explicit).changes).toEqual([]);
  });

  it('reports changed evidence, removed feelings and changed step fields', () => {
    const a = futureState();
    const b = futureState();
    const wants = b.stages[0]?.steps[0];
    if (!wants) throw new Error('fixture');
    wants.name = 'Needs new shoes';
    wants.feelings = { buyer: 2 };
    wants.evidence = [{ id: 'int-1', source: 'interview', participants: 8 }];
    expect(formatDiff(diffMaps(a, b)).split('\n')).toEqual([
      '~ step "wants" name: "Wants shoes" -> "Needs new shoes"',
      '- step "wants" feelings "gift-giver": 0',
      '~ step "wants" evidence "int-1": {"id":"int-1","source":"interview","participants":5} -> {"id":"int-1","source":"interview","participants":8}',
    ]);
  });
});
