/** Opens the service database: SQLite through better-sqlite3, WAL, migrated to the current schema. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { StorageError } from '../errors.ts';
import { SERVICE_MIGRATIONS, type ServiceTables } from './schema.ts';

export type ServiceDb = Kysely<ServiceTables>;

export interface OpenedServiceDatabase {
  db: ServiceDb;
  /** The raw connection, for pragmas and checkpoints. */
  sqlite: BetterSqlite3.Database;
}

/**
 * Opens (creating when new) the SQLite file at `path`, or an in-memory database for `:memory:`.
 * WAL lets reads go on while a write commits; `synchronous = FULL` makes a committed save
 * survive a crash of the machine, not only of the process.
 */
export function openServiceDatabase(path: string): OpenedServiceDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, path);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const database = withStatementCache(sqlite);
  return { db: new Kysely<ServiceTables>({ dialect: new SqliteDialect({ database }) }), sqlite };
}

/** Statements kept at most; past it the cache starts over (queries with varying lists of values). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; SQLite parsing and planning the same text again is a good
 * part of a small read. Statements are kept per SQL text and reused while not busy (a statement
 * still being iterated gets a fresh one).
 */
export function withStatementCache(
  sqlite: BetterSqlite3.Database,
  capacity = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(sql);
      if (!kept) {
        if (statements.size >= capacity) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function migrate(sqlite: BetterSqlite3.Database, path: string): void {
  const applied = sqlite.pragma('user_version', { simple: true }) as number;
  if (applied > SERVICE_MIGRATIONS.length) {
    throw new StorageError(
      'store-newer',
      `${path} was written by a newer Touchline (schema ${applied}; this one reads ${SERVICE_MIGRATIONS.length})`,
    );
  }
  for (let version = applied; version < SERVICE_MIGRATIONS.length; version++) {
    sqlite.transaction(() => {
      sqlite.exec(SERVICE_MIGRATIONS[version] as string);
      sqlite.pragma(`user_version = ${version + 1}`);
    })();
  }
}
