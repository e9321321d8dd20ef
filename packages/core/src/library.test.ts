import { describe, expect, it } from 'vitest';
import { libraryLinks, mapLibraryItems, resolveLibrary, type WorkspaceLibrary } from './library.ts';
import type { JourneyMap } from './schema.ts';
import { buildShoesMap } from './templates/index.ts';
import { validateMap } from './validate.ts';

function smallMap(): JourneyMap {
  return {
    schemaVersion: 2,
    id: 'shoes',
    title: 'Buying shoes',
    language: 'en',
    style: 'current-state',
    personas: [
      { id: 'buyer', name: 'Buyer' },
      { id: 'gift-giver', name: 'Gift giver' },
    ],
    departments: [{ id: 'marketing', name: 'Marketing' }],
    touchpoints: [
      { id: 'ad', name: 'Ad', channel: 'display', mode: 'online', department: 'marketing' },
      { id: 'cart', name: 'Cart', channel: 'web', mode: 'online' },
    ],
    stages: [
      {
        id: 'awareness',
        name: 'Awareness',
        steps: [{ id: 'clicks', name: 'Clicks an ad', touchpoints: ['ad', 'cart'], feelings: { buyer: 1 } }],
      },
    ],
  };
}

const library: WorkspaceLibrary = {
  persona: [
    { id: 'buyer', name: 'Someone buying shoes', goals: ['Shoes that fit'] },
    { id: 'student', name: 'Student' },
  ],
  touchpoint: [
    {
      id: 'cart',
      name: 'Shopping cart',
      channel: 'web',
      mode: 'online',
      department: 'e-commerce',
      match: [{ event: 'cart_view' }],
    },
  ],
  department: [
    { id: 'e-commerce', name: 'E-commerce' },
    { id: 'service', name: 'Customer service' },
  ],
};

describe('resolveLibrary', () => {
  it("replaces the map's items by id with the library's and keeps the rest in place", () => {
    const map = smallMap();
    const before = structuredClone(map);
    const resolved = resolveLibrary(map, library);
    expect(resolved.personas).toEqual([library.persona[0], { id: 'gift-giver', name: 'Gift giver' }]);
    expect(resolved.touchpoints).toEqual([map.touchpoints?.[0], library.touchpoint[0]]);
    // The library's cart belongs to e-commerce, which the map lacked: it comes along; "service" does not.
    expect(resolved.departments).toEqual([{ id: 'marketing', name: 'Marketing' }, library.department[0]]);
    expect(resolved.stages).toBe(map.stages);
    expect(map).toEqual(before);
    expect(validateMap(resolved).problems).toEqual([]);
  });

  it('leaves a map without shared items as it was', () => {
    const map = smallMap();
    expect(resolveLibrary(map, { persona: [], touchpoint: [], department: [] })).toEqual(map);
    const bare = { ...smallMap(), departments: undefined, touchpoints: undefined };
    expect(resolveLibrary(bare, library)).toEqual({
      ...bare,
      personas: [library.persona[0], bare.personas[1]],
    });
  });

  it('makes the map match the library it resolves against, item for item', () => {
    const shoes = buildShoesMap('en');
    const renamed: WorkspaceLibrary = {
      persona: shoes.personas.map((p) => ({ ...p, name: `${p.name} (shared)` })),
      touchpoint: (shoes.touchpoints ?? []).filter((_, i) => i % 2 === 0).map((t) => ({ ...t, name: 'x' })),
      department: [],
    };
    const resolved = resolveLibrary(shoes, renamed);
    const sharedIds = new Set(renamed.touchpoint.map((t) => t.id));
    for (const [i, touchpoint] of (resolved.touchpoints ?? []).entries()) {
      const original = shoes.touchpoints?.[i];
      expect(touchpoint.id).toBe(original?.id);
      expect(touchpoint.name).toBe(sharedIds.has(touchpoint.id) ? 'x' : original?.name);
    }
    expect(resolved.personas.every((p) => p.name.endsWith('(shared)'))).toBe(true);
    expect(libraryLinks(resolved, renamed).filter((link) => link.status === 'differs')).toEqual([]);
  });
});

describe('libraryLinks', () => {
  it('tells linked items from those that differ and those the map keeps to itself', () => {
    const map = smallMap();
    map.departments?.push({ id: 'service', name: 'Customer service' });
    expect(libraryLinks(map, library)).toEqual([
      { kind: 'persona', id: 'buyer', status: 'differs', fields: ['name', 'goals'] },
      { kind: 'persona', id: 'gift-giver', status: 'local' },
      { kind: 'touchpoint', id: 'ad', status: 'local' },
      { kind: 'touchpoint', id: 'cart', status: 'differs', fields: ['name', 'department', 'match'] },
      { kind: 'department', id: 'marketing', status: 'local' },
      { kind: 'department', id: 'service', status: 'linked' },
    ]);
  });

  it('counts every item of the map once', () => {
    const shoes = buildShoesMap('en');
    const count =
      mapLibraryItems(shoes, 'persona').length +
      mapLibraryItems(shoes, 'touchpoint').length +
      mapLibraryItems(shoes, 'department').length;
    expect(count).toBe(
      shoes.personas.length + (shoes.touchpoints?.length ?? 0) + (shoes.departments?.length ?? 0),
    );
    expect(libraryLinks(shoes, { persona: [], touchpoint: [], department: [] })).toHaveLength(count);
  });
});
