import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './io.ts';
import { type CliSandbox, cliSandbox } from './testing/run-cli.ts';

let cli: CliSandbox;

beforeEach(() => {
  cli = cliSandbox();
});

const EVENTS = [
  'event_id,user_id,timestamp,event,channel,revenue',
  'e1,anna,2026-05-01T10:00:00Z,ad_click,social,',
  'e2,anna,2026-05-01T10:05:00Z,order_completed,,59.95',
  'e3,bram,2026-05-02T09:00:00+02:00,page_view,search,',
].join('\n');

describe('touchline import', () => {
  it('imports a CSV file into the data directory and skips event ids it already has', async () => {
    writeFileSync(cli.path('events.csv'), EVENTS);
    const first = await cli.run('import', 'events.csv');
    expect(first.code).toBe(EXIT_OK);
    expect(first.stdout).toMatch(/^imported 3 of 3 events from events\.csv in [\d.]+ s \([\d,]+ rows\/s\)/);
    const again = await cli.run('import', 'events.csv', '--json');
    expect(again.code).toBe(EXIT_OK);
    expect(JSON.parse(again.stdout)).toMatchObject([{ rows: 3, imported: 0, duplicates: 3 }]);
  });

  it('refuses a file with a bad row, names the line, and imports the rest on request', async () => {
    writeFileSync(cli.path('events.csv'), `${EVENTS}\ne4,carla,yesterday,page_view,,`);
    const refused = await cli.run('import', 'events.csv', '--data', 'store');
    expect(refused.code).toBe(EXIT_INVALID);
    expect(refused.stderr).toContain('events.csv: 1 of 4 rows are invalid; nothing was imported');
    expect(refused.stderr).toContain('line 5: timestamp "yesterday" is not a date');
    const skipped = await cli.run('import', 'events.csv', '--data', 'store', '--skip-invalid');
    expect(skipped.code).toBe(EXIT_OK);
    expect(skipped.stdout).toContain('imported 3 of 4 events');
    expect(skipped.stdout).toContain('line 5: timestamp "yesterday" is not a date');
  });

  it('maps differently named columns', async () => {
    writeFileSync(cli.path('export.csv'), 'visitor,when,what\nv1,2026-05-01T10:00:00Z,page_view\n');
    const result = await cli.run(
      'import',
      'export.csv',
      '--column',
      'user_id=visitor',
      '--column',
      'timestamp=when',
      '--column',
      'event=what',
    );
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('imported 1 of 1 events');
    const bad = await cli.run('import', 'export.csv', '--column', 'user_id');
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.stderr).toContain('write it as field=column');
  });

  it('says what is wrong with a file it cannot read', async () => {
    const missing = await cli.run('import', 'nope.csv');
    expect(missing.code).toBe(EXIT_INVALID);
    expect(missing.stderr).toContain('nope.csv: no such file');
    writeFileSync(cli.path('events.csv'), 'user,time\n');
    const columns = await cli.run('import', 'events.csv');
    expect(columns.code).toBe(EXIT_INVALID);
    expect(columns.stderr).toContain('no column user_id');
  });
});

describe('touchline import-costs', () => {
  it('imports ad spend and refuses a bad row', async () => {
    writeFileSync(
      cli.path('costs.csv'),
      'date,channel,campaign,cost,impressions,viewable_impressions,audible_impressions,clicks\n2026-05-01,social,spring,120,40000,30000,0,400\n',
    );
    const result = await cli.run('import-costs', 'costs.csv');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('imported 1 cost rows from costs.csv');
    writeFileSync(cli.path('bad.csv'), 'date,channel,cost\n2026-05-01,social,lots\n');
    const bad = await cli.run('import-costs', 'bad.csv');
    expect(bad.code).toBe(EXIT_INVALID);
    expect(bad.stderr).toContain('line 2: cost "lots" is not an amount of 0 or more');
  });
});
