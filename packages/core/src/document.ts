import {
  Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  type ParsedNode,
  parseDocument,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { migrateDocument } from './migrations.ts';
import { type FieldPath, type Problem, sortProblems } from './problems.ts';
import type { JourneyMap } from './schema.ts';
import { validateMap } from './validate.ts';

export type MapFormat = 'yaml' | 'json';

/** A loaded map file: the map, and the YAML document it came from (which keeps its comments). */
export interface MapFile {
  map: JourneyMap;
  format: MapFormat;
  document: Document;
  /** The text as read, returned as is when the map is saved unchanged. */
  source?: string;
  /** Finds the line and column of a field, so later checks (lint) can point into the file too. */
  positionOf(path: FieldPath, atKey?: boolean): { line: number; column: number } | undefined;
  /** The schema version the file declared, when it was migrated from an older one. */
  migratedFrom?: number;
}

export type LoadResult =
  | { ok: true; file: MapFile; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Picks the format from a file name: `.json` is JSON, anything else YAML. */
export function formatOf(fileName: string): MapFormat {
  return fileName.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

/**
 * Parses the text of a map file (YAML, or JSON, which the YAML parser reads too), migrates older
 * versions and validates. Every problem carries the file name, line and column.
 *
 * @example
 * const result = loadMapText(text, 'shoes.yaml');
 * if (!result.ok) for (const p of result.problems) console.error(formatProblem(p));
 */
export function loadMapText(text: string, fileName = '<input>'): LoadResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    keepSourceTokens: false,
  });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const syntaxProblems: Problem[] = document.errors.map((e) => ({
    severity: 'error',
    path: [],
    code: `yaml-${e.code.toLowerCase().replace(/_/g, '-')}`,
    message: e.message,
    file: fileName,
    ...at(e.pos[0]),
  }));
  if (syntaxProblems.length > 0) return { ok: false, problems: syntaxProblems };

  const raw: unknown = document.toJS();
  if (raw === null || raw === undefined) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          path: [],
          code: 'empty',
          message: 'the file is empty',
          file: fileName,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const migration = migrateDocument(raw);
  const positionOf = (path: FieldPath, atKey = false): { line: number; column: number } | undefined => {
    const node = locate(document.contents, path, atKey, migration.migrated);
    return node?.range ? at(node.range[0]) : undefined;
  };
  const { map, problems } = validateMap(migration.document);
  const located = problems.map((problem) => locateProblem(problem, fileName, positionOf));
  if (!map) return { ok: false, problems: sortProblems(located) };
  const format = formatOf(fileName);
  const file: MapFile = migration.migrated
    ? {
        map,
        format,
        document: new Document(map),
        positionOf,
        ...(migration.fromVersion !== undefined ? { migratedFrom: migration.fromVersion } : {}),
      }
    : { map, format, document, source: text, positionOf };
  return { ok: true, file, problems: sortProblems(located) };
}

/** Gives a problem its file, line and column (line 1, column 1 when the field cannot be found). */
export function locateProblem(
  problem: Problem,
  fileName: string,
  positionOf: MapFile['positionOf'],
): Problem {
  const position = positionOf(problem.path, problem.at === 'key') ?? { line: 1, column: 1 };
  return { ...problem, file: fileName, ...position };
}

/**
 * Finds the node a path points at. When part of the path does not exist (a missing field), gives
 * the deepest node that does, unless `exact` is asked for (used for migrated documents, whose paths
 * may not exist in the file as written).
 */
function locate(root: unknown, path: FieldPath, atKey: boolean, exact: boolean): Node | undefined {
  let node: unknown = root;
  let found: Node | undefined = isNode(root) ? root : undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    let next: unknown;
    let pair: Pair | undefined;
    if (isMap(node)) {
      pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      next = pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (pair && atKey && i === path.length - 1 && isNode(pair.key)) return pair.key;
    if (!isNode(next)) {
      // A pair with an empty value (`name:`) still has a key to point at.
      if (pair && isNode(pair.key)) return exact && i < path.length - 1 ? undefined : pair.key;
      return exact ? undefined : found;
    }
    node = next;
    found = next;
  }
  return found;
}

/** Writes a map as a new file's text in the given format. */
export function stringifyMap(map: JourneyMap, format: MapFormat): string {
  if (format === 'json') return `${JSON.stringify(map, null, 2)}\n`;
  return new Document(map).toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Writes a loaded file back, with `map` as its new content. Nodes whose values did not change keep
 * their comments and formatting; changed values are replaced in place.
 */
export function stringifyMapFile(file: MapFile, map: JourneyMap = file.map): string {
  if (file.source !== undefined && deepEqual(map, file.map)) return file.source;
  if (file.format === 'json') return stringifyMap(map, 'json');
  const document = file.document.clone();
  document.contents = syncNode(document, document.contents, map) as ParsedNode;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Returns a node for `value`, reusing `node` (and its comments) where the shapes agree. */
function syncNode(document: Document, node: unknown, value: unknown): unknown {
  if (Array.isArray(value)) {
    const seq = isSeq(node) ? node : new YAMLSeq();
    const items = value.map((item, i) => syncNode(document, seq.items[i], item));
    seq.items = items;
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = isMap(node) ? node : new YAMLMap();
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    const pairs = entries.map(([key, child]) => {
      const existing = map.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (existing) {
        existing.value = syncNode(document, existing.value, child);
        return existing;
      }
      return document.createPair(key, child);
    });
    map.items = pairs as typeof map.items;
    return map;
  }
  if (isScalar(node) && node.value === value) return node;
  if (isScalar(node)) {
    node.value = value;
    return node;
  }
  return document.createNode(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
