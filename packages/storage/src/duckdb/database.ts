/**
 * A DuckDB database file with the few operations the store needs: statements, rows as plain
 * objects (BIGINT converted to number here, at the edge), materialized results, transactions,
 * appenders, and snapshots for reading while another transaction writes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DuckDBAppender,
  DuckDBConnection,
  DuckDBInstance,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';
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

/**
 * Every connection's settings. `in_clause` is off because it turns a list of five or more
 * constants (`channel IN (1, 2, 3, 4, 5)`) into a join, and a join does not keep the table's
 * order, which scans depend on.
 */
const SESSION_SETTINGS = [
  "SET TimeZone = 'UTC'",
  'SET enable_progress_bar = false',
  'SET enable_progress_bar_print = false',
  "SET disabled_optimizers = 'in_clause'",
].join('; ');

/** One connection: statements run on it one after another. */
export class Connection {
  protected constructor(
    protected readonly connection: DuckDBConnection,
    /** The same connection, for reading whole vectors of a materialized result. */
    private readonly rawConnection: duckdb.Connection,
  ) {}

  protected static async connect(raw: duckdb.Database): Promise<[DuckDBConnection, duckdb.Connection]> {
    const rawConnection = await duckdb.connect(raw);
    const connection = new DuckDBConnection(rawConnection);
    await connection.run(SESSION_SETTINGS);
    return [connection, rawConnection];
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

  private readonly prepared = new Map<string, Promise<DuckDBPreparedStatement>>();

  /**
   * The result's columns as JavaScript values, BIGINT left as bigint (for hashes). With `text`,
   * `sql` is prepared once and `text` bound to `$1`: a long list travels as one JSON value
   * instead of being parsed as SQL every time.
   */
  async columns(sql: string, text?: string): Promise<unknown[][]> {
    if (text === undefined) return (await this.connection.runAndReadAll(sql)).getColumnsJS();
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.prepared.set(sql, statement);
    }
    const ready = await statement;
    ready.bindVarchar(1, text);
    return (await ready.runAndReadAll()).getColumnsJS();
  }

  /**
   * A materialized result as the C API hands it over: DuckDB runs the query on all threads,
   * and its vectors can be copied out whole (far faster than a streaming fetch per chunk).
   */
  materialize(sql: string): Promise<duckdb.Result> {
    return duckdb.query(this.rawConnection, sql);
  }
}

/**
 * A connection of its own in a read transaction: it sees the store as it was when the snapshot
 * was taken, whatever commits meanwhile. `close` ends the transaction and the connection.
 */
export class Snapshot extends Connection {
  private closed = false;

  static async take(raw: duckdb.Database): Promise<Snapshot> {
    const [connection, rawConnection] = await Connection.connect(raw);
    await connection.run('BEGIN TRANSACTION');
    return new Snapshot(connection, rawConnection);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.connection.run('COMMIT');
    } finally {
      this.connection.closeSync();
    }
  }
}

export class Database extends Connection {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly raw: duckdb.Database,
    connection: DuckDBConnection,
    rawConnection: duckdb.Connection,
    readonly path: string,
  ) {
    super(connection, rawConnection);
  }

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
    const [connection, rawConnection] = await Connection.connect(raw);
    return new Database(instance, raw, connection, rawConnection, path);
  }

  /** A consistent view for reading while this connection writes; close it when done. */
  snapshot(): Promise<Snapshot> {
    return Snapshot.take(this.raw);
  }

  /**
   * An appender on `table` in this connection's transaction: its rows are stored with the
   * transaction, or not at all. Close it before the transaction ends.
   */
  appender(table: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table);
  }

  /**
   * Whether DuckDB keeps track of how far statements are. Off by default: keeping track costs
   * about a twentieth of a big statement's time, so it is on only while someone watches.
   */
  async trackProgress(on: boolean): Promise<void> {
    await this.connection.run(`SET enable_progress_bar = ${on}`);
  }

  /** How far the running statement is, 0..100, or -1 when unknown (or not tracked). */
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
