/**
 * The funnel page: customers per step in order within the window, the drop-off between steps,
 * a breakdown by channel or campaign to compare segments or show one, and the time to convert.
 */
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../session/session.tsx';
import { SelectField, TextField } from '../ui/forms.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { useResource } from '../ui/use-resource.ts';
import type { FieldsProps, MeasureProps } from './analytics-page.tsx';
import { Chart } from './chart.tsx';
import { barsOption, funnelChartOption } from './charts.ts';
import { Figures, NumbersTable, Section } from './parts.tsx';
import { BREAKDOWNS, funnelQuery, funnelSteps, measureKey, withChanges } from './query.ts';
import { type FunnelView as FunnelData, funnelView } from './transform/funnel.ts';
import { defaultFunnelSteps, funnelStepChoices } from './transform/names.ts';

/** The API's limit on steps. */
const MAX_STEPS = 30;

export function FunnelFields({ params, map, label }: FieldsProps) {
  const { t } = useI18n();
  const f = t.analytics.funnel;
  const defaults = useMemo(() => (map ? defaultFunnelSteps(map) : []), [map]);
  return (
    <>
      <StepEditor initial={funnelSteps(params, defaults)} map={map} label={label} />
      <div className="analytics-filter-row">
        <TextField
          label={f.window}
          hint={f.windowHint}
          name="window"
          defaultValue={params.window ?? ''}
          placeholder="14d"
          size={8}
        />
        <SelectField label={f.breakdown} name="by" defaultValue={params.by ?? ''}>
          <option value="">{f.breakdowns.none}</option>
          {BREAKDOWNS.map((by) => (
            <option key={by} value={by}>
              {f.breakdowns[by]}
            </option>
          ))}
        </SelectField>
      </div>
    </>
  );
}

/**
 * The funnel's steps in order: each can move up or down or go; steps are added from the map's
 * stages, steps and touchpoints, or as an event name. The form sends them as `steps=a,b,c`.
 */
function StepEditor({
  initial,
  map,
  label,
}: {
  initial: string[];
  map: FieldsProps['map'];
  label: FieldsProps['label'];
}) {
  const { t } = useI18n();
  const f = t.analytics.funnel;
  const id = useId();
  const [steps, setSteps] = useState(initial);
  const [choice, setChoice] = useState('');
  const [eventName, setEventName] = useState('');
  const choices = useMemo(() => (map ? funnelStepChoices(map) : undefined), [map]);
  const full = steps.length >= MAX_STEPS;

  const move = (index: number, by: -1 | 1) =>
    setSteps((now) => {
      const next = [...now];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step as string);
      return next;
    });
  const add = (step: string) => {
    const trimmed = step.trim();
    if (trimmed !== '' && !full) setSteps((now) => [...now, trimmed]);
  };

  return (
    <fieldset className="step-editor" aria-describedby={`${id}-hint`}>
      <legend>{f.steps}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {f.stepsHint}
      </p>
      <input type="hidden" name="steps" value={steps.join(',')} />
      {steps.length === 0 ? (
        <p className="muted">{f.noSteps}</p>
      ) : (
        <ol className="step-list">
          {steps.map((step, index) => {
            const name = label(step);
            return (
              // A step may be asked twice; its place is its identity here.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                <span className="step-name">
                  {name}
                  {name !== step && <code className="step-id">{step}</code>}
                </span>
                <span className="step-actions">
                  <StepButton label={f.moveUp(name)} disabled={index === 0} onClick={() => move(index, -1)}>
                    ↑
                  </StepButton>
                  <StepButton
                    label={f.moveDown(name)}
                    disabled={index === steps.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </StepButton>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    onClick={() => setSteps((now) => now.filter((_, i) => i !== index))}
                    aria-label={f.remove(name)}
                    title={f.remove(name)}
                  >
                    ×
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div className="analytics-filter-row">
        {choices && (
          <div className="field">
            <label htmlFor={`${id}-choice`}>{f.addStep}</label>
            <div className="field-with-button">
              <select id={`${id}-choice`} value={choice} onChange={(event) => setChoice(event.target.value)}>
                <option value="">—</option>
                {(
                  [
                    [f.stages, choices.stages],
                    [f.mapSteps, choices.steps],
                    [f.touchpoints, choices.touchpoints],
                  ] as const
                ).map(([group, items]) => (
                  <optgroup key={group} label={group}>
                    {items.map((item) => (
                      <option key={item.id} value={item.id}>
                        {item.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <button
                type="button"
                className="button"
                disabled={choice === '' || full}
                onClick={() => {
                  add(choice);
                  setChoice('');
                }}
              >
                {f.add}
              </button>
            </div>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-event`}>{f.eventName}</label>
          <div className="field-with-button">
            <input
              id={`${id}-event`}
              value={eventName}
              onChange={(event) => setEventName(event.target.value)}
              onKeyDown={(event) => {
                // Enter adds the event rather than submitting the filters half-made.
                if (event.key !== 'Enter') return;
                event.preventDefault();
                add(eventName);
                setEventName('');
              }}
              aria-describedby={`${id}-event-hint`}
              size={16}
            />
            <button
              type="button"
              className="button"
              disabled={eventName.trim() === '' || full}
              onClick={() => {
                add(eventName);
                setEventName('');
              }}
            >
              {f.add}
            </button>
          </div>
          <p id={`${id}-event-hint`} className="field-hint">
            {f.eventNameHint}
          </p>
        </div>
      </div>
    </fieldset>
  );
}

/** A small button of a step, named for assistive technology and in its tooltip. */
function StepButton({
  label,
  disabled,
  onClick,
  children,
}: {
  label: string;
  disabled: boolean;
  onClick(): void;
  children: string;
}) {
  return (
    <button
      type="button"
      className="button button-small"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={label}
    >
      {children}
    </button>
  );
}

export function FunnelView({ workspace, params, map, label, text, go }: MeasureProps) {
  const { t } = useI18n();
  const api = useApi();
  const f = t.analytics.funnel;
  const defaults = useMemo(() => (map ? defaultFunnelSteps(map) : []), [map]);
  const query = funnelQuery(params, defaults);
  const funnel = useResource(measureKey('funnel', query ?? {}), (signal) =>
    query ? api.funnel(workspace.slug, query, signal) : Promise.resolve(undefined),
  );
  if (!query) return <p className="notice">{f.noSteps}</p>;
  return (
    <Loaded resource={funnel}>
      {(json) =>
        json && (
          <FunnelResult
            data={funnelView(json, { label, segment: params.segment })}
            text={text}
            onSegment={(segment) => go(withChanges(params, { segment }))}
          />
        )
      }
    </Loaded>
  );
}

function FunnelResult({
  data,
  text,
  onSegment,
}: {
  data: FunnelData;
  text: MeasureProps['text'];
  onSegment(segment: string | null): void;
}) {
  const { t } = useI18n();
  const f = t.analytics.funnel;
  const segmentId = useId();
  const first = data.bars[0]?.users ?? 0;
  const last = data.bars.at(-1)?.users ?? 0;
  const shownSegment = data.segment ?? f.everyone;
  const option = useMemo(
    () => funnelChartOption(data.bars, { ...text, reached: f.reached, droppedOff: f.droppedOff }),
    [data, text, f],
  );
  const segmentsOption = useMemo(
    () =>
      barsOption(
        data.segments.map((segment) => ({ label: segment.value, value: segment.conversion })),
        { name: f.conversion, format: text.percent, horizontal: true },
      ),
    [data, text, f],
  );
  const timeOption = useMemo(
    () =>
      barsOption(
        data.timeToConvert.bars.map((bar) => ({ label: bar.bucket, value: bar.customers })),
        { name: t.analytics.customers, format: text.count },
      ),
    [data, text, t],
  );
  return (
    <>
      <Section
        title={t.analytics.measures.funnel}
        intro={f.headline(text.count(first), text.count(last), text.percent(data.conversion))}
      >
        {data.segments.length > 0 && (
          <div className="field segment-choice">
            <label htmlFor={segmentId}>{f.segment}</label>
            <select
              id={segmentId}
              value={data.segment ?? ''}
              onChange={(event) => onSegment(event.target.value === '' ? null : event.target.value)}
            >
              <option value="">{f.everyone}</option>
              {data.segments.map((segment) => (
                <option key={segment.value} value={segment.value}>
                  {segment.value}
                </option>
              ))}
            </select>
          </div>
        )}
        <Chart
          option={option}
          label={f.chart(data.bars.length, shownSegment)}
          height={340}
          className="funnel-chart"
        />
        <NumbersTable
          caption={f.chart(data.bars.length, shownSegment)}
          columns={[
            { header: f.step },
            { header: t.analytics.customers, numeric: true },
            { header: f.fromStart, numeric: true },
            { header: f.fromPrevious, numeric: true },
            { header: f.droppedOff, numeric: true },
            { header: f.medianFromPrevious, numeric: true },
          ]}
          rows={data.bars.map((bar, index) => [
            bar.label,
            text.count(bar.users),
            text.percent(bar.conversionFromStart),
            index === 0 ? '–' : text.percent(bar.conversionFromPrevious),
            index === 0 ? '–' : `${text.count(bar.dropOff)} (${text.percent(bar.dropOffRate)})`,
            index === 0 ? '–' : text.duration(bar.medianSecondsFromPrevious),
          ])}
        />
      </Section>
      {data.segments.length > 0 && (
        <Section title={f.segments}>
          <Chart
            option={segmentsOption}
            label={f.segmentsChart}
            height={Math.max(160, 36 * data.segments.length + 40)}
          />
          <NumbersTable
            caption={f.segmentsChart}
            columns={[
              { header: f.segment },
              { header: f.entered, numeric: true },
              { header: f.converted, numeric: true },
              { header: f.conversion, numeric: true },
              { header: t.analytics.share, numeric: true },
            ]}
            rows={data.segments.map((segment) => [
              segment.value,
              text.count(segment.entered),
              text.count(segment.converted),
              text.percent(segment.conversion),
              text.percent(segment.share),
            ])}
          />
        </Section>
      )}
      <Section title={f.timeToConvert} intro={f.timeToConvertIntro(text.count(data.timeToConvert.customers))}>
        <Figures
          items={[
            { term: f.median, value: text.duration(data.timeToConvert.medianSeconds) },
            { term: f.mean, value: text.duration(data.timeToConvert.meanSeconds) },
            { term: f.p90, value: text.duration(data.timeToConvert.p90Seconds) },
          ]}
        />
        <Chart option={timeOption} label={f.timeChart} height={260} />
        <NumbersTable
          caption={f.timeChart}
          columns={[
            { header: f.bucket },
            { header: t.analytics.customers, numeric: true },
            { header: t.analytics.share, numeric: true },
          ]}
          rows={data.timeToConvert.bars.map((bar) => [
            bar.bucket,
            text.count(bar.customers),
            text.percent(bar.share),
          ])}
        />
      </Section>
    </>
  );
}
