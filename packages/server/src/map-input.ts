/**
 * Maps arriving in requests, checked by core as `touchline validate` checks a file: older
 * documents are migrated, and every problem names its line, column and field. A map sent as a
 * JSON document (not as text) is located in its two-space-indented JSON, the form a client shows.
 */
import { z } from '@hono/zod-openapi';
import {
  formatPath,
  formatProblem,
  type JourneyMap,
  loadMapText,
  type MapFile,
  type Problem,
} from '@touchline/core';
import { HttpError } from './errors.ts';

export const ProblemSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.string().openapi({ example: 'unknown-reference' }),
    message: z.string(),
    field: z.string().openapi({ description: 'the field at fault', example: 'stages[2].steps[0].next' }),
    path: z.array(z.union([z.string(), z.number()])),
    file: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    text: z.string().openapi({
      description: 'the problem as `touchline validate` prints it',
      example: 'map.yaml:12:9: stages[2].steps[0].next: unknown step "chekout"',
    }),
  })
  .openapi('MapProblem');

export type MapProblem = z.infer<typeof ProblemSchema>;

export function describeProblem(problem: Problem): MapProblem {
  return {
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    field: formatPath(problem.path),
    path: [...problem.path],
    ...(problem.file !== undefined ? { file: problem.file } : {}),
    ...(problem.line !== undefined ? { line: problem.line } : {}),
    ...(problem.column !== undefined ? { column: problem.column } : {}),
    text: formatProblem(problem),
  };
}

/** 400 `invalid-map`, its details the problems. */
export function invalidMap(problems: readonly Problem[]): HttpError {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const first = errors[0] ?? problems[0];
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  return new HttpError(
    400,
    'invalid-map',
    `the map has ${count}${first ? `; the first: ${formatProblem(first)}` : ''}`,
    problems.map(describeProblem),
  );
}

/** Reads the text of a map file (YAML or JSON); throws `invalid-map` when it is not a valid map. */
export function readMapText(text: string, fileName: string): MapFile {
  const result = loadMapText(text, fileName);
  if (!result.ok) throw invalidMap(result.problems);
  return result.file;
}

/** Checks a map sent as a JSON document; throws `invalid-map` when it is not a valid map. */
export function readMapDocument(document: unknown): JourneyMap {
  return readMapText(`${JSON.stringify(document, null, 2)}\n`, 'map.json').map;
}
