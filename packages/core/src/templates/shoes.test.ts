import { describe, expect, it } from 'vitest';
import { placedSteps, stepGraph } from '../journey.ts';
import { lintMap } from '../lint.ts';
import { type JourneyMap, LANE_KEYS, laneItemKnownBy } from '../schema.ts';
import { validateMap } from '../validate.ts';
import { buildShoesMap, SHOES_EVENTS, shoesTemplate } from './shoes.ts';
import { mapSkeleton } from './skeleton.ts';

const en = buildShoesMap('en');
const nl = buildShoesMap('nl');

const STEP_IDS = [
  'wants-shoes',
  'clicks-ad',
  'browses-e-shop',
  'checkout',
  'thank-you-page',
  'waits-for-parcel',
  'receives-parcel',
  'tries-on',
  'wants-to-return',
  'calls-hotline',
  'does-return',
  'waits-for-return-confirmation',
  'waits-for-credit',
  'receives-review-newsletter',
  'writes-review',
  'uses-coupon',
];

/** The touchpoints the domain names along the worked example, by the ids this map gives them. */
const DOMAIN_TOUCHPOINTS = [
  'ad',
  'e-shop',
  'blog',
  'banner',
  'newsletter',
  'landing-page',
  'form',
  'product-page',
  'app',
  'category-page',
  'cart',
  'login-registration',
  'payment-providers',
  'thank-you-page',
  'order-service-providers',
  'shipping-updates',
  'packaging',
  'inserts',
  'invoice',
  'delivery-note',
  'product',
  'faqs',
  'terms-and-conditions',
  'ivr',
  'hotline-agent',
  'return-label',
];

function stepIds(map: JourneyMap): string[] {
  return placedSteps(map).map((placed) => placed.step.id);
}

/** Step ids reachable from `from` in the designed flow. */
function reachable(graph: Map<string, string[]>, from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const next of graph.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('the shoes template', () => {
  it.each([
    ['en', en],
    ['nl', nl],
  ] as const)('validates with no problems and no lint warnings in %s', (language, map) => {
    expect(validateMap(map).problems).toEqual([]);
    expect(lintMap(map)).toEqual([]);
    expect(map.language).toBe(language);
    expect(map.id).toBe('shoes');
    expect(map.style).toBe('current-state');
  });

  it('is the registered shoes entry, with five stages', () => {
    expect(shoesTemplate.id).toBe('shoes');
    expect(shoesTemplate.build('nl')).toEqual(nl);
    expect(en.stages).toHaveLength(shoesTemplate.stages);
    expect(en.stages.map((s) => s.name)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Service',
      'Loyalty',
    ]);
    expect(nl.stages.map((s) => s.name)).toEqual([
      'Bewustzijn',
      'Overweging',
      'Aankoop',
      'Service',
      'Loyaliteit',
    ]);
  });

  it('has the same ids, links and numbers in English and Dutch', () => {
    expect(mapSkeleton(nl)).toEqual(mapSkeleton(en));
  });

  it('has its texts in Dutch in the Dutch build', () => {
    const enNames = placedSteps(en).map((p) => p.step.name);
    const nlNames = placedSteps(nl).map((p) => p.step.name);
    for (const [i, name] of nlNames.entries()) expect(name).not.toBe(enNames[i]);
    expect(nl.touchpoints?.find((t) => t.id === 'satisfaction-survey')?.name).toBe('Tevredenheidsenquête');
    expect(JSON.stringify(nl)).toContain('financiële');
    expect(JSON.stringify(nl)).not.toMatch(/\bthe\b/);
  });

  it('has the 16 steps of the worked example in order', () => {
    expect(stepIds(en)).toEqual(STEP_IDS);
    expect(placedSteps(en).map((p) => p.step.name)).toEqual([
      'Wants to buy shoes',
      'Clicks an ad to a landing page',
      'Browses the e-shop',
      'Goes through checkout',
      'Lands on the thank-you page',
      'Waits for the parcel',
      'Receives the parcel',
      'Tries the shoes on',
      "Wants to return them but doesn't understand the process",
      'Calls the hotline',
      'Does the return',
      'Waits for the return confirmation',
      'Waits for the credit',
      'Receives the review-campaign newsletter',
      'Writes a review',
      'Uses a €10 coupon for a new purchase',
    ]);
  });

  it('branches at trying on, loops back from the coupon, and the loop has a way out', () => {
    const graph = stepGraph(en);
    expect(graph.get('tries-on')).toEqual(['wants-to-return', 'receives-review-newsletter']);
    expect(graph.get('uses-coupon')).toEqual(['browses-e-shop']);
    expect(graph.get('waits-for-credit')).toEqual([]);
    // The only end is the refund, and it can be reached from the coupon step.
    const ends = [...graph].filter(([, next]) => next.length === 0).map(([id]) => id);
    expect(ends).toEqual(['waits-for-credit']);
    expect(reachable(graph, 'uses-coupon').has('waits-for-credit')).toBe(true);
    expect([...reachable(graph, 'wants-shoes')].sort()).toEqual([...STEP_IDS].sort());
  });

  it('links the return to its own map', () => {
    const doesReturn = placedSteps(en).find((p) => p.step.id === 'does-return')?.step;
    expect(doesReturn?.subJourney).toEqual({ map: 'shoes-returns' });
  });

  it('has all nine departments, each responsible somewhere', () => {
    const ids = en.departments?.map((d) => d.id) ?? [];
    expect(ids).toEqual([
      'marketing',
      'design-editorial',
      'e-shop-management',
      'customer-management',
      'product-management',
      'accounting',
      'legal',
      'payment-service-providers',
      'logistics-service-providers',
    ]);
    const used = new Set(placedSteps(en).flatMap((p) => p.step.departments ?? []));
    for (const id of ids) expect(used).toContain(id);
  });

  it('has every touchpoint of the domain, each owned, on a step, and matched on known events', () => {
    const touchpoints = en.touchpoints ?? [];
    expect(touchpoints.length).toBeGreaterThanOrEqual(25);
    const ids = touchpoints.map((t) => t.id);
    for (const id of DOMAIN_TOUCHPOINTS) expect(ids).toContain(id);
    const onSteps = new Set(placedSteps(en).flatMap((p) => p.step.touchpoints ?? []));
    for (const touchpoint of touchpoints) {
      expect(touchpoint.department, touchpoint.id).toBeDefined();
      expect(onSteps.has(touchpoint.id), touchpoint.id).toBe(true);
      if (touchpoint.mode === 'online') expect(touchpoint.match?.length, touchpoint.id).toBeGreaterThan(0);
      for (const rule of touchpoint.match ?? []) expect(SHOES_EVENTS).toContain(rule.event);
    }
    const events = touchpoints.flatMap((t) => t.match ?? []).map((rule) => rule.event);
    for (const event of [
      'ad_click',
      'page_view',
      'order_completed',
      'hotline_call',
      'review_submitted',
      'survey_answer',
    ])
      expect(events).toContain(event);
  });

  it('gives both personas a feeling on every step, lowest where the return goes wrong', () => {
    expect(en.personas.map((p) => p.id)).toEqual(['first-time-buyer', 'returning-customer']);
    const steps = placedSteps(en).map((p) => p.step);
    for (const step of steps) {
      expect(Object.keys(step.feelings ?? {}).sort(), step.id).toEqual([
        'first-time-buyer',
        'returning-customer',
      ]);
    }
    const firstTime = steps.map((step) => step.feelings?.['first-time-buyer']);
    expect(firstTime).toEqual([1, 1, 2, 0, 1, 0, 2, -1, -2, -1, 0, -1, -2, 0, 1, 2]);
    for (const id of ['tries-on', 'wants-to-return', 'waits-for-credit']) {
      const step = steps.find((s) => s.id === id);
      expect(step?.painPoints?.length, id).toBeGreaterThan(0);
      expect(step?.opportunities?.length, id).toBeGreaterThan(0);
    }
  });

  it('backs observed items with evidence from 2026, and mixes observed, assumed and proposed', () => {
    const steps = placedSteps(en).map((p) => p.step);
    const withEvidence = steps.filter((s) => (s.evidence ?? []).length > 0);
    expect(withEvidence.length).toBeGreaterThanOrEqual(5);
    const sources = new Set(withEvidence.flatMap((s) => s.evidence ?? []).map((e) => e.source));
    for (const source of ['observation', 'interview', 'survey', 'focus-group'])
      expect(sources).toContain(source);
    for (const e of withEvidence.flatMap((s) => s.evidence ?? [])) expect(e.date).toMatch(/^2026-/);
    const counts = { observed: 0, assumed: 0, proposed: 0 };
    for (const step of steps) {
      for (const lane of LANE_KEYS) {
        for (const item of step[lane] ?? []) {
          counts[laneItemKnownBy(item)]++;
          if (laneItemKnownBy(item) === 'observed' && typeof item !== 'string') {
            const own = new Set(step.evidence?.map((e) => e.id));
            expect(item.evidence?.length).toBeGreaterThan(0);
            for (const id of item.evidence ?? []) expect(own).toContain(id);
          }
        }
      }
    }
    expect(counts.observed).toBeGreaterThanOrEqual(8);
    expect(counts.proposed).toBeGreaterThanOrEqual(3);
    expect(counts.assumed).toBeGreaterThan(counts.observed);
  });

  it('gives every stage goals, actions, objections with remedies and its KPIs with targets', () => {
    const kpiIds = en.stages.map((stage) => stage.kpis?.map((k) => k.kpi));
    expect(kpiIds).toEqual([
      ['cpm', 'cpc', 'viewability', 'audibility', 'ctr'],
      ['bounce-rate', 'conversion-rate', 'cps', 'cpa', 'roas', 'roi'],
      ['conversion-rate', 'cps', 'cpa', 'roas', 'roi'],
      ['nps'],
      ['nps', 'churn-rate'],
    ]);
    for (const stage of en.stages) {
      expect(stage.customerGoal, stage.id).toBeDefined();
      expect(stage.businessGoal, stage.id).toBeDefined();
      expect(stage.actions?.length, stage.id).toBeGreaterThan(0);
      for (const objection of stage.objections ?? []) expect(objection.remedy, objection.id).toBeDefined();
      expect(stage.objections?.length, stage.id).toBeGreaterThan(0);
      for (const kpi of stage.kpis ?? []) expect(kpi.target, `${stage.id} ${kpi.kpi}`).toBeDefined();
    }
    const actuals = en.stages.flatMap((stage) => stage.kpis ?? []).filter((k) => k.actual !== undefined);
    expect(actuals.length).toBeGreaterThanOrEqual(3);
    // Ratios are fractions: a 2% click-through rate is 0.02.
    expect(en.stages[0]?.kpis?.find((k) => k.kpi === 'ctr')?.target).toBe(0.02);
  });
});
