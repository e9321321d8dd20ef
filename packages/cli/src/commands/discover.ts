import type { Command } from '@commander-js/extra-typings';
import {
  COMMAND_LINE_NAMING,
  type DiscoveredJourney,
  discoverJourney,
  discoverySpecFromParameters,
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
import { formatShare } from './paths.ts';

/** Undesigned transitions and skipped steps listed in text; `--json` has them all. */
const LISTED = 15;

function times(count: number): string {
  return count === 1 ? 'once' : `${formatCount(count)} times`;
}

function customers(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'customer' : 'customers'}`;
}

/** Rows of cells as lines: the first column left-aligned, the others right-aligned. */
function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('   ')
        .trimEnd(),
  );
}

/**
 * The discovered journey as text: conformance, the transitions the map does not have, the steps
 * customers skip, the steps nobody reached and the customers per step. Steps go by name.
 */
export function formatDiscovered(found: DiscoveredJourney): string {
  if (found.customers === 0) return "no customers: no events match the map's touchpoints on its steps\n";
  const name = new Map(found.steps.map((s) => [s.step, s.name]));
  const stepName = (id: string) => name.get(id) ?? id;
  const lines = [
    `${customers(found.customers)} on the map's steps (${formatCount(found.single_step_customers)} on a single step)`,
  ];
  if (found.conformance !== null) {
    lines.push(
      `${formatCount(found.conforming_customers)} of ${customers(found.multi_step_customers)} with two steps or more (${formatShare(found.conformance)}) follow the designed order`,
    );
  }
  if (found.events_off_map > 0)
    lines.push(`${formatCount(found.events_off_map)} events of touchpoints that no step uses are left out`);

  const listed = <T>(title: string, items: readonly T[], row: (item: T) => string[]) => {
    lines.push('', title);
    lines.push(...table(items.slice(0, LISTED).map(row)));
    if (items.length > LISTED)
      lines.push(`  … and ${formatCount(items.length - LISTED)} more (--json lists all)`);
  };
  if (found.undesigned_transitions.length === 0)
    lines.push('', 'Every transition customers made is in the map.');
  else
    listed('Transitions the map does not have:', found.undesigned_transitions, (t) => [
      `${stepName(t.from)} → ${stepName(t.to)}`,
      customers(t.customers),
      times(t.transitions),
    ]);
  if (found.skipped_steps.length > 0)
    listed('Designed steps customers skip:', found.skipped_steps, (s) => [
      stepName(s.step),
      customers(s.customers),
      times(s.transitions),
    ]);
  if (found.unreached_steps.length > 0)
    lines.push('', `Steps no customer reached: ${found.unreached_steps.map(stepName).join(', ')}`);

  lines.push('', 'Customers per step:');
  lines.push(
    ...table([
      ['step', 'customers', 'visits', 'skipped by'],
      ...found.steps.map((s) => [
        s.name,
        formatCount(s.customers),
        formatCount(s.visits),
        formatCount(s.skipped_by),
      ]),
    ]),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `touchline discover <map>`: what customers really did, mapped onto the map's steps, against
 * the designed flow.
 */
export function registerDiscover(program: Command, io: CliIo) {
  return program
    .command('discover')
    .description(
      "Compare what customers did with the map's designed flow: the transitions between steps that the map does not have, the designed steps customers skip, and how many customers follow the designed order.",
    )
    .argument('<map>', 'the journey map file (with --server: the id of a map of the workspace)')
    .option('--from <date>', 'only events from this date (YYYY-MM-DD or ISO date-time)')
    .option('--to <date>', 'only events up to this date (a plain date includes the whole day)')
    .option('--json', 'print the result as JSON, with the whole directly-follows graph')
    .option(DATA_OPTION_FLAGS, DATA_OPTION_HELP)
    .option(SERVER_OPTION_FLAGS, SERVER_OPTION_HELP)
    .option(WORKSPACE_OPTION_FLAGS, WORKSPACE_OPTION_HELP)
    .action(async (mapFile, options) => {
      const spec = readOptions(() => discoverySpecFromParameters(options, COMMAND_LINE_NAMING));
      let found: Measured<DiscoveredJourney>;
      if (options.server === undefined) {
        const map = requireMap(io, mapFile).map;
        found = await measureHere(io, options, (store) => discoverJourney(store, map, spec));
      } else {
        const parameters = { map: mapFile, from: options.from, to: options.to };
        found = await measureOnServer(io, options.server, options, 'discover', parameters);
      }
      if (options.json) io.stdout(found.json);
      else io.stdout(formatDiscovered(found.value));
    });
}
