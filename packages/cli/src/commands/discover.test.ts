import { writeFileSync } from 'node:fs';
import { Command } from '@commander-js/extra-typings';
import type { TrackedEvent } from '@touchline/analytics';
import { type DiscoveredJourney, discoverJourney, MemoryEventStore } from '@touchline/analytics';
import { stringifyMap, templateById } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import { CliError, type CliIo } from '../io.ts';
import { cliSandbox } from '../testing/run-cli.ts';
import { formatDiscovered, registerDiscover } from './discover.ts';

const shoes = templateById('shoes')?.build('en');

function step(id: string, name: string, customers: number, visits: number, skippedBy = 0) {
  return { step: id, name, stage: 's', customers, visits, entries: 0, exits: 0, skipped_by: skippedBy };
}

describe('formatDiscovered', () => {
  it('prints conformance, undesigned transitions, skips, unreached steps and customers per step', () => {
    const found: DiscoveredJourney = {
      customers: 1300,
      single_step_customers: 100,
      multi_step_customers: 1200,
      conforming_customers: 500,
      conformance: 500 / 1200,
      events: 9000,
      events_off_map: 12,
      steps: [
        step('a', 'Sees an ad', 1250, 1400),
        step('b', 'Browses', 900, 1500, 1),
        step('c', 'Buys', 300, 310),
        step('d', 'Returns', 0, 0),
      ],
      edges: [],
      undesigned_transitions: [
        { from: 'a', to: 'c', customers: 1, transitions: 1 },
        { from: 'c', to: 'a', customers: 1, transitions: 2 },
      ],
      skipped_steps: [{ step: 'b', customers: 1, transitions: 1 }],
      unreached_steps: ['d'],
    };
    expect(formatDiscovered(found)).toBe(
      [
        "1,300 customers on the map's steps (100 on a single step)",
        '500 of 1,200 customers with two steps or more (41.7%) follow the designed order',
        '12 events of touchpoints that no step uses are left out',
        '',
        'Transitions the map does not have:',
        '  Sees an ad → Buys   1 customer      once',
        '  Buys → Sees an ad   1 customer   2 times',
        '',
        'Designed steps customers skip:',
        '  Browses   1 customer   once',
        '',
        'Steps no customer reached: Returns',
        '',
        'Customers per step:',
        '  step         customers   visits   skipped by',
        '  Sees an ad       1,250    1,400            0',
        '  Browses            900    1,500            1',
        '  Buys               300      310            0',
        '  Returns              0        0            0',
        '',
      ].join('\n'),
    );
  });

  it('lists at most 15 transitions and says so when every transition is designed', () => {
    const steps = Array.from({ length: 20 }, (_, i) => step(`s${i}`, `Step ${i}`, 1, 1));
    const found: DiscoveredJourney = {
      customers: 20,
      single_step_customers: 0,
      multi_step_customers: 20,
      conforming_customers: 0,
      conformance: 0,
      events: 40,
      events_off_map: 0,
      steps,
      edges: [],
      undesigned_transitions: steps
        .slice(1)
        .map((s, i) => ({ from: `s${i}`, to: s.step, customers: 1, transitions: 1 })),
      skipped_steps: [],
      unreached_steps: [],
    };
    const text = formatDiscovered(found);
    expect(text).toContain('  Step 14 → Step 15');
    expect(text).not.toContain('Step 15 → Step 16');
    expect(text).toContain('  … and 4 more (--json lists all)');
    expect(text).not.toContain('Designed steps customers skip');
    const designed = formatDiscovered({
      ...found,
      undesigned_transitions: [],
      conforming_customers: 20,
      conformance: 1,
    });
    expect(designed).toContain('Every transition customers made is in the map.');
    expect(designed).toContain(
      '20 of 20 customers with two steps or more (100.0%) follow the designed order',
    );
    expect(formatDiscovered({ ...found, customers: 0 })).toBe(
      "no customers: no events match the map's touchpoints on its steps\n",
    );
  });
});

describe('touchline discover', () => {
  it('prints the same discovered journey as the in-memory engine', async () => {
    const events: TrackedEvent[] = [
      { eventId: 'e1', userId: 'anna', time: Date.UTC(2026, 4, 1, 10), event: 'ad_click', channel: 'social' },
      {
        eventId: 'e2',
        userId: 'anna',
        time: Date.UTC(2026, 4, 1, 10, 1),
        event: 'page_view',
        url: '/lp/spring',
      },
      { eventId: 'e3', userId: 'anna', time: Date.UTC(2026, 4, 1, 10, 2), event: 'add_to_cart' },
      { eventId: 'e4', userId: 'bram', time: Date.UTC(2026, 4, 2, 9), event: 'page_view', url: '/' },
      {
        eventId: 'e5',
        userId: 'bram',
        time: Date.UTC(2026, 4, 2, 9, 1),
        event: 'page_view',
        url: '/faq/returns',
      },
      { eventId: 'e6', userId: 'bram', time: Date.UTC(2026, 4, 3, 9), event: 'hotline_call' },
    ];
    const cli = cliSandbox();
    writeFileSync(
      cli.path('events.csv'),
      [
        'event_id,user_id,timestamp,event,channel,url',
        ...events.map((e) =>
          [e.eventId, e.userId, new Date(e.time).toISOString(), e.event, e.channel ?? '', e.url ?? ''].join(
            ',',
          ),
        ),
      ].join('\n'),
    );
    writeFileSync(cli.path('shoes.yaml'), stringifyMap(shoes as NonNullable<typeof shoes>, 'yaml'));
    expect((await cli.run('import', 'events.csv')).code).toBe(0);

    const run = async (...args: string[]) => {
      let stdout = '';
      const io: CliIo = {
        cwd: cli.cwd,
        stdout: (data) => {
          stdout += data.toString();
        },
        stderr: () => {},
        stdoutIsTty: false,
      };
      const program = new Command('touchline').exitOverride();
      registerDiscover(program as unknown as Command, io).exitOverride();
      await program.parseAsync(['node', 'touchline', 'discover', ...args]);
      return stdout;
    };
    const map = shoes as NonNullable<typeof shoes>;
    const expected = await discoverJourney(new MemoryEventStore(events), map);
    expect(JSON.parse(await run('shoes.yaml', '--json'))).toEqual(expected);
    // anna: wants-shoes -> clicks-ad -> checkout (skipping browses-e-shop); bram: browses-e-shop ->
    // wants-to-return -> calls-hotline.
    expect(expected.customers).toBe(2);
    expect(expected.skipped_steps).toEqual([{ step: 'browses-e-shop', customers: 1, transitions: 1 }]);
    const text = await run('shoes.yaml');
    expect(text).toContain('  Clicks an ad to a landing page → Goes through checkout');
    expect(text).toContain('0 of 2 customers with two steps or more (0.0%) follow the designed order');

    const firstDay = await run('shoes.yaml', '--json', '--to', '2026-05-01');
    expect(JSON.parse(firstDay)).toEqual(
      await discoverJourney(new MemoryEventStore(events), map, { to: Date.UTC(2026, 4, 2) }),
    );
    await expect(run('shoes.yaml', '--from', 'soon')).rejects.toThrow(CliError);
  });
});
