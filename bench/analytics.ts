// The analytics benchmark: generated shoe-shop events at 1M, 10M and 50M, each imported from CSV
// into a fresh DuckDB store and measured (every measure: funnel, funnel by channel, paths,
// discovered vs designed, touches, attribution with each model, map report) in a process of its
// own for its peak memory; the same 4-step funnel in plain SQL on PostgreSQL 15 is the peer.
// Run: npm run bench:analytics [-- 1000000,10000000]. Writes bench/results/analytics.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoData } from '@touchline/analytics';
import { writeCostFile, writeEventFile } from '@touchline/storage';
import cliProgress from 'cli-progress';
import { ANALYTICS_MEASURES, FUNNEL_STEPS, FUNNEL_WINDOW_SECONDS } from './analytics-measures.ts';
import { postgresFunnelSql, startPostgres } from './postgres.ts';

const sizes = (process.argv[2] ?? '1000000,10000000,50000000').split(',').map(Number);
const work = '/tmp/touchline-bench';
mkdirSync(work, { recursive: true });

interface Run {
  rows: number;
  imported: number;
  funnel_users: number[];
  seconds: Record<string, number>;
  cpu_seconds?: Record<string, number>;
  peak_rss_mb: number;
  postgres?: { funnel_seconds: number; funnel_users: number[]; load_seconds: number };
}

const bars = new cliProgress.MultiBar(
  { format: '{size} {bar} {percentage}% | {phase}', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
const results: { size: number; run: Run }[] = [];
const pg = startPostgres();
const postgresVersion = pg.version;
const cell = (value: number | undefined, digits = 2) => (value === undefined ? 'n/a' : value.toFixed(digits));
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, DuckDB via @duckdb/node-api 1.5.6-r.1, PostgreSQL ${postgresVersion}`;
function writeResults(): void {
  const sizeLabel = (size: number) => size.toLocaleString('en-GB');
  const lines = [
    '# Analytics benchmark',
    '',
    `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run bench:analytics -- ${sizes.join(',')}\`.`,
    '',
    `Data: \`generateDemoData({events: N, seed: 1})\` (the shoe shop), written as CSV and imported into a fresh store. Measures take the best of 3 runs (wall clock; the CPU seconds of all threads are in analytics.json). Funnel: ${FUNNEL_STEPS.join(' → ')}, 14-day window; by channel: the same, broken down by the channel of each customer's first step. Paths: per session over the shoe map's touchpoints. Discovered vs designed: the shoe map. Touches and attribution: conversion order_completed, 30-day lookback. Map report: the shoe map's stages and KPIs. PostgreSQL runs the same funnel in plain SQL (index on user, event, time; funnel counts checked equal); ratio = PostgreSQL time / Touchline time.`,
    '',
    '| events | import (events/s) | peak memory (MB) | funnel (s) | PostgreSQL funnel (s) | ratio |',
    '|---:|---:|---:|---:|---:|---:|',
    ...results.map(({ size, run }) => {
      const s = run.seconds;
      const ratio = run.postgres ? `${(run.postgres.funnel_seconds / (s.funnel ?? 1)).toFixed(1)}×` : 'n/a';
      const rate = s.import === undefined ? 'n/a' : Math.round(run.rows / s.import).toLocaleString('en-GB');
      return `| ${sizeLabel(size)} | ${rate} | ${run.peak_rss_mb} | ${cell(s.funnel, 3)} | ${cell(run.postgres?.funnel_seconds)} | ${ratio} |`;
    }),
    '',
    'Seconds per measure:',
    '',
    `| measure | ${results.map(({ size }) => sizeLabel(size)).join(' | ')} | target at 10,000,000 |`,
    `|---|${results.map(() => '---:|').join('')}---:|`,
    ...ANALYTICS_MEASURES.map(
      ({ key, label, targetSeconds }) =>
        `| ${label} | ${results.map(({ run }) => cell(run.seconds[key], 3)).join(' | ')} | ${targetSeconds} |`,
    ),
    '',
    'Targets: import at least 1M events/s from CSV; a 4-step funnel over 10M events under 0.5 s; every measure over 10M events under 3 s; memory under 2 GB at 50M events.',
    '',
  ];
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/analytics.md', import.meta.url), lines.join('\n'));
  writeFileSync(
    new URL('./results/analytics.json', import.meta.url),
    `${JSON.stringify({ machine, results }, null, 2)}\n`,
  );
  console.log(lines.join('\n'));
}

try {
  for (const size of sizes) {
    const bar = bars.create(1, 0, { size: `${(size / 1e6).toFixed(0)}M events`, phase: 'generating' });
    const events = join(work, `events-${size}.csv`);
    const costs = join(work, `costs-${size}.csv`);
    if (!existsSync(events) || !existsSync(costs)) {
      const demo = generateDemoData({ events: size, seed: 1 });
      await writeEventFile(events, demo.events, {
        onProgress: (rows: number) => bar.update(rows / size / 3, { phase: 'generating' }),
      });
      await writeCostFile(costs, demo.costs());
    }
    bar.update(1 / 3, { phase: 'import and measures' });
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./analytics-run.ts', import.meta.url)),
        events,
        costs,
        join(work, `store-${size}`),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const run = JSON.parse(output.trim().split('\n').pop() ?? '{}') as Run;
    bar.update(2 / 3, { phase: 'PostgreSQL' });
    if (size <= 10_000_000) {
      pg.sql('DROP TABLE IF EXISTS ev');
      pg.sql(
        'CREATE UNLOGGED TABLE ev (event_id text, user_id text, ts timestamptz, event text, session_id text, channel text, campaign text, url text, revenue double precision, value double precision, properties jsonb)',
      );
      const started = performance.now();
      pg.sql(`COPY ev FROM '${events}' (FORMAT csv, HEADER true)`);
      pg.sql('CREATE INDEX ON ev (user_id, event, ts); ANALYZE ev');
      const load = (performance.now() - started) / 1000;
      const sql = postgresFunnelSql('ev', FUNNEL_STEPS, FUNNEL_WINDOW_SECONDS);
      const users = pg.sql(sql).trim().split('|').map(Number);
      let fastest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 2; i++) fastest = Math.min(fastest, pg.time(sql) / 1000);
      run.postgres = { funnel_seconds: fastest, funnel_users: users, load_seconds: load };
      if (users.join() !== run.funnel_users.join()) {
        throw new Error(`funnel counts differ: Touchline ${run.funnel_users} vs PostgreSQL ${users}`);
      }
    }
    bar.update(1, { phase: 'done' });
    results.push({ size, run });
    writeResults();
  }
} finally {
  bars.stop();
  pg.stop();
}
