import { StorageError } from '@touchline/storage';
import { CommanderError } from 'commander';
import { CliError, type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, processIo } from './io.ts';
import { buildProgram } from './program.ts';

/**
 * Runs the command line and returns the exit code: 0 ok, 1 invalid input, 2 usage.
 *
 * @example
 * process.exitCode = await main(process.argv);
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof StorageError) {
      io.stderr(`${error.message}\n`);
      return EXIT_INVALID;
    }
    if (error instanceof CliError) {
      if (error.message.length > 0) io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`touchline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_INVALID;
  }
}
