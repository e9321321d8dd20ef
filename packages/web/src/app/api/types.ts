/**
 * What the server's API answers, as the client reads it (the server's OpenAPI document at
 * /api/openapi.json is the source; these are its shapes the pages use). Times are epoch ms.
 */
import type { JourneyMap, Language } from '@touchline/core';

export type { JourneyMap, Language };

export type Role = 'owner' | 'editor' | 'viewer';

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: number;
}

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  createdAt: number;
}

export interface WorkspaceWithRole extends Workspace {
  role: Role;
}

export interface Session {
  user: User;
  /** Sent as X-CSRF-Token with every write made with the session cookie. */
  csrfToken: string;
  workspaces: WorkspaceWithRole[];
}

export interface MapCard {
  id: string;
  title: string;
  version: number;
  createdBy: string | null;
  createdAt: number;
  updatedBy: string | null;
  /** Null when Touchline made the version (the demo map). */
  updatedByName: string | null;
  updatedAt: number;
  language: string;
  style: string;
  stageCount: number;
  stepCount: number;
}

export interface StoredMap {
  id: string;
  title: string;
  version: number;
  createdBy: string | null;
  createdAt: number;
  updatedBy: string | null;
  updatedAt: number;
  document: JourneyMap;
}

export interface MapVersion {
  version: number;
  author: { id: string; name: string | null } | null;
  createdAt: number;
  note: string | null;
}

/** Every format a map downloads in (GET .../maps/{map}/export?format=). */
export type ExportFormat = 'yaml' | 'json' | 'svg' | 'png' | 'pdf' | 'md' | 'csv' | 'mermaid' | 'matrix';
/** What a share link's visitor may download. */
export type SharedExportFormat = 'svg' | 'png' | 'pdf' | 'md' | 'csv';

export type Localised = Record<Language, string>;

export interface MapTemplate {
  id: string;
  stages: number;
  name: Localised;
  description: Localised;
  /** The SVG preview's path in each language. */
  preview: Localised;
}

/** A problem of a map file, as `touchline validate` reports it. */
export interface MapProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  field: string;
  path: (string | number)[];
  file?: string;
  line?: number;
  column?: number;
  /** The problem as one line: `map.yaml:12:9: stages[2].steps[0].next: unknown step "chekout"`. */
  text: string;
}

export interface Member extends User {
  role: Role;
  joinedAt: number;
}

export interface Invitation {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

export type ApiKeyScope = 'ingest' | 'read';

export interface ApiKey {
  id: string;
  workspaceId: string;
  name: string;
  scope: ApiKeyScope;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ShareLink {
  id: string;
  mapId: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  /** Neither revoked nor expired. */
  active: boolean;
}

export interface SharedMap {
  title: string;
  version: number;
  updatedAt: number;
  document: JourneyMap;
}
