// The measures the analytics benchmark times, in the order of its table, with their targets.
import { ATTRIBUTION_MODELS } from '@touchline/analytics';

export const FUNNEL_STEPS = ['page_view', 'add_to_cart', 'payment_completed', 'order_completed'];
export const FUNNEL_WINDOW_SECONDS = 14 * 86_400;

export interface AnalyticsMeasure {
  /** Key of the measure in a run's JSON. */
  key: string;
  label: string;
  /** Target over 10M events, seconds. */
  targetSeconds: number;
}

export const ANALYTICS_MEASURES: readonly AnalyticsMeasure[] = [
  { key: 'funnel', label: 'funnel, 4 steps', targetSeconds: 0.5 },
  { key: 'funnel_by_channel', label: 'funnel, 4 steps, by channel', targetSeconds: 3 },
  { key: 'paths', label: 'paths (per session, touchpoints)', targetSeconds: 3 },
  { key: 'discover', label: 'discovered vs designed', targetSeconds: 3 },
  { key: 'touches', label: 'touches before conversion', targetSeconds: 3 },
  ...ATTRIBUTION_MODELS.map((model) => ({
    key: `attribution_${model}`,
    label: `attribution, ${model}`,
    targetSeconds: 3,
  })),
  { key: 'report', label: 'map report', targetSeconds: 3 },
];
