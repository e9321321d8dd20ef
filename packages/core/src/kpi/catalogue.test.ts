import { describe, expect, it } from 'vitest';
import {
  computeKpi,
  formatKpiValue,
  isBetter,
  KPI_CATALOGUE,
  KPI_IDS,
  kpiDefinition,
  npsFromScores,
} from './catalogue.ts';

describe('KPI catalogue', () => {
  it('defines every KPI of the domain in English and Dutch', () => {
    expect(Object.keys(KPI_CATALOGUE).sort()).toEqual([...KPI_IDS].sort());
    for (const id of KPI_IDS) {
      const kpi = kpiDefinition(id);
      expect(kpi.name.en.length).toBeGreaterThan(2);
      expect(kpi.definition.nl).not.toBe(kpi.definition.en);
      expect(kpi.inputs.length).toBeGreaterThan(0);
    }
  });

  // The stages and units of the domain's KPI table.
  it.each([
    ['cpm', 'currency', 'lower-is-better', ['awareness']],
    ['cpc', 'currency', 'lower-is-better', ['awareness']],
    ['viewability', 'ratio', 'higher-is-better', ['awareness']],
    ['audibility', 'ratio', 'higher-is-better', ['awareness']],
    ['ctr', 'ratio', 'higher-is-better', ['awareness', 'evaluation']],
    ['bounce-rate', 'ratio', 'lower-is-better', ['evaluation']],
    ['conversion-rate', 'ratio', 'higher-is-better', ['consideration', 'purchase']],
    ['cps', 'currency', 'lower-is-better', ['consideration', 'purchase']],
    ['cpa', 'currency', 'lower-is-better', ['consideration', 'purchase']],
    ['roas', 'multiple', 'higher-is-better', ['consideration', 'purchase']],
    ['roi', 'ratio', 'higher-is-better', ['consideration', 'purchase']],
    ['nps', 'score', 'higher-is-better', ['advocacy', 'loyalty']],
    ['churn-rate', 'ratio', 'lower-is-better', ['loyalty']],
  ] as const)('%s is a %s, %s, in %j', (id, unit, direction, stages) => {
    const kpi = kpiDefinition(id);
    expect(kpi.id).toBe(id);
    expect(kpi.unit).toBe(unit);
    expect(kpi.direction).toBe(direction);
    expect(kpi.stages).toEqual(stages);
  });

  it('names its inputs and labels briefly', () => {
    expect(kpiDefinition('cpm').inputs).toEqual(['cost', 'impressions']);
    expect(kpiDefinition('nps').inputs).toEqual(['promoters', 'detractors', 'responses']);
    expect(kpiDefinition('cpm').name.nl).toBe('Kosten per 1.000 vertoningen');
    expect(kpiDefinition('bounce-rate').label).toEqual({ en: 'Bounce rate', nl: 'Bouncepercentage' });
    expect(kpiDefinition('cps').label.en).toBe('CPS');
  });

  // Each row worked by hand: the inputs, and the value the formula must give.
  it.each([
    ['cpm', { cost: 250, impressions: 50_000 }, 5],
    ['cpc', { cost: 300, clicks: 1_200 }, 0.25],
    ['viewability', { viewableImpressions: 36_000, impressions: 50_000 }, 0.72],
    ['audibility', { audibleImpressions: 4_500, impressions: 10_000 }, 0.45],
    ['ctr', { clicks: 1_000, impressions: 50_000 }, 0.02],
    ['bounce-rate', { bouncedSessions: 380, sessions: 1_000 }, 0.38],
    ['conversion-rate', { conversions: 34, visitors: 1_000 }, 0.034],
    ['cps', { cost: 1_200, sales: 80 }, 15],
    ['cpa', { cost: 1_200, acquisitions: 48 }, 25],
    ['roas', { revenue: 4_800, cost: 1_200 }, 4],
    ['roi', { revenue: 4_800, cost: 1_200 }, 3],
    // A loss: (900 - 1,200) / 1,200 = -0.25.
    ['roi', { revenue: 900, cost: 1_200 }, -0.25],
    // 12 promoters, 3 detractors of 40 answers: 30% - 7.5% = 22.5.
    ['nps', { promoters: 12, detractors: 3, responses: 40 }, 22.5],
    ['nps', { promoters: 50, detractors: 20, responses: 100 }, 30],
    ['churn-rate', { customersLost: 45, customersAtStart: 900 }, 0.05],
  ] as const)('%s on hand-worked numbers', (id, inputs, expected) => {
    expect(computeKpi(id, inputs)).toBeCloseTo(expected, 10);
  });

  it.each([
    ['cpm', { cost: 10, impressions: 0 }],
    ['cpc', { cost: 10, clicks: 0 }],
    ['ctr', { clicks: 0, impressions: 0 }],
    ['roi', { revenue: 10, cost: 0 }],
    ['nps', { promoters: 0, detractors: 0, responses: 0 }],
    ['churn-rate', { customersLost: 1 }],
    ['churn-rate', { customersLost: 0, customersAtStart: 0 }],
    ['bounce-rate', { bouncedSessions: 0, sessions: 0 }],
    ['roas', { revenue: 500, cost: 0 }],
    ['cps', { cost: 100, sales: 0 }],
  ] as const)('%s gives null, not NaN or Infinity, on a zero or missing denominator', (id, inputs) => {
    expect(computeKpi(id, inputs)).toBeNull();
  });

  it('computes NPS from raw answers', () => {
    // Promoters 10, 9, 9, 10 (4); passives 8, 7; detractors 6, 5, 3, 0 (4): 40% - 40% = 0.
    const scores = [10, 9, 9, 8, 7, 6, 5, 3, 0, 10];
    expect(npsFromScores(scores)).toBe(0);
    expect(npsFromScores([10, 10, 9, 6])).toBe(50);
    expect(npsFromScores([])).toBeNull();
  });

  it('formats values in English and Dutch', () => {
    expect(formatKpiValue('cpc', 4.2, 'en')).toBe('€4.20');
    expect(formatKpiValue('cpc', 4.2, 'nl')).toBe('€ 4,20');
    expect(formatKpiValue('ctr', 0.035, 'en')).toBe('3.5%');
    expect(formatKpiValue('ctr', 0.035, 'nl')).toBe('3,5%');
    expect(formatKpiValue('roas', 4.25, 'nl')).toBe('4,25×');
    expect(formatKpiValue('nps', 32, 'en')).toBe('32');
    expect(formatKpiValue('cpa', 1234.5, 'nl')).toBe('€ 1.234,50');
    expect(formatKpiValue('cpa', 1234.5, 'en')).toBe('€1,234.50');
    expect(formatKpiValue('roas', 4.2, 'en')).toBe('4.2×');
    expect(formatKpiValue('roi', -0.25, 'en')).toBe('-25%');
    expect(formatKpiValue('bounce-rate', 0.38, 'nl')).toBe('38%');
    expect(formatKpiValue('nps', 22.5, 'nl')).toBe('22,5');
    expect(formatKpiValue('cpc', 0.25, 'en', 'USD')).toBe('$0.25');
  });

  it('judges actual against target by direction', () => {
    expect(isBetter('ctr', 0.03, 0.02)).toBe(true);
    expect(isBetter('ctr', 0.01, 0.02)).toBe(false);
    expect(isBetter('cpc', 0.4, 0.5)).toBe(true);
    expect(isBetter('cpc', 0.6, 0.5)).toBe(false);
    expect(isBetter('churn-rate', 0.05, 0.05)).toBe(true);
    expect(isBetter('nps', 30, 30)).toBe(true);
    expect(isBetter('nps', -5, 0)).toBe(false);
    expect(isBetter('roas', 4.2, 4)).toBe(true);
  });
});
