import type { JourneyMap } from '../schema.ts';
import { allStepIds, newItemId } from './internal.ts';

export type IdKind = 'stage' | 'step' | 'touchpoint' | 'department' | 'persona';

/**
 * The id an add operation would give an item of this name, for an editor that wants to put it in
 * the action (and select the new item) before applying it.
 *
 * @example
 * freshId(map, 'step', 'Betaalt met iDEAL'); // "betaalt-met-ideal", or "betaalt-met-ideal-2" if taken
 */
export function freshId(map: JourneyMap, kind: IdKind, name: string): string {
  return newItemId(undefined, name, takenIds(map, kind), kind);
}

function takenIds(map: JourneyMap, kind: IdKind): string[] {
  switch (kind) {
    case 'stage':
      return map.stages.map((stage) => stage.id);
    case 'step':
      return allStepIds(map);
    case 'touchpoint':
      return (map.touchpoints ?? []).map((t) => t.id);
    case 'department':
      return (map.departments ?? []).map((d) => d.id);
    case 'persona':
      return map.personas.map((p) => p.id);
  }
}
