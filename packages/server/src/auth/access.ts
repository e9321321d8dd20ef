/**
 * Authorisation: what an actor may do in a workspace. Viewers read, editors also write, owners
 * also manage people, keys and the workspace. API keys act in their own workspace only: `read`
 * keys read maps and analytics, `ingest` keys only send events. A workspace the actor cannot see
 * answers 404, so its existence is not given away.
 */
import type { Role, ServiceStore } from '@touchline/storage';
import type { Context } from 'hono';
import type { Actor, AppEnv, WorkspaceAccess } from '../env.ts';
import { HttpError } from '../errors.ts';

export type Need = 'read' | 'write' | 'manage' | 'ingest';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };
const NEEDED_RANK: Record<Exclude<Need, 'ingest'>, number> = { read: 0, write: 1, manage: 2 };

export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new HttpError(401, 'unauthenticated', 'sign in, or send an API key');
  return actor;
}

export function requireUser(c: Context<AppEnv>): Extract<Actor, { kind: 'user' }> {
  const actor = requireActor(c);
  if (actor.kind !== 'user')
    throw new HttpError(403, 'forbidden', 'only a signed-in person can do this, not an API key');
  return actor;
}

export async function workspaceAccess(
  c: Context<AppEnv>,
  store: ServiceStore,
  slug: string,
  need: Need,
): Promise<WorkspaceAccess> {
  const actor = requireActor(c);
  const workspace = await store.workspaces.bySlug(slug);
  // Made only when thrown: an error captures a stack trace, a cost on every read otherwise.
  const hidden = () => new HttpError(404, 'not-found', `workspace ${slug} was not found`);
  if (!workspace) throw hidden();
  if (actor.kind === 'key') {
    if (actor.key.workspaceId !== workspace.id) throw hidden();
    const allowed =
      need === 'ingest' ? actor.key.scope === 'ingest' : need === 'read' && actor.key.scope === 'read';
    if (!allowed)
      throw new HttpError(403, 'forbidden', `an API key with scope ${actor.key.scope} cannot do this`);
    return { workspace, actor };
  }
  const role = await store.workspaces.role(workspace.id, actor.user.id);
  if (!role) throw hidden();
  if (need === 'ingest' || RANK[role] < NEEDED_RANK[need]) {
    throw new HttpError(
      403,
      'forbidden',
      `a ${role} cannot do this (it needs ${need === 'manage' ? 'an owner' : 'an editor'})`,
    );
  }
  return { workspace, actor, role };
}
