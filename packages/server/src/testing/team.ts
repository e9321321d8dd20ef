/** A workspace with an owner, an editor and a viewer, and a map in it, for route tests. */
import { buildShoesMap, type JourneyMap } from '@touchline/core';
import type { Role } from '@touchline/storage';
import type { TestClient, TestServer } from './test-server.ts';

/** Invites `email` into the owner's workspace with `role` and signs them up by that invitation. */
export async function invited(
  server: TestServer,
  owner: TestClient,
  slug: string,
  email: string,
  role: Role,
  name: string,
): Promise<{ client: TestClient; id: string }> {
  const invitation = await owner.post<{ token: string }>(`/api/workspaces/${slug}/invitations`, {
    email,
    role,
  });
  if (invitation.status !== 201) throw new Error(`inviting ${email}: ${invitation.status}`);
  const client = server.client();
  const joined = await client.post<{ user: { id: string } }>('/api/auth/signup', {
    email,
    name,
    password: 'long enough password',
    invitation: invitation.body.token,
  });
  if (joined.status !== 201) throw new Error(`signing up ${email}: ${joined.status}`);
  return { client, id: joined.body.user.id };
}

/** Puts a map into a workspace straight through the store (the maps API is not needed to test around it). */
export async function storedMap(
  server: TestServer,
  slug: string,
  document: JourneyMap = buildShoesMap('en'),
) {
  const workspace = await server.deps.store.workspaces.bySlug(slug);
  if (!workspace) throw new Error(`no workspace ${slug}`);
  return server.deps.store.maps.create({ workspaceId: workspace.id, document, authorId: null });
}

/**
 * Ann de Vries owns workspace `slug` (named after her) with a shoe map; Eddie Smith edits and Vic
 * views there. Zed owns workspace `zedSlug` with a map of its own, and is no member of Ann's.
 */
export async function team(server: TestServer) {
  const ann = server.client();
  const signedUp = await ann.signUp('ann@example.com', 'correct horse battery', 'Ann de Vries');
  const slug = signedUp.body.workspaces[0]?.slug ?? '';
  const eddie = await invited(server, ann, slug, 'eddie@example.com', 'editor', 'Eddie Smith');
  const vic = await invited(server, ann, slug, 'vic@example.com', 'viewer', 'Vic');
  const zed = server.client();
  const zedSignedUp = await zed.signUp('zed@example.org', 'correct horse battery', 'Zed');
  if (zedSignedUp.status !== 201) throw new Error('the test server needs openSignup for Zed');
  const zedSlug = zedSignedUp.body.workspaces[0]?.slug ?? '';
  return {
    slug,
    zedSlug,
    ann: { client: ann, id: signedUp.body.user.id },
    eddie,
    vic,
    zed: { client: zed, id: zedSignedUp.body.user.id },
    map: await storedMap(server, slug),
    zedMap: await storedMap(server, zedSlug),
  };
}
