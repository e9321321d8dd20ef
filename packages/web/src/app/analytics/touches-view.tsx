/** The touches page: how many touches, and distinct channels, came before each conversion. */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../session/session.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { useResource } from '../ui/use-resource.ts';
import type { FieldsProps, MeasureProps } from './analytics-page.tsx';
import { ConversionFields } from './attribution-view.tsx';
import { Chart } from './chart.tsx';
import { barsOption } from './charts.ts';
import { Figures, NumbersTable, Section } from './parts.tsx';
import { measureKey, touchesQuery } from './query.ts';
import { type CountBar, touchesView } from './transform/touches.ts';

export function TouchesFields(props: FieldsProps) {
  return <ConversionFields {...props} />;
}

export function TouchesView({ workspace, params, text }: MeasureProps) {
  const api = useApi();
  const query = touchesQuery(params);
  const result = useResource(measureKey('touches', query), (signal) =>
    api.touches(workspace.slug, query, signal),
  );
  return (
    <Loaded resource={result}>{(json) => <TouchesResult data={touchesView(json)} text={text} />}</Loaded>
  );
}

function TouchesResult({ data, text }: { data: ReturnType<typeof touchesView>; text: MeasureProps['text'] }) {
  const { t } = useI18n();
  const c = t.analytics.touches;
  return (
    <>
      <Section title={c.touchesTitle}>
        <Figures
          items={[
            { term: c.conversions, value: text.count(data.conversions) },
            { term: c.median, value: data.touches.median === null ? '–' : text.count(data.touches.median) },
            { term: c.mean, value: data.touches.mean === null ? '–' : text.count(data.touches.mean) },
          ]}
        />
        <Distribution bars={data.touches.bars} heading={c.touches} label={c.touchesChart} text={text} />
      </Section>
      <Section title={c.channelsTitle}>
        <Figures
          items={[
            { term: c.median, value: data.channels.median === null ? '–' : text.count(data.channels.median) },
            { term: c.mean, value: data.channels.mean === null ? '–' : text.count(data.channels.mean) },
          ]}
        />
        <Distribution bars={data.channels.bars} heading={c.channels} label={c.channelsChart} text={text} />
      </Section>
    </>
  );
}

function Distribution({
  bars,
  heading,
  label,
  text,
}: {
  bars: CountBar[];
  heading: string;
  label: string;
  text: MeasureProps['text'];
}) {
  const { t } = useI18n();
  const c = t.analytics.touches;
  const option = useMemo(
    () =>
      barsOption(
        bars.map((bar) => ({ label: String(bar.count), value: bar.conversions })),
        { name: c.conversions, format: text.count },
      ),
    [bars, c, text],
  );
  return (
    <>
      <Chart option={option} label={label} height={260} />
      <NumbersTable
        caption={label}
        columns={[
          { header: heading },
          { header: c.conversions, numeric: true },
          { header: t.analytics.share, numeric: true },
          { header: c.atMost, numeric: true },
        ]}
        rows={bars.map((bar) => [
          text.count(bar.count),
          text.count(bar.conversions),
          text.percent(bar.share),
          text.percent(bar.cumulativeShare),
        ])}
      />
    </>
  );
}
