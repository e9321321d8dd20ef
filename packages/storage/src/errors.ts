/** One error type for storage: a code a program can test, a message a person can act on. */
export type StorageErrorCode =
  | 'file-not-found'
  | 'unsupported-format'
  | 'missing-column'
  | 'unknown-column'
  | 'invalid-rows'
  | 'store-locked'
  | 'store-newer';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** A row that failed validation: where it is and what is wrong. */
export interface RowProblem {
  /** Line in the file (CSV and NDJSON, counting the header) or row number (Parquet). */
  line: number;
  message: string;
}

/** An import refused whole: nothing of the file was stored. */
export class InvalidRowsError extends StorageError {
  constructor(
    readonly file: string,
    readonly problems: readonly RowProblem[],
    readonly invalidRows: number,
    readonly totalRows: number,
    readonly unit: 'line' | 'row',
  ) {
    super(
      'invalid-rows',
      `${file}: ${invalidRows} of ${totalRows} rows are invalid; nothing was imported\n${problems
        .map((p) => `  ${unit} ${p.line}: ${p.message}`)
        .join(
          '\n',
        )}${invalidRows > problems.length ? `\n  ... and ${invalidRows - problems.length} more` : ''}`,
    );
  }
}
