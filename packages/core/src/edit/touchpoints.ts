import { CHANNELS, type Channel, type JourneyMap, type Touchpoint, touchpointSchema } from '../schema.ts';
import {
  addToStepList,
  clearObjectionField,
  FIELD_ORDER,
  newItemId,
  oneOf,
  optionalText,
  patchTexts,
  removeFromStepList,
  requiredText,
  requireId,
  updateEveryStep,
  withField,
  withoutId,
} from './internal.ts';
import { changeRecord, insertRecord, removeRecord } from './records.ts';

const MODES = ['online', 'offline'] as const;

export interface AddTouchpointArgs {
  name: string;
  channel: Channel;
  mode: 'online' | 'offline';
  /** Id of the owning department. */
  department?: string;
  description?: string;
  /** Position in the map's list of touchpoints; left out: the end. */
  index?: number;
  /** Left out: a fresh slug of the name. */
  id?: string;
}

/** Adds a touchpoint to the map (attach it to steps with {@link attachTouchpoint}). */
export function addTouchpoint(map: JourneyMap, args: AddTouchpointArgs): JourneyMap {
  const name = requiredText(args.name, 'touchpoint name');
  const touchpoint: Touchpoint = {
    id: newItemId(
      args.id,
      name,
      (map.touchpoints ?? []).map((t) => t.id),
      'touchpoint',
    ),
    name,
    channel: oneOf(args.channel, CHANNELS, 'channel'),
    mode: oneOf(args.mode, MODES, 'mode'),
  };
  if (args.department !== undefined) {
    touchpoint.department = requireId(map.departments, args.department, 'department').id;
  }
  const description = optionalText(args.description, 'touchpoint description');
  if (description !== undefined) touchpoint.description = description;
  return insertRecord(map, 'touchpoints', touchpoint, touchpointSchema, args.index);
}

/** Each field left out stays as it is; `null` (or `''` for the description) clears an optional one. */
export interface EditTouchpointArgs {
  touchpointId: string;
  name?: string;
  channel?: Channel;
  mode?: 'online' | 'offline';
  department?: string | null;
  description?: string | null;
}

export function editTouchpoint(map: JourneyMap, args: EditTouchpointArgs): JourneyMap {
  return changeRecord(map, 'touchpoints', args.touchpointId, touchpointSchema, (touchpoint) => {
    let next = patchTexts(touchpoint, args, ['description'], 'touchpoint', 'touchpoint');
    const order = FIELD_ORDER.touchpoint;
    if (args.channel !== undefined)
      next = withField(next, 'channel', oneOf(args.channel, CHANNELS, 'channel'), order);
    if (args.mode !== undefined) next = withField(next, 'mode', oneOf(args.mode, MODES, 'mode'), order);
    if (args.department !== undefined) {
      const department =
        args.department === null ? undefined : requireId(map.departments, args.department, 'department').id;
      next = withField(next, 'department', department, order);
    }
    return next;
  });
}

export interface DeleteTouchpointArgs {
  touchpointId: string;
}

/** Deletes a touchpoint, detaching it from every step and from the objections that name it. */
export function deleteTouchpoint(map: JourneyMap, args: DeleteTouchpointArgs): JourneyMap {
  const id = args.touchpointId;
  const removed = removeRecord(map, 'touchpoints', id);
  const detached = updateEveryStep(removed, (step) => withoutId(step, 'touchpoints', id, FIELD_ORDER.step));
  return clearObjectionField(detached, 'touchpoint', id);
}

export interface AttachTouchpointArgs {
  stepId: string;
  touchpointId: string;
  /** Position among the step's touchpoints; left out: the end. */
  index?: number;
}

export function attachTouchpoint(map: JourneyMap, args: AttachTouchpointArgs): JourneyMap {
  requireId(map.touchpoints, args.touchpointId, 'touchpoint');
  return addToStepList(map, args.stepId, 'touchpoints', args.touchpointId, args.index, 'touchpoint');
}

export interface DetachTouchpointArgs {
  stepId: string;
  touchpointId: string;
}

export function detachTouchpoint(map: JourneyMap, args: DetachTouchpointArgs): JourneyMap {
  return removeFromStepList(map, args.stepId, 'touchpoints', args.touchpointId, 'touchpoint');
}
