import { extname } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import {
  applyReport,
  COMMAND_LINE_NAMING,
  type MapReport,
  OPTION_DEFAULTS,
  report,
  reportSpecFromParameters,
} from '@touchline/analytics';
import { formatKpiValue, kpiDefinition, type Language, stringifyMapFile } from '@touchline/core';
import { EXPORT_FORMATS, type ExportFormat, exportMap } from '@touchline/render';
import { CliError, type CliIo, EXIT_USAGE, readOptions, requireMap, writeOutput } from '../io.ts';
import {
  measureHere,
  measureOnServer,
  SERVER_OPTION_FLAGS,
  SERVER_OPTION_HELP,
  WORKSPACE_OPTION_FLAGS,
  WORKSPACE_OPTION_HELP,
} from '../remote.ts';
import { DATA_OPTION_FLAGS, DATA_OPTION_HELP } from '../store.ts';
import { alignColumns, formatSeconds, textBar } from './funnel.ts';

const percent = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);

/** The report as a person reads it: stages with bars, then each stage's KPIs against target. */
export function formatReport(result: MapReport, language: Language = 'en'): string {
  const widest = Math.max(1, ...result.stages.map((stage) => stage.reached));
  const lines = [`Stage report of ${result.map}: ${result.customers.toLocaleString('en-GB')} customers`, ''];
  lines.push(
    ...alignColumns([
      ['stage', 'reached', '→ next', 'drop-off', 'median in stage', ''],
      ...result.stages.map((stage) => [
        stage.name,
        stage.reached.toLocaleString('en-GB'),
        percent(stage.conversionToNext),
        percent(stage.dropOffRate),
        formatSeconds(stage.medianSecondsInStage),
        textBar(stage.reached, widest),
      ]),
    ]),
  );
  const kpiRows: string[][] = [];
  for (const stage of result.stages) {
    for (const entry of stage.kpis) {
      const show = (value: number | null) =>
        value === null ? '-' : formatKpiValue(entry.kpi, value, language);
      kpiRows.push([
        stage.name,
        kpiDefinition(entry.kpi).label[language],
        show(entry.target),
        show(entry.actual),
        entry.met === null ? '' : entry.met ? '✓' : '✗',
      ]);
    }
  }
  if (kpiRows.length > 0) {
    lines.push('', ...alignColumns([['stage', 'KPI', 'target', 'actual', ''], ...kpiRows]));
  }
  return lines.join('\n');
}

export function registerReport(program: Command, io: CliIo) {
  return program
    .command('report')
    .description(
      'Measure a map against the events and ad spend: per stage and step the customers reached, conversion to next, drop-off and time in stage, and every stage KPI against its target.',
    )
    .argument('<map>', 'map file (YAML or JSON); with --server, the id of a map of the workspace')
    .option('--conversion <event>', 'the conversion event', OPTION_DEFAULTS.conversion)
    .option('--survey <event>', 'the survey event whose value is a 0-10 answer (NPS)', OPTION_DEFAULTS.survey)
    .option(
      '--churn-period <duration>',
      'period over which churn is measured, ending at the last event',
      OPTION_DEFAULTS.churnPeriod,
    )
    .option('--from <date>', 'only events from this date')
    .option('--to <date>', 'only events up to this date')
    .option('--write', 'write the measured KPI actuals into the map file (comments kept)')
    .option('--render <file>', 'render the map with the measured actuals (.svg, .png or .pdf)')
    .option('--json', 'print the report as JSON')
    .option(DATA_OPTION_FLAGS, DATA_OPTION_HELP)
    .option(SERVER_OPTION_FLAGS, SERVER_OPTION_HELP)
    .option(WORKSPACE_OPTION_FLAGS, WORKSPACE_OPTION_HELP)
    .action(async (file, options) => {
      const spec = readOptions(() => reportSpecFromParameters(options, COMMAND_LINE_NAMING));
      if (options.server !== undefined) {
        if (options.write || options.render)
          throw new CliError(
            '--write and --render need the map file; with --server the map is on the server',
            EXIT_USAGE,
          );
        const { conversion, survey, churnPeriod, from, to } = options;
        const parameters = { map: file, conversion, survey, 'churn-period': churnPeriod, from, to };
        const measured = await measureOnServer<MapReport>(io, options.server, options, 'report', parameters);
        // The report does not say the map's language: its KPI labels are shown in English.
        io.stdout(options.json ? measured.json : `${formatReport(measured.value)}\n`);
        return;
      }
      const mapFile = requireMap(io, file);
      let renderFormat: ExportFormat | undefined;
      if (options.render) {
        const extension = extname(options.render).slice(1).toLowerCase();
        if (
          !['svg', 'png', 'pdf'].includes(extension) ||
          !(EXPORT_FORMATS as readonly string[]).includes(extension)
        ) {
          throw new CliError(`--render ${options.render}: name an .svg, .png or .pdf file`, EXIT_USAGE);
        }
        renderFormat = extension as ExportFormat;
      }
      const { value: result, json } = await measureHere(io, options, (store) =>
        report(store, mapFile.map, spec),
      );
      io.stdout(options.json ? json : `${formatReport(result, mapFile.map.language)}\n`);
      const measured = applyReport(mapFile.map, result);
      if (options.write) io.stderr(`wrote ${writeOutput(io, file, stringifyMapFile(mapFile, measured))}\n`);
      if (options.render && renderFormat) {
        const rendered = await exportMap(measured, renderFormat);
        io.stderr(`wrote ${writeOutput(io, options.render, rendered.data)}\n`);
      }
    });
}
