import { type Command, Option } from '@commander-js/extra-typings';
import { listTemplateIds, stringifyMap, templateById } from '@touchline/core';
import { CliError, type CliIo, EXIT_USAGE, fileExists, writeOutput } from '../io.ts';

/** Comment lines on top of a new map file: how to check it, and the schema line editors read. */
const HEADER = `# Customer journey map. Check it with: touchline validate <file> && touchline lint <file>
# For autocomplete in editors, write the schema next to it (touchline schema -o map.schema.json):
# yaml-language-server: $schema=./map.schema.json
`;

export function registerInit(program: Command, io: CliIo) {
  return program
    .command('init')
    .description('Start a new map file from a template.')
    .requiredOption('-t, --template <name>', `template id (${listTemplateIds().join(', ')})`)
    .addOption(
      new Option('-l, --lang <language>', 'language of the map')
        .choices(['nl', 'en'] as const)
        .default('en' as const),
    )
    .option('-o, --output <file>', 'file to write (default: <template>.yaml)')
    .option('-f, --force', 'overwrite an existing file')
    .action((options) => {
      const template = templateById(options.template);
      if (!template) {
        throw new CliError(
          `unknown template "${options.template}"; choose one of: ${listTemplateIds().join(', ')}`,
          EXIT_USAGE,
        );
      }
      const output = options.output ?? `${template.id}.yaml`;
      if (fileExists(io, output) && !options.force) {
        throw new CliError(`${output} already exists; use --force to overwrite it`, EXIT_USAGE);
      }
      const map = template.build(options.lang);
      const text = output.endsWith('.json') ? stringifyMap(map, 'json') : HEADER + stringifyMap(map, 'yaml');
      const written = writeOutput(io, output, text);
      io.stdout(`wrote ${written} (${template.name[options.lang]}, ${map.stages.length} stages)\n`);
    });
}
