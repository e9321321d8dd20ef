/**
 * A DuckDB database file with the few operations the store needs: statements, rows as plain
 * objects (BIGINT converted to number here, at the edge), streaming and transactions.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { StorageError } from '../errors.ts';

export interface DatabaseOptions {
  /** DuckDB memory limit, e.g. `1GB`; work beyond it spills to the data directory's tmp folder. */
  memoryLimit?: string;
  threads?: number;
}

type Row = Record<string, unknown>;

function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

export class Database {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** The same connection, for reading whole vectors of a materialized result. */
    private readonly rawConnection: duckdb.Connection,
    readonly path: string,
  ) {}

  /** Opens (creating) `file` inside `directory`; a file held by another process is a clear error. */
  static async open(directory: string, file: string, options: DatabaseOptions = {}): Promise<Database> {
    mkdirSync(join(directory, 'tmp'), { recursive: true });
    const path = join(directory, file);
    const config = duckdb.create_config();
    duckdb.set_config(config, 'memory_limit', options.memoryLimit ?? '1GB');
    duckdb.set_config(config, 'temp_directory', join(directory, 'tmp'));
    if (options.threads) duckdb.set_config(config, 'threads', String(options.threads));
    let raw: duckdb.Database;
    try {
      raw = await duckdb.open(path, config);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/lock/i.test(message)) {
        throw new StorageError(
          'store-locked',
          `${path} is in use by another process (a running server or import); stop it, or send the work to the server`,
          { cause: error },
        );
      }
      throw error;
    }
    const instance = new DuckDBInstance(raw);
    const rawConnection = await duckdb.connect(raw);
    const connection = new DuckDBConnection(rawConnection);
    await connection.run(
      "SET TimeZone = 'UTC'; SET enable_progress_bar = true; SET enable_progress_bar_print = false",
    );
    return new Database(instance, connection, rawConnection, path);
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Rows as plain objects; BIGINT arrives as number. */
  async rows<T extends Row = Row>(sql: string): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => {
      const plain: Row = {};
      for (const [key, value] of Object.entries(row)) plain[key] = plainValue(value);
      return plain as T;
    });
  }

  async row<T extends Row = Row>(sql: string): Promise<T | undefined> {
    return (await this.rows<T>(sql))[0];
  }

  /**
   * A materialized result as the C API hands it over: DuckDB runs the query on all threads,
   * and its vectors can be copied out whole (far faster than a streaming fetch per chunk).
   */
  materialize(sql: string): Promise<duckdb.Result> {
    return duckdb.query(this.rawConnection, sql);
  }

  /** How far the running statement is, 0..100, or -1 when unknown. */
  progress(): number {
    return this.connection.progress.percentage;
  }

  /** Runs `work` in one transaction: all of it is stored, or none of it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
