import type { JourneyMap } from '@touchline/core';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { departmentMatrix, renderMatrixCsv, renderMatrixMarkdown } from './matrix.ts';

/**
 * Five steps. Responsible departments (listed, then touchpoint owners):
 * s1 {M}, s2 {M, E}, s3 {M, E}, s4 {L}, s5 {C}. Flow: s1 -> s2 -> s3 -> (s4 | back to s2), s4 -> s5, s5 ends.
 * Hand-offs where the sets differ: s1 -> s2, s3 -> s4, s4 -> s5; not s2 -> s3 nor s3 -> s2.
 */
function shopMap(): JourneyMap {
  return {
    schemaVersion: 2,
    id: 'winkel',
    title: 'Winkel',
    language: 'nl',
    style: 'service-blueprint',
    personas: [{ id: 'klant', name: 'Klant' }],
    departments: [
      { id: 'm', name: 'Marketing' },
      { id: 'e', name: 'E-shop | beheer' },
      { id: 'l', name: 'Logistiek' },
      { id: 'c', name: 'Klantenservice' },
      { id: 'f', name: 'Financiën' },
    ],
    touchpoints: [
      { id: 'ad', name: 'Advertentie', channel: 'display', mode: 'online', department: 'm' },
      { id: 'shop', name: 'Webshop', channel: 'web', mode: 'online', department: 'e' },
      { id: 'parcel', name: 'Pakket', channel: 'delivery', mode: 'offline', department: 'l' },
      { id: 'phone', name: 'Telefoon', channel: 'phone', mode: 'offline' },
    ],
    stages: [
      {
        id: 'online',
        name: 'Online',
        steps: [
          { id: 's1', name: 'Ziet advertentie', touchpoints: ['ad'] },
          { id: 's2', name: 'Bekijkt shop', touchpoints: ['shop'], departments: ['m'] },
          { id: 's3', name: 'Betaalt', touchpoints: ['shop'], departments: ['m', 'e'], next: ['s4', 's2'] },
        ],
      },
      {
        id: 'na',
        name: 'Na de aankoop',
        steps: [
          { id: 's4', name: 'Ontvangt pakket', touchpoints: ['parcel'] },
          { id: 's5', name: 'Belt', touchpoints: ['phone'], departments: ['c'], next: [] },
        ],
      },
    ],
  };
}

describe('departmentMatrix', () => {
  const matrix = departmentMatrix(shopMap());

  it('marks each department in each step as listed, touchpoint owner, both or none', () => {
    expect(matrix.departments.map((d) => d.id)).toEqual(['m', 'e', 'l', 'c', 'f']);
    expect(matrix.steps.map((s) => `${s.stageId}/${s.stepId}`)).toEqual([
      'online/s1',
      'online/s2',
      'online/s3',
      'na/s4',
      'na/s5',
    ]);
    const roles = matrix.cells.map((row) => row.map((cell) => cell.role));
    expect(roles).toEqual([
      ['touchpoint', 'listed', 'listed', 'none', 'none'],
      ['none', 'touchpoint', 'both', 'none', 'none'],
      ['none', 'none', 'none', 'touchpoint', 'none'],
      ['none', 'none', 'none', 'none', 'listed'],
      ['none', 'none', 'none', 'none', 'none'],
    ]);
    expect(matrix.cells[0]?.[0]?.touchpoints).toEqual(['ad']);
    expect(matrix.cells[1]?.[2]?.touchpoints).toEqual(['shop']);
    expect(matrix.cells[0]?.[1]?.touchpoints).toEqual([]);
  });

  it('finds the hand-offs along the designed flow, branches and loops included', () => {
    expect(matrix.handOffs).toEqual([
      { fromStepId: 's1', toStepId: 's2', from: ['m'], to: ['m', 'e'] },
      { fromStepId: 's3', toStepId: 's4', from: ['m', 'e'], to: ['l'] },
      { fromStepId: 's4', toStepId: 's5', from: ['l'], to: ['c'] },
    ]);
  });

  it('adds a row for a department a step names without the map defining it', () => {
    const map = shopMap();
    const step = map.stages[1]?.steps[1];
    if (step) step.departments = ['c', 'juridisch'];
    expect(departmentMatrix(map).departments.at(-1)).toEqual({ id: 'juridisch', name: 'juridisch' });
  });
});

describe('renderMatrixCsv', () => {
  it('writes a row per department and a last row with where each step is handed over from', () => {
    const rows = parse(renderMatrixCsv(shopMap()), { bom: true }) as string[][];
    expect(rows).toEqual([
      [
        'department_id',
        'department',
        'Ziet advertentie',
        'Bekijkt shop',
        'Betaalt',
        'Ontvangt pakket',
        'Belt',
      ],
      ['m', 'Marketing', 'Advertentie', '✓', '✓', '', ''],
      ['e', 'E-shop | beheer', '', 'Webshop', '✓ Webshop', '', ''],
      ['l', 'Logistiek', '', '', '', 'Pakket', ''],
      ['c', 'Klantenservice', '', '', '', '', '✓'],
      ['f', 'Financiën', '', '', '', '', ''],
      ['', 'Overdrachten', '', '← Ziet advertentie', '', '← Betaalt', '← Ontvangt pakket'],
    ]);
  });
});

describe('renderMatrixMarkdown', () => {
  it('writes the table with escaped cells and lists the hand-offs in the map language', () => {
    const text = renderMatrixMarkdown(shopMap());
    expect(text.split('\n')).toEqual([
      '# Winkel: afdelingen × stappen',
      '',
      '| Afdeling | Ziet advertentie | Bekijkt shop | Betaalt | Ontvangt pakket | Belt |',
      '|---|:---:|:---:|:---:|:---:|:---:|',
      '| Marketing | Advertentie | ✓ | ✓ |  |  |',
      '| E-shop \\| beheer |  | Webshop | ✓ Webshop |  |  |',
      '| Logistiek |  |  |  | Pakket |  |',
      '| Klantenservice |  |  |  |  | ✓ |',
      '| Financiën |  |  |  |  |  |',
      '',
      '## Overdrachten',
      '',
      '- Ziet advertentie → Bekijkt shop: Marketing → Marketing, E-shop | beheer',
      '- Betaalt → Ontvangt pakket: Marketing, E-shop | beheer → Logistiek',
      '- Ontvangt pakket → Belt: Logistiek → Klantenservice',
      '',
    ]);
  });

  it('says so when no department hands over', () => {
    const map = shopMap();
    map.language = 'en';
    for (const stage of map.stages) for (const step of stage.steps) step.departments = ['m'];
    map.touchpoints = [];
    for (const stage of map.stages) for (const step of stage.steps) delete step.touchpoints;
    expect(renderMatrixMarkdown(map)).toContain('## Hand-offs\n\nNo hand-offs between departments.\n');
  });
});
