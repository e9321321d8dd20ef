import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_MODELS,
  type AttributionJson,
  type AttributionModel,
} from '../../api/analytics-types.ts';
import { compareAttribution } from './attribution.ts';

/** A model's answer crediting channels [channel, conversions, revenue]. */
function answer(model: AttributionModel, credits: [string, number, number][]): AttributionJson {
  return {
    model,
    conversion_event: 'order_completed',
    total_conversions: credits.reduce((sum, [, conversions]) => sum + conversions, 0),
    total_revenue: credits.reduce((sum, [, , revenue]) => sum + revenue, 0),
    channels: credits.map(([channel, conversions, revenue]) => ({ channel, conversions, revenue })),
  };
}

const ANSWERS: AttributionJson[] = [
  answer('first', [
    ['search', 6, 600],
    ['email', 3, 240],
    ['(none)', 1, 50],
  ]),
  answer('last', [
    ['email', 5, 400],
    ['search', 4, 440],
    ['(none)', 1, 50],
  ]),
  answer('linear', [
    ['search', 5, 520],
    ['email', 4, 320],
    ['(none)', 1, 50],
  ]),
  answer('markov', [
    ['search', 5.5, 560],
    ['email', 3.25, 270],
    ['display', 0.25, 10],
    ['(none)', 1, 50],
  ]),
];

describe('compareAttribution', () => {
  const comparison = compareAttribution(ANSWERS);

  it('has every channel any model credits, most conversions on average first', () => {
    expect(comparison.channels.map((row) => row.channel)).toEqual(['search', 'email', '(none)', 'display']);
    expect(comparison.models).toEqual(['first', 'last', 'linear', 'markov']);
    expect(comparison.totalConversions).toBe(10);
    expect(comparison.totalRevenue).toBe(890);
  });

  it.each(ANSWERS.map((a) => [a.model, a] as const))(
    '%s: every credit as answered, and the shares add up to 1',
    (model, json) => {
      for (const { channel, conversions, revenue } of json.channels) {
        const row = comparison.channels.find((r) => r.channel === channel);
        expect(row?.byModel[model]).toMatchObject({ conversions, revenue });
      }
      const credits = comparison.channels.map((row) => row.byModel[model]);
      expect(credits.reduce((sum, c) => sum + c.conversions, 0)).toBeCloseTo(json.total_conversions, 12);
      expect(credits.reduce((sum, c) => sum + c.conversionShare, 0)).toBeCloseTo(1, 12);
      expect(credits.reduce((sum, c) => sum + c.revenueShare, 0)).toBeCloseTo(1, 12);
    },
  );

  it('gives 0 where a model does not credit a channel', () => {
    const display = comparison.channels.find((row) => row.channel === 'display');
    expect(display?.byModel.first).toEqual({
      conversions: 0,
      revenue: 0,
      conversionShare: 0,
      revenueShare: 0,
    });
    expect(display?.byModel.markov.conversionShare).toBeCloseTo(0.025, 12);
  });

  it('takes all seven models, and none', () => {
    const all = compareAttribution(ATTRIBUTION_MODELS.map((model) => answer(model, [['search', 2, 20]])));
    expect(Object.keys(all.channels[0]?.byModel ?? {})).toEqual([...ATTRIBUTION_MODELS]);
    expect(compareAttribution([])).toEqual({
      models: [],
      conversionEvent: '',
      totalConversions: 0,
      totalRevenue: 0,
      channels: [],
    });
  });

  it('shares are 0 when a model has no conversions at all', () => {
    const none = compareAttribution([answer('first', [['search', 0, 0]])]);
    expect(none.channels[0]?.byModel.first).toEqual({
      conversions: 0,
      revenue: 0,
      conversionShare: 0,
      revenueShare: 0,
    });
  });
});
