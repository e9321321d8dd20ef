import { slugify, uniqueSlug } from './ids.ts';
import { CURRENT_SCHEMA_VERSION } from './schema.ts';

/**
 * Migrations bring an older document up to the current schema, one version at a time. Each takes
 * the plain object of version N and returns version N+1; the loader validates the result.
 *
 * Version 1 was the first, flat format: one `persona` as text, steps named but without ids, their
 * touchpoints and departments given by name, and one `emotion` score per step from 1 to 5.
 */
type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

const MIGRATIONS: Record<number, Migration> = {
  1: migrateV1ToV2,
};

export interface MigrationOutcome {
  document: unknown;
  /** The version the input declared. */
  fromVersion: number | undefined;
  migrated: boolean;
}

/**
 * Brings `input` to the current schema version. Leaves it untouched when it already is current,
 * when it declares no version or a version this build does not know (validation then says so).
 */
export function migrateDocument(input: unknown): MigrationOutcome {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { document: input, fromVersion: undefined, migrated: false };
  }
  let doc = input as Record<string, unknown>;
  const fromVersion = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : undefined;
  if (fromVersion === undefined || fromVersion >= CURRENT_SCHEMA_VERSION) {
    return { document: doc, fromVersion, migrated: false };
  }
  for (let version = fromVersion; version < CURRENT_SCHEMA_VERSION; version++) {
    const migration = MIGRATIONS[version];
    if (!migration) return { document: doc, fromVersion, migrated: false };
    doc = migration(doc);
  }
  return { document: doc, fromVersion, migrated: true };
}

type Raw = Record<string, unknown>;

function list(value: unknown): Raw[] {
  return Array.isArray(value) ? value.filter((v): v is Raw => v !== null && typeof v === 'object') : [];
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function migrateV1ToV2(doc: Raw): Raw {
  const { persona, stages, touchpoints, departments, schemaVersion: _version, ...rest } = doc;
  const personaName = typeof persona === 'string' && persona.length > 0 ? persona : 'Customer';
  const personaId = slugify(personaName);
  const taken = {
    stage: new Set<string>(),
    step: new Set<string>(),
    touchpoint: new Set<string>(),
    department: new Set<string>(),
  };
  const touchpointIds = new Map<string, string>();
  const departmentIds = new Map<string, string>();

  const departmentId = (name: string): string => {
    const existing = departmentIds.get(name);
    if (existing) return existing;
    const id = uniqueSlug(slugify(name), taken.department);
    departmentIds.set(name, id);
    return id;
  };
  // v1 listed touchpoints as `{name, channel, online, department}` objects at the top level.
  const migratedTouchpoints = list(touchpoints).map((tp) => {
    const name = String(tp.name ?? 'Touchpoint');
    const id = uniqueSlug(slugify(name), taken.touchpoint);
    touchpointIds.set(name, id);
    const department = typeof tp.department === 'string' ? departmentId(tp.department) : undefined;
    return {
      id,
      name,
      channel: tp.channel ?? 'other',
      mode: tp.online === false ? 'offline' : 'online',
      ...(department ? { department } : {}),
    };
  });
  const touchpointId = (name: string): string => {
    const existing = touchpointIds.get(name);
    if (existing) return existing;
    const id = uniqueSlug(slugify(name), taken.touchpoint);
    touchpointIds.set(name, id);
    migratedTouchpoints.push({ id, name, channel: 'other', mode: 'online' });
    return id;
  };
  for (const name of names(departments)) departmentId(name);

  const migratedStages = list(stages).map((stage) => {
    const { name, steps, kpis, ...stageRest } = stage;
    const stageName = String(name ?? 'Stage');
    return {
      id: uniqueSlug(slugify(stageName), taken.stage),
      name: stageName,
      ...stageRest,
      ...(Array.isArray(kpis) ? { kpis: list(kpis) } : {}),
      steps: list(steps).map((step) => {
        const {
          name: stepName,
          emotion,
          touchpoints: stepTouchpoints,
          departments: stepDepartments,
          ...stepRest
        } = step;
        const label = String(stepName ?? 'Step');
        const migrated: Raw = { id: uniqueSlug(slugify(label), taken.step), name: label, ...stepRest };
        const tps = names(stepTouchpoints).map(touchpointId);
        if (tps.length > 0) migrated.touchpoints = tps;
        const deps = names(stepDepartments).map(departmentId);
        if (deps.length > 0) migrated.departments = deps;
        // v1 scored 1 (very negative) to 5 (very positive); v2 scores -2 to +2.
        if (typeof emotion === 'number') migrated.feelings = { [personaId]: emotion - 3 };
        return migrated;
      }),
    };
  });

  return {
    schemaVersion: 2,
    ...rest,
    personas: [{ id: personaId, name: personaName }],
    ...(departmentIds.size > 0
      ? { departments: [...departmentIds].map(([name, id]) => ({ id, name })) }
      : {}),
    ...(migratedTouchpoints.length > 0 ? { touchpoints: migratedTouchpoints } : {}),
    stages: migratedStages,
  };
}
