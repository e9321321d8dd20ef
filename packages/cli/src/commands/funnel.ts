import type { Command } from '@commander-js/extra-typings';
import {
  COMMAND_LINE_NAMING,
  type FunnelJson,
  type FunnelParameters,
  type FunnelResult,
  type FunnelSpec,
  type FunnelStep,
  funnel,
  funnelFromJson,
  funnelSpecFromParameters,
  funnelStepRules,
  funnelToJson,
  MAX_FUNNEL_STEPS,
  OPTION_DEFAULTS,
} from '@touchline/analytics';
import { CliError, type CliIo, readOptions, requireMap } from '../io.ts';
import {
  type Measured,
  measureHere,
  measureOnServer,
  SERVER_OPTION_FLAGS,
  SERVER_OPTION_HELP,
  WORKSPACE_OPTION_FLAGS,
  WORKSPACE_OPTION_HELP,
} from '../remote.ts';
import { DATA_OPTION_FLAGS, DATA_OPTION_HELP } from '../store.ts';

/** Breakdown values listed in the text output; `--json` has them all. */
export const TEXT_BREAKDOWN_VALUES = 20;
const BAR_WIDTH = 40;
const PARTIAL_BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** The funnel spec the options describe; bad values stop the command as a usage error. */
export function funnelSpecFromOptions(options: FunnelParameters): FunnelSpec {
  return readOptions(() => funnelSpecFromParameters(options, COMMAND_LINE_NAMING));
}

/**
 * A duration in the two largest units, rounded to the smaller: `45s`, `3m 20s`, `2h 5m`, `3d 4h`;
 * `-` for none.
 */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '-';
  const two = (big: number, small: number, bigUnit: string, smallUnit: string) => {
    const smalls = Math.round(seconds / small);
    const per = big / small;
    const rest = smalls % per;
    return `${Math.floor(smalls / per)}${bigUnit}${rest === 0 ? '' : ` ${rest}${smallUnit}`}`;
  };
  if (Math.round(seconds) < 60) return `${Math.round(seconds)}s`;
  if (Math.round(seconds) < 3_600) return two(60, 1, 'm', 's');
  if (Math.round(seconds / 60) < 1_440) return two(3_600, 60, 'h', 'm');
  return two(86_400, 3_600, 'd', 'h');
}

/**
 * A horizontal bar `width` characters long at `max`, in eighths of a character; a value above 0
 * always shows at least a sliver.
 */
export function textBar(value: number, max: number, width = BAR_WIDTH): string {
  if (!(value > 0 && max > 0)) return '';
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (PARTIAL_BLOCKS[eighths % 8] ?? '');
}

/** A labelled bar chart: one line per row, label, bar, then the figure. */
export function barChart(rows: readonly { label: string; value: number }[], width = BAR_WIDTH): string[] {
  const max = Math.max(0, ...rows.map((row) => row.value));
  const labelWidth = Math.max(0, ...rows.map((row) => row.label.length));
  return rows.map((row) =>
    `${row.label.padEnd(labelWidth)}  ${textBar(row.value, max, width).padEnd(width)}  ${count(row.value)}`.trimEnd(),
  );
}

function count(value: number): string {
  return value.toLocaleString('en-GB');
}

function percent(ratio: number): string {
  return `${(100 * ratio).toFixed(1)}%`;
}

/** Rows of cells as aligned columns: the first left-aligned, the others right-aligned. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

function stepTable(steps: readonly FunnelStep[]): string[] {
  return alignColumns([
    ['step', 'users', 'of start', 'of previous', 'median from previous'],
    ...steps.map((step, k) => [
      step.step,
      count(step.users),
      percent(step.conversionFromStart),
      k === 0 ? '-' : percent(step.conversionFromPrevious),
      formatSeconds(step.medianSecondsFromPrevious),
    ]),
  ]);
}

/**
 * The funnel as text: a table per step (users, % of the first step, % of the previous step,
 * median time from the previous step), a bar chart of users per step, the time-to-convert
 * figures and histogram, and, with a breakdown, users per step for each value.
 *
 * @example
 * formatFunnel(result);
 * // Funnel ad_click > order_completed, within 14d
 * // step             users  of start  of previous  median from previous
 * // ad_click         1,000    100.0%            -                     -
 * // order_completed    250     25.0%        25.0%                2h 5m
 * // ...
 */
export function formatFunnel(result: Omit<FunnelResult, 'stepKinds'>): string {
  const { steps, timeToConvert } = result;
  const first = steps[0]?.step ?? '';
  const last = steps[steps.length - 1]?.step ?? '';
  const lines = [
    `Funnel ${steps.map((s) => s.step).join(' > ')}, within ${formatSeconds(result.windowSeconds)}`,
  ];
  lines.push(...stepTable(steps), '');
  lines.push(...barChart(steps.map((s) => ({ label: s.step, value: s.users }))), '');
  if (timeToConvert.customers === 0)
    lines.push(`Time to convert (${first} to ${last}): nobody completed the funnel`);
  else {
    lines.push(
      `Time to convert (${first} to ${last}): ${count(timeToConvert.customers)} customer${timeToConvert.customers === 1 ? '' : 's'}, ` +
        `mean ${formatSeconds(timeToConvert.meanSeconds)}, median ${formatSeconds(timeToConvert.medianSeconds)}, ` +
        `p90 ${formatSeconds(timeToConvert.p90Seconds)}`,
      ...barChart(
        timeToConvert.histogram.map((bucket) => ({ label: bucket.label, value: bucket.customers })),
      ),
    );
  }
  const breakdown = result.breakdown;
  if (breakdown !== undefined) {
    lines.push('', `Users per step by ${result.by ?? 'value'} (% of the value's first step)`);
    const shown = breakdown.slice(0, TEXT_BREAKDOWN_VALUES);
    lines.push(
      ...alignColumns([
        [result.by ?? 'value', ...steps.map((s) => s.step)],
        ...shown.map((entry) => [
          entry.value,
          ...entry.steps.map((s, k) =>
            k === 0 ? count(s.users) : `${count(s.users)} (${percent(s.conversionFromStart)})`,
          ),
        ]),
      ]),
    );
    if (breakdown.length > shown.length)
      lines.push(`… and ${breakdown.length - shown.length} more values (all of them with --json)`);
  }
  return lines.join('\n');
}

/**
 * `touchline funnel`: customers through a series of steps within a window (see the funnel
 * measure for the definitions).
 */
export function registerFunnel(program: Command, io: CliIo) {
  return program
    .command('funnel')
    .description(
      'Count the customers who go through a series of steps in order within a window: conversion per step, time between steps and time to convert.',
    )
    .requiredOption(
      '--steps <list>',
      `comma-separated steps: event names, or touchpoint, step or stage ids of --map (at most ${MAX_FUNNEL_STEPS})`,
    )
    .option(
      '--window <duration>',
      'how long from the first step to the last, e.g. 14d, 12h',
      OPTION_DEFAULTS.window,
    )
    .option(
      '--by <property>',
      'break down by this property of the first step: channel, campaign or any other',
    )
    .option(
      '--map <file>',
      'the journey map whose touchpoints, steps and stages the steps may name (with --server: its id)',
    )
    .option('--from <date>', 'read events from this date or instant (ISO 8601, UTC unless a zone is given)')
    .option('--to <date>', 'read events up to this date, inclusive, or up to this instant, exclusive')
    .option('--json', 'print the result as JSON')
    .option(DATA_OPTION_FLAGS, DATA_OPTION_HELP)
    .option(SERVER_OPTION_FLAGS, SERVER_OPTION_HELP)
    .option(WORKSPACE_OPTION_FLAGS, WORKSPACE_OPTION_HELP)
    .action(async (options) => {
      const spec = funnelSpecFromOptions(options);
      const { steps, window, by, from, to } = options;
      let result: Measured<FunnelJson>;
      if (options.server === undefined) {
        const map = options.map === undefined ? undefined : requireMap(io, options.map).map;
        try {
          funnelStepRules(spec.steps, map);
        } catch (error) {
          throw new CliError(error instanceof Error ? error.message : String(error));
        }
        result = await measureHere(io, options, async (store) =>
          funnelToJson(await funnel(store, spec, map)),
        );
      } else {
        // The map is one of the workspace's; the server checks the steps against it.
        const parameters = { steps, window, by, map: options.map, from, to };
        result = await measureOnServer(io, options.server, options, 'funnel', parameters);
      }
      if (options.json) io.stdout(result.json);
      else io.stdout(`${formatFunnel(funnelFromJson(result.value, spec.by))}\n`);
    });
}
