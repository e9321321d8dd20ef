import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
// The analytics index does not list the generator yet; switch to '@touchline/analytics' once it does.
import {
  DEFAULT_DEMO_DAYS,
  DEFAULT_DEMO_END,
  DEFAULT_DEMO_USERS,
  type DemoData,
  generateDemoData,
} from '@touchline/analytics';
import { writeCostFile, writeEventFile } from '@touchline/storage';
import { CliError, type CliIo, EXIT_USAGE, printJson } from '../io.ts';
import { formatCount, progressBar } from '../progress.ts';

export const DEFAULT_DEMO_EVENTS_FILE = 'demo/events.csv.gz';

/** What `demo-data` wrote, as `--json` prints it. */
export interface DemoDataResult {
  seed: number;
  /** First and last day of the window, `YYYY-MM-DD`. */
  from: string;
  to: string;
  customers: number;
  knownCustomers: number;
  events: number;
  orders: number;
  revenue: number;
  adClicks: number;
  file: string;
  bytes: number;
  seconds: number;
  eventsPerSecond: number;
  costs?: { file: string; rows: number; bytes: number; cost: number };
}

/** A commander parser for a whole number of at least `min`. */
function wholeNumber(option: string, min: number) {
  return (value: string): number => {
    const number = Number(value.replaceAll('_', ''));
    if (!/^\d[\d_]*$/.test(value) || !Number.isSafeInteger(number) || number < min)
      throw new CliError(
        `${option} ${value}: give a whole number${min > 0 ? ` of at least ${min}` : ''}`,
        EXIT_USAGE,
      );
    return number;
  };
}

/** 1234567 -> "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

function money(value: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function summary(result: DemoDataResult): string {
  const lines = [
    `wrote ${formatCount(result.events)} events of ${formatCount(result.customers)} customers (${formatCount(result.knownCustomers)} known) from ${result.from} to ${result.to} to ${result.file} (${formatBytes(result.bytes)}) in ${result.seconds.toFixed(1)} s (${formatCount(result.eventsPerSecond)} events/s)`,
    `  ${formatCount(result.orders)} orders, ${money(result.revenue)} revenue, ${formatCount(result.adClicks)} ad clicks`,
  ];
  if (result.costs) {
    lines.push(
      `wrote ${formatCount(result.costs.rows)} cost rows to ${result.costs.file} (${formatBytes(result.costs.bytes)}): ${money(result.costs.cost)} ad spend`,
    );
  }
  return lines.join('\n');
}

/**
 * `touchline demo-data`: the synthetic shoe-shop events and ad spend of a seed, written as files
 * that `import` and `import-costs` read. The same seed and options always give the same bytes.
 */
export function registerDemoData(program: Command, io: CliIo) {
  return program
    .command('demo-data')
    .description(
      'Write synthetic events and ad spend for the shoe map: multichannel journeys with bounces, revisits, abandoned carts, orders, returns, surveys and the coupon loop. The same seed gives the same files.',
    )
    .option(
      '--users <n>',
      `customers to generate (default ${formatCount(DEFAULT_DEMO_USERS)})`,
      wholeNumber('--users', 0),
    )
    .option(
      '--events <n>',
      'generate exactly this many events instead of a number of customers',
      wholeNumber('--events', 0),
    )
    .option('--seed <n>', 'seed: a whole number from 0 to 4294967295', wholeNumber('--seed', 0), 1)
    .option('--end <date>', 'last day of the data (YYYY-MM-DD)', DEFAULT_DEMO_END)
    .option('--days <n>', 'days of data up to --end', wholeNumber('--days', 1), DEFAULT_DEMO_DAYS)
    .option(
      '--out <file>',
      'event file: .csv, .ndjson or .jsonl, gzipped when it ends in .gz',
      DEFAULT_DEMO_EVENTS_FILE,
    )
    .option('--costs <file>', 'ad-spend file (.csv or .csv.gz); default costs.csv beside the events')
    .option('--no-costs', 'write no ad-spend file')
    .option(
      '--gzip-level <n>',
      'gzip level 1 (fastest, default) to 9 (smallest)',
      wholeNumber('--gzip-level', 1),
    )
    .option('--json', 'print what was written as JSON')
    .action(async (options) => {
      if (options.users !== undefined && options.events !== undefined)
        throw new CliError('give --users or --events, not both', EXIT_USAGE);
      if (options.gzipLevel !== undefined && options.gzipLevel > 9)
        throw new CliError(`--gzip-level ${options.gzipLevel}: give a level from 1 to 9`, EXIT_USAGE);
      let demo: DemoData;
      try {
        demo = generateDemoData({
          users: options.users,
          events: options.events,
          seed: options.seed,
          end: options.end,
          days: options.days,
        });
      } catch (error) {
        if (error instanceof RangeError) throw new CliError(error.message, EXIT_USAGE);
        throw error;
      }
      const asWritten = (path: string) => relative(io.cwd, path) || path;
      const out = resolve(io.cwd, options.out);
      const costsPath =
        options.costs === false
          ? undefined
          : resolve(
              io.cwd,
              typeof options.costs === 'string' ? options.costs : join(dirname(options.out), 'costs.csv'),
            );

      const target = options.events ?? options.users ?? DEFAULT_DEMO_USERS;
      const bar = progressBar(io, basename(options.out), '{rate} events/s');
      bar.update(0, { rate: '0' });
      const started = performance.now();
      let written: Awaited<ReturnType<typeof writeEventFile>>;
      try {
        written = await writeEventFile(out, demo.events, {
          gzipLevel: options.gzipLevel,
          onProgress: (rows) => {
            const seconds = (performance.now() - started) / 1000;
            const done = options.events !== undefined ? rows : demo.stats.customers;
            bar.update(target > 0 ? done / target : 1, {
              rate: formatCount(seconds > 0 ? rows / seconds : 0),
            });
          },
        });
      } finally {
        bar.stop();
      }
      const seconds = (performance.now() - started) / 1000;
      const stats = demo.stats;
      const day = (time: number) => new Date(time).toISOString().slice(0, 10);
      const result: DemoDataResult = {
        seed: options.seed,
        from: day(demo.window.from),
        to: day(demo.window.to - 1),
        customers: stats.customers,
        knownCustomers: stats.knownCustomers,
        events: stats.events,
        orders: stats.orders,
        revenue: stats.revenue,
        adClicks: stats.adClicks,
        file: asWritten(out),
        bytes: written.bytes,
        seconds,
        eventsPerSecond: seconds > 0 ? Math.round(stats.events / seconds) : stats.events,
      };
      if (costsPath !== undefined) {
        const costs = demo.costs();
        const file = await writeCostFile(costsPath, costs);
        const cost = Math.round(costs.reduce((sum, row) => sum + row.cost, 0) * 100) / 100;
        result.costs = { file: asWritten(costsPath), rows: file.rows, bytes: file.bytes, cost };
      }
      if (options.json) printJson(io, result);
      else io.stdout(`${summary(result)}\n`);
    });
}
