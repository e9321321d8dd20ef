/**
 * Maps of a workspace. Every save is a new version (who, when), kept for history, restore and
 * diff. Saves are optimistic: a save names the version it was based on and is refused when
 * someone saved since, so nothing is silently overwritten.
 */
import type { JourneyMap } from '@touchline/core';
import { sql } from 'kysely';
import type { ServiceContext } from './context.ts';
import { reusableQuery } from './reusable-query.ts';

export interface MapSummary {
  id: string;
  workspaceId: string;
  title: string;
  version: number;
  createdBy: string | null;
  createdAt: number;
  updatedBy: string | null;
  updatedAt: number;
}

/** A map as a listing shows it: the summary, who saved last, and the shape of its current version. */
export interface MapCard extends MapSummary {
  /** Name of the person who saved the current version; null when Touchline made it. */
  updatedByName: string | null;
  language: string;
  style: string;
  stageCount: number;
  stepCount: number;
}

export interface MapVersion {
  mapId: string;
  version: number;
  authorId: string | null;
  /** Null when Touchline made the version. */
  authorName: string | null;
  createdAt: number;
  note: string | null;
}

/**
 * A map as it was at one version: `version`, `title`, `updatedBy` and `updatedAt` are those of
 * `document`'s version, so the same version always reads the same.
 */
export interface StoredMap extends MapSummary {
  document: JourneyMap;
}

/** The current version of a live map, without its document. */
export interface MapHead {
  id: string;
  version: number;
}

export type SaveResult =
  | { ok: true; map: StoredMap }
  /** Someone saved first: the map as it is now. */
  | { ok: false; current: StoredMap };

export interface ShareLink {
  id: string;
  mapId: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

const headQuery = reusableQuery((db, mapId: string, workspaceId: string) =>
  db
    .selectFrom('maps')
    .select(['id', 'version'])
    .where('id', '=', mapId)
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null),
);

export class Maps {
  constructor(private readonly context: ServiceContext) {}

  /** A new map at version 1; `sourceText` is the YAML text it was imported from, when it was. */
  async create(input: {
    workspaceId: string;
    document: JourneyMap;
    authorId: string | null;
    note?: string;
    sourceText?: string;
  }): Promise<StoredMap> {
    const now = this.context.now();
    const id = this.context.newId('map');
    await this.context.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('maps')
        .values({
          id,
          workspace_id: input.workspaceId,
          title: input.document.title,
          version: 1,
          created_by: input.authorId,
          created_at: now,
          updated_by: input.authorId,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('map_versions')
        .values({
          map_id: id,
          version: 1,
          document: JSON.stringify(input.document),
          author_id: input.authorId,
          created_at: now,
          note: input.note ?? null,
          source_text: input.sourceText ?? null,
        })
        .execute();
    });
    return {
      id,
      workspaceId: input.workspaceId,
      title: input.document.title,
      version: 1,
      createdBy: input.authorId,
      createdAt: now,
      updatedBy: input.authorId,
      updatedAt: now,
      document: input.document,
    };
  }

  async list(workspaceId: string): Promise<MapSummary[]> {
    const rows = await this.context.db
      .selectFrom('maps')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .orderBy('updated_at', 'desc')
      .execute();
    return rows.map(toSummary);
  }

  /** Live maps of the workspace as cards, the most recently saved first. */
  async cards(workspaceId: string): Promise<MapCard[]> {
    const rows = await this.context.db
      .selectFrom('maps')
      .innerJoin('map_versions', (join) =>
        join.onRef('map_versions.map_id', '=', 'maps.id').onRef('map_versions.version', '=', 'maps.version'),
      )
      .leftJoin('users', 'users.id', 'maps.updated_by')
      .selectAll('maps')
      .select([
        'users.name as updated_by_name',
        sql<string>`json_extract(map_versions.document, '$.language')`.as('language'),
        sql<string>`json_extract(map_versions.document, '$.style')`.as('style'),
        sql<number>`json_array_length(map_versions.document, '$.stages')`.as('stage_count'),
        sql<number>`(select coalesce(sum(json_array_length(stage.value, '$.steps')), 0)
          from json_each(map_versions.document, '$.stages') as stage)`.as('step_count'),
      ])
      .where('maps.workspace_id', '=', workspaceId)
      .where('maps.deleted_at', 'is', null)
      .orderBy('maps.updated_at', 'desc')
      .execute();
    return rows.map((row) => ({
      ...toSummary(row),
      updatedByName: row.updated_by_name,
      language: row.language,
      style: row.style,
      stageCount: Number(row.stage_count),
      stepCount: Number(row.step_count),
    }));
  }

  /** The current version of a live map of the workspace: a cheap check before a cached read. */
  async head(workspaceId: string, mapId: string): Promise<MapHead | undefined> {
    return (await headQuery(this.context.db, mapId, workspaceId))[0];
  }

  /** A live map of the workspace at its current version, or at `version`. */
  async get(workspaceId: string, mapId: string, version?: number): Promise<StoredMap | undefined> {
    const row = await this.context.db
      .selectFrom('maps')
      .innerJoin('map_versions', 'map_versions.map_id', 'maps.id')
      .select([
        'maps.id',
        'maps.workspace_id',
        'maps.created_by',
        'maps.created_at',
        'map_versions.version',
        'map_versions.author_id as updated_by',
        'map_versions.created_at as updated_at',
        'map_versions.document',
      ])
      .where('maps.id', '=', mapId)
      .where('maps.workspace_id', '=', workspaceId)
      .where('maps.deleted_at', 'is', null)
      .where((eb) =>
        version === undefined
          ? eb('map_versions.version', '=', eb.ref('maps.version'))
          : eb('map_versions.version', '=', version),
      )
      .executeTakeFirst();
    if (!row) return undefined;
    const document = JSON.parse(row.document) as JourneyMap;
    return { ...toSummary({ ...row, title: document.title }), document };
  }

  /**
   * The YAML text the map was last imported from at or before `version`, with the version it
   * became: an export writes the map into it so the text's comments stay where nothing changed.
   */
  async sourceText(
    workspaceId: string,
    mapId: string,
    version: number,
  ): Promise<{ version: number; text: string } | undefined> {
    const row = await this.context.db
      .selectFrom('map_versions')
      .innerJoin('maps', 'maps.id', 'map_versions.map_id')
      .select(['map_versions.version', 'map_versions.source_text'])
      .where('maps.id', '=', mapId)
      .where('maps.workspace_id', '=', workspaceId)
      .where('maps.deleted_at', 'is', null)
      .where('map_versions.version', '<=', version)
      .where('map_versions.source_text', 'is not', null)
      .orderBy('map_versions.version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.source_text ? { version: row.version, text: row.source_text } : undefined;
  }

  /** Saves a new version based on `baseVersion`; refused when the map has moved on since. */
  async save(input: {
    workspaceId: string;
    mapId: string;
    baseVersion: number;
    document: JourneyMap;
    authorId: string | null;
    note?: string;
  }): Promise<SaveResult | undefined> {
    const now = this.context.now();
    const saved = await this.context.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('maps')
        .set({
          version: input.baseVersion + 1,
          title: input.document.title,
          updated_by: input.authorId,
          updated_at: now,
        })
        .where('id', '=', input.mapId)
        .where('workspace_id', '=', input.workspaceId)
        .where('deleted_at', 'is', null)
        .where('version', '=', input.baseVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await trx
        .insertInto('map_versions')
        .values({
          map_id: input.mapId,
          version: input.baseVersion + 1,
          document: JSON.stringify(input.document),
          author_id: input.authorId,
          created_at: now,
          note: input.note ?? null,
        })
        .execute();
      return true;
    });
    // The version saved, not whatever is current by now: another save may have followed.
    const current = await this.get(input.workspaceId, input.mapId, saved ? input.baseVersion + 1 : undefined);
    if (!current) return undefined;
    return saved ? { ok: true, map: current } : { ok: false, current };
  }

  async versions(workspaceId: string, mapId: string): Promise<MapVersion[] | undefined> {
    if (!(await this.exists(workspaceId, mapId))) return undefined;
    const rows = await this.context.db
      .selectFrom('map_versions')
      .leftJoin('users', 'users.id', 'map_versions.author_id')
      .select([
        'map_versions.map_id',
        'map_versions.version',
        'map_versions.author_id',
        'users.name as author_name',
        'map_versions.created_at',
        'map_versions.note',
      ])
      .where('map_versions.map_id', '=', mapId)
      .orderBy('map_versions.version', 'desc')
      .execute();
    return rows.map((row) => ({
      mapId: row.map_id,
      version: row.version,
      authorId: row.author_id,
      authorName: row.author_name,
      createdAt: row.created_at,
      note: row.note,
    }));
  }

  async delete(workspaceId: string, mapId: string): Promise<boolean> {
    const result = await this.context.db
      .updateTable('maps')
      .set({ deleted_at: this.context.now() })
      .where('id', '=', mapId)
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private async exists(workspaceId: string, mapId: string): Promise<boolean> {
    const row = await this.context.db
      .selectFrom('maps')
      .select('id')
      .where('id', '=', mapId)
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  async createShareLink(input: {
    workspaceId: string;
    mapId: string;
    tokenHash: string;
    createdBy: string;
    expiresAt: number | null;
  }): Promise<ShareLink | undefined> {
    if (!(await this.exists(input.workspaceId, input.mapId))) return undefined;
    const row = {
      id: this.context.newId('share'),
      map_id: input.mapId,
      token_hash: input.tokenHash,
      created_by: input.createdBy,
      created_at: this.context.now(),
      expires_at: input.expiresAt,
    };
    await this.context.db.insertInto('share_links').values(row).execute();
    return toShareLink({ ...row, revoked_at: null });
  }

  async shareLinks(workspaceId: string, mapId: string): Promise<ShareLink[] | undefined> {
    if (!(await this.exists(workspaceId, mapId))) return undefined;
    const rows = await this.context.db
      .selectFrom('share_links')
      .selectAll()
      .where('map_id', '=', mapId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toShareLink);
  }

  async revokeShareLink(workspaceId: string, mapId: string, linkId: string): Promise<boolean> {
    if (!(await this.exists(workspaceId, mapId))) return false;
    const result = await this.context.db
      .updateTable('share_links')
      .set({ revoked_at: this.context.now() })
      .where('id', '=', linkId)
      .where('map_id', '=', mapId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The map a live share link opens: not revoked, not expired, the map not deleted. */
  async shared(tokenHash: string): Promise<StoredMap | undefined> {
    const link = await this.context.db
      .selectFrom('share_links')
      .innerJoin('maps', 'maps.id', 'share_links.map_id')
      .select(['maps.id', 'maps.workspace_id'])
      .where('share_links.token_hash', '=', tokenHash)
      .where('share_links.revoked_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('share_links.expires_at', 'is', null),
          eb('share_links.expires_at', '>', this.context.now()),
        ]),
      )
      .executeTakeFirst();
    return link && this.get(link.workspace_id, link.id);
  }
}

function toSummary(row: {
  id: string;
  workspace_id: string;
  title: string;
  version: number;
  created_by: string | null;
  created_at: number;
  updated_by: string | null;
  updated_at: number;
}): MapSummary {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

function toShareLink(row: {
  id: string;
  map_id: string;
  created_by: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}): ShareLink {
  return {
    id: row.id,
    mapId: row.map_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
