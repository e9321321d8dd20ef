/**
 * Map versions as the API reads them, through a cache. A saved version never changes, so its
 * parsed document and its JSON body are kept per (map, version); a read then costs one small
 * query for the map's current version instead of reading, parsing and serialising the document.
 */
import type { ServiceStore, StoredMap } from '@touchline/storage';

/** The body of a map read: the map at one version (its workspace is in the path already). */
export type MapBody = Omit<StoredMap, 'workspaceId'>;

export interface MapVersionRead {
  map: StoredMap;
  /** `MapBody` as JSON, ready to send. */
  json: string;
  etag: string;
}

/** The ETag of a version: the version number, quoted. */
export function versionEtag(version: number): string {
  return `"${version}"`;
}

/** The version an `If-Match` or `If-None-Match` value names (`"3"`, `W/"3"` or `3`). */
export function versionOfEtag(value: string): number | undefined {
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
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
    const key = cacheKey(mapId, wanted);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const map = await this.store.maps.get(workspaceId, mapId, wanted);
    return map && this.remember(map);
  }

  /** Keeps a version just read or saved. */
  remember(map: StoredMap): MapVersionRead {
    const read = { map, json: JSON.stringify(mapBody(map)), etag: versionEtag(map.version) };
    const key = cacheKey(map.id, map.version);
    this.cache.delete(key);
    this.cache.set(key, read);
    if (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    return read;
  }
}

function cacheKey(mapId: string, version: number): string {
  return `${mapId}@${version}`;
}
