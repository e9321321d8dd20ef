/**
 * `/w/<workspace>/analytics/<measure>`: the analytics pages (funnel, paths, attribution, the
 * discovered journey, touches). The filters live in the address (`?map=…&from=…&to=…` and each
 * page's own), so a view can be shared; a page reads them, asks the API, and draws the answer
 * through the pure transformers in `transform/`.
 */
import type { JourneyMap } from '@touchline/core';
import { type FormEvent, type ReactNode, useId, useMemo } from 'react';
import type { MapCard, WorkspaceWithRole } from '../api/types.ts';
import { formatDate } from '../i18n/format.ts';
import { useI18n, useTitle } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';
import { Link, useRouter } from '../router/router.tsx';
import { useApi } from '../session/session.tsx';
import { TextField } from '../ui/forms.tsx';
import { Loaded } from '../ui/loaded.tsx';
import { PageHeader, Shell } from '../ui/shell.tsx';
import { useResource } from '../ui/use-resource.ts';
import { AttributionFields, AttributionView } from './attribution-view.tsx';
import { DiscoverView } from './discover-view.tsx';
import { type AnalyticsText, analyticsText } from './format.ts';
import { FunnelFields, FunnelView } from './funnel-view.tsx';
import { PathsFields, PathsView } from './paths-view.tsx';
import { type Params, paramsOf, searchOf, sharedOf, withChanges } from './query.ts';
import { TouchesFields, TouchesView } from './touches-view.tsx';
import { type Labeller, mapLabeller } from './transform/names.ts';
import './analytics.css';

export const MEASURES = ['funnel', 'paths', 'attribution', 'discover', 'touches'] as const;
export type Measure = (typeof MEASURES)[number];

function isMeasure(value: string): value is Measure {
  return (MEASURES as readonly string[]).includes(value);
}

/** What a measure's view gets: the filters, the chosen map, and how to write numbers and names. */
export interface MeasureProps {
  workspace: WorkspaceWithRole;
  params: Params;
  map: JourneyMap | undefined;
  label: Labeller;
  text: AnalyticsText;
  /** Shows the same page with other parameters. */
  go(next: Params): void;
}

/** A measure's own filter fields, inside the page's filter form (named as the query's parameters). */
export type FieldsProps = Pick<MeasureProps, 'params' | 'map' | 'label'>;

const FIELDS: Partial<Record<Measure, (props: FieldsProps) => ReactNode>> = {
  funnel: FunnelFields,
  paths: PathsFields,
  attribution: AttributionFields,
  touches: TouchesFields,
};

const VIEWS: Record<Measure, (props: MeasureProps) => ReactNode> = {
  funnel: FunnelView,
  paths: PathsView,
  attribution: AttributionView,
  discover: DiscoverView,
  touches: TouchesView,
};

export function AnalyticsPage({ workspace, measure }: { workspace: WorkspaceWithRole; measure: string }) {
  const { t } = useI18n();
  const known = isMeasure(measure);
  useTitle(known ? `${t.analytics.measures[measure]} · ${t.analytics.title}` : t.analytics.title);
  return (
    <Shell workspace={workspace} section="analytics">
      {known ? (
        <MeasurePage workspace={workspace} measure={measure} />
      ) : (
        <>
          <PageHeader title={t.analytics.title} />
          <p>{t.analytics.notFound}</p>
        </>
      )}
    </Shell>
  );
}

function MeasurePage({ workspace, measure }: { workspace: WorkspaceWithRole; measure: Measure }) {
  const { t, language } = useI18n();
  const api = useApi();
  const { location, navigate } = useRouter();
  const slug = workspace.slug;
  const params = useMemo(() => paramsOf(location.search), [location.search]);
  const maps = useResource(`maps/${slug}`, (signal) => api.maps(slug, signal));
  const chosen = params.map;
  const map = useResource(`map/${slug}/${chosen ?? ''}`, async (signal) =>
    chosen === undefined ? undefined : (await api.map(slug, chosen, signal)).document,
  );
  const text = useMemo(() => analyticsText(language, t.analytics.durations), [language, t]);
  const document = map.status === 'ready' ? map.data : undefined;
  const label = useMemo(() => mapLabeller(document), [document]);
  const go = (next: Params) => navigate(paths.analytics(slug, measure, searchOf(next)));
  const Fields = FIELDS[measure];
  const View = VIEWS[measure];

  return (
    <div className="analytics">
      <PageHeader title={t.analytics.measures[measure]} />
      <StoreSummary workspace={slug} />
      <nav aria-label={t.analytics.pages} className="analytics-tabs">
        <ul>
          {MEASURES.map((other) => (
            <li key={other}>
              <Link
                to={paths.analytics(slug, other, searchOf(sharedOf(params)))}
                aria-current={other === measure ? 'page' : undefined}
              >
                {t.analytics.measures[other]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Loaded resource={map}>
        {() => (
          <>
            <FilterForm
              key={location.search}
              params={params}
              maps={maps.status === 'ready' ? maps.data : []}
              onApply={go}
            >
              {Fields && <Fields params={params} map={document} label={label} />}
            </FilterForm>
            <View workspace={workspace} params={params} map={document} label={label} text={text} go={go} />
          </>
        )}
      </Loaded>
    </div>
  );
}

/** The workspace's events in one line: customers, events and the days they span. */
function StoreSummary({ workspace }: { workspace: string }) {
  const { t, language } = useI18n();
  const api = useApi();
  const summary = useResource(`summary/${workspace}`, (signal) => api.analyticsSummary(workspace, signal));
  if (summary.status !== 'ready') return null;
  const { customers, events, firstEventAt, lastEventAt } = summary.data;
  if (events === 0 || firstEventAt === null || lastEventAt === null)
    return <p className="notice">{t.analytics.noEvents}</p>;
  const count = (value: number) => value.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB');
  const span = `${formatDate(language, firstEventAt)} – ${formatDate(language, lastEventAt)}`;
  return (
    <p className="muted analytics-summary">{t.analytics.summary(count(customers), count(events), span)}</p>
  );
}

/**
 * The filters: map, date range and the page's own fields. Showing writes them into the address;
 * the form starts again from the address after every change (its key), so Back shows the old values.
 */
function FilterForm({
  params,
  maps,
  onApply,
  children,
}: {
  params: Params;
  maps: MapCard[];
  onApply(next: Params): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const changes: Record<string, string | null> = {};
    // Every field of the form is set or cleared: an unticked box or an emptied field removes its parameter.
    for (const element of Array.from(form.elements)) {
      const name = (element as HTMLInputElement).name;
      if (name) changes[name] = null;
    }
    for (const [name, value] of new FormData(form)) changes[name] = String(value).trim();
    // Steps and segments belong to a map: another map starts from its own.
    if ((changes.map ?? undefined) !== params.map) {
      changes.steps = null;
      changes.segment = null;
    }
    onApply(withChanges(params, changes));
  };
  return (
    <form className="panel analytics-filters" aria-labelledby={id} onSubmit={submit}>
      <h2 id={id} className="visually-hidden">
        {t.analytics.filters}
      </h2>
      <div className="analytics-filter-row">
        <div className="field">
          <label htmlFor={`${id}-map`}>{t.analytics.map}</label>
          <select id={`${id}-map`} name="map" defaultValue={params.map ?? ''}>
            <option value="">{t.analytics.noMap}</option>
            {maps.map((card) => (
              <option key={card.id} value={card.id} lang={card.language}>
                {card.title}
              </option>
            ))}
            {params.map !== undefined && !maps.some((card) => card.id === params.map) && (
              <option value={params.map}>{params.map}</option>
            )}
          </select>
        </div>
        <TextField label={t.analytics.from} type="date" name="from" defaultValue={params.from ?? ''} />
        <TextField label={t.analytics.to} type="date" name="to" defaultValue={params.to ?? ''} />
      </div>
      {children}
      <div>
        <button type="submit" className="button button-primary">
          {t.analytics.apply}
        </button>
      </div>
    </form>
  );
}
