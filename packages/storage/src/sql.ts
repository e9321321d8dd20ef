/**
 * Quoting for SQL we build ourselves. Every literal and identifier that reaches a query passes
 * through these two functions, so there is one place to get quoting right.
 */

/** A string literal: `it's` -> `'it''s'`. NUL characters cannot appear in SQL text and are refused. */
export function sqlString(value: string): string {
  if (value.includes('\u0000')) throw new Error('a SQL string cannot hold a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/** An identifier: `user id` -> `"user id"`. */
export function sqlIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new Error('a SQL identifier cannot hold a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A finite number as a SQL literal. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
  return String(value);
}
