/**
 * The KPI catalogue: every KPI of the domain with its definition, unit, direction and formula.
 * Maps reference these by id (`kpi: cpm`) and set targets. Rates are fractions (0.02 = 2%).
 */
import type { Language } from '../schema.ts';

export const KPI_IDS = [
  'cpm',
  'cpc',
  'viewability',
  'audibility',
  'ctr',
  'bounce-rate',
  'conversion-rate',
  'cps',
  'cpa',
  'roas',
  'roi',
  'nps',
  'churn-rate',
] as const;

export type KpiId = (typeof KPI_IDS)[number];

export function isKpiId(value: string): value is KpiId {
  return (KPI_IDS as readonly string[]).includes(value);
}

export type KpiDirection = 'higher-is-better' | 'lower-is-better';
/** currency: money; ratio: a fraction 0..1 (ROI may exceed it) shown as %; multiple: shown as 4.2×; score: NPS -100..100. */
export type KpiUnit = 'currency' | 'ratio' | 'multiple' | 'score';
export type JourneyStageKind =
  | 'awareness'
  | 'evaluation'
  | 'consideration'
  | 'purchase'
  | 'advocacy'
  | 'loyalty';

/** The measured quantities KPI formulas take. */
export interface KpiInputs {
  cost?: number;
  impressions?: number;
  viewableImpressions?: number;
  audibleImpressions?: number;
  clicks?: number;
  sessions?: number;
  bouncedSessions?: number;
  visitors?: number;
  conversions?: number;
  sales?: number;
  acquisitions?: number;
  revenue?: number;
  promoters?: number;
  detractors?: number;
  responses?: number;
  customersAtStart?: number;
  customersLost?: number;
}

export type KpiInput = keyof KpiInputs;

export interface KpiDefinition {
  id: KpiId;
  label: Readonly<Record<Language, string>>;
  name: Readonly<Record<Language, string>>;
  definition: Readonly<Record<Language, string>>;
  unit: KpiUnit;
  direction: KpiDirection;
  stages: readonly JourneyStageKind[];
  inputs: readonly KpiInput[];
  /** The formula; `null` when a denominator is zero or an input is missing. */
  compute(inputs: KpiInputs): number | null;
}

/** a / b, or null when either is missing or b is zero. */
function ratio(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined || b === 0) return null;
  return a / b;
}

const text = (en: string, nl: string) => ({ en, nl });

const DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'cpm',
    label: text('CPM', 'CPM'),
    name: text('Cost per mille', 'Kosten per 1.000 vertoningen'),
    definition: text('Ad cost per 1,000 impressions.', 'Advertentiekosten per 1.000 vertoningen.'),
    unit: 'currency',
    direction: 'lower-is-better',
    stages: ['awareness'],
    inputs: ['cost', 'impressions'],
    compute: ({ cost, impressions }) => {
      const perImpression = ratio(cost, impressions);
      return perImpression === null ? null : perImpression * 1000;
    },
  },
  {
    id: 'cpc',
    label: text('CPC', 'CPC'),
    name: text('Cost per click', 'Kosten per klik'),
    definition: text('Ad cost divided by clicks.', 'Advertentiekosten gedeeld door het aantal klikken.'),
    unit: 'currency',
    direction: 'lower-is-better',
    stages: ['awareness'],
    inputs: ['cost', 'clicks'],
    compute: ({ cost, clicks }) => ratio(cost, clicks),
  },
  {
    id: 'viewability',
    label: text('Viewability', 'Zichtbaarheid'),
    name: text('Viewability', 'Zichtbaarheid'),
    definition: text(
      'Viewable impressions divided by impressions.',
      'Zichtbare vertoningen gedeeld door alle vertoningen.',
    ),
    unit: 'ratio',
    direction: 'higher-is-better',
    stages: ['awareness'],
    inputs: ['viewableImpressions', 'impressions'],
    compute: ({ viewableImpressions, impressions }) => ratio(viewableImpressions, impressions),
  },
  {
    id: 'audibility',
    label: text('Audibility', 'Hoorbaarheid'),
    name: text('Audibility', 'Hoorbaarheid'),
    definition: text(
      'Audible impressions divided by impressions (audio and video ads).',
      'Hoorbare vertoningen gedeeld door alle vertoningen (audio- en videoadvertenties).',
    ),
    unit: 'ratio',
    direction: 'higher-is-better',
    stages: ['awareness'],
    inputs: ['audibleImpressions', 'impressions'],
    compute: ({ audibleImpressions, impressions }) => ratio(audibleImpressions, impressions),
  },
  {
    id: 'ctr',
    label: text('CTR', 'CTR'),
    name: text('Click-through rate', 'Doorklikratio'),
    definition: text('Clicks divided by impressions.', 'Klikken gedeeld door vertoningen.'),
    unit: 'ratio',
    direction: 'higher-is-better',
    stages: ['awareness', 'evaluation'],
    inputs: ['clicks', 'impressions'],
    compute: ({ clicks, impressions }) => ratio(clicks, impressions),
  },
  {
    id: 'bounce-rate',
    label: text('Bounce rate', 'Bouncepercentage'),
    name: text('Bounce rate', 'Bouncepercentage'),
    definition: text(
      'Sessions with a single interaction divided by all sessions.',
      'Sessies met één interactie gedeeld door alle sessies.',
    ),
    unit: 'ratio',
    direction: 'lower-is-better',
    stages: ['evaluation'],
    inputs: ['bouncedSessions', 'sessions'],
    compute: ({ bouncedSessions, sessions }) => ratio(bouncedSessions, sessions),
  },
  {
    id: 'conversion-rate',
    label: text('Conversion rate', 'Conversiepercentage'),
    name: text('Conversion rate', 'Conversiepercentage'),
    definition: text(
      'Conversions divided by the visitors reaching the stage.',
      'Conversies gedeeld door de bezoekers die de fase bereiken.',
    ),
    unit: 'ratio',
    direction: 'higher-is-better',
    stages: ['consideration', 'purchase'],
    inputs: ['conversions', 'visitors'],
    compute: ({ conversions, visitors }) => ratio(conversions, visitors),
  },
  {
    id: 'cps',
    label: text('CPS', 'CPS'),
    name: text('Cost per sale', 'Kosten per verkoop'),
    definition: text('Cost divided by sales.', 'Kosten gedeeld door het aantal verkopen.'),
    unit: 'currency',
    direction: 'lower-is-better',
    stages: ['consideration', 'purchase'],
    inputs: ['cost', 'sales'],
    compute: ({ cost, sales }) => ratio(cost, sales),
  },
  {
    id: 'cpa',
    label: text('CPA', 'CPA'),
    name: text('Cost per acquisition', 'Kosten per acquisitie'),
    definition: text(
      'Cost divided by acquisitions (new customers).',
      'Kosten gedeeld door het aantal nieuwe klanten.',
    ),
    unit: 'currency',
    direction: 'lower-is-better',
    stages: ['consideration', 'purchase'],
    inputs: ['cost', 'acquisitions'],
    compute: ({ cost, acquisitions }) => ratio(cost, acquisitions),
  },
  {
    id: 'roas',
    label: text('ROAS', 'ROAS'),
    name: text('Return on ad spend', 'Opbrengst per advertentie-euro'),
    definition: text(
      'Revenue attributed to ads divided by ad spend.',
      'Omzet toegeschreven aan advertenties gedeeld door de advertentiekosten.',
    ),
    unit: 'multiple',
    direction: 'higher-is-better',
    stages: ['consideration', 'purchase'],
    inputs: ['revenue', 'cost'],
    compute: ({ revenue, cost }) => ratio(revenue, cost),
  },
  {
    id: 'roi',
    label: text('ROI', 'ROI'),
    name: text('Return on investment', 'Rendement op investering'),
    definition: text('(Revenue minus cost) divided by cost.', '(Omzet min kosten) gedeeld door de kosten.'),
    unit: 'ratio',
    direction: 'higher-is-better',
    stages: ['consideration', 'purchase'],
    inputs: ['revenue', 'cost'],
    compute: ({ revenue, cost }) => (revenue === undefined ? null : ratio(revenue - (cost ?? 0), cost)),
  },
  {
    id: 'nps',
    label: text('NPS', 'NPS'),
    name: text('Net Promoter Score', 'Net Promoter Score'),
    definition: text(
      'Percentage of promoters (9-10) minus percentage of detractors (0-6) on a 0-10 survey.',
      'Percentage promotors (9-10) min percentage criticasters (0-6) op een enquête van 0 tot 10.',
    ),
    unit: 'score',
    direction: 'higher-is-better',
    stages: ['advocacy', 'loyalty'],
    inputs: ['promoters', 'detractors', 'responses'],
    compute: ({ promoters, detractors, responses }) => {
      const share = ratio((promoters ?? 0) - (detractors ?? 0), responses);
      return promoters === undefined || detractors === undefined || share === null ? null : share * 100;
    },
  },
  {
    id: 'churn-rate',
    label: text('Churn rate', 'Klantverloop'),
    name: text('Churn rate', 'Klantverloop'),
    definition: text(
      'Customers lost in a period divided by the customers at its start.',
      'Klanten verloren in een periode gedeeld door de klanten aan het begin ervan.',
    ),
    unit: 'ratio',
    direction: 'lower-is-better',
    stages: ['loyalty'],
    inputs: ['customersLost', 'customersAtStart'],
    compute: ({ customersLost, customersAtStart }) => ratio(customersLost, customersAtStart),
  },
];

/** Every KPI by id. */
export const KPI_CATALOGUE: Readonly<Record<KpiId, KpiDefinition>> = Object.fromEntries(
  DEFINITIONS.map((definition) => [definition.id, definition]),
) as Record<KpiId, KpiDefinition>;

/** The catalogue entry of one KPI. */
export function kpiDefinition(id: KpiId): KpiDefinition {
  return KPI_CATALOGUE[id];
}

/**
 * Computes a KPI from measured inputs.
 *
 * @example
 * computeKpi('cpm', { cost: 250, impressions: 50_000 }); // 5
 */
export function computeKpi(id: KpiId, inputs: KpiInputs): number | null {
  return KPI_CATALOGUE[id].compute(inputs);
}

/** NPS from raw 0-10 answers: promoters score 9-10, detractors 0-6. Null without answers. */
export function npsFromScores(scores: readonly number[]): number | null {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return computeKpi('nps', { promoters, detractors, responses: scores.length });
}

/** True when `actual` meets or beats `target` in the KPI's direction. */
export function isBetter(id: KpiId, actual: number, target: number): boolean {
  return KPI_CATALOGUE[id].direction === 'higher-is-better' ? actual >= target : actual <= target;
}

// Intl formatters are slow to build and fast to use, so each one is built once.
const formats = new Map<string, Intl.NumberFormat>();

function formatNumber(value: number, language: Language, maxDigits: number, minDigits = 0): string {
  const key = `${language}:${maxDigits}:${minDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      maximumFractionDigits: maxDigits,
      minimumFractionDigits: minDigits,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

/**
 * A KPI value written for a reader in the map's language: `€ 4,20` and `3,5%` in Dutch,
 * `€4.20` and `3.5%` in English.
 */
export function formatKpiValue(id: KpiId, value: number, language: Language, currency = 'EUR'): string {
  switch (KPI_CATALOGUE[id].unit) {
    case 'ratio':
      return `${formatNumber(value * 100, language, 1)}%`;
    case 'currency': {
      const symbol = currency === 'EUR' ? '€' : currency === 'USD' ? '$' : `${currency} `;
      const amount = formatNumber(value, language, 2, 2);
      return language === 'nl' ? `${symbol.trim()} ${amount}` : `${symbol}${amount}`;
    }
    case 'multiple':
      return `${formatNumber(value, language, 2)}×`;
    case 'score':
      return formatNumber(value, language, 1);
  }
}
