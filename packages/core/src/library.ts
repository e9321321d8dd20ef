/**
 * A workspace's library of personas, touchpoints and departments that its maps share. The library
 * is the one source of truth for the items it holds: a map that has an item with the same id shows
 * the library's item; items the library does not hold stay the map's own.
 */
import { changedFields } from './diff.ts';
import {
  type Department,
  departmentSchema,
  type JourneyMap,
  type Persona,
  personaSchema,
  type Touchpoint,
  touchpointSchema,
} from './schema.ts';

export const LIBRARY_KINDS = ['persona', 'touchpoint', 'department'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

export interface LibraryItems {
  persona: Persona;
  touchpoint: Touchpoint;
  department: Department;
}

/** The schema an item of each kind must meet: the same as inside a map. */
export const LIBRARY_ITEM_SCHEMAS = {
  persona: personaSchema,
  touchpoint: touchpointSchema,
  department: departmentSchema,
} as const;

/** Every item of a workspace's library, by kind. */
export type WorkspaceLibrary = { readonly [K in LibraryKind]: readonly LibraryItems[K][] };

/** The items of one kind a map defines itself. */
export function mapLibraryItems<K extends LibraryKind>(map: JourneyMap, kind: K): readonly LibraryItems[K][] {
  const items: { [P in LibraryKind]: readonly LibraryItems[P][] | undefined } = {
    persona: map.personas,
    touchpoint: map.touchpoints,
    department: map.departments,
  };
  return items[kind] ?? [];
}

/**
 * The map with every persona, touchpoint and department whose id the library holds replaced by
 * the library's item; the rest stay as the map has them, in the map's order. A replaced touchpoint
 * may name a department the map lacks: the library's department is then added, so the result
 * keeps its references (the library only takes touchpoints whose department it holds).
 *
 * @example
 * resolveLibrary(map, { persona: [], touchpoint: [{ id: 'ad', name: 'Display ad', ... }], department: [] });
 * // map.touchpoints: the library's "ad", the map's other touchpoints unchanged
 */
export function resolveLibrary(map: JourneyMap, library: WorkspaceLibrary): JourneyMap {
  const personas = replaceById(map.personas, library.persona);
  const touchpoints = map.touchpoints && replaceById(map.touchpoints, library.touchpoint);
  let departments = map.departments && replaceById(map.departments, library.department);
  const known = new Set((departments ?? []).map((department) => department.id));
  for (const touchpoint of touchpoints ?? []) {
    if (touchpoint.department === undefined || known.has(touchpoint.department)) continue;
    const department = library.department.find((item) => item.id === touchpoint.department);
    if (!department) continue;
    departments = [...(departments ?? []), department];
    known.add(department.id);
  }
  const resolved: JourneyMap = { ...map, personas };
  if (touchpoints) resolved.touchpoints = touchpoints;
  if (departments) resolved.departments = departments;
  return resolved;
}

function replaceById<T extends { id: string }>(items: readonly T[], shared: readonly T[]): T[] {
  const byId = new Map(shared.map((item) => [item.id, item]));
  return items.map((item) => byId.get(item.id) ?? item);
}

/**
 * How an item of a map stands to the library: `linked` (the library holds it and the map's copy is
 * the same), `differs` (the library holds it and the map's copy differs in `fields`; the library's
 * wins when the map is resolved), `local` (the map's own; the library does not hold it).
 */
export interface LibraryLink {
  kind: LibraryKind;
  id: string;
  status: 'linked' | 'differs' | 'local';
  /** For `differs`: the fields in which the map's copy differs from the library's item. */
  fields?: string[];
}

/** The personas, touchpoints and departments of a map, in that order, each with how it stands to the library. */
export function libraryLinks(map: JourneyMap, library: WorkspaceLibrary): LibraryLink[] {
  return LIBRARY_KINDS.flatMap((kind) => {
    const shared = new Map<string, object>(library[kind].map((item) => [item.id, item]));
    return mapLibraryItems(map, kind).map((item): LibraryLink => {
      const inLibrary = shared.get(item.id);
      if (!inLibrary) return { kind, id: item.id, status: 'local' };
      const fields = changedFields(item, inLibrary);
      return fields.length === 0
        ? { kind, id: item.id, status: 'linked' }
        : { kind, id: item.id, status: 'differs', fields };
    });
  });
}
