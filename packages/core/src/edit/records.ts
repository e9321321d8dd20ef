/** Adding, changing and removing the map's personas, departments and touchpoints, by id. */
import type { z } from 'zod';
import type { JourneyMap } from '../schema.ts';
import { EditError } from './errors.ts';
import {
  checkRecord,
  FIELD_ORDER,
  insertAt,
  insertionIndex,
  moveIndex,
  moveWithin,
  removeAt,
  replaceAt,
  withList,
} from './internal.ts';

export type RecordListKey = 'personas' | 'departments' | 'touchpoints';
type RecordOf<K extends RecordListKey> = NonNullable<JourneyMap[K]>[number];

const KIND: Record<RecordListKey, string> = {
  personas: 'persona',
  departments: 'department',
  touchpoints: 'touchpoint',
};

export function recordIndex<K extends RecordListKey>(map: JourneyMap, key: K, id: string): number {
  const list: readonly RecordOf<K>[] = map[key] ?? [];
  const index = list.findIndex((record) => record.id === id);
  if (index < 0) throw new EditError('not-found', `${KIND[key]} "${id}" does not exist`);
  return index;
}

function withRecords<K extends RecordListKey>(map: JourneyMap, key: K, list: RecordOf<K>[]): JourneyMap {
  return withList(map, key, list, FIELD_ORDER.map);
}

export function insertRecord<K extends RecordListKey>(
  map: JourneyMap,
  key: K,
  record: RecordOf<K>,
  schema: z.ZodType<RecordOf<K>>,
  index: number | undefined,
): JourneyMap {
  const list: readonly RecordOf<K>[] = map[key] ?? [];
  const at = insertionIndex(index, list.length, `a ${KIND[key]}`);
  return withRecords(map, key, insertAt(list, at, checkRecord(schema, record, KIND[key])));
}

export function changeRecord<K extends RecordListKey>(
  map: JourneyMap,
  key: K,
  id: string,
  schema: z.ZodType<RecordOf<K>>,
  change: (record: RecordOf<K>) => RecordOf<K>,
): JourneyMap {
  const list: readonly RecordOf<K>[] = map[key] ?? [];
  const index = recordIndex(map, key, id);
  const record = list[index] as RecordOf<K>;
  const changed = change(record);
  if (changed === record) return map;
  return withRecords(map, key, replaceAt(list, index, checkRecord(schema, changed, KIND[key])));
}

export function removeRecord<K extends RecordListKey>(map: JourneyMap, key: K, id: string): JourneyMap {
  const list: readonly RecordOf<K>[] = map[key] ?? [];
  return withRecords(map, key, removeAt(list, recordIndex(map, key, id)));
}

export function moveRecord<K extends RecordListKey>(
  map: JourneyMap,
  key: K,
  id: string,
  index: number,
): JourneyMap {
  const list: readonly RecordOf<K>[] = map[key] ?? [];
  const from = recordIndex(map, key, id);
  const to = moveIndex(index, list.length, `a ${KIND[key]}`);
  return from === to ? map : withRecords(map, key, moveWithin(list, from, to));
}
