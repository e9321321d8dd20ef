import type { Command } from '@commander-js/extra-typings';
// The analytics index does not list attribution yet; switch to '@touchline/analytics' once it does.
import {
  ATTRIBUTION_MODELS,
  type AttributionModel,
  type AttributionResult,
  type AttributionSpec,
  attribution,
  attributionToJson,
  parseDuration,
} from '@touchline/analytics';
import { CliError, type CliIo, EXIT_USAGE, printJson } from '../io.ts';
import { DATA_OPTION_FLAGS, DATA_OPTION_HELP, withEventStore } from '../store.ts';

/** The options of `touchline attribution` as commander hands them over. */
export interface AttributionCliOptions {
  conversion: string;
  model: string;
  lookback: string;
  halfLife: string;
  from?: string;
  to?: string;
}

const DAY_MS = 86_400_000;

/**
 * An ISO 8601 date or date-time as epoch milliseconds, UTC when it has no zone. A date alone is
 * the start of that day, or, as an upper bound (`--to`), the end of it.
 */
export function parseDateOption(option: string, text: string, upperBound = false): number {
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
  if (!real)
    throw new CliError(
      `${option} ${text}: give a date (2026-05-31) or date and time (2026-05-31T12:00Z)`,
      EXIT_USAGE,
    );
  return upperBound && match?.[2] === undefined ? time + DAY_MS : time;
}

function durationOption(option: string, text: string): number {
  const seconds = parseDuration(text);
  if (seconds === null || seconds <= 0)
    throw new CliError(`${option} ${text}: give a positive duration such as 30d, 12h or 90m`, EXIT_USAGE);
  return seconds;
}

/** The attribution spec the options describe; bad values stop the command as a usage error. */
export function attributionSpecFromOptions(options: AttributionCliOptions): AttributionSpec {
  if (!(ATTRIBUTION_MODELS as readonly string[]).includes(options.model))
    throw new CliError(`--model ${options.model}: use one of ${ATTRIBUTION_MODELS.join(', ')}`, EXIT_USAGE);
  if (options.conversion.trim() === '')
    throw new CliError('--conversion: name the conversion event', EXIT_USAGE);
  const spec: AttributionSpec = {
    conversion: options.conversion,
    model: options.model as AttributionModel,
    lookbackSeconds: durationOption('--lookback', options.lookback),
    halfLifeSeconds: durationOption('--half-life', options.halfLife),
  };
  if (options.from !== undefined) spec.from = parseDateOption('--from', options.from);
  if (options.to !== undefined) spec.to = parseDateOption('--to', options.to, true);
  if (spec.from !== undefined && spec.to !== undefined && spec.from >= spec.to)
    throw new CliError(`--from ${options.from} is not before --to ${options.to}`, EXIT_USAGE);
  return spec;
}

function number(value: number, digits: number): string {
  // Credits a rounding error below zero would print as -0.00.
  const shown = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
  return shown.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The result as an aligned table: channel, credited conversions, share of all conversions and
 * revenue, one row per channel in the result's order, then the totals.
 *
 * @example
 * formatAttribution(result);
 * // order_completed by channel, last-touch model
 * // channel  conversions   share  revenue
 * // search         3.00   75.0%   190.00
 * // ...
 * // total          4.00  100.0%   240.00
 */
export function formatAttribution(result: AttributionResult): string {
  const share = (conversions: number) =>
    result.totalConversions > 0 ? `${number((100 * conversions) / result.totalConversions, 1)}%` : '-';
  const rows = [
    ['channel', 'conversions', 'share', 'revenue'],
    ...result.channels.map((c) => [
      c.channel,
      number(c.conversions, 2),
      share(c.conversions),
      number(c.revenue, 2),
    ]),
    [
      'total',
      number(result.totalConversions, 2),
      share(result.totalConversions),
      number(result.totalRevenue, 2),
    ],
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  '),
  );
  const model = ['first', 'last'].includes(result.model) ? `${result.model}-touch` : result.model;
  return [`${result.conversionEvent} by channel, ${model} model`, ...lines].join('\n');
}

/**
 * `touchline attribution`: which channels earn the conversions and revenue of a conversion event,
 * by one attribution model (see the attribution measure for the definitions).
 */
export function registerAttribution(program: Command, io: CliIo) {
  return program
    .command('attribution')
    .description(
      'Credit the conversions and revenue of a conversion event to the channels that touched customers before it, by one attribution model.',
    )
    .requiredOption('--conversion <event>', 'the conversion event, e.g. order_completed')
    .option('--model <model>', `attribution model: ${ATTRIBUTION_MODELS.join(', ')}`, 'last')
    .option('--lookback <duration>', 'how long before a conversion touches count, e.g. 30d, 12h', '30d')
    .option('--half-life <duration>', 'half-life of the time-decay model', '7d')
    .option('--from <date>', 'read events from this date or instant (ISO 8601, UTC unless a zone is given)')
    .option('--to <date>', 'read events up to this date, inclusive, or up to this instant, exclusive')
    .option('--json', 'print the result as JSON')
    .option(DATA_OPTION_FLAGS, DATA_OPTION_HELP)
    .action(async (options) => {
      const spec = attributionSpecFromOptions(options);
      const result = await withEventStore(io, options, (store) => attribution(store, spec));
      if (options.json) printJson(io, attributionToJson(result));
      else io.stdout(`${formatAttribution(result)}\n`);
    });
}
