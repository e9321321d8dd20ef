import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_MODELS } from '../api/analytics-types.ts';
import {
  attributionChartOption,
  barsOption,
  escapeHtml,
  funnelChartOption,
  MODEL_COLOURS,
  sankeyOption,
} from './charts.ts';
import { compareAttribution } from './transform/attribution.ts';
import { funnelBars } from './transform/funnel.ts';
import { nodeId, type SankeyView } from './transform/paths.ts';

const text = {
  count: (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 }),
  percent: (fraction: number) => `${Math.round(fraction * 100)}%`,
  money: (value: number) => `€${value.toFixed(2)}`,
};

type Series = { type: string; name?: string; data: unknown[]; links?: unknown[]; stack?: string };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];

describe('the chart options', () => {
  it('stack each funnel step’s customers and the drop-off since the step before, as high as that step', () => {
    const users = [1000, 600, 150, 30];
    const bars = funnelBars(
      users.map((count, i) => ({
        step: `s${i}`,
        users: count,
        conversion_from_start: 0,
        conversion_from_previous: 0,
        median_seconds_from_previous: null,
      })),
      (id) => id.toUpperCase(),
    );
    const option = funnelChartOption(bars, { ...text, reached: 'Reached', droppedOff: 'Dropped off' });
    const [reached, dropped] = seriesOf(option);
    expect(reached?.data).toEqual(users);
    expect(dropped?.data).toEqual([0, 400, 450, 120]);
    expect(reached?.stack).toBe(dropped?.stack);
    const heights = users.map((_, i) => (reached?.data[i] as number) + (dropped?.data[i] as number));
    expect(heights.slice(1)).toEqual(users.slice(0, -1));
    expect((option.xAxis as { data: string[] }).data).toEqual(['S0', 'S1', 'S2', 'S3']);
  });

  it.each([false, true])('draw bars of the items in order (horizontal: %s)', (horizontal) => {
    const items = [
      { label: '<1m', value: 3 },
      { label: '1-10m', value: 5 },
    ];
    const option = barsOption(items, { name: 'Customers', format: text.count, horizontal });
    expect(seriesOf(option)[0]?.data).toEqual([3, 5]);
    const category = (horizontal ? option.yAxis : option.xAxis) as { data: string[] };
    expect(category.data).toEqual(['<1m', '1-10m']);
  });

  it.each(['conversions', 'revenue'] as const)('compare every model’s %s per channel', (measure) => {
    const comparison = compareAttribution(
      ATTRIBUTION_MODELS.map((model, i) => ({
        model,
        conversion_event: 'order_completed',
        total_conversions: 10,
        total_revenue: 100,
        channels: [
          { channel: 'search', conversions: 10 - i, revenue: 100 - 10 * i },
          { channel: 'email', conversions: i, revenue: 10 * i },
        ],
      })),
    );
    const option = attributionChartOption(comparison, measure, { ...text, model: (m) => `model ${m}` });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(ATTRIBUTION_MODELS.map((m) => `model ${m}`));
    series.forEach((s, i) => {
      const model = ATTRIBUTION_MODELS[i] as (typeof ATTRIBUTION_MODELS)[number];
      expect(s.data).toEqual(comparison.channels.map((row) => row.byModel[model][measure]));
      expect((s as unknown as { itemStyle: { color: string } }).itemStyle.color).toBe(MODEL_COLOURS[model]);
    });
  });

  it('give the Sankey every node in its column and every link with its value, designed links coloured', () => {
    const view: SankeyView = {
      nodes: [
        { id: nodeId(0, 'a'), position: 0, name: 'a', label: 'A', count: 3, ends: 1, designed: true },
        { id: nodeId(0, null), position: 0, name: null, label: 'Other', count: 1, ends: 0, designed: false },
        { id: nodeId(1, 'b'), position: 1, name: 'b', label: 'B', count: 3, ends: 3, designed: true },
      ],
      links: [
        { source: nodeId(0, 'a'), target: nodeId(1, 'b'), value: 2, designed: true },
        { source: nodeId(0, null), target: nodeId(1, 'b'), value: 1, designed: false },
      ],
      totalPaths: 4,
      columns: 2,
      designedShare: 2 / 3,
    };
    const option = sankeyOption(view, { ...text, paths: (n) => `${n} paths` });
    const [sankey] = seriesOf(option);
    expect(sankey?.data).toEqual([
      expect.objectContaining({ name: nodeId(0, 'a'), value: 3, depth: 0 }),
      expect.objectContaining({ name: nodeId(0, null), value: 1, depth: 0 }),
      expect.objectContaining({ name: nodeId(1, 'b'), value: 3, depth: 1 }),
    ]);
    const links = sankey?.links as { value: number; lineStyle: { color: string } }[];
    expect(links.map((l) => l.value)).toEqual([2, 1]);
    expect(links[0]?.lineStyle.color).not.toBe(links[1]?.lineStyle.color);
  });

  it('escape names in tooltips', () => {
    expect(escapeHtml(`<b>"Tom's" & co</b>`)).toBe('&#60;b&#62;&#34;Tom&#39;s&#34; &#38; co&#60;/b&#62;');
  });
});
