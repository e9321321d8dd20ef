import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../schema.ts';
import { buildShoesMap } from '../templates/shoes.ts';
import type { EditAction } from './actions.ts';
import {
  addDepartment,
  assignDepartment,
  deleteDepartment,
  editDepartment,
  unassignDepartment,
} from './departments.ts';
import { deepFreeze, outcomeOf } from './test-support.ts';

const shoes = (): JourneyMap => deepFreeze(buildShoesMap('en'));
const steps = (map: JourneyMap) => map.stages.flatMap((stage) => stage.steps);

describe('department operations', () => {
  it('adds, edits and clears the description of a department', () => {
    let map = addDepartment(shoes(), { name: 'IT & data', description: 'Runs the shop' });
    expect(map.departments?.at(-1)).toEqual({
      id: 'it-data',
      name: 'IT & data',
      description: 'Runs the shop',
    });
    map = editDepartment(map, { departmentId: 'it-data', name: 'IT', description: null });
    expect(map.departments?.at(-1)).toEqual({ id: 'it-data', name: 'IT' });
  });

  it('assigns a department to a step and unassigns it', () => {
    let map = assignDepartment(shoes(), { stepId: 'tries-on', departmentId: 'logistics-service-providers' });
    expect(steps(map).find((s) => s.id === 'tries-on')?.departments).toEqual([
      'product-management',
      'logistics-service-providers',
    ]);
    map = unassignDepartment(map, { stepId: 'tries-on', departmentId: 'product-management' });
    expect(steps(map).find((s) => s.id === 'tries-on')?.departments).toEqual(['logistics-service-providers']);
  });

  it('deletes a department from touchpoints, steps and objections', () => {
    const map = deleteDepartment(shoes(), { departmentId: 'marketing' });
    expect(map.departments?.map((d) => d.id)).not.toContain('marketing');
    expect(map.touchpoints?.filter((t) => t.department === 'marketing')).toEqual([]);
    expect(steps(map).filter((s) => s.departments?.includes('marketing'))).toEqual([]);
    const objections = map.stages.flatMap((stage) => stage.objections ?? []);
    expect(objections.find((o) => o.id === 'irrelevant-ads')).not.toHaveProperty('department');
    expect(objections.find((o) => o.id === 'size-doubt')?.department).toBe('product-management');
  });

  it.each<[EditAction, string]>([
    [{ type: 'addDepartment', name: '' }, 'empty-text: department name must not be empty'],
    [
      { type: 'addDepartment', name: 'Legal', id: 'legal' },
      'id-taken: department id "legal" is already taken',
    ],
    [{ type: 'editDepartment', departmentId: 'it', name: 'IT' }, 'not-found: department "it" does not exist'],
    [
      { type: 'assignDepartment', stepId: 'checkout', departmentId: 'legal' },
      'duplicate: department "legal" is already on step "checkout"',
    ],
    [
      { type: 'assignDepartment', stepId: 'checkout', departmentId: 'it' },
      'not-found: department "it" does not exist',
    ],
    [
      { type: 'unassignDepartment', stepId: 'checkout', departmentId: 'marketing' },
      'not-found: department "marketing" is not on step "checkout"',
    ],
  ])('refuses %j', (action, outcome) => {
    expect(outcomeOf(shoes(), action)).toBe(outcome);
  });
});
