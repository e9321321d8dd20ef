import { describe, expect, it } from 'vitest';
import { isSlug } from '../ids.ts';
import { placedSteps, stepGraph } from '../journey.ts';
import { lintMap } from '../lint.ts';
import { type JourneyMap, LANE_KEYS, type Language, laneItemKnownBy, laneItemText } from '../schema.ts';
import { validateMap } from '../validate.ts';
import { listTemplateIds, SHOES_EVENTS, TEMPLATES, templateById } from './index.ts';
import { mapSkeleton } from './skeleton.ts';

const LANGUAGES: readonly Language[] = ['en', 'nl'];
const FRAMEWORKS = ['retail-b2c', 'five-stage', 'ecommerce'] as const;

const builds = TEMPLATES.flatMap((template) =>
  LANGUAGES.map((language) => ({ template, language, map: template.build(language) })),
);

function build(id: string, language: Language): JourneyMap {
  const template = templateById(id);
  if (!template) throw new Error(`no template "${id}"`);
  return template.build(language);
}

/** The texts a reader sees: titles, names, goals, lanes, notes; not ids, URLs or event names. */
function readableTexts(map: JourneyMap): string[] {
  const texts = [map.title, map.scenario, map.description];
  for (const persona of map.personas)
    texts.push(persona.name, persona.description, persona.quote, ...(persona.goals ?? []));
  for (const department of map.departments ?? []) texts.push(department.name, department.description);
  for (const touchpoint of map.touchpoints ?? []) texts.push(touchpoint.name, touchpoint.description);
  for (const stage of map.stages) {
    texts.push(
      stage.name,
      stage.description,
      stage.customerGoal,
      stage.businessGoal,
      ...(stage.actions ?? []),
    );
    for (const objection of stage.objections ?? []) texts.push(objection.objection, objection.remedy);
    for (const kpi of stage.kpis ?? []) texts.push(kpi.note);
    for (const step of stage.steps) {
      texts.push(step.name, step.description);
      for (const lane of LANE_KEYS) for (const item of step[lane] ?? []) texts.push(laneItemText(item));
      for (const evidence of step.evidence ?? []) texts.push(evidence.summary, evidence.quote);
    }
  }
  return texts.filter((text): text is string => text !== undefined);
}

describe('the template list', () => {
  it('lists the four templates by unique slug ids', () => {
    expect(listTemplateIds()).toEqual(['retail-b2c', 'five-stage', 'ecommerce', 'shoes']);
    for (const id of listTemplateIds()) expect(isSlug(id), id).toBe(true);
    expect(new Set(listTemplateIds()).size).toBe(TEMPLATES.length);
  });

  it('finds a template by id, and nothing for an unknown id', () => {
    expect(templateById('ecommerce')?.id).toBe('ecommerce');
    expect(templateById('shoes')?.build('en').id).toBe('shoes');
    expect(templateById('Shoes')).toBeUndefined();
    expect(templateById('')).toBeUndefined();
  });

  it('names and describes every template in both languages', () => {
    for (const template of TEMPLATES) {
      expect(template.name.nl, template.id).not.toBe(template.name.en);
      expect(template.description.nl, template.id).not.toBe(template.description.en);
      expect(template.name.en.length).toBeGreaterThan(0);
    }
  });
});

describe.each(builds.map((b) => [`${b.template.id} (${b.language})`, b] as const))('%s', (_, b) => {
  it('validates with zero problems', () => {
    expect(validateMap(b.map).problems).toEqual([]);
  });

  it('carries its id, language and stage count', () => {
    expect(b.map.id).toBe(b.template.id);
    expect(b.map.language).toBe(b.language);
    expect(b.map.stages).toHaveLength(b.template.stages);
  });

  it('passes lint, apart from being all assumed when it is a framework', () => {
    const codes = lintMap(b.map).map((problem) => problem.code);
    expect(codes).toEqual(b.template.id === 'shoes' ? [] : ['all-assumed']);
  });

  it('is built afresh on every call', () => {
    const again = b.template.build(b.language);
    expect(again).toEqual(b.map);
    expect(again).not.toBe(b.map);
  });
});

describe.each(TEMPLATES.map((template) => [template.id, template] as const))(
  '%s in two languages',
  (_, template) => {
    const en = template.build('en');
    const nl = template.build('nl');

    it('has the same ids, links and numbers in English and Dutch', () => {
      expect(mapSkeleton(nl)).toEqual(mapSkeleton(en));
    });

    it('translates every stage and step name, except words both languages share', () => {
      const shared = new Set(['Service']);
      const enNames = [...en.stages.map((s) => s.name), ...placedSteps(en).map((p) => p.step.name)];
      const nlNames = [...nl.stages.map((s) => s.name), ...placedSteps(nl).map((p) => p.step.name)];
      expect(nlNames).toHaveLength(enNames.length);
      nlNames.forEach((name, i) => {
        if (!shared.has(name)) expect(name).not.toBe(enNames[i]);
      });
    });

    it('leaves no common English words in the Dutch texts', () => {
      for (const text of readableTexts(nl))
        expect(text).not.toMatch(/\b(the|and|your|with|when|which|what|customer|shop|buy|order)\b/i);
    });

    it('writes Dutch with its diacritics', () => {
      const dutch = readableTexts(nl).join('\n');
      expect(dutch).toMatch(/[ëéïö]/);
      expect(dutch).not.toMatch(
        /\b(ideeen|geinteresseerd|financiele|enquetes?|categorieen|potentiele|orientatie|creeren|efficiente?)\b/i,
      );
    });
  },
);

describe('the framework templates', () => {
  it('have the stages of the sources, in both languages', () => {
    const names = (id: string, language: Language): string[] => build(id, language).stages.map((s) => s.name);
    expect(names('retail-b2c', 'en')).toEqual([
      'Awareness',
      'Evaluation',
      'Consideration',
      'Purchase',
      'Advocacy',
    ]);
    expect(names('retail-b2c', 'nl')).toEqual([
      'Bewustzijn',
      'Oriëntatie',
      'Overweging',
      'Aankoop',
      'Ambassadeurschap',
    ]);
    expect(names('five-stage', 'en')).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Service',
      'Loyalty',
    ]);
    expect(names('five-stage', 'nl')).toEqual([
      'Bewustzijn',
      'Overweging',
      'Aankoop',
      'Service',
      'Loyaliteit',
    ]);
    expect(names('ecommerce', 'en')).toEqual([
      'Discovery',
      'Consideration',
      'Decision',
      'Purchase',
      'After-sales service',
      'Building loyalty',
    ]);
    expect(names('ecommerce', 'nl')).toEqual([
      'Ontdekking',
      'Overweging',
      'Beslissing',
      'Aankoop',
      'Dienst na verkoop',
      'Klantloyaliteit opbouwen',
    ]);
  });

  it('give each stage the KPIs the domain names for it', () => {
    const kpis = (id: string): string[][] =>
      build(id, 'en').stages.map((stage) => (stage.kpis ?? []).map((k) => k.kpi));
    const awareness = ['cpm', 'cpc', 'viewability', 'audibility', 'ctr'];
    const sales = ['conversion-rate', 'cps', 'cpa', 'roas', 'roi'];
    expect(kpis('retail-b2c')).toEqual([
      awareness,
      ['bounce-rate', 'ctr'],
      sales,
      sales,
      ['nps', 'churn-rate'],
    ]);
    expect(kpis('five-stage')).toEqual([
      awareness,
      ['bounce-rate', 'ctr', 'conversion-rate', 'cpa', 'roas'],
      sales,
      ['nps'],
      ['nps', 'churn-rate'],
    ]);
    expect(kpis('ecommerce')).toEqual([
      awareness,
      ['bounce-rate', 'ctr'],
      sales,
      sales,
      ['nps'],
      ['nps', 'churn-rate'],
    ]);
  });

  it.each(FRAMEWORKS)('%s: targets are in the units of the catalogue', (id) => {
    const ratios = new Set([
      'viewability',
      'audibility',
      'ctr',
      'bounce-rate',
      'conversion-rate',
      'churn-rate',
    ]);
    for (const stage of build(id, 'en').stages) {
      for (const kpi of stage.kpis ?? []) {
        const target = kpi.target;
        expect(target, `${stage.id} ${kpi.kpi}`).toBeDefined();
        if (target === undefined) continue;
        // A 2% click-through rate is written 0.02, not 2.
        if (ratios.has(kpi.kpi)) expect(target > 0 && target < 1, `${stage.id} ${kpi.kpi}`).toBe(true);
        if (kpi.kpi === 'nps') expect(target >= -100 && target <= 100).toBe(true);
        if (kpi.kpi === 'roas') expect(target).toBeGreaterThan(1);
        if (['cpm', 'cpc', 'cps', 'cpa'].includes(kpi.kpi)) expect(target).toBeGreaterThan(0);
      }
    }
    expect(build(id, 'en').stages[0]?.kpis?.find((k) => k.kpi === 'cpc')?.target).toBeLessThan(1);
  });

  it.each(FRAMEWORKS)(
    '%s: every stage has goals, actions, objections with remedies and 2 to 4 steps',
    (id) => {
      for (const stage of build(id, 'en').stages) {
        expect(stage.description, stage.id).toBeDefined();
        expect(stage.customerGoal, stage.id).toBeDefined();
        expect(stage.businessGoal, stage.id).toBeDefined();
        expect(stage.actions?.length, stage.id).toBeGreaterThan(0);
        expect(stage.objections?.length, stage.id).toBeGreaterThan(0);
        for (const objection of stage.objections ?? []) {
          expect(objection.remedy, objection.id).toBeDefined();
          expect(objection.department, objection.id).toBeDefined();
          expect(objection.knownBy, objection.id).toBe('assumed');
        }
        expect(stage.steps.length, stage.id).toBeGreaterThanOrEqual(2);
        expect(stage.steps.length, stage.id).toBeLessThanOrEqual(4);
      }
    },
  );

  it.each(FRAMEWORKS)(
    '%s: every step has touchpoints, departments, a feeling and assumed lane items',
    (id) => {
      const map = build(id, 'en');
      expect(map.personas).toHaveLength(1);
      const persona = map.personas[0]?.id ?? '';
      for (const { step } of placedSteps(map)) {
        expect(step.touchpoints?.length, step.id).toBeGreaterThan(0);
        expect(step.departments?.length, step.id).toBeGreaterThan(0);
        expect(Object.keys(step.feelings ?? {}), step.id).toEqual([persona]);
        const items = LANE_KEYS.flatMap((lane) => step[lane] ?? []);
        expect(items.length, step.id).toBeGreaterThan(0);
        for (const item of items) expect(laneItemKnownBy(item), step.id).toBe('assumed');
      }
      const painful = placedSteps(map).filter((p) => (p.step.painPoints ?? []).length > 0);
      expect(painful.length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each(FRAMEWORKS)('%s: all nine departments, and only the touchpoints it uses, each owned', (id) => {
    const map = build(id, 'en');
    expect(map.departments?.map((d) => d.id)).toEqual([
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
    const used = new Set([
      ...placedSteps(map).flatMap((p) => p.step.touchpoints ?? []),
      ...map.stages.flatMap((s) => (s.objections ?? []).flatMap((o) => (o.touchpoint ? [o.touchpoint] : []))),
    ]);
    expect(new Set(map.touchpoints?.map((t) => t.id))).toEqual(used);
    for (const touchpoint of map.touchpoints ?? [])
      expect(touchpoint.department, touchpoint.id).toBeDefined();
  });

  it.each(FRAMEWORKS)('%s: match rules use only the shared event vocabulary', (id) => {
    const touchpoints = build(id, 'en').touchpoints ?? [];
    for (const rule of touchpoints.flatMap((t) => t.match ?? [])) expect(SHOES_EVENTS).toContain(rule.event);
    // No chat events are collected yet; every other online touchpoint can be matched.
    const unmatchedOnline = touchpoints.filter((t) => t.mode === 'online' && (t.match ?? []).length === 0);
    expect(unmatchedOnline.map((t) => t.id).filter((tid) => tid !== 'live-chat')).toEqual([]);
  });

  it('retail-b2c and five-stage run straight through, in document order', () => {
    for (const id of ['retail-b2c', 'five-stage']) {
      for (const { step } of placedSteps(build(id, 'en')))
        expect(step.next, `${id} ${step.id}`).toBeUndefined();
    }
  });

  it('ecommerce leaves the cart for later and a reminder brings the customer back, with a way on', () => {
    const graph = stepGraph(build('ecommerce', 'en'));
    expect(graph.get('adds-to-cart')).toEqual(['checks-out', 'leaves-cart']);
    expect(graph.get('leaves-cart')).toEqual(['gets-cart-reminder']);
    expect(graph.get('gets-cart-reminder')).toEqual(['adds-to-cart']);
    expect(graph.get('recommends-shop')).toEqual([]);
    // Every step is reached from the first one, and the only end is the last step.
    const seen = new Set(['sees-post-or-ad']);
    const queue = ['sees-post-or-ad'];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      for (const next of graph.get(id) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(seen.size).toBe(graph.size);
    expect(graph.size).toBe(18);
    expect([...graph].filter(([, next]) => next.length === 0).map(([id]) => id)).toEqual(['recommends-shop']);
  });
});
