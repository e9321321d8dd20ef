import { describe, expect, it } from 'vitest';
import { type Cell, checkCell, formatCell, locateCell, parseCell } from './cells.ts';
import type { JourneyMap } from './schema.ts';
import { buildShoesMap } from './templates/index.ts';

const map: JourneyMap = {
  schemaVersion: 2,
  id: 'shoes',
  title: 'Buying shoes',
  language: 'en',
  style: 'current-state',
  personas: [{ id: 'buyer', name: 'Buyer' }],
  touchpoints: [
    { id: 'ad', name: 'Ad', channel: 'display', mode: 'online' },
    { id: 'cart', name: 'Cart', channel: 'web', mode: 'online' },
  ],
  stages: [
    {
      id: 'awareness',
      name: 'Awareness',
      actions: ['Run ads'],
      steps: [{ id: 'wants', name: 'Wants shoes', thoughts: ['Old shoes are worn', { text: 'Sale?' }] }],
    },
    {
      id: 'purchase',
      name: 'Purchase',
      objections: [{ id: 'shipping', objection: 'Shipping costs late' }],
      kpis: [{ kpi: 'conversion-rate', target: 0.03 }],
      steps: [
        { id: 'browses', name: 'Browses' },
        {
          id: 'checkout',
          name: 'Checks out',
          painPoints: ['Too many fields'],
          evidence: [{ id: 'survey', source: 'survey' }],
        },
      ],
    },
  ],
};

describe('parseCell', () => {
  it.each<[string, Cell]>([
    ['map', { kind: 'map' }],
    ['stage:awareness', { kind: 'stage', id: 'awareness' }],
    ['step:checkout', { kind: 'step', id: 'checkout' }],
    ['touchpoint:ad', { kind: 'touchpoint', id: 'ad' }],
    ['step:checkout/painPoints/0', { kind: 'step-item', step: 'checkout', lane: 'painPoints', index: 0 }],
    ['step:wants/thoughts/12', { kind: 'step-item', step: 'wants', lane: 'thoughts', index: 12 }],
    ['step:checkout/evidence/0', { kind: 'step-item', step: 'checkout', lane: 'evidence', index: 0 }],
    ['stage:purchase/objections/0', { kind: 'stage-item', stage: 'purchase', lane: 'objections', index: 0 }],
  ])('reads %s and writes it back the same', (text, cell) => {
    expect(parseCell(text)).toEqual({ ok: true, cell });
    expect(formatCell(cell)).toBe(text);
  });

  it.each([
    ['', 'expected'],
    ['checkout', 'expected'],
    ['persona:buyer', '"persona" is not a kind of cell'],
    ['step:', 'is not a step id'],
    ['step:Check Out', 'is not a step id'],
    ['touchpoint:ad/thoughts/0', 'a touchpoint has no lanes'],
    ['step:checkout/feelings/0', 'no lane "feelings"'],
    ['stage:purchase/thoughts/0', 'no lane "thoughts"'],
    ['step:checkout/painPoints', 'addressed as <lane>/<index>'],
    ['step:checkout/painPoints/01', 'addressed as <lane>/<index>'],
    ['step:checkout/painPoints/-1', 'addressed as <lane>/<index>'],
    ['step:checkout/painPoints/0/1', 'addressed as <lane>/<index>'],
    ['map/thoughts/0', 'expected'],
  ])('refuses %j, saying why', (text, why) => {
    const parsed = parseCell(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(why);
  });
});

describe('locateCell and checkCell', () => {
  it.each([
    ['map', []],
    ['stage:purchase', ['stages', 1]],
    ['step:checkout', ['stages', 1, 'steps', 1]],
    ['step:wants/thoughts/1', ['stages', 0, 'steps', 0, 'thoughts', 1]],
    ['step:checkout/evidence/0', ['stages', 1, 'steps', 1, 'evidence', 0]],
    ['stage:awareness/actions/0', ['stages', 0, 'actions', 0]],
    ['stage:purchase/kpis/0', ['stages', 1, 'kpis', 0]],
    ['touchpoint:cart', ['touchpoints', 1]],
  ])('finds %s at %j', (text, path) => {
    expect(checkCell(map, text)).toMatchObject({ ok: true, path });
  });

  it.each([
    ['stage:service', 'the map has no stage "service"'],
    ['step:returns', 'the map has no step "returns"'],
    ['touchpoint:hotline', 'the map has no touchpoint "hotline"'],
    ['step:wants/thoughts/2', 'thoughts of step "wants" has 2 entries (0 to 1), so there is no entry 2'],
    ['step:checkout/painPoints/1', 'painPoints of step "checkout" has 1 entry (index 0)'],
    ['step:browses/questions/0', 'questions of step "browses" has no entries'],
    ['stage:awareness/objections/0', 'objections of stage "awareness" has no entries'],
  ])('says %s is absent: %s', (text, message) => {
    expect(checkCell(map, text)).toEqual({
      ok: false,
      reason: 'absent',
      message: expect.stringContaining(`${text}: ${message}`),
    });
  });

  it('tells a malformed address from an absent one', () => {
    expect(checkCell(map, 'step:checkout/painPoints/x')).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('finds every step, stage, touchpoint and lane entry of the shoe map at the path it names', () => {
    const shoes = buildShoesMap('en');
    const addresses: string[] = ['map'];
    for (const touchpoint of shoes.touchpoints ?? []) addresses.push(`touchpoint:${touchpoint.id}`);
    for (const stage of shoes.stages) {
      addresses.push(`stage:${stage.id}`);
      for (const [i] of (stage.objections ?? []).entries())
        addresses.push(`stage:${stage.id}/objections/${i}`);
      for (const step of stage.steps) {
        addresses.push(`step:${step.id}`);
        for (const [i] of (step.painPoints ?? []).entries())
          addresses.push(`step:${step.id}/painPoints/${i}`);
      }
    }
    expect(addresses.length).toBeGreaterThan(60);
    for (const address of addresses) {
      const check = checkCell(shoes, address);
      if (!check.ok) throw new Error(check.message);
      // Following the path through the document lands on the thing the address names.
      let at: unknown = shoes;
      for (const key of check.path) at = (at as Record<string | number, unknown>)[key];
      const cell = check.cell;
      if (cell.kind === 'map') expect(at).toBe(shoes);
      else if (cell.kind === 'stage-item' || cell.kind === 'step-item') expect(at).toBeDefined();
      else expect((at as { id: string }).id).toBe(cell.id);
      expect(locateCell(shoes, cell)).toEqual({ found: true, path: check.path });
    }
  });
});
