/** Starts a server on a data directory as a process of its own, printing its URL: for tests that kill it. */
import { startServer } from '../serve.ts';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: serve-process <data-dir>');
const server = await startServer({ dataDir, port: 0, demo: false });
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
