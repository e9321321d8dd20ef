// The server process of the server benchmarks: starts on a free loopback port without the demo
// workspace, says where, answers the bench's question for its CPU time, and stops on SIGTERM.
import { startServer } from '../packages/server/src/serve.ts';

const server = await startServer({ dataDir: process.argv[2] ?? '', port: 0, demo: false });
process.stdout.write(`listening ${server.url}\n`);
process.on('message', (message) => {
  if (message === 'cpu') process.send?.(process.cpuUsage());
});
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
