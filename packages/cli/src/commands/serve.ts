import type { Command } from '@commander-js/extra-typings';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '@touchline/server';
import { CliError, type CliIo, EXIT_USAGE } from '../io.ts';
import { DATA_OPTION_FLAGS, dataDirectory } from '../store.ts';

function port(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65_535)
    throw new CliError(`--port ${value}: give a port from 0 to 65535`, EXIT_USAGE);
  return number;
}

/** Resolves on the first SIGINT or SIGTERM. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `touchline serve`: the service on the embedded defaults (SQLite for workspaces, people and
 * maps; a DuckDB event store per workspace), with the demo workspace on first start.
 */
export function registerServe(program: Command, io: CliIo) {
  return program
    .command('serve')
    .description(
      'Run the Touchline server: workspaces, people, maps with versions, the analytics API and event collection (with a demo workspace on first start).',
    )
    .option('--host <host>', 'address to listen on', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on (0 picks a free one)', port, DEFAULT_PORT)
    .option(
      '--open-signup',
      'let anyone sign up and get a workspace (otherwise: the first owner, then by invitation)',
    )
    .option('--no-demo', 'do not create the demo workspace on first start')
    .option(
      DATA_OPTION_FLAGS,
      'data directory for the service database and event stores (default ./.touchline)',
    )
    .action(async (options) => {
      const dataDir = dataDirectory(io, options);
      const server = await startServer({
        dataDir,
        host: options.host,
        port: options.port,
        demo: options.demo,
        config: { openSignup: options.openSignup === true },
        log: (line) => io.stderr(`${line}\n`),
      });
      io.stderr(`Touchline is listening on ${server.url} (data in ${dataDir}); stop with Ctrl+C\n`);
      const signal = await stopSignal();
      io.stderr(`${signal}: stopping\n`);
      await server.close();
    });
}
