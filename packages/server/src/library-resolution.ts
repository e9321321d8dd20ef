/**
 * Where the workspace library meets its maps. A map read through the API shows the library's
 * personas, touchpoints and departments in place of its own copies with the same ids (core's
 * `resolveLibrary`), so a touchpoint renamed in the library is renamed in every map that has it.
 */
import { type JourneyMap, type LibraryLink, libraryLinks, resolveLibrary } from '@touchline/core';
import type { ServerDeps } from './env.ts';

/**
 * The map as the workspace shows it: every persona, touchpoint and department the library holds
 * taken from the library. Call it on the stored document before a route returns or renders a map.
 *
 * @example
 * const stored = await deps.store.maps.get(workspace.id, mapId);
 * const document = await resolveMapForWorkspace(deps, workspace.id, stored.document);
 */
export async function resolveMapForWorkspace(
  deps: Pick<ServerDeps, 'store'>,
  workspaceId: string,
  document: JourneyMap,
): Promise<JourneyMap> {
  return resolveLibrary(document, await deps.store.library.all(workspaceId));
}

/** How each persona, touchpoint and department of a stored map stands to the workspace library. */
export async function mapLibraryLinks(
  deps: Pick<ServerDeps, 'store'>,
  workspaceId: string,
  document: JourneyMap,
): Promise<LibraryLink[]> {
  return libraryLinks(document, await deps.store.library.all(workspaceId));
}
