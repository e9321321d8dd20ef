/**
 * An ECharts chart drawn as SVG (sharp at any zoom, its labels real text), resized with its box.
 * The chart is an image to assistive technology, named by `label`; each page puts a table with
 * the same numbers beside it. Only the chart types and components the pages use are loaded.
 */
import { BarChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './charts.ts';

use([BarChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function Chart({
  option,
  label,
  height = 320,
  className,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  className?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | undefined>(undefined);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      className={className ? `chart ${className}` : 'chart'}
      style={{ height: `${height}px` }}
      role="img"
      aria-label={label}
    />
  );
}
