/**
 * The attribution page: the seven models side by side, one chart of every model's conversions
 * (or revenue) per channel and a table of the same numbers. The API answers one model per
 * request; the page asks for all of them at once.
 */
import { useId, useMemo } from 'react';
import { ATTRIBUTION_MODELS, type AttributionJson } from '../api/analytics-types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../session/session.tsx';
import { TextField } from '../ui/forms.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { useResource } from '../ui/use-resource.ts';
import type { FieldsProps, MeasureProps } from './analytics-page.tsx';
import { Chart } from './chart.tsx';
import { attributionChartOption } from './charts.ts';
import { NumbersTable, Section } from './parts.tsx';
import { attributionQuery, conversionOf, measureKey, withChanges } from './query.ts';
import { type AttributionMeasure, compareAttribution } from './transform/attribution.ts';

/** The conversion event and the lookback, as the attribution and touches pages both ask them. */
export function ConversionFields({ params, halfLife = false }: FieldsProps & { halfLife?: boolean }) {
  const { t } = useI18n();
  const a = t.analytics.attribution;
  return (
    <div className="analytics-filter-row">
      <TextField label={a.conversion} name="conversion" defaultValue={conversionOf(params)} size={18} />
      <TextField
        label={a.lookback}
        hint={a.lookbackHint}
        name="lookback"
        defaultValue={params.lookback ?? ''}
        placeholder="30d"
        size={8}
      />
      {halfLife && (
        <TextField
          label={a.halfLife}
          name="half-life"
          defaultValue={params['half-life'] ?? ''}
          placeholder="7d"
          size={8}
        />
      )}
    </div>
  );
}

export function AttributionFields(props: FieldsProps) {
  return <ConversionFields {...props} halfLife />;
}

export function AttributionView({ workspace, params, text, go }: MeasureProps) {
  const api = useApi();
  const query = attributionQuery(params);
  const result = useResource(measureKey('attribution', query), (signal) =>
    Promise.all(ATTRIBUTION_MODELS.map((model) => api.attribution(workspace.slug, model, query, signal))),
  );
  const measure: AttributionMeasure = params.measure === 'revenue' ? 'revenue' : 'conversions';
  return (
    <Loaded resource={result}>
      {(answers) => (
        <AttributionResult
          answers={answers}
          measure={measure}
          text={text}
          onMeasure={(next) => go(withChanges(params, { measure: next === 'revenue' ? next : null }))}
        />
      )}
    </Loaded>
  );
}

function AttributionResult({
  answers,
  measure,
  text,
  onMeasure,
}: {
  answers: AttributionJson[];
  measure: AttributionMeasure;
  text: MeasureProps['text'];
  onMeasure(measure: AttributionMeasure): void;
}) {
  const { t } = useI18n();
  const a = t.analytics.attribution;
  const id = useId();
  const format = measure === 'revenue' ? text.money : text.count;
  const comparison = useMemo(() => compareAttribution(answers), [answers]);
  const option = useMemo(
    () => attributionChartOption(comparison, measure, { ...text, model: (model) => a.models[model] }),
    [comparison, measure, text, a],
  );
  const chartLabel = a.chart(a[measure]);
  const total = measure === 'revenue' ? comparison.totalRevenue : comparison.totalConversions;
  return (
    <Section
      title={t.analytics.measures.attribution}
      intro={a.headline(
        text.count(comparison.totalConversions),
        text.money(comparison.totalRevenue),
        comparison.conversionEvent,
      )}
    >
      <fieldset className="measure-choice">
        <legend>{a.measure}</legend>
        {(['conversions', 'revenue'] as const).map((choice) => (
          <span key={choice} className="radio-inline">
            <input
              id={`${id}-${choice}`}
              type="radio"
              name={`${id}-measure`}
              checked={measure === choice}
              onChange={() => onMeasure(choice)}
            />
            <label htmlFor={`${id}-${choice}`}>{a[choice]}</label>
          </span>
        ))}
      </fieldset>
      <Chart option={option} label={chartLabel} height={380} className="attribution-chart" />
      <NumbersTable
        caption={chartLabel}
        columns={[
          { header: a.channel },
          ...comparison.models.map((model) => ({ header: a.models[model], numeric: true })),
        ]}
        rows={comparison.channels.map((row) => [
          row.channel,
          ...comparison.models.map((model) => format(row.byModel[model][measure])),
        ])}
        footer={[a.total, ...comparison.models.map(() => format(total))]}
      />
    </Section>
  );
}
