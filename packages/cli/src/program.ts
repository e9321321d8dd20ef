import { Command } from '@commander-js/extra-typings';
import { registerAttribution } from './commands/attribution.ts';
import { registerDemo } from './commands/demo.ts';
import { registerDemoData } from './commands/demo-data.ts';
import { registerDiff } from './commands/diff.ts';
import { registerDiscover } from './commands/discover.ts';
import { registerFunnel } from './commands/funnel.ts';
import { registerImport } from './commands/import.ts';
import { registerImportCosts } from './commands/import-costs.ts';
import { registerImportCsv } from './commands/import-csv.ts';
import { registerInit } from './commands/init.ts';
import { registerLint } from './commands/lint.ts';
import { registerPaths } from './commands/paths.ts';
import { registerRender } from './commands/render.ts';
import { registerReport } from './commands/report.ts';
import { registerSchema } from './commands/schema.ts';
import { registerServe } from './commands/serve.ts';
import { registerTemplates } from './commands/templates.ts';
import { registerTouches } from './commands/touches.ts';
import { registerValidate } from './commands/validate.ts';
import type { CliIo } from './io.ts';

export const VERSION = '0.1.0';

/** The `touchline` program with every command; output goes through `io`. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('touchline')
    .description(
      'Customer journey maps as code, measured with real events: validate, render and compare maps; import events and ad spend; funnels, paths, attribution and the stage report.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .exitOverride();
  for (const register of [
    registerInit,
    registerTemplates,
    registerValidate,
    registerLint,
    registerRender,
    registerImportCsv,
    registerDiff,
    registerSchema,
    registerDemo,
    registerImport,
    registerImportCosts,
    registerDemoData,
    registerFunnel,
    registerPaths,
    registerDiscover,
    registerTouches,
    registerAttribution,
    registerReport,
    registerServe,
  ]) {
    register(program, io)
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout(text),
        writeErr: (text) => io.stderr(text),
      });
  }
  return program as unknown as Command;
}
