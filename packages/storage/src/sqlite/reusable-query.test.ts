import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServiceDatabase, type ServiceDb } from './database.ts';
import { reusableQuery } from './reusable-query.ts';

let db: ServiceDb;
beforeEach(async () => {
  db = openServiceDatabase(':memory:').db;
  await db
    .insertInto('workspaces')
    .values([
      { id: 'w1', slug: 'one', name: 'One', created_at: 1 },
      { id: 'w2', slug: 'two', name: 'Two', created_at: 2 },
      { id: 'w3', slug: 'three', name: 'Three', created_at: 3 },
    ])
    .execute();
});
afterEach(async () => {
  await db.destroy();
});

describe('reusableQuery', () => {
  it('answers as the query built anew does, call after call', async () => {
    const between = reusableQuery((db, from: number, to: number, not: string) =>
      db
        .selectFrom('workspaces')
        .select('slug')
        .where('created_at', '>=', from)
        .where('created_at', '<=', to)
        .where('slug', '!=', not)
        .orderBy('created_at'),
    );
    for (const [from, to, not] of [
      [1, 3, 'two'],
      [2, 3, 'one'],
      [1, 1, 'one'],
      [3, 1, 'x'],
    ] as const) {
      const direct = await db
        .selectFrom('workspaces')
        .select('slug')
        .where('created_at', '>=', from)
        .where('created_at', '<=', to)
        .where('slug', '!=', not)
        .orderBy('created_at')
        .execute();
      expect(await between(db, from, to, not)).toEqual(direct);
    }
  });

  it('refuses a query that takes its parameters out of order or adds a value of its own', async () => {
    const swapped = reusableQuery((db, slug: string, name: string) =>
      db.selectFrom('workspaces').selectAll().where('name', '=', name).where('slug', '=', slug),
    );
    // The same value twice would hide the swap from a check on values: placeholders do not.
    await expect(swapped(db, 'one', 'one')).rejects.toThrow(/in order/);
    const constant = reusableQuery((db, slug: string) =>
      db.selectFrom('workspaces').selectAll().where('slug', '=', slug).where('name', '!=', 'Nobody'),
    );
    await expect(constant(db, 'one')).rejects.toThrow(/no other value/);
  });
});
