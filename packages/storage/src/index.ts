export * from './duckdb/event-store.ts';
export type { CostImportResult } from './duckdb/import-costs.ts';
export type { ImportOptions, ImportProgress, ImportResult } from './duckdb/import-events.ts';
export type { AppendResult } from './duckdb/live.ts';
export * from './errors.ts';
export * from './files.ts';
export * from './sql.ts';
