/**
 * The measures' options as people write them, `--window 14d` on the command line or `window=14d`
 * in a query string, read into specs. The CLI and the server both read options here, so the
 * same text means the same spec on both; every problem is an `OptionError` naming its option.
 */
import type { JourneyMap } from '@touchline/core';
import { ATTRIBUTION_MODELS, type AttributionModel, type AttributionSpec } from './attribution.ts';
import type { DiscoverySpec } from './discovered.ts';
import { parseDuration } from './duration.ts';
import { type FunnelSpec, MAX_FUNNEL_STEPS } from './funnel.ts';
import { type PathsOver, type PathsPer, type PathsSpec, pathsSpecProblems } from './paths.ts';
import type { ReportSpec } from './report.ts';
import type { TouchesSpec } from './touches.ts';

/** One thing wrong with the options: the option at fault (as the command line spells it, without `--`) and why. */
export interface OptionProblem {
  option: string;
  message: string;
}

/** Options that do not describe a spec; the message has one problem a line. */
export class OptionError extends Error {
  readonly problems: readonly OptionProblem[];

  constructor(problems: readonly OptionProblem[] | OptionProblem) {
    const list = Array.isArray(problems) ? problems : [problems as OptionProblem];
    super(list.map((problem) => problem.message).join('\n'));
    this.name = 'OptionError';
    this.problems = list;
  }
}

/** How messages write an option and its value: the command line's way or a query string's. */
export interface OptionNaming {
  /** `--window`, or `window`. */
  name(option: string): string;
  /** `--window 7x`, or `window=7x`. */
  withValue(option: string, value: string): string;
  /** What names the map: `--map <file>`, or `map=<map id>`. */
  map: string;
}

export const COMMAND_LINE_NAMING: OptionNaming = {
  name: (option) => `--${option}`,
  withValue: (option, value) => `--${option} ${value}`,
  map: '--map <file>',
};

export const QUERY_NAMING: OptionNaming = {
  name: (option) => option,
  withValue: (option, value) => `${option}=${value}`,
  map: 'map=<map id>',
};

/**
 * The defaults the options take when not given, as text (the command line shows them in its
 * help). They are the measures' own defaults, written as a person would.
 */
export const OPTION_DEFAULTS = {
  window: '14d',
  lookback: '30d',
  model: 'last',
  halfLife: '7d',
  conversion: 'order_completed',
  survey: 'survey_answer',
  churnPeriod: '90d',
} as const;

const DAY_MS = 86_400_000;

function problem(option: string, message: string): OptionError {
  return new OptionError({ option, message });
}

/**
 * An ISO 8601 date or date-time as epoch milliseconds, UTC when it has no zone; null when the
 * text is neither. A date alone is the start of that day, or, as an upper bound, the end of it.
 */
export function parseDateText(text: string, upperBound = false): number | null {
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text.trim(),
    );
  const day = match?.[1];
  const time =
    day === undefined ? Number.NaN : Date.parse(`${day}T${match?.[2] ?? '00:00'}${match?.[3] ?? 'Z'}`);
  // Date.parse rolls 2026-02-30 over to March; a real date reads back the same.
  const real =
    !Number.isNaN(time) && new Date(Date.parse(`${day}T00:00Z`)).toISOString().startsWith(`${day}T`);
  if (!real) return null;
  return upperBound && match?.[2] === undefined ? time + DAY_MS : time;
}

/** A `from` or `to` option of funnel, touches, attribution and the report. */
export function dateOption(naming: OptionNaming, option: string, text: string, upperBound = false): number {
  const time = parseDateText(text, upperBound);
  if (time === null)
    throw problem(
      option,
      `${naming.withValue(option, text)}: give a date (2026-05-31) or date and time (2026-05-31T12:00Z)`,
    );
  return time;
}

/** The time range of `from` and `to` for funnel, touches, attribution and the report. */
function timeRange(naming: OptionNaming, options: DateParameters): { from?: number; to?: number } {
  const range: { from?: number; to?: number } = {};
  if (options.from !== undefined) range.from = dateOption(naming, 'from', options.from);
  if (options.to !== undefined) range.to = dateOption(naming, 'to', options.to, true);
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to)
    throw problem(
      'to',
      `${naming.withValue('from', options.from ?? '')} is not before ${naming.withValue('to', options.to ?? '')}`,
    );
  return range;
}

/**
 * A `from` or `to` option of paths and the discovered journey: the same dates, in the words
 * those commands have always used.
 */
export function dateBound(naming: OptionNaming, option: string, text: string, end: boolean): number {
  const time = parseDateText(text, end);
  if (time === null)
    throw problem(option, `${naming.withValue(option, text)}: give a date as YYYY-MM-DD or an ISO date-time`);
  return time;
}

/** The time range of `from` and `to` for paths and the discovered journey, refusing an empty one. */
export function dateRangeFromParameters(
  options: DateParameters,
  naming: OptionNaming,
): { from?: number; to?: number } {
  const range: { from?: number; to?: number } = {};
  if (options.from !== undefined) range.from = dateBound(naming, 'from', options.from, false);
  if (options.to !== undefined) range.to = dateBound(naming, 'to', options.to, true);
  if (range.from !== undefined && range.to !== undefined && range.to <= range.from)
    throw problem(
      'to',
      `${naming.withValue('to', options.to ?? '')} is not after ${naming.withValue('from', options.from ?? '')}`,
    );
  return range;
}

/** Seconds of a positive duration option (`14d`, `12h`, `90m`). */
function positiveDuration(naming: OptionNaming, option: string, text: string, examples: string): number {
  const seconds = parseDuration(text);
  if (seconds === null || seconds <= 0)
    throw problem(option, `${naming.withValue(option, text)}: give a positive duration such as ${examples}`);
  return seconds;
}

/** A whole number of at least 1, with `_` allowed between digits (`10_000`). */
function positiveWhole(naming: OptionNaming, option: string, text: string): number {
  const number = Number(text.replaceAll('_', ''));
  if (!/^\d[\d_]*$/.test(text) || !Number.isSafeInteger(number) || number < 1)
    throw problem(option, `${naming.withValue(option, text)}: give a whole number of at least 1`);
  return number;
}

function oneOf<T extends string>(naming: OptionNaming, option: string, text: string, words: readonly T[]): T {
  const word = words.find((w) => w === text);
  if (word === undefined)
    throw problem(option, `${naming.withValue(option, text)}: give ${words.join(' or ')}`);
  return word;
}

export interface DateParameters {
  from?: string;
  to?: string;
}

export interface FunnelParameters extends DateParameters {
  steps: string;
  window?: string;
  by?: string;
}

/** The funnel spec of `steps`, `window`, `by`, `from` and `to`. */
export function funnelSpecFromParameters(options: FunnelParameters, naming: OptionNaming): FunnelSpec {
  const steps = options.steps.split(',').map((step) => step.trim());
  if (steps.every((step) => step === ''))
    throw problem(
      'steps',
      `${naming.name('steps')}: name the steps, e.g. ${naming.withValue('steps', 'ad_click,product_view,order_completed')}`,
    );
  if (steps.includes(''))
    throw problem(
      'steps',
      `${naming.withValue('steps', options.steps)}: a step is empty; separate step names with commas`,
    );
  if (steps.length > MAX_FUNNEL_STEPS)
    throw problem(
      'steps',
      `${naming.name('steps')}: ${steps.length} steps, a funnel has at most ${MAX_FUNNEL_STEPS}`,
    );
  const spec: FunnelSpec = {
    steps,
    windowSeconds: positiveDuration(
      naming,
      'window',
      options.window ?? OPTION_DEFAULTS.window,
      '14d, 12h or 90m',
    ),
  };
  if (options.by !== undefined) {
    if (options.by.trim() === '')
      throw problem('by', `${naming.name('by')}: name a property, e.g. channel or campaign`);
    spec.by = options.by.trim();
  }
  return { ...spec, ...timeRange(naming, options) };
}

export interface PathsParameters extends DateParameters {
  over?: string;
  per?: string;
  collapseRepeats?: boolean;
  maxSteps?: string;
  top?: string;
  start?: string;
  end?: string;
}

/**
 * The paths spec of `over`, `per`, `collapse-repeats`, `max-steps`, `top`, `start`, `end`, `from`
 * and `to`, checked against the map the paths run over (if any).
 */
export function pathsSpecFromParameters(
  options: PathsParameters,
  map: JourneyMap | undefined,
  naming: OptionNaming,
): PathsSpec {
  const spec: PathsSpec = {};
  if (options.over !== undefined)
    spec.over = oneOf<PathsOver>(naming, 'over', options.over, ['touchpoints', 'events']);
  if (options.per !== undefined)
    spec.per = oneOf<PathsPer>(naming, 'per', options.per, ['session', 'customer']);
  if (options.collapseRepeats) spec.collapseRepeats = true;
  if (options.maxSteps !== undefined) spec.maxSteps = positiveWhole(naming, 'max-steps', options.maxSteps);
  if (options.top !== undefined) spec.top = positiveWhole(naming, 'top', options.top);
  if (options.start !== undefined) spec.start = options.start;
  if (options.end !== undefined) spec.end = options.end;
  Object.assign(spec, dateRangeFromParameters(options, naming));
  // The measure's own problems, in the words of the options.
  // (max-steps and top are whole numbers by now, so what is left is about over, start and end.)
  const problems = pathsSpecProblems(spec, map).map((message): OptionProblem => {
    const reference = /^(start|end) (.*?): (.*)$/.exec(message);
    if (!reference)
      return { option: 'over', message: `${naming.withValue('over', 'touchpoints')} needs ${naming.map}` };
    const [, option = '', value = '', reason] = reference;
    return { option, message: `${naming.withValue(option, value)}: ${reason}` };
  });
  if (problems.length > 0) throw new OptionError(problems);
  return spec;
}

/** The discovered journey's spec of `from` and `to`. */
export function discoverySpecFromParameters(options: DateParameters, naming: OptionNaming): DiscoverySpec {
  return dateRangeFromParameters(options, naming);
}

export interface TouchesParameters extends DateParameters {
  conversion: string;
  lookback?: string;
}

function conversionEvent(naming: OptionNaming, text: string): string {
  if (text.trim() === '')
    throw problem('conversion', `${naming.name('conversion')}: name the conversion event`);
  return text;
}

/** Seconds of the `lookback` of touches and attribution. */
function lookbackSeconds(naming: OptionNaming, text: string = OPTION_DEFAULTS.lookback): number {
  return positiveDuration(naming, 'lookback', text, '30d, 12h or 90m');
}

/** The touches spec of `conversion`, `lookback`, `from` and `to`. */
export function touchesSpecFromParameters(options: TouchesParameters, naming: OptionNaming): TouchesSpec {
  const spec: TouchesSpec = {
    conversion: conversionEvent(naming, options.conversion),
    lookbackSeconds: lookbackSeconds(naming, options.lookback),
  };
  return { ...spec, ...timeRange(naming, options) };
}

export interface AttributionParameters extends DateParameters {
  conversion: string;
  model?: string;
  lookback?: string;
  halfLife?: string;
}

/** The attribution spec of `conversion`, `model`, `lookback`, `half-life`, `from` and `to`. */
export function attributionSpecFromParameters(
  options: AttributionParameters,
  naming: OptionNaming,
): AttributionSpec {
  const model = options.model ?? OPTION_DEFAULTS.model;
  if (!(ATTRIBUTION_MODELS as readonly string[]).includes(model))
    throw problem(
      'model',
      `${naming.withValue('model', model)}: use one of ${ATTRIBUTION_MODELS.join(', ')}`,
    );
  const spec: AttributionSpec = {
    conversion: conversionEvent(naming, options.conversion),
    model: model as AttributionModel,
    lookbackSeconds: lookbackSeconds(naming, options.lookback),
    halfLifeSeconds: positiveDuration(
      naming,
      'half-life',
      options.halfLife ?? OPTION_DEFAULTS.halfLife,
      '30d, 12h or 90m',
    ),
  };
  return { ...spec, ...timeRange(naming, options) };
}

export interface ReportParameters extends DateParameters {
  conversion?: string;
  survey?: string;
  churnPeriod?: string;
}

/** The report spec of `conversion`, `survey`, `churn-period`, `from` and `to`. */
export function reportSpecFromParameters(options: ReportParameters, naming: OptionNaming): ReportSpec {
  const churnText = options.churnPeriod ?? OPTION_DEFAULTS.churnPeriod;
  const churn = parseDuration(churnText);
  if (churn === null || churn <= 0)
    throw problem(
      'churn-period',
      `${naming.withValue('churn-period', churnText)}: give a duration such as 90d`,
    );
  const spec: ReportSpec = {
    conversion: options.conversion ?? OPTION_DEFAULTS.conversion,
    survey: options.survey ?? OPTION_DEFAULTS.survey,
    churnPeriodSeconds: churn,
  };
  return { ...spec, ...timeRange(naming, options) };
}
