/** A path into a document: keys and array indexes, e.g. `['stages', 2, 'steps', 0, 'next']`. */
export type FieldPath = readonly (string | number)[];

export type Severity = 'error' | 'warning';

/** Something wrong with (or weak in) a map, located by field path and, when known, by line and column. */
export interface Problem {
  severity: Severity;
  path: FieldPath;
  message: string;
  /** A stable code per kind of problem, for tools: `unknown-reference`, `no-customer-goal` ... */
  code: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Whether the problem is the key itself (an unknown field) rather than its value. */
  at?: 'key';
}

/** Formats a path as people write it: `stages[2].steps[0].next`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out.length === 0 ? segment : `.${segment}`;
  }
  return out;
}

/** `file:line:column: path: message`, leaving out what is not known. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const path = formatPath(problem.path);
  const body = path.length > 0 ? `${path}: ${problem.message}` : problem.message;
  return where.length > 0 ? `${where}: ${body}` : body;
}

/** Sorts problems by position, then path, so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      formatPath(a.path).localeCompare(formatPath(b.path)),
  );
}
