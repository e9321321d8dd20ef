import { readFileSync } from 'node:fs';
import { report } from '@touchline/analytics';
import { loadMapText } from '@touchline/core';
import { DuckDbEventStore } from '@touchline/storage';
import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_USAGE } from '../io.ts';
import { cliSandbox } from '../testing/run-cli.ts';

describe('touchline report', () => {
  it('measures the demo map over imported data, writes the actuals into the map and renders it', async () => {
    const cli = cliSandbox();
    expect((await cli.run('init', '-t', 'shoes', '-o', 'shoes.yaml')).code).toBe(EXIT_OK);
    expect(
      (
        await cli.run(
          'demo-data',
          '--users',
          '400',
          '--seed',
          '3',
          '--out',
          'events.csv',
          '--costs',
          'costs.csv',
        )
      ).code,
    ).toBe(EXIT_OK);
    expect((await cli.run('import', 'events.csv')).code).toBe(EXIT_OK);
    expect((await cli.run('import-costs', 'costs.csv')).code).toBe(EXIT_OK);

    const json = await cli.run('report', 'shoes.yaml', '--json');
    expect(json.code).toBe(EXIT_OK);
    const printed = JSON.parse(json.stdout);
    const before = loadMapText(readFileSync(cli.path('shoes.yaml'), 'utf8'), 'shoes.yaml');
    if (!before.ok) throw new Error('the map does not load');
    // The command prints what the measure computes over the same store.
    const store = await DuckDbEventStore.open(cli.path('.touchline'));
    try {
      expect(printed).toEqual(JSON.parse(JSON.stringify(await report(store, before.file.map))));
    } finally {
      store.close();
    }

    const written = await cli.run('report', 'shoes.yaml', '--write', '--render', 'measured.svg');
    expect(written.code).toBe(EXIT_OK);
    expect(written.stdout).toContain('Stage report of shoes');
    const after = loadMapText(readFileSync(cli.path('shoes.yaml'), 'utf8'), 'shoes.yaml');
    if (!after.ok) throw new Error('the written map does not load');
    const ctr = printed.stages[0].kpis.find((k: { kpi: string }) => k.kpi === 'ctr');
    expect(after.file.map.stages[0]?.kpis?.find((k) => k.kpi === 'ctr')?.actual).toBe(
      Number(ctr.actual.toPrecision(4)),
    );
    expect(readFileSync(cli.path('measured.svg'), 'utf8')).toContain('<svg');
  }, 60_000);

  it('refuses a bad churn period and render file', async () => {
    const cli = cliSandbox();
    await cli.run('init', '-t', 'shoes', '-o', 'shoes.yaml');
    expect((await cli.run('report', 'shoes.yaml', '--churn-period', 'soon')).code).toBe(EXIT_USAGE);
    expect((await cli.run('report', 'shoes.yaml', '--render', 'map.docx')).code).toBe(EXIT_USAGE);
  });
});
