import type { Command } from '@commander-js/extra-typings';
import {
  ATTRIBUTION_MODELS,
  type AttributionJson,
  type AttributionParameters,
  type AttributionResult,
  type AttributionSpec,
  attribution,
  attributionFromJson,
  attributionSpecFromParameters,
  attributionToJson,
  COMMAND_LINE_NAMING,
  dateOption,
  OPTION_DEFAULTS,
} from '@touchline/analytics';
import { type CliIo, readOptions } from '../io.ts';
import {
  measureHere,
  measureOnServer,
  SERVER_OPTION_FLAGS,
  SERVER_OPTION_HELP,
  WORKSPACE_OPTION_FLAGS,
  WORKSPACE_OPTION_HELP,
} from '../remote.ts';
import { DATA_OPTION_FLAGS, DATA_OPTION_HELP } from '../store.ts';

/**
 * An ISO 8601 date or date-time option (`--from`, `--to`) as epoch milliseconds, UTC when it has
 * no zone. A date alone is the start of that day, or, as an upper bound (`--to`), the end of it.
 */
export function parseDateOption(option: string, text: string, upperBound = false): number {
  return readOptions(() => dateOption(COMMAND_LINE_NAMING, option.replace(/^--/, ''), text, upperBound));
}

/** The attribution spec the options describe; bad values stop the command as a usage error. */
export function attributionSpecFromOptions(options: AttributionParameters): AttributionSpec {
  return readOptions(() => attributionSpecFromParameters(options, COMMAND_LINE_NAMING));
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
    .option('--model <model>', `attribution model: ${ATTRIBUTION_MODELS.join(', ')}`, OPTION_DEFAULTS.model)
    .option(
      '--lookback <duration>',
      'how long before a conversion touches count, e.g. 30d, 12h',
      OPTION_DEFAULTS.lookback,
    )
    .option('--half-life <duration>', 'half-life of the time-decay model', OPTION_DEFAULTS.halfLife)
    .option('--from <date>', 'read events from this date or instant (ISO 8601, UTC unless a zone is given)')
    .option('--to <date>', 'read events up to this date, inclusive, or up to this instant, exclusive')
    .option('--json', 'print the result as JSON')
    .option(DATA_OPTION_FLAGS, DATA_OPTION_HELP)
    .option(SERVER_OPTION_FLAGS, SERVER_OPTION_HELP)
    .option(WORKSPACE_OPTION_FLAGS, WORKSPACE_OPTION_HELP)
    .action(async (options) => {
      const spec = attributionSpecFromOptions(options);
      const { conversion, model, lookback, halfLife, from, to } = options;
      const result =
        options.server === undefined
          ? await measureHere(io, options, async (store) => attributionToJson(await attribution(store, spec)))
          : await measureOnServer<AttributionJson>(io, options.server, options, 'attribution', {
              conversion,
              model,
              lookback,
              'half-life': halfLife,
              from,
              to,
            });
      if (options.json) io.stdout(result.json);
      else io.stdout(`${formatAttribution(attributionFromJson(result.value))}\n`);
    });
}
