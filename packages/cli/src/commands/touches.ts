import type { Command } from '@commander-js/extra-typings';
import {
  COMMAND_LINE_NAMING,
  type CountSummary,
  OPTION_DEFAULTS,
  type TouchesJson,
  type TouchesParameters,
  type TouchesResult,
  type TouchesSpec,
  touches,
  touchesFromJson,
  touchesSpecFromParameters,
  touchesToJson,
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
import { alignColumns, barChart, formatSeconds } from './funnel.ts';

/** In the text output, counts from this one up share a bar (`10+`); `--json` keeps them exact. */
export const TEXT_TAIL_FROM = 10;

/** The touches spec the options describe; bad values stop the command as a usage error. */
export function touchesSpecFromOptions(options: TouchesParameters): TouchesSpec {
  return readOptions(() => touchesSpecFromParameters(options, COMMAND_LINE_NAMING));
}

/** Bars for 0, 1, 2 ... up to the largest count, with counts from `TEXT_TAIL_FROM` up in one `10+` bar. */
export function distributionRows(summary: CountSummary): { label: string; value: number }[] {
  const largest = summary.distribution.reduce((max, f) => Math.max(max, f.count), 0);
  const rows: { label: string; value: number }[] = [];
  for (let n = 0; n <= Math.min(largest, TEXT_TAIL_FROM - 1); n++)
    rows.push({ label: String(n), value: summary.distribution.find((f) => f.count === n)?.conversions ?? 0 });
  if (largest >= TEXT_TAIL_FROM)
    rows.push({
      label: `${TEXT_TAIL_FROM}+`,
      value: summary.distribution.reduce(
        (sum, f) => sum + (f.count >= TEXT_TAIL_FROM ? f.conversions : 0),
        0,
      ),
    });
  return rows;
}

function figure(value: number | null, digits: number): string {
  return value === null
    ? '-'
    : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The result as text: mean and median of touches and distinct channels per conversion, then the
 * two distributions as bar charts.
 *
 * @example
 * formatTouches(result);
 * // Touches before order_completed within 30d: 1,234 conversions
 * //                    mean  median
 * // touches            3.21     3.0
 * // distinct channels  1.80     2.0
 * // ...
 */
export function formatTouches(result: TouchesResult): string {
  const conversions = result.totalConversions;
  const lines = [
    `Touches before ${result.conversionEvent} within ${formatSeconds(result.lookbackSeconds)}: ` +
      `${conversions.toLocaleString('en-GB')} conversion${conversions === 1 ? '' : 's'}`,
  ];
  if (conversions === 0) return lines.join('\n');
  lines.push(
    ...alignColumns([
      ['', 'mean', 'median'],
      ['touches', figure(result.touches.mean, 2), figure(result.touches.median, 1)],
      ['distinct channels', figure(result.channels.mean, 2), figure(result.channels.median, 1)],
    ]),
    '',
    'Conversions by touches before them',
    ...barChart(distributionRows(result.touches)),
    '',
    'Conversions by distinct channels among those touches',
    ...barChart(distributionRows(result.channels)),
  );
  return lines.join('\n');
}

/**
 * `touchline touches`: how many touches, and over how many channels, came before each conversion
 * (see the touches measure for the definitions).
 */
export function registerTouches(program: Command, io: CliIo) {
  return program
    .command('touches')
    .description(
      'Count the touches, and the distinct channels among them, before each conversion: mean, median and distribution.',
    )
    .requiredOption('--conversion <event>', 'the conversion event, e.g. order_completed')
    .option(
      '--lookback <duration>',
      'how long before a conversion touches count, e.g. 30d, 12h',
      OPTION_DEFAULTS.lookback,
    )
    .option('--from <date>', 'read events from this date or instant (ISO 8601, UTC unless a zone is given)')
    .option('--to <date>', 'read events up to this date, inclusive, or up to this instant, exclusive')
    .option('--json', 'print the result as JSON')
    .option(DATA_OPTION_FLAGS, DATA_OPTION_HELP)
    .option(SERVER_OPTION_FLAGS, SERVER_OPTION_HELP)
    .option(WORKSPACE_OPTION_FLAGS, WORKSPACE_OPTION_HELP)
    .action(async (options) => {
      const spec = touchesSpecFromOptions(options);
      const { conversion, lookback, from, to } = options;
      const result =
        options.server === undefined
          ? await measureHere(io, options, async (store) => touchesToJson(await touches(store, spec)))
          : await measureOnServer<TouchesJson>(io, options.server, options, 'touches', {
              conversion,
              lookback,
              from,
              to,
            });
      if (options.json) io.stdout(result.json);
      else io.stdout(`${formatTouches(touchesFromJson(result.value))}\n`);
    });
}
