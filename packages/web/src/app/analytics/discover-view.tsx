/**
 * The discovered journey against the designed one: how many customers follow the designed
 * order, the moves between steps the map does not have, and the designed steps customers skip.
 */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../session/session.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { useResource } from '../ui/use-resource.ts';
import type { MeasureProps } from './analytics-page.tsx';
import { Chart } from './chart.tsx';
import { barsOption, COLOURS } from './charts.ts';
import { Figures, NumbersTable, Section } from './parts.tsx';
import { discoverQuery, measureKey } from './query.ts';
import { type DiscoveredView, discoveredView } from './transform/discover.ts';

/** Moves and skipped steps listed: the largest ones, where the design and the customers part. */
const TOP = 12;

export function DiscoverView({ workspace, params, label, text }: MeasureProps) {
  const { t } = useI18n();
  const api = useApi();
  const query = discoverQuery(params);
  const result = useResource(measureKey('discover', query ?? {}), (signal) =>
    query ? api.discover(workspace.slug, query, signal) : Promise.resolve(undefined),
  );
  if (!query) return <p className="notice">{t.analytics.chooseMap}</p>;
  return (
    <Loaded resource={result}>
      {(json) => json && <DiscoverResult data={discoveredView(json, { label, top: TOP })} text={text} />}
    </Loaded>
  );
}

function DiscoverResult({ data, text }: { data: DiscoveredView; text: MeasureProps['text'] }) {
  const { t } = useI18n();
  const d = t.analytics.discover;
  const moves = useMemo(
    () =>
      barsOption(
        data.undesigned.map((move) => ({
          label: `${move.fromLabel} → ${move.toLabel}`,
          value: move.customers,
        })),
        { name: t.analytics.customers, format: text.count, horizontal: true, colour: COLOURS.undesigned },
      ),
    [data, text, t],
  );
  const skips = useMemo(
    () =>
      barsOption(
        data.skipped.map((skip) => ({ label: skip.label, value: skip.customers })),
        { name: t.analytics.customers, format: text.count, horizontal: true },
      ),
    [data, text, t],
  );
  const height = (count: number) => Math.max(140, 34 * count + 40);
  return (
    <>
      <Section title={t.analytics.measures.discover}>
        <Figures
          items={[
            {
              term: d.conforming,
              value: d.conformingOf(
                text.count(data.conformingCustomers),
                text.count(data.multiStepCustomers),
                data.conformance === null ? '–' : text.percent(data.conformance),
              ),
            },
            {
              term: d.designedMoves,
              value: d.designedMovesOf(
                text.count(data.designedTransitions),
                text.count(data.transitions),
                data.designedShare === null ? '–' : text.percent(data.designedShare),
              ),
            },
            { term: d.singleStep, value: text.count(data.singleStepCustomers) },
          ]}
        />
      </Section>
      <Section title={d.undesigned}>
        {data.undesigned.length === 0 ? (
          <p>{d.noneUndesigned}</p>
        ) : (
          <>
            <Chart option={moves} label={d.undesignedChart} height={height(data.undesigned.length)} />
            <NumbersTable
              caption={d.undesignedChart}
              columns={[
                { header: d.move },
                { header: t.analytics.customers, numeric: true },
                { header: d.transitions, numeric: true },
                { header: t.analytics.share, numeric: true },
              ]}
              rows={data.undesigned.map((move) => [
                `${move.fromLabel} → ${move.toLabel}`,
                text.count(move.customers),
                text.count(move.transitions),
                text.percent(move.share),
              ])}
            />
          </>
        )}
      </Section>
      <Section title={d.skipped}>
        {data.skipped.length === 0 ? (
          <p>{d.noneSkipped}</p>
        ) : (
          <>
            <Chart option={skips} label={d.skippedChart} height={height(data.skipped.length)} />
            <NumbersTable
              caption={d.skippedChart}
              columns={[
                { header: d.skippedStep },
                { header: t.analytics.customers, numeric: true },
                { header: d.transitions, numeric: true },
              ]}
              rows={data.skipped.map((skip) => [
                skip.label,
                text.count(skip.customers),
                text.count(skip.transitions),
              ])}
            />
          </>
        )}
        {data.unreached.length > 0 && (
          <>
            <h3>{d.unreached}</h3>
            <ul>
              {data.unreached.map((step) => (
                <li key={step.step}>{step.label}</li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}
