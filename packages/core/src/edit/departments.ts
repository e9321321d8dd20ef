import { type Department, departmentSchema, type JourneyMap } from '../schema.ts';
import {
  addToStepList,
  clearObjectionField,
  FIELD_ORDER,
  newItemId,
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

export interface AddDepartmentArgs {
  name: string;
  description?: string;
  /** Position in the map's list of departments; left out: the end. */
  index?: number;
  /** Left out: a fresh slug of the name. */
  id?: string;
}

export function addDepartment(map: JourneyMap, args: AddDepartmentArgs): JourneyMap {
  const name = requiredText(args.name, 'department name');
  const department: Department = {
    id: newItemId(
      args.id,
      name,
      (map.departments ?? []).map((d) => d.id),
      'department',
    ),
    name,
  };
  const description = optionalText(args.description, 'department description');
  if (description !== undefined) department.description = description;
  return insertRecord(map, 'departments', department, departmentSchema, args.index);
}

/** Each field left out stays as it is; `null` or `''` clears the description. */
export interface EditDepartmentArgs {
  departmentId: string;
  name?: string;
  description?: string | null;
}

export function editDepartment(map: JourneyMap, args: EditDepartmentArgs): JourneyMap {
  return changeRecord(map, 'departments', args.departmentId, departmentSchema, (department) =>
    patchTexts(department, args, ['description'], 'department', 'department'),
  );
}

export interface DeleteDepartmentArgs {
  departmentId: string;
}

/** Deletes a department; touchpoints, steps and objections it was named on no longer name it. */
export function deleteDepartment(map: JourneyMap, args: DeleteDepartmentArgs): JourneyMap {
  const id = args.departmentId;
  let next = removeRecord(map, 'departments', id);
  if (next.touchpoints?.some((touchpoint) => touchpoint.department === id)) {
    next = {
      ...next,
      touchpoints: next.touchpoints.map((touchpoint) =>
        touchpoint.department === id
          ? withField(touchpoint, 'department', undefined, FIELD_ORDER.touchpoint)
          : touchpoint,
      ),
    };
  }
  next = updateEveryStep(next, (step) => withoutId(step, 'departments', id, FIELD_ORDER.step));
  return clearObjectionField(next, 'department', id);
}

export interface AssignDepartmentArgs {
  stepId: string;
  departmentId: string;
  /** Position among the step's departments; left out: the end. */
  index?: number;
}

/** Makes a department responsible for a step (beyond the owners of its touchpoints). */
export function assignDepartment(map: JourneyMap, args: AssignDepartmentArgs): JourneyMap {
  requireId(map.departments, args.departmentId, 'department');
  return addToStepList(map, args.stepId, 'departments', args.departmentId, args.index, 'department');
}

export interface UnassignDepartmentArgs {
  stepId: string;
  departmentId: string;
}

export function unassignDepartment(map: JourneyMap, args: UnassignDepartmentArgs): JourneyMap {
  return removeFromStepList(map, args.stepId, 'departments', args.departmentId, 'department');
}
