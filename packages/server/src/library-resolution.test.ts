import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildShoesMap, validateMap } from '@touchline/core';
import { ServiceStore } from '@touchline/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapLibraryLinks, resolveMapForWorkspace } from './library-resolution.ts';

let directory: string;
let store: ServiceStore;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'touchline-library-'));
  store = ServiceStore.open(join(directory, 'touchline.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('resolveMapForWorkspace', () => {
  it("shows the workspace library's items in a map, and only that workspace's", async () => {
    const ours = await store.workspaces.create({ slug: 'ours', name: 'Ours' });
    const theirs = await store.workspaces.create({ slug: 'theirs', name: 'Theirs' });
    await store.library.put(ours.id, 'department', { id: 'crm', name: 'CRM team' }, null);
    await store.library.put(
      ours.id,
      'touchpoint',
      { id: 'newsletter', name: 'Weekly newsletter', channel: 'email', mode: 'online', department: 'crm' },
      null,
    );
    await store.library.put(theirs.id, 'persona', { id: 'first-time-buyer', name: 'Not ours' }, null);
    const shoes = buildShoesMap('en');

    const resolved = await resolveMapForWorkspace({ store }, ours.id, shoes);
    expect(resolved.touchpoints?.find((t) => t.id === 'newsletter')).toEqual({
      id: 'newsletter',
      name: 'Weekly newsletter',
      channel: 'email',
      mode: 'online',
      department: 'crm',
    });
    expect(resolved.departments?.at(-1)).toEqual({ id: 'crm', name: 'CRM team' });
    expect(resolved.personas).toEqual(shoes.personas);
    expect(validateMap(resolved).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const links = await mapLibraryLinks({ store }, ours.id, shoes);
    expect(links.filter((link) => link.status !== 'local')).toEqual([
      { kind: 'touchpoint', id: 'newsletter', status: 'differs', fields: ['name', 'department', 'match'] },
    ]);

    const empty = await store.workspaces.create({ slug: 'empty', name: 'Empty' });
    expect(await resolveMapForWorkspace({ store }, empty.id, shoes)).toEqual(shoes);
  });
});
