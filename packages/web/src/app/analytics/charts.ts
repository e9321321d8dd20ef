/**
 * ECharts options from the transformers' views: pure (types only from ECharts), so what a chart
 * draws is tested in Node. Colours meet 3:1 against white (WCAG's contrast for graphics); every
 * chart has a table beside it with the same numbers, for keyboards and screen readers.
 */
import type { BarSeriesOption, SankeySeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { AttributionModel } from '../api/analytics-types.ts';
import type { AttributionComparison, AttributionMeasure } from './transform/attribution.ts';
import type { FunnelBar } from './transform/funnel.ts';
import type { SankeyView } from './transform/paths.ts';

export type ChartOption = ComposeOption<
  BarSeriesOption | SankeySeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export const COLOURS = {
  text: '#1f2933',
  muted: '#52606d',
  line: '#d9dee4',
  accent: '#1d4f91',
  droppedOff: '#c3cad2',
  designed: '#1d4f91',
  undesigned: '#9aa5b1',
  other: '#7b8794',
} as const;

/** One colour per model, told apart also by people with the common colour-vision deficiencies. */
export const MODEL_COLOURS: Record<AttributionModel, string> = {
  first: '#1d4f91',
  last: '#b45309',
  linear: '#047857',
  'time-decay': '#9d174d',
  position: '#0e7490',
  markov: '#6d28d9',
  shapley: '#4d7c0f',
};

/** How numbers are written in the interface's language. */
export interface NumberText {
  count(value: number): string;
  percent(fraction: number): string;
  money(value: number): string;
}

const BASE = {
  animation: false,
  textStyle: { color: COLOURS.text, fontFamily: 'system-ui, sans-serif', fontSize: 12 },
} as const;

const CATEGORY_AXIS_LABEL = { color: COLOURS.text, interval: 0, width: 110, overflow: 'break' } as const;
const VALUE_AXIS = {
  type: 'value',
  axisLabel: { color: COLOURS.muted },
  splitLine: { lineStyle: { color: COLOURS.line } },
} as const;

/**
 * The funnel: per step a bar of the customers who reached it, labelled with their number, and on
 * top of it, paler, those who dropped off since the step before, so each stack is as high as the
 * step before.
 */
export function funnelChartOption(
  bars: readonly FunnelBar[],
  text: NumberText & { reached: string; droppedOff: string },
): ChartOption {
  return {
    ...BASE,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: COLOURS.text } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: bars.map((bar) => bar.label), axisLabel: CATEGORY_AXIS_LABEL },
    yAxis: VALUE_AXIS,
    series: [
      {
        type: 'bar',
        name: text.reached,
        stack: 'step',
        data: bars.map((bar) => bar.users),
        itemStyle: { color: COLOURS.accent },
        label: {
          show: true,
          position: 'insideTop',
          color: '#ffffff',
          formatter: ({ value }) => text.count(Number(value)),
        },
        barMaxWidth: 96,
      },
      {
        type: 'bar',
        name: text.droppedOff,
        stack: 'step',
        data: bars.map((bar) => bar.dropOff),
        itemStyle: { color: COLOURS.droppedOff },
        tooltip: { valueFormatter: (value) => text.count(Number(value)) },
      },
    ],
  };
}

/** Bars with a category each: a distribution (time to convert, touches) or a ranking (horizontal). */
export function barsOption(
  items: readonly { label: string; value: number }[],
  options: { name: string; format: (value: number) => string; horizontal?: boolean; colour?: string },
): ChartOption {
  const categories = items.map((item) => item.label);
  // Rankings name long things (a move between two steps): one line, cut with an ellipsis; the table has them whole.
  const axisLabel = options.horizontal
    ? { color: COLOURS.text, interval: 0, width: 300, overflow: 'truncate' as const }
    : CATEGORY_AXIS_LABEL;
  const category = { type: 'category', data: categories, axisLabel } as const;
  const valueAxis = {
    ...VALUE_AXIS,
    axisLabel: { ...VALUE_AXIS.axisLabel, formatter: (value: number) => options.format(value) },
  };
  return {
    ...BASE,
    grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: options.horizontal ? valueAxis : category,
    // Horizontal rankings read top-down: the first item at the top.
    yAxis: options.horizontal ? { ...category, inverse: true } : valueAxis,
    series: [
      {
        type: 'bar',
        name: options.name,
        data: items.map((item) => item.value),
        itemStyle: { color: options.colour ?? COLOURS.accent },
        label: {
          show: true,
          position: options.horizontal ? 'right' : 'top',
          color: COLOURS.text,
          formatter: ({ value }) => options.format(Number(value)),
        },
        tooltip: { valueFormatter: (value) => options.format(Number(value)) },
        barMaxWidth: 56,
      },
    ],
  };
}

/**
 * The attribution models side by side: per channel a bar for each model, of its conversions or
 * revenue; one legend entry per model.
 */
export function attributionChartOption(
  comparison: AttributionComparison,
  measure: AttributionMeasure,
  text: NumberText & { model(model: AttributionModel): string },
): ChartOption {
  const format = measure === 'revenue' ? text.money : text.count;
  return {
    ...BASE,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: COLOURS.text } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: comparison.channels.map((row) => row.channel),
      axisLabel: CATEGORY_AXIS_LABEL,
    },
    yAxis: VALUE_AXIS,
    series: comparison.models.map((model) => ({
      type: 'bar' as const,
      name: text.model(model),
      data: comparison.channels.map((row) => row.byModel[model][measure]),
      itemStyle: { color: MODEL_COLOURS[model] },
      tooltip: { valueFormatter: (value) => format(Number(value)) },
      barMaxWidth: 18,
    })),
  };
}

/**
 * The Sankey of real paths: one column per position in the path, designed links in the accent
 * colour and the rest grey. Nodes keep the measure's order (most paths first) and stay in their
 * position's column.
 */
export function sankeyOption(
  view: SankeyView,
  text: NumberText & { paths(count: number): string },
): ChartOption {
  const labels = new Map(view.nodes.map((node) => [node.id, node.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  return {
    ...BASE,
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const data = item?.data as { source?: string; target?: string; name?: string } | undefined;
        const value = Number(item?.value ?? 0);
        if (data?.source !== undefined && data.target !== undefined)
          return `${escapeHtml(labelOf(data.source))} → ${escapeHtml(labelOf(data.target))}: ${text.paths(value)}`;
        return `${escapeHtml(labelOf(data?.name ?? ''))}: ${text.paths(value)}`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 120,
        top: 8,
        bottom: 8,
        nodeAlign: 'left',
        nodeGap: 16,
        nodeWidth: 14,
        layoutIterations: 0,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        label: { color: COLOURS.text, formatter: ({ name }) => labelOf(name) },
        // Labels of small nodes that would run into each other are left to the tooltip and the table.
        labelLayout: { hideOverlap: true },
        data: view.nodes.map((node) => ({
          name: node.id,
          value: node.count,
          depth: node.position,
          itemStyle: {
            color: node.name === null ? COLOURS.other : node.designed ? COLOURS.designed : COLOURS.undesigned,
          },
        })),
        links: view.links.map((link) => ({
          source: link.source,
          target: link.target,
          value: link.value,
          lineStyle: link.designed
            ? { color: COLOURS.designed, opacity: 0.55 }
            : { color: COLOURS.undesigned, opacity: 0.3 },
        })),
      },
    ],
  };
}

/** Tooltips are HTML: names from maps and events are text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
