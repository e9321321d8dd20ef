export { type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './io.ts';
export { main } from './main.ts';
