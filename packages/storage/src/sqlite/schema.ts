/**
 * The service database: workspaces, people, roles, API keys, maps with their versions, share
 * links, comments and the workspace libraries. One SQLite file in WAL mode; each migration is
 * a step of its own, applied in a transaction and counted in `PRAGMA user_version`.
 */
import type { LibraryKind } from '@touchline/core';
import type { ColumnType, Generated } from 'kysely';

export type Role = 'owner' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer'];

export type ApiKeyScope = 'ingest' | 'read';
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['ingest', 'read'];

export { LIBRARY_KINDS, type LibraryKind } from '@touchline/core';

/** Times are epoch milliseconds throughout. */
type Millis = number;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Millis;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Millis;
  expires_at: Millis;
}

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  created_at: Millis;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: Millis;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  created_at: Millis;
  expires_at: Millis;
  accepted_at: Nullable<Millis>;
  accepted_by: Nullable<string>;
  revoked_at: Nullable<Millis>;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  scope: ApiKeyScope;
  /** The first characters of the key, so people can tell keys apart; the rest is never stored. */
  prefix: string;
  key_hash: string;
  created_by: string;
  created_at: Millis;
  last_used_at: Nullable<Millis>;
  revoked_at: Nullable<Millis>;
}

export interface MapsTable {
  id: string;
  workspace_id: string;
  title: string;
  version: number;
  /** Null when Touchline made it (the demo workspace). */
  created_by: Nullable<string>;
  created_at: Millis;
  updated_by: Nullable<string>;
  updated_at: Millis;
  deleted_at: Nullable<Millis>;
}

export interface MapVersionsTable {
  map_id: string;
  version: number;
  /** The journey map as JSON. */
  document: string;
  author_id: Nullable<string>;
  created_at: Millis;
  /** Why this version exists when it is not a plain save, e.g. "restored version 3". */
  note: Nullable<string>;
  /** The YAML text this version was imported from, so an export can keep its comments. */
  source_text: Nullable<string>;
}

export interface ShareLinksTable {
  id: string;
  map_id: string;
  token_hash: string;
  created_by: string;
  created_at: Millis;
  expires_at: Nullable<Millis>;
  revoked_at: Nullable<Millis>;
}

export interface CommentsTable {
  id: string;
  map_id: string;
  /** The thread's first comment, or null for a thread's first comment itself. */
  parent_id: Nullable<string>;
  /** What the comment is pinned to, e.g. `stage:awareness`, `step:checkout`, `step:checkout/painPoints/0`. */
  cell: string;
  body: string;
  /** User ids mentioned with @, as a JSON array. */
  mentions: string;
  author_id: string;
  created_at: Millis;
  resolved_at: Nullable<Millis>;
  resolved_by: Nullable<string>;
  /** When the body was last changed by its author (migration 2). */
  edited_at: Nullable<Millis>;
  seq: Generated<number>;
}

/**
 * Who each comment mentions, one row per person and comment (migration 2): the index behind
 * "comments that mention me", newest first. The comment's `mentions` column stays the record.
 */
export interface CommentMentionsTable {
  user_id: string;
  comment_seq: number;
}

export interface LibraryItemsTable {
  workspace_id: string;
  kind: LibraryKind;
  item_id: string;
  /** The persona, touchpoint or department as JSON, in the map schema's shape. */
  document: string;
  updated_by: Nullable<string>;
  updated_at: Millis;
}

export interface ServiceTables {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  api_keys: ApiKeysTable;
  maps: MapsTable;
  map_versions: MapVersionsTable;
  share_links: ShareLinksTable;
  comments: CommentsTable;
  comment_mentions: CommentMentionsTable;
  library_items: LibraryItemsTable;
}

/** Migrations in order; the database's `user_version` counts those applied. Never edit one that shipped. */
export const SERVICE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX sessions_by_user ON sessions(user_id);
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE memberships (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  ) STRICT;
  CREATE INDEX memberships_by_user ON memberships(user_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    token_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER,
    accepted_by TEXT REFERENCES users(id),
    revoked_at INTEGER
  ) STRICT;
  CREATE INDEX invitations_by_workspace ON invitations(workspace_id);
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('ingest', 'read')),
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
  ) STRICT;
  CREATE INDEX api_keys_by_workspace ON api_keys(workspace_id);
  CREATE TABLE maps (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_by TEXT REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_by TEXT REFERENCES users(id),
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
  ) STRICT;
  CREATE INDEX maps_by_workspace ON maps(workspace_id, deleted_at);
  CREATE TABLE map_versions (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    author_id TEXT REFERENCES users(id),
    created_at INTEGER NOT NULL,
    note TEXT,
    PRIMARY KEY (map_id, version)
  ) STRICT;
  CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER
  ) STRICT;
  CREATE INDEX share_links_by_map ON share_links(map_id);
  CREATE TABLE comments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES comments(id) ON DELETE CASCADE,
    cell TEXT NOT NULL,
    body TEXT NOT NULL,
    mentions TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by TEXT REFERENCES users(id)
  ) STRICT;
  CREATE INDEX comments_by_map ON comments(map_id, seq);
  CREATE TABLE library_items (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('persona', 'touchpoint', 'department')),
    item_id TEXT NOT NULL,
    document TEXT NOT NULL,
    updated_by TEXT REFERENCES users(id),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, kind, item_id)
  ) STRICT;
  `,
  `
  ALTER TABLE map_versions ADD COLUMN source_text TEXT;
  `,
  `
  ALTER TABLE comments ADD COLUMN edited_at INTEGER;
  CREATE TABLE comment_mentions (
    user_id TEXT NOT NULL,
    comment_seq INTEGER NOT NULL REFERENCES comments(seq) ON DELETE CASCADE,
    PRIMARY KEY (user_id, comment_seq)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX comment_mentions_by_comment ON comment_mentions(comment_seq);
  INSERT OR IGNORE INTO comment_mentions (user_id, comment_seq)
    SELECT mentioned.value, comments.seq FROM comments, json_each(comments.mentions) AS mentioned
    WHERE mentioned.type = 'text';
  `,
];
