/**
 * Map versions as the API reads them, through a cache. A saved version never changes, so its
 * document (with the workspace library's personas, touchpoints and departments put in: see
 * library-resolution.ts) and its JSON body are kept per (map, version, library revision); a
 * read then costs one small query for the map's current version instead of reading, resolving,
 * parsing and serialising the document.
 */
import type { ServiceStore, StoredMap } from '@touchline/storage';
import { resolveMapForWorkspace } from './library-resolution.ts';

/** The body of a map read: the map at one version (its workspace is in the path already). */
export type MapBody = Omit<StoredMap, 'workspaceId'>;

export interface MapVersionRead {
  map: StoredMap;
  /** `MapBody` as JSON, ready to send. */
  json: string;
  etag: string;
}

/**
 * The ETag of a version as read: the version number, quoted, and the library revision once the
 * library changed while the server runs (the same version then reads differently).
 */
export function versionEtag(version: number, libraryRevision = 0): string {
  return libraryRevision === 0 ? `"${version}"` : `"${version}-${libraryRevision}"`;
}

/** The version an `If-Match` or `If-None-Match` value names (`"3-0"`, `W/"3-0"`, `"3"` or `3`). */
export function versionOfEtag(value: string): number | undefined {
  const match = /^\s*(?:W\/)?"?(\d{1,9})(?:-\d+)?"?\s*$/.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function mapBody({ workspaceId: _, ...body }: StoredMap): MapBody {
  return body;
}

export class MapVersions {
  private readonly cache = new Map<string, MapVersionRead>();

  constructor(
    private readonly store: ServiceStore,
    /** Versions kept; the least recently read goes first. */
    private readonly capacity = 256,
  ) {}

  /** A live map of the workspace at its current version, or at `version`. */
  async read(workspaceId: string, mapId: string, version?: number): Promise<MapVersionRead | undefined> {
    const head = await this.store.maps.head(workspaceId, mapId);
    if (!head) return undefined;
    const wanted = version ?? head.version;
    if (wanted < 1 || wanted > head.version) return undefined;
    const key = cacheKey(mapId, wanted, this.store.library.revision(workspaceId));
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const map = await this.store.maps.get(workspaceId, mapId, wanted);
    return map && this.remember(map);
  }

  /** Keeps a version just read or saved, as the workspace library shows it. */
  async remember(stored: StoredMap): Promise<MapVersionRead> {
    const revision = this.store.library.revision(stored.workspaceId);
    const document = await resolveMapForWorkspace({ store: this.store }, stored.workspaceId, stored.document);
    const map = { ...stored, document };
    const read = { map, json: JSON.stringify(mapBody(map)), etag: versionEtag(map.version, revision) };
    const key = cacheKey(map.id, map.version, revision);
    this.cache.delete(key);
    this.cache.set(key, read);
    if (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    return read;
  }
}

function cacheKey(mapId: string, version: number, libraryRevision: number): string {
  return `${mapId}@${version}#${libraryRevision}`;
}
