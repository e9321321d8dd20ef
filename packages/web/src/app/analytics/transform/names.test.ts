import { buildShoesMap, type JourneyMap } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import { conversionStages, defaultFunnelSteps, funnelStepChoices, mapLabeller } from './names.ts';

const shoes = buildShoesMap('en');

describe('mapLabeller', () => {
  it.each([
    ['landing-page', 'Landing page'],
    ['clicks-ad', 'Clicks an ad to a landing page'],
    ['awareness', 'Awareness'],
    ['page_view', 'page_view'],
  ])('%s is shown as %s', (id, label) => {
    expect(mapLabeller(shoes)(id)).toBe(label);
  });

  it('shows ids as they are without a map', () => {
    expect(mapLabeller(undefined)('landing-page')).toBe('landing-page');
  });
});

describe('the funnel steps of the shoe map', () => {
  it('offers only what events can reach', () => {
    const choices = funnelStepChoices(shoes);
    expect(choices.stages.map((s) => s.id)).toEqual(shoes.stages.map((s) => s.id));
    expect(choices.touchpoints.map((t) => t.id)).toContain('landing-page');
    expect(choices.touchpoints.map((t) => t.id)).not.toContain('inserts');
    const steps = choices.steps.map((s) => s.id);
    expect(steps).toContain('checkout');
    // Every step offered uses a touchpoint offered.
    const touchpoints = new Set(choices.touchpoints.map((t) => t.id));
    for (const { step } of shoes.stages.flatMap((stage) => stage.steps.map((step) => ({ step }))))
      expect(steps.includes(step.id)).toBe((step.touchpoints ?? []).some((id) => touchpoints.has(id)));
  });

  it.each([
    ['order_completed', ['purchase'], ['awareness', 'consideration', 'purchase']],
    ['ad_click', ['awareness'], ['awareness']],
    ['no_such_event', [], ['awareness', 'consideration', 'purchase', 'service', 'loyalty']],
  ])('converting on %s happens in %j; the funnel starts as %j', (event, stages, steps) => {
    expect(conversionStages(shoes, event)).toEqual(stages);
    expect(defaultFunnelSteps(shoes, event)).toEqual(steps);
  });

  it('leaves out stages no event can reach', () => {
    const map: JourneyMap = {
      ...shoes,
      stages: [
        { id: 'dreaming', name: 'Dreaming', steps: [{ id: 'dreams', name: 'Dreams' }] },
        ...shoes.stages,
      ],
    };
    expect(defaultFunnelSteps(map)).toEqual(['awareness', 'consideration', 'purchase']);
  });
});
