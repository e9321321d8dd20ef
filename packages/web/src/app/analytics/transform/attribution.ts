/**
 * The attribution models side by side: one answer per model (the API gives one model per
 * request) joined into rows per channel, with each model's credit as conversions, revenue and
 * their shares of the totals.
 */
import type { AttributionJson, AttributionModel } from '../../api/analytics-types.ts';

export type AttributionMeasure = 'conversions' | 'revenue';

export interface ModelCredit {
  conversions: number;
  revenue: number;
  /** Of the model's conversions; over a model's channels the shares add up to 1. */
  conversionShare: number;
  revenueShare: number;
}

export interface ChannelCredits {
  channel: string;
  /** Every model compared; a channel a model does not credit has 0 there. */
  byModel: Record<AttributionModel, ModelCredit>;
}

export interface AttributionComparison {
  models: AttributionModel[];
  conversionEvent: string;
  totalConversions: number;
  totalRevenue: number;
  /** Channels by their mean conversions over the models, most first, then by name. */
  channels: ChannelCredits[];
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * @example
 * compareAttribution([first, last, markov]).channels[0].byModel.markov.conversions
 */
export function compareAttribution(results: readonly AttributionJson[]): AttributionComparison {
  const models = results.map((result) => result.model);
  const names = [...new Set(results.flatMap((result) => result.channels.map((c) => c.channel)))];
  const channels = names.map((channel) => {
    const byModel = {} as Record<AttributionModel, ModelCredit>;
    for (const result of results) {
      const credit = result.channels.find((c) => c.channel === channel);
      const conversions = credit?.conversions ?? 0;
      const revenue = credit?.revenue ?? 0;
      byModel[result.model] = {
        conversions,
        revenue,
        conversionShare: share(conversions, result.total_conversions),
        revenueShare: share(revenue, result.total_revenue),
      };
    }
    return { channel, byModel };
  });
  const mean = (row: ChannelCredits) =>
    models.reduce((sum, model) => sum + row.byModel[model].conversions, 0) / Math.max(models.length, 1);
  channels.sort((a, b) => mean(b) - mean(a) || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  const first = results[0];
  return {
    models,
    conversionEvent: first?.conversion_event ?? '',
    totalConversions: first?.total_conversions ?? 0,
    totalRevenue: first?.total_revenue ?? 0,
    channels,
  };
}
