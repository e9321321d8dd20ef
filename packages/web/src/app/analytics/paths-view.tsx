/**
 * The paths page: the Sankey of the paths customers really took, over the map's touchpoints with
 * the moves its design has drawn in the accent colour; and the top full paths, each said to
 * follow the design or not.
 */
import { useId, useMemo } from 'react';
import type { PathsJson } from '../api/analytics-types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../session/session.tsx';
import { SelectField, TextField } from '../ui/forms.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { useResource } from '../ui/use-resource.ts';
import type { FieldsProps, MeasureProps } from './analytics-page.tsx';
import { Chart } from './chart.tsx';
import { COLOURS, sankeyOption } from './charts.ts';
import { NumbersTable, Section } from './parts.tsx';
import { countOf, measureKey, PATH_DEFAULTS, pathsQuery } from './query.ts';
import { type DesignedTransitions, designedTransitions, sankeyView, topPaths } from './transform/paths.ts';

export function PathsFields({ params }: FieldsProps) {
  const { t } = useI18n();
  const p = t.analytics.paths;
  const id = useId();
  return (
    <div className="analytics-filter-row">
      <SelectField label={p.per} name="per" defaultValue={params.per === 'customer' ? 'customer' : ''}>
        <option value="">{p.perSession}</option>
        <option value="customer">{p.perCustomer}</option>
      </SelectField>
      <TextField
        label={p.depth}
        type="number"
        name="depth"
        min={2}
        max={10}
        defaultValue={countOf(params.depth, PATH_DEFAULTS.depth, 10)}
      />
      <TextField
        label={p.columns}
        type="number"
        name="columns"
        min={1}
        max={20}
        defaultValue={countOf(params.columns, PATH_DEFAULTS.columns, 20)}
      />
      <div className="checkbox">
        <input
          id={`${id}-repeats`}
          type="checkbox"
          name="repeats"
          value="keep"
          defaultChecked={params.repeats === 'keep'}
        />
        <label htmlFor={`${id}-repeats`}>{p.keepRepeats}</label>
      </div>
    </div>
  );
}

export function PathsView({ workspace, params, map, label, text }: MeasureProps) {
  const api = useApi();
  const query = pathsQuery(params);
  const result = useResource(measureKey('paths', query), (signal) =>
    api.paths(workspace.slug, query, signal),
  );
  const designed = useMemo(() => (map ? designedTransitions(map) : null), [map]);
  const nodesPerColumn = countOf(params.columns, PATH_DEFAULTS.columns, 20);
  return (
    <Loaded resource={result}>
      {(json) => (
        <PathsResult
          json={json}
          designed={designed}
          nodesPerColumn={nodesPerColumn}
          label={label}
          text={text}
        />
      )}
    </Loaded>
  );
}

function PathsResult({
  json,
  designed,
  nodesPerColumn,
  label,
  text,
}: {
  json: PathsJson;
  designed: DesignedTransitions | null;
  nodesPerColumn: number;
  label: MeasureProps['label'];
  text: MeasureProps['text'];
}) {
  const { t } = useI18n();
  const p = t.analytics.paths;
  const overTouchpoints = json.over === 'touchpoints' && designed !== null;
  const view = useMemo(
    () =>
      sankeyView(json, {
        nodesPerColumn,
        designed: overTouchpoints ? designed : null,
        label,
        otherLabel: p.otherLabel,
      }),
    [json, nodesPerColumn, overTouchpoints, designed, label, p],
  );
  const top = topPaths(json, overTouchpoints ? designed : null, label);
  const chartLabel = p.chart(text.count(view.totalPaths), view.columns);
  return (
    <>
      <Section
        title={t.analytics.measures.paths}
        intro={
          <>
            {p.total(text.count(view.totalPaths))}{' '}
            {view.designedShare !== null && p.designedShare(text.percent(view.designedShare))}
          </>
        }
      >
        {!overTouchpoints && <p className="notice">{p.overEvents}</p>}
        {overTouchpoints && (
          <ul className="chart-legend" aria-hidden="true">
            <li>
              <span className="swatch" style={{ background: COLOURS.designed }} /> {p.designed}
            </li>
            <li>
              <span className="swatch" style={{ background: COLOURS.undesigned }} /> {p.undesigned}
            </li>
            <li>
              <span className="swatch" style={{ background: COLOURS.other }} /> {p.other}
            </li>
          </ul>
        )}
        <SankeyChart view={view} label={chartLabel} text={text} />
      </Section>
      <Section title={p.top}>
        <NumbersTable
          caption={p.top}
          columns={[
            { header: p.path },
            { header: p.paths, numeric: true },
            { header: t.analytics.share, numeric: true },
            ...(overTouchpoints ? [{ header: p.followsDesign }] : []),
          ]}
          rows={top.map((path) => [
            path.labels.join(' → '),
            text.count(path.count),
            text.percent(path.share),
            ...(overTouchpoints ? [path.followsDesign ? p.yes : p.no] : []),
          ])}
        />
      </Section>
    </>
  );
}

function SankeyChart({
  view,
  label,
  text,
}: {
  view: ReturnType<typeof sankeyView>;
  label: string;
  text: MeasureProps['text'];
}) {
  const { t } = useI18n();
  const option = useMemo(
    () => sankeyOption(view, { ...text, paths: (count) => t.analytics.paths.pathCount(text.count(count)) }),
    [view, text, t],
  );
  const tallest = Math.max(
    1,
    ...Array.from(
      { length: view.columns },
      (_, position) => view.nodes.filter((node) => node.position === position).length,
    ),
  );
  return (
    <Chart option={option} label={label} height={Math.max(380, 56 * tallest + 80)} className="sankey-chart" />
  );
}
