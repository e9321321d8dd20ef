import type { KpiId } from '../kpi/catalogue.ts';
import type { Language } from '../schema.ts';

/** Whether a higher or a lower value of a KPI is better. */
export type KpiDirection = 'higher-is-better' | 'lower-is-better';

type KpiUnit = 'currency' | 'fraction' | 'score' | 'ratio';

interface KpiDisplay {
  label: string;
  direction: KpiDirection;
  unit: KpiUnit;
}

// What the renderer needs of each KPI: its short label, direction and unit. Rates are stored as
// fractions (0.02 = 2 %), as the domain defines them (clicks / impressions ...).
const KPI_DISPLAY: Record<KpiId, KpiDisplay> = {
  cpm: { label: 'CPM', direction: 'lower-is-better', unit: 'currency' },
  cpc: { label: 'CPC', direction: 'lower-is-better', unit: 'currency' },
  viewability: { label: 'Viewability', direction: 'higher-is-better', unit: 'fraction' },
  audibility: { label: 'Audibility', direction: 'higher-is-better', unit: 'fraction' },
  ctr: { label: 'CTR', direction: 'higher-is-better', unit: 'fraction' },
  'bounce-rate': { label: 'Bounce rate', direction: 'lower-is-better', unit: 'fraction' },
  'conversion-rate': { label: 'Conversion rate', direction: 'higher-is-better', unit: 'fraction' },
  cps: { label: 'Cost per sale', direction: 'lower-is-better', unit: 'currency' },
  cpa: { label: 'CPA', direction: 'lower-is-better', unit: 'currency' },
  roas: { label: 'ROAS', direction: 'higher-is-better', unit: 'ratio' },
  roi: { label: 'ROI', direction: 'higher-is-better', unit: 'fraction' },
  nps: { label: 'NPS', direction: 'higher-is-better', unit: 'score' },
  'churn-rate': { label: 'Churn rate', direction: 'lower-is-better', unit: 'fraction' },
};

const DUTCH_LABELS: Partial<Record<KpiId, string>> = {
  'bounce-rate': 'Bouncepercentage',
  'conversion-rate': 'Conversiepercentage',
  cps: 'Kosten per verkoop',
  'churn-rate': 'Klantverloop',
};

/** The KPI's short name in the map's language. */
export function kpiLabel(id: KpiId, language: Language): string {
  return (language === 'nl' ? DUTCH_LABELS[id] : undefined) ?? KPI_DISPLAY[id].label;
}

// Intl formatters are slow to build and fast to use, so each one is built once.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, digits: number, minimum: number): Intl.NumberFormat {
  const key = `${language}:${digits}:${minimum}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      maximumFractionDigits: digits,
      minimumFractionDigits: minimum,
    });
    formats.set(key, format);
  }
  return format;
}

/** The KPI's value written for a reader: `2,5%` in Dutch, `2.5%` in English. */
export function formatKpiValue(id: KpiId, value: number, language: Language): string {
  const unit = KPI_DISPLAY[id].unit;
  const number = (n: number, digits: number, minimum = 0) =>
    numberFormat(language, digits, minimum).format(n);
  switch (unit) {
    case 'fraction':
      return `${number(value * 100, 1)}%`;
    case 'currency':
      return `€ ${number(value, 2, 2)}`;
    case 'ratio':
      return `${number(value, 2)}×`;
    case 'score':
      return number(value, 1);
  }
}

/** True when `actual` meets or beats `target` in the KPI's direction. */
export function meetsTarget(id: KpiId, actual: number, target: number): boolean {
  return KPI_DISPLAY[id].direction === 'higher-is-better' ? actual >= target : actual <= target;
}
