/** API keys of a workspace: scoped (ingest or read), stored as a hash, shown to people once. */
import type { ServiceContext } from './context.ts';
import { reusableQuery } from './reusable-query.ts';
import type { ApiKeyScope } from './schema.ts';

export interface ApiKey {
  id: string;
  workspaceId: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const liveKeyQuery = reusableQuery((db, keyHash: string) =>
  db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null),
);

export class ApiKeys {
  /** Last-used times are written at most this often per key, so reads stay reads. */
  private static readonly TOUCH_INTERVAL_MS = 60_000;
  private readonly touched = new Map<string, number>();

  constructor(private readonly context: ServiceContext) {}

  async create(input: {
    workspaceId: string;
    name: string;
    scope: ApiKeyScope;
    prefix: string;
    keyHash: string;
    createdBy: string;
  }): Promise<ApiKey> {
    const row = {
      id: this.context.newId('key'),
      workspace_id: input.workspaceId,
      name: input.name,
      scope: input.scope,
      prefix: input.prefix,
      key_hash: input.keyHash,
      created_by: input.createdBy,
      created_at: this.context.now(),
    };
    await this.context.db.insertInto('api_keys').values(row).execute();
    return toApiKey({ ...row, last_used_at: null, revoked_at: null });
  }

  async list(workspaceId: string): Promise<ApiKey[]> {
    const rows = await this.context.db
      .selectFrom('api_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toApiKey);
  }

  /** The live key with this hash, marking it used. */
  async use(keyHash: string): Promise<ApiKey | undefined> {
    const [row] = await liveKeyQuery(this.context.db, keyHash);
    if (!row) return undefined;
    const now = this.context.now();
    const last = this.touched.get(row.id) ?? row.last_used_at ?? 0;
    if (now - last >= ApiKeys.TOUCH_INTERVAL_MS) {
      this.touched.set(row.id, now);
      await this.context.db
        .updateTable('api_keys')
        .set({ last_used_at: now })
        .where('id', '=', row.id)
        .execute();
    }
    return toApiKey(row);
  }

  async revoke(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.context.db
      .updateTable('api_keys')
      .set({ revoked_at: this.context.now() })
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toApiKey(row: {
  id: string;
  workspace_id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  created_by: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}): ApiKey {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
