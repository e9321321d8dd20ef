/**
 * The demo workspace a new server starts with: the shoe journey map and 90 days of a seeded
 * shoe shop's events and ad spend in its event store, so there is something to look at before
 * any real data arrives. Made once, when the server has no workspace at all; the first person
 * to sign up becomes its owner.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData } from '@touchline/analytics';
import { buildShoesMap } from '@touchline/core';
import { writeCostFile, writeEventFile } from '@touchline/storage';
import type { ServerDeps } from './env.ts';

export const DEMO_WORKSPACE_SLUG = 'demo';
export const DEMO_CUSTOMERS = 10_000;
export const DEMO_SEED = 1;

export interface DemoOptions {
  customers?: number;
  log?: (line: string) => void;
}

/** Creates the demo workspace when the server has none; returns whether it did. */
export async function ensureDemoWorkspace(deps: ServerDeps, options: DemoOptions = {}): Promise<boolean> {
  if ((await deps.store.workspaces.all()).length > 0) return false;
  const log = options.log ?? (() => {});
  const workspace = await deps.store.workspaces.create({
    slug: DEMO_WORKSPACE_SLUG,
    name: 'Demo: a shoe shop',
  });
  await deps.store.maps.create({
    workspaceId: workspace.id,
    document: buildShoesMap('en'),
    authorId: null,
    note: 'the demo map',
  });
  const started = performance.now();
  const demo = generateDemoData({ users: options.customers ?? DEMO_CUSTOMERS, seed: DEMO_SEED });
  const folder = mkdtempSync(join(tmpdir(), 'touchline-demo-'));
  try {
    const events = join(folder, 'events.csv');
    const costs = join(folder, 'costs.csv');
    await writeEventFile(events, demo.events);
    await writeCostFile(costs, demo.costs());
    const store = await deps.events.store(workspace.id);
    const imported = await store.importEvents(events);
    await store.importCosts(costs);
    log(
      `demo workspace: the shoe map and ${imported.imported.toLocaleString('en-GB')} events of ${(options.customers ?? DEMO_CUSTOMERS).toLocaleString('en-GB')} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return true;
}
