// The collect endpoint checks JSON events with analytics' checkEvent; file import checks rows in
// SQL. The same bad event (here an NDJSON line) must get the same messages either way.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEvent } from '@touchline/analytics';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { InvalidRowsError } from '../errors.ts';
import { tempFolder } from '../testing/event-files.ts';
import { DuckDbEventStore } from './event-store.ts';

const good = { user_id: 'c-1', timestamp: '2026-03-01T10:00:00Z', event: 'page_view' };
const BAD_EVENTS: Record<string, unknown>[] = [
  { ...good, user_id: '' },
  { ...good, event: '' },
  { ...good, timestamp: '' },
  { ...good, timestamp: 'yesterday' },
  { ...good, timestamp: '2026-03-01T10:00:00' },
  { ...good, revenue: 'lots' },
  { ...good, value: 'ten' },
  { ...good, properties: [1, 2] },
  { user_id: '', event: '', timestamp: 'soon' },
];

let folder: ReturnType<typeof tempFolder>;
let store: DuckDbEventStore;
beforeEach(async () => {
  folder = tempFolder();
  store = await DuckDbEventStore.open(join(folder.path, 'data'));
});
afterEach(() => {
  store.close();
  folder.cleanup();
});

it('gives a bad event the same messages as file import gives its row', async () => {
  const file = join(folder.path, 'bad.ndjson');
  writeFileSync(file, `${BAD_EVENTS.map((e) => JSON.stringify(e)).join('\n')}\n`);
  const refused = await store.importEvents(file).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(InvalidRowsError);
  const fromImport = (refused as InvalidRowsError).problems.map((p) => p.message);
  const fromCollect = BAD_EVENTS.map((event) => {
    const check = checkEvent(event);
    return check.ok ? 'ok' : check.problems.join('; ');
  });
  expect(fromCollect).toEqual(fromImport);
});
