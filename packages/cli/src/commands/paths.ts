import type { Command } from '@commander-js/extra-typings';
import {
  COMMAND_LINE_NAMING,
  DEFAULT_MAX_STEPS,
  DEFAULT_TOP_PATHS,
  dateBound,
  dateRangeFromParameters,
  type PathsResult,
  paths,
  pathsSpecFromParameters,
} from '@touchline/analytics';
import { type CliIo, readOptions, requireMap } from '../io.ts';
import { formatCount } from '../progress.ts';
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

/**
 * A `--from` or `--to` option as epoch milliseconds: an ISO date (`2026-10-01`, midnight UTC) or
 * date-time (`2026-10-01T12:00:00Z`). A plain date as `--to` includes that whole day, since
 * `--from 2026-10-01 --to 2026-10-31` reads as all of October.
 */
export function parseDateBound(option: string, value: string, end: boolean): number {
  return readOptions(() => dateBound(COMMAND_LINE_NAMING, option.replace(/^--/, ''), value, end));
}

/** The time range of `--from` and `--to`, refusing an empty one. */
export function dateRange(options: { from?: string; to?: string }): { from?: number; to?: number } {
  return readOptions(() => dateRangeFromParameters(options, COMMAND_LINE_NAMING));
}

const BAR_WIDTH = 20;
const PATH_COLUMN_MAX = 72;

/** A bar of up to 20 blocks for `value` out of `max`; at least one block for any value above 0. */
export function bar(value: number, max: number): string {
  if (value <= 0 || max <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((BAR_WIDTH * value) / max)));
}

/** 0.1234 -> "12.3%". */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * The top paths as text, one a line: `a → b → c   1,234 (12.3%)  ████`, the bar scaled to the
 * first path.
 */
export function formatPaths(result: PathsResult): string {
  const unit = result.per === 'session' ? 'sessions' : 'customers';
  const nodes = result.over === 'touchpoints' ? 'touchpoints' : 'events';
  if (result.total_paths === 0) return `no paths: no ${unit} with ${nodes} in the data\n`;
  const cut =
    result.truncated_paths > 0
      ? `, ${formatCount(result.truncated_paths)} cut at ${result.max_steps} steps`
      : '';
  const lines = [
    `${formatCount(result.total_paths)} paths of ${unit} over ${nodes}${result.collapse_repeats ? ', repeats collapsed' : ''}${cut}`,
    '',
  ];
  const texts = result.paths.map((p) => p.path.join(' → '));
  const counts = result.paths.map((p) => formatCount(p.count));
  const shares = result.paths.map((p) => `(${formatShare(p.share)})`);
  const textWidth = Math.min(PATH_COLUMN_MAX, Math.max(...texts.map((t) => t.length)));
  const countWidth = Math.max(...counts.map((c) => c.length));
  const shareWidth = Math.max(...shares.map((s) => s.length));
  const top = result.paths[0]?.count ?? 0;
  result.paths.forEach((p, i) => {
    const text = (texts[i] ?? '').padEnd(textWidth);
    const count = (counts[i] ?? '').padStart(countWidth);
    const share = (shares[i] ?? '').padStart(shareWidth);
    lines.push(`${text}   ${count} ${share}  ${bar(p.count, top)}`.trimEnd());
  });
  const more = result.total_paths - result.paths.reduce((sum, p) => sum + p.count, 0);
  if (more > 0) lines.push('', `${formatCount(more)} more paths; --json adds the Sankey nodes and edges`);
  return `${lines.join('\n')}\n`;
}

/**
 * `touchline paths`: the top full paths of sessions or customers, over the map's touchpoints or
 * raw event names, and (with `--json`) the Sankey nodes and edges.
 */
export function registerPaths(program: Command, io: CliIo) {
  return program
    .command('paths')
    .description(
      'The paths customers really took: the top full paths per session (a new one after 30 minutes without events) or per customer, over the touchpoints of a map or over event names; --json adds the Sankey nodes and edges.',
    )
    .option(
      '--map <file>',
      'journey map whose touchpoints the events are classified into (with --server: its id)',
    )
    .option(
      '--over <nodes>',
      'touchpoints (needs --map; the default with one) or events (the default without)',
    )
    .option('--per <unit>', 'session (default) or customer')
    .option('--collapse-repeats', 'merge consecutive equal steps of a path')
    .option(
      '--max-steps <n>',
      `cut paths after this many steps, ending them in … (default ${DEFAULT_MAX_STEPS})`,
    )
    .option('--top <n>', `paths to list (default ${DEFAULT_TOP_PATHS})`)
    .option(
      '--start <ref>',
      'paths from the first time they reach this touchpoint, step or stage (or event name)',
    )
    .option(
      '--end <ref>',
      'paths up to the first time they reach this touchpoint, step or stage (or event name)',
    )
    .option('--from <date>', 'only events from this date (YYYY-MM-DD or ISO date-time)')
    .option('--to <date>', 'only events up to this date (a plain date includes the whole day)')
    .option('--json', 'print the result as JSON, with the Sankey nodes and edges')
    .option(DATA_OPTION_FLAGS, DATA_OPTION_HELP)
    .option(SERVER_OPTION_FLAGS, SERVER_OPTION_HELP)
    .option(WORKSPACE_OPTION_FLAGS, WORKSPACE_OPTION_HELP)
    .action(async (options) => {
      let result: Measured<PathsResult>;
      if (options.server === undefined) {
        const map = options.map === undefined ? undefined : requireMap(io, options.map).map;
        const spec = readOptions(() => pathsSpecFromParameters(options, map, COMMAND_LINE_NAMING));
        result = await measureHere(io, options, (store) => paths(store, spec, map));
      } else {
        // The map is one of the workspace's: what needs it, the server checks; the rest is checked here.
        const touchpoints = options.map !== undefined && options.over === 'touchpoints';
        readOptions(() =>
          pathsSpecFromParameters(
            touchpoints ? { ...options, over: undefined } : options,
            undefined,
            COMMAND_LINE_NAMING,
          ),
        );
        const { over, per, collapseRepeats, maxSteps, top, start, end, from, to } = options;
        result = await measureOnServer(io, options.server, options, 'paths', {
          map: options.map,
          over,
          per,
          'collapse-repeats': collapseRepeats,
          'max-steps': maxSteps,
          top,
          start,
          end,
          from,
          to,
        });
      }
      if (options.json) io.stdout(result.json);
      else io.stdout(formatPaths(result.value));
    });
}
