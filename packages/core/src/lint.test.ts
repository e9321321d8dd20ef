import { describe, expect, it } from 'vitest';
import { placedSteps } from './journey.ts';
import { emotionDips, endlessLoops, lintMap } from './lint.ts';
import type { Problem } from './problems.ts';
import type { JourneyMap, Stage, Step } from './schema.ts';
import { validateMap } from './validate.ts';

// A small factory: every stage has a customer goal and a KPI, every step the e-shop touchpoint,
// every touchpoint a department, so a test adds only the weakness it is about.

function step(id: string, name: string, extra: Partial<Step> = {}): Step {
  return { id, name, touchpoints: ['shop'], ...extra };
}

function stage(id: string, name: string, steps: Step[], extra: Partial<Stage> = {}): Stage {
  return {
    id,
    name,
    customerGoal: `Get through ${name}`,
    kpis: [{ kpi: 'ctr', target: 0.02 }],
    steps,
    ...extra,
  };
}

function journeyMap(stages: Stage[], extra: Partial<JourneyMap> = {}): JourneyMap {
  return {
    schemaVersion: 2,
    id: 'buying-shoes',
    title: 'Buying shoes',
    language: 'en',
    style: 'current-state',
    personas: [{ id: 'sam', name: 'Sam' }],
    departments: [
      { id: 'marketing', name: 'Marketing' },
      { id: 'logistics', name: 'Logistics' },
    ],
    touchpoints: [
      { id: 'ad', name: 'Banner ad', channel: 'display', mode: 'online', department: 'marketing' },
      { id: 'shop', name: 'E-shop', channel: 'web', mode: 'online', department: 'marketing' },
      { id: 'parcel', name: 'Parcel', channel: 'delivery', mode: 'offline', department: 'logistics' },
    ],
    stages,
    ...extra,
  };
}

/** Lints a map after checking that it is a valid map, so every test map is one a user could write. */
function lint(map: JourneyMap): Problem[] {
  expect(validateMap(map).problems).toEqual([]);
  return lintMap(map);
}

function warning(code: string, path: (string | number)[], message: string): Problem {
  return { severity: 'warning', code, path, message };
}

function cleanMap(): JourneyMap {
  return journeyMap([
    stage('awareness', 'Awareness', [
      step('sees-ad', 'Sees an ad', {
        touchpoints: ['ad'],
        thoughts: [{ text: 'Nice shoes', knownBy: 'observed', evidence: ['int-1'] }],
        feelings: { sam: 1 },
        evidence: [{ id: 'int-1', source: 'interview', participants: 6 }],
      }),
    ]),
    stage('purchase', 'Purchase', [
      step('checks-out', 'Goes through checkout', {
        painPoints: ['Shipping costs appear late'],
        feelings: { sam: -1 },
      }),
      step('receives', 'Receives the parcel', { touchpoints: ['parcel'], feelings: { sam: 2 } }),
    ]),
  ]);
}

describe('lintMap', () => {
  it('finds nothing in a map that has what a map needs', () => {
    expect(lint(cleanMap())).toEqual([]);
  });

  it('warns about a stage without a customer goal', () => {
    const map = journeyMap([
      stage('bewustzijn', 'Bewustzijn', [step('ziet-advertentie', 'Ziet een advertentie')]),
      stage('overweging', 'Overweging', [step('vergelijkt', 'Vergelijkt schoenen')], {
        customerGoal: undefined,
      }),
    ]);
    expect(lint(map)).toEqual([
      warning('no-customer-goal', ['stages', 1, 'customerGoal'], 'stage "Overweging" has no customer goal'),
    ]);
  });

  it('warns about a stage without a KPI, whether the list is missing or empty', () => {
    const map = journeyMap([
      stage('awareness', 'Awareness', [step('sees-ad', 'Sees an ad')], { kpis: undefined }),
      stage('purchase', 'Purchase', [step('pays', 'Pays')], { kpis: [] }),
    ]);
    expect(lint(map)).toEqual([
      warning('no-kpi', ['stages', 0, 'kpis'], 'stage "Awareness" has no KPI'),
      warning('no-kpi', ['stages', 1, 'kpis'], 'stage "Purchase" has no KPI'),
    ]);
  });

  it('warns about a step without a touchpoint', () => {
    const map = journeyMap([
      stage('purchase', 'Purchase', [
        step('pays', 'Pays'),
        step('waits', 'Waits for the parcel', { touchpoints: [] }),
        step('receives', 'Receives the parcel', { touchpoints: undefined }),
      ]),
    ]);
    expect(lint(map)).toEqual([
      warning(
        'no-touchpoint',
        ['stages', 0, 'steps', 1, 'touchpoints'],
        'step "Waits for the parcel" has no touchpoint',
      ),
      warning(
        'no-touchpoint',
        ['stages', 0, 'steps', 2, 'touchpoints'],
        'step "Receives the parcel" has no touchpoint',
      ),
    ]);
  });

  it('warns about a touchpoint no department owns', () => {
    const map = journeyMap([stage('purchase', 'Purchase', [step('pays', 'Pays')])], {
      touchpoints: [
        { id: 'shop', name: 'E-shop', channel: 'web', mode: 'online', department: 'marketing' },
        { id: 'hotline', name: 'Hotline', channel: 'phone', mode: 'offline' },
      ],
    });
    expect(lint(map)).toEqual([
      warning(
        'no-department',
        ['touchpoints', 1, 'department'],
        'touchpoint "Hotline" has no owning department',
      ),
    ]);
  });

  it('warns about a dip in the emotion curve that no pain point or opportunity explains', () => {
    // Sam: 1, -2, 1; Ria: 2, 1, 2. The middle step is the low point of both curves.
    const map = journeyMap(
      [
        stage('service', 'Service', [
          step('receives', 'Receives the parcel', { feelings: { sam: 1, ria: 2 } }),
          step('tries-on', 'Tries the shoes on', { feelings: { sam: -2, ria: 1 } }),
          step('keeps', 'Keeps the shoes', { feelings: { sam: 1, ria: 2 } }),
        ]),
      ],
      {
        personas: [
          { id: 'sam', name: 'Sam' },
          { id: 'ria', name: 'Ria' },
        ],
      },
    );
    expect(lint(map)).toEqual([
      warning(
        'unexplained-dip',
        ['stages', 0, 'steps', 1, 'feelings'],
        'step "Tries the shoes on" is a low point for Sam (-2) and Ria (+1) but has no pain point or opportunity',
      ),
    ]);
  });

  it('accepts a dip that a pain point or an opportunity explains', () => {
    const curve = (middle: Partial<Step>) =>
      journeyMap([
        stage('service', 'Service', [
          step('receives', 'Receives the parcel', { feelings: { sam: 1 } }),
          step('tries-on', 'Tries the shoes on', { feelings: { sam: -2 }, ...middle }),
          step('keeps', 'Keeps the shoes', { feelings: { sam: 1 } }),
        ]),
      ]);
    const fitting = { id: 'obs-1', source: 'observation' } as const;
    expect(
      lint(
        curve({
          painPoints: [{ text: 'They do not fit', knownBy: 'observed', evidence: ['obs-1'] }],
          evidence: [fitting],
        }),
      ),
    ).toEqual([]);
    expect(lint(curve({ opportunities: [{ text: 'A size guide', knownBy: 'proposed' }] }))).toEqual([]);
    expect(lint(curve({ painPoints: [] })).map((problem) => problem.code)).toEqual(['unexplained-dip']);
  });

  it('warns about a loop with no way out, at the first step of the loop', () => {
    // browses -> compares -> asks -> compares ...: once at "compares" a customer never leaves.
    const map = journeyMap([
      stage('evaluation', 'Evaluation', [
        step('browses', 'Browses the shop'),
        step('compares', 'Compares shoes'),
      ]),
      stage('consideration', 'Consideration', [step('asks', 'Asks a friend', { next: ['compares'] })]),
    ]);
    expect(lint(map)).toEqual([
      warning(
        'endless-loop',
        ['stages', 0, 'steps', 1, 'next'],
        'steps "Compares shoes" and "Asks a friend" lead only to each other: customers who enter this loop never finish',
      ),
    ]);
  });

  it('warns about a step that leads only to itself', () => {
    const map = journeyMap([
      stage('service', 'Service', [
        step('calls', 'Calls the hotline'),
        step('waits', 'Waits on hold', { next: ['waits'] }),
      ]),
    ]);
    expect(lint(map)).toEqual([
      warning(
        'endless-loop',
        ['stages', 0, 'steps', 1, 'next'],
        'step "Waits on hold" leads only to itself: customers who reach it never finish',
      ),
    ]);
  });

  it('accepts loops that customers can leave', () => {
    // checkout -> saves cart -> browses -> checkout, and checkout can also go on to the thank-you page.
    const map = journeyMap([
      stage('purchase', 'Purchase', [
        step('browses', 'Browses the shop'),
        step('checks-out', 'Goes through checkout', { next: ['saves-cart', 'thanks'] }),
        step('saves-cart', 'Saves the cart for later', { next: ['browses'] }),
        step('thanks', 'Sees the thank-you page', { next: [] }),
        step('retries', 'Tries again', { next: ['retries', 'thanks'] }),
      ]),
    ]);
    expect(lint(map).map((problem) => problem.code)).toEqual(['unreachable-step']);
  });

  it('warns about a step the flow never reaches from the first step', () => {
    // sees-ad skips browses; nothing leads to browses, so it is unreachable, while pays is reached.
    const map = journeyMap([
      stage('awareness', 'Awareness', [
        step('sees-ad', 'Sees an ad', { next: ['pays'] }),
        step('browses', 'Browses the shop'),
      ]),
      stage('purchase', 'Purchase', [
        step('pays', 'Pays', { next: [] }),
        step('returns', 'Returns the shoes'),
      ]),
    ]);
    expect(lint(map)).toEqual([
      warning(
        'unreachable-step',
        ['stages', 0, 'steps', 1],
        'step "Browses the shop" cannot be reached from the first step "Sees an ad"',
      ),
      warning(
        'unreachable-step',
        ['stages', 1, 'steps', 1],
        'step "Returns the shoes" cannot be reached from the first step "Sees an ad"',
      ),
    ]);
  });

  it('warns once, at the map, when lane items exist and all are assumed', () => {
    // Two thoughts written as plain text (assumed) and one objection with no knownBy (assumed).
    const map = journeyMap([
      stage(
        'consideration',
        'Consideration',
        [step('compares', 'Compares shoes', { thoughts: ['Too dear?'] })],
        {
          objections: [{ id: 'price', objection: 'Too expensive' }],
        },
      ),
      stage('purchase', 'Purchase', [step('pays', 'Pays', { questions: [{ text: 'Is it safe?' }] })]),
    ]);
    expect(lint(map)).toEqual([warning('all-assumed', [], 'all 3 lane items are assumed; none is observed')]);
  });

  it('counts proposed items in the all-assumed warning, and gives none when nothing is assumed', () => {
    const map = (knownBy: 'assumed' | 'proposed' | 'observed') =>
      journeyMap([
        stage('purchase', 'Purchase', [
          step('pays', 'Pays', {
            painPoints: ['Shipping costs appear late'],
            opportunities: [{ text: 'Show shipping costs early', knownBy: 'proposed' }],
            thoughts: [
              { text: 'Almost done', knownBy, ...(knownBy === 'observed' ? { evidence: ['q-1'] } : {}) },
            ],
            evidence: [{ id: 'q-1', source: 'survey', score: 7 }],
          }),
        ]),
      ]);
    expect(lint(map('assumed'))).toEqual([
      warning('all-assumed', [], 'none of the 3 lane items is observed (2 assumed, 1 proposed)'),
    ]);
    expect(lint(map('observed'))).toEqual([]);
    const onlyProposed = journeyMap([
      stage('purchase', 'Purchase', [
        step('pays', 'Pays', { opportunities: [{ text: 'One-click payment', knownBy: 'proposed' }] }),
      ]),
    ]);
    expect(lint(onlyProposed)).toEqual([]);
  });

  it('warns about an observed lane item that cites no evidence', () => {
    const map = journeyMap([
      stage('purchase', 'Purchase', [
        step('pays', 'Pays', {
          thoughts: [{ text: 'This is quick', knownBy: 'observed', evidence: ['obs-1'] }],
          painPoints: [
            'Shipping costs appear late',
            {
              text: 'The payment page times out when the bank app takes too long to confirm',
              knownBy: 'observed',
            },
          ],
          opportunities: [{ text: 'Remember the card', knownBy: 'observed', evidence: [] }],
          evidence: [{ id: 'obs-1', source: 'observation' }],
        }),
      ]),
    ]);
    expect(lint(map)).toEqual([
      warning(
        'observed-without-evidence',
        ['stages', 0, 'steps', 0, 'painPoints', 1],
        'observed pain point "The payment page times out when the bank app takes too long…" cites no evidence',
      ),
      warning(
        'observed-without-evidence',
        ['stages', 0, 'steps', 0, 'opportunities', 0],
        'observed opportunity "Remember the card" cites no evidence',
      ),
    ]);
  });

  it('lists warnings in document order', () => {
    const map = journeyMap(
      [
        stage(
          'awareness',
          'Awareness',
          [
            step('sees-ad', 'Sees an ad', {
              touchpoints: ['ad'],
              next: ['pays'],
              feelings: { sam: 1 },
              questions: [{ text: 'Is it on sale?', knownBy: 'observed' }],
            }),
            step('reads-blog', 'Reads the blog', { touchpoints: [], feelings: { sam: -1 } }),
          ],
          { customerGoal: undefined, kpis: [] },
        ),
        stage('purchase', 'Purchase', [
          step('pays', 'Pays', { touchpoints: undefined, next: ['pays'], feelings: { sam: 0 } }),
        ]),
      ],
      {
        touchpoints: [
          { id: 'ad', name: 'Banner ad', channel: 'display', mode: 'online' },
          { id: 'shop', name: 'E-shop', channel: 'web', mode: 'online', department: 'marketing' },
        ],
      },
    );
    // The only lane item is observed, so there is no all-assumed warning; the curve 1, -1, 0 has its
    // dip at "Reads the blog" (document order, though that step is unreachable).
    expect(lint(map)).toEqual([
      warning(
        'no-department',
        ['touchpoints', 0, 'department'],
        'touchpoint "Banner ad" has no owning department',
      ),
      warning('no-customer-goal', ['stages', 0, 'customerGoal'], 'stage "Awareness" has no customer goal'),
      warning('no-kpi', ['stages', 0, 'kpis'], 'stage "Awareness" has no KPI'),
      warning(
        'observed-without-evidence',
        ['stages', 0, 'steps', 0, 'questions', 0],
        'observed question "Is it on sale?" cites no evidence',
      ),
      warning(
        'unreachable-step',
        ['stages', 0, 'steps', 1],
        'step "Reads the blog" cannot be reached from the first step "Sees an ad"',
      ),
      warning(
        'no-touchpoint',
        ['stages', 0, 'steps', 1, 'touchpoints'],
        'step "Reads the blog" has no touchpoint',
      ),
      warning(
        'unexplained-dip',
        ['stages', 0, 'steps', 1, 'feelings'],
        'step "Reads the blog" is a low point for Sam (-1) but has no pain point or opportunity',
      ),
      warning('no-touchpoint', ['stages', 1, 'steps', 0, 'touchpoints'], 'step "Pays" has no touchpoint'),
      warning(
        'endless-loop',
        ['stages', 1, 'steps', 0, 'next'],
        'step "Pays" leads only to itself: customers who reach it never finish',
      ),
    ]);
  });

  it('lints a map with no steps', () => {
    expect(lint(journeyMap([stage('awareness', 'Awareness', [])]))).toEqual([]);
  });
});

describe('emotionDips', () => {
  // Each curve is one persona's scores on consecutive steps; `undefined` is a step without a feeling.
  it.each([
    { curve: [1, -1, 2], dips: [1] },
    { curve: [2, 2, 1, 2], dips: [2] }, // the lowest point counts even when it is positive
    { curve: [0, 1, 0], dips: [0, 2] }, // both ends are the lowest and have no lower neighbour
    { curve: [2, 1, 0], dips: [2] }, // a slope down: only its bottom
    { curve: [-2, -1, 0], dips: [0] }, // -1 has a lower neighbour, so it is not a dip
    { curve: [1, -1, -1, 1], dips: [1, 2] }, // a flat bottom: each of its steps
    { curve: [-1], dips: [0] },
    { curve: [1], dips: [] },
    { curve: [0, 0, 0], dips: [] }, // flat at 0: no low point
    { curve: [-1, -1], dips: [0, 1] }, // flat but negative
    { curve: [1, undefined, -1, 0], dips: [2] }, // a step without a feeling is skipped, not read as 0
    { curve: [2, 1, undefined, 2, 1, 2], dips: [1, 4] }, // 1 then 2 around the gap: both 1s are lows
    { curve: [], dips: [] },
  ])('$curve has dips at $dips', ({ curve, dips }) => {
    const map = journeyMap([
      stage(
        'journey',
        'Journey',
        curve.map((score, i) =>
          step(`step-${i}`, `Step ${i}`, score === undefined ? {} : { feelings: { sam: score } }),
        ),
      ),
    ]);
    expect(emotionDips(placedSteps(map), 'sam').map((dip) => dip.index)).toEqual(dips);
  });

  it('gives the score of each dip and ignores other personas', () => {
    const map = journeyMap([
      stage('journey', 'Journey', [
        step('a', 'A', { feelings: { sam: 1, ria: -2 } }),
        step('b', 'B', { feelings: { sam: -1, ria: 2 } }),
        step('c', 'C', { feelings: { sam: 0 } }),
      ]),
    ]);
    expect(emotionDips(placedSteps(map), 'sam')).toEqual([{ index: 1, score: -1 }]);
    expect(emotionDips(placedSteps(map), 'ria')).toEqual([{ index: 0, score: -2 }]);
    expect(emotionDips(placedSteps(map), 'nobody')).toEqual([]);
  });
});

describe('endlessLoops', () => {
  const flow = (nexts: (string[] | undefined)[]) =>
    placedSteps(
      journeyMap([
        stage(
          'journey',
          'Journey',
          nexts.map((next, i) => step(String.fromCharCode(97 + i), `Step ${i}`, next ? { next } : {})),
        ),
      ]),
    );

  it.each([
    { name: 'a straight line', nexts: [undefined, undefined, undefined], loops: [] },
    {
      name: 'a loop back to the start with no exit',
      nexts: [undefined, undefined, ['a']],
      loops: [[0, 1, 2]],
    },
    { name: 'a loop with an exit', nexts: [undefined, ['a', 'c'], []], loops: [] },
    { name: 'two separate traps', nexts: [['b', 'c'], ['b'], undefined, ['c']], loops: [[1], [2, 3]] },
    { name: 'a trap behind a loop', nexts: [['b'], ['a', 'c'], ['d'], ['c']], loops: [[2, 3]] },
    { name: 'a reference to an unknown step', nexts: [['a', 'zz']], loops: [[0]] },
  ])('$name', ({ nexts, loops }) => {
    expect(endlessLoops(flow(nexts))).toEqual(loops);
  });

  it('handles a long chain without overflowing the stack', () => {
    const nexts: (string[] | undefined)[] = Array.from({ length: 20_000 }, () => undefined);
    const steps = placedSteps(
      journeyMap([
        stage(
          'journey',
          'Journey',
          nexts.map((_, i) => step(`s-${i}`, `Step ${i}`, i === nexts.length - 1 ? { next: ['s-0'] } : {})),
        ),
      ]),
    );
    const loops = endlessLoops(steps);
    expect(loops).toHaveLength(1);
    expect(loops[0]).toHaveLength(20_000);
  });
});
