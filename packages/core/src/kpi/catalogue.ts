/**
 * The KPI catalogue: every KPI of the domain with its definition, unit, direction and formula.
 * Maps reference these by id (`kpi: cpm`) and set targets.
 */

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
