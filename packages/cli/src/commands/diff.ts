import type { Command } from '@commander-js/extra-typings';
import { diffMaps, formatDiff, isEmptyDiff } from '@touchline/core';
import { CliError, type CliIo, printJson, requireMap } from '../io.ts';

export function registerDiff(program: Command, io: CliIo) {
  return program
    .command('diff')
    .description(
      'Compare two maps (e.g. current state and future state): stages, steps, touchpoints and lanes added, removed or changed.',
    )
    .argument('<a>', 'the map to compare from')
    .argument('<b>', 'the map to compare to')
    .option('--json', 'print the changes as JSON')
    .option('--exit-code', 'exit with 1 when the maps differ, as git diff --exit-code does')
    .action((a, b, options) => {
      const diff = diffMaps(requireMap(io, a).map, requireMap(io, b).map);
      if (options.json) printJson(io, diff);
      else io.stdout(isEmptyDiff(diff) ? 'the maps are the same\n' : `${formatDiff(diff)}\n`);
      if (options.exitCode && !isEmptyDiff(diff)) throw new CliError('', 1);
    });
}
