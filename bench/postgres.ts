// PostgreSQL 15 on loopback as the benchmark's peer: a private cluster in a temporary folder,
// never the system's. Installs Debian's postgresql when missing (as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function binDirectory(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort().pop();
  const bin = version ? join(root, version, 'bin') : undefined;
  return bin && existsSync(join(bin, 'postgres')) ? bin : undefined;
}

function ensureInstalled(): string {
  let bin = binDirectory();
  if (bin) return bin;
  if (process.getuid?.() !== 0)
    throw new Error('PostgreSQL is not installed; run as root to install it with apt-get');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'postgresql'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  bin = binDirectory();
  if (!bin) throw new Error('PostgreSQL did not install');
  return bin;
}

export interface Postgres {
  /** Runs SQL through psql; returns its output. */
  sql(text: string): string;
  /** Wall-clock milliseconds of one statement. */
  time(text: string): number;
  version: string;
  stop(): void;
}

export function startPostgres(port = 55432): Postgres {
  const bin = ensureInstalled();
  const root = mkdtempSync(join(tmpdir(), 'touchline-pg-'));
  chmodSync(root, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const result = asRoot
      ? spawnSync(
          'su',
          ['postgres', '-c', [command, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')],
          { encoding: 'utf8' },
        )
      : spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const data = join(root, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(root, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${root} -h 127.0.0.1 -c shared_buffers=2GB -c work_mem=512MB -c maintenance_work_mem=1GB -c max_parallel_workers_per_gather=2 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  const psql = (text: string) => {
    const result = spawnSync(
      'psql',
      ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-At', '-v', 'ON_ERROR_STOP=1', '-c', text],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      },
    );
    if (result.status !== 0) throw new Error(`psql: ${result.stderr}`);
    return result.stdout;
  };
  return {
    sql: psql,
    time(text) {
      const started = performance.now();
      psql(text);
      return performance.now() - started;
    },
    version: psql('SHOW server_version').trim(),
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The funnel in plain SQL, ClickHouse windowFunnel semantics: for each start event, the earliest
 * next step at or after the previous one within the window (the greedy chain is the best chain
 * from that start), and a customer's level is the best over all starts.
 */
export function postgresFunnelSql(table: string, steps: readonly string[], windowSeconds: number): string {
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const chain: string[] = [
    `c1 AS (SELECT user_id, ts AS t1, ts AS t_1 FROM ${table} WHERE event = ${quote(steps[0] ?? '')})`,
  ];
  for (let k = 2; k <= steps.length; k++) {
    chain.push(`c${k} AS (
      SELECT c.user_id, c.t1, (
        SELECT min(e.ts) FROM ${table} e
        WHERE e.user_id = c.user_id AND e.event = ${quote(steps[k - 1] ?? '')}
          AND e.ts >= c.t_${k - 1} AND e.ts <= c.t1 + interval '${windowSeconds} seconds'
      ) AS t_${k}
      FROM c${k - 1} c WHERE c.t_${k - 1} IS NOT NULL)`);
  }
  const levels = Array.from({ length: steps.length }, (_, i) => i + 1);
  const union = levels
    .map((k) => `SELECT user_id, ${k} AS level FROM c${k} WHERE t_${k} IS NOT NULL`)
    .join(' UNION ALL ');
  return `WITH ${chain.join(',\n')},
    levels AS (SELECT user_id, max(level) AS level FROM (${union}) l GROUP BY user_id)
    SELECT ${levels.map((k) => `count(*) FILTER (WHERE level >= ${k})`).join(', ')} FROM levels`;
}
