import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, importCsv, renderCsv } from './csv.ts';
import { richDutchMap } from './text-maps.ts';

function cells(csv: string, delimiter = ','): string[][] {
  return parse(csv, { bom: true, delimiter, relax_column_count: true }) as string[][];
}

describe('renderCsv', () => {
  const map = richDutchMap();
  const csv = renderCsv(map);
  const [header, ...rows] = cells(csv);
  const row = (stepId: string) => {
    const found = rows.find((r) => r[2] === stepId);
    if (!found || !header) throw new Error(`no row for ${stepId}`);
    return Object.fromEntries(header.map((column, i) => [column, found[i]]));
  };

  it('starts with a byte order mark and has one row per step, plus one for the empty stage', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(header).toEqual([
      'stage_id',
      'stage',
      'step_id',
      'step',
      'description',
      'touchpoints',
      'departments',
      'thoughts',
      'questions',
      'motivations',
      'feeling:koper',
      'feeling:cadeau-koper',
      'pain_points',
      'opportunities',
      'next',
    ]);
    // 7 steps, and "ĳverige ambassadeur" has none.
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r[3])).toEqual([
      'Ziet advertentie',
      'Klikt door naar landingspagina',
      'Bekijkt de e-shop',
      'Bewaart winkelwagen: later; #2',
      'Rekent af',
      'Ontvangt pakket',
      'Belt de hotline',
      '',
    ]);
    expect(rows[7]?.slice(0, 2)).toEqual(['ijverig', 'ĳverige ambassadeur']);
  });

  it('writes touchpoints with channel, mode and owner, and ids only where the name does not give them', () => {
    expect(row('klikt-door').touchpoints).toBe(
      'Advertentie (display, online, Marketing)\nLandingspagina (actie) [lp] (web, online, E-shopbeheer [e-shop])',
    );
    expect(row('ontvangt-pakket').touchpoints).toBe(
      'Pakket, met pakbon [pakket] (delivery, offline, Logistiek)',
    );
    expect(row('belt-hotline').departments).toBe('Klantenservice [cs]\nLogistiek');
  });

  it('marks how lane items are known, and writes feelings and next', () => {
    const first = row('ziet-advertentie');
    expect(first.thoughts).toBe('Mooie schoenen!\n[observed] Zijn ze duurzaam?');
    expect(first.motivations).toBe('[assumed] Oude schoenen zijn versleten');
    expect(first.opportunities).toBe('[proposed] Maattabel in de advertentie');
    expect(first.description).toBe('Op Instagram,\nin de avond');
    expect([first['feeling:koper'], first['feeling:cadeau-koper']]).toEqual(['1', '0.5']);
    expect(first.next).toBe('');
    expect(row('bekijkt-shop').next).toBe('rekent-af\nbewaart-winkelwagen');
    expect(row('belt-hotline').next).toBe('(end)');
    expect(row('belt-hotline').pain_points).toBe('[observed] Retourproces onduidelijk');
  });

  it('writes ; between cells when asked', () => {
    const semicolon = renderCsv(map, { delimiter: ';' });
    expect(semicolon.split('\n')[0]).toBe(
      `${CSV_BOM}stage_id;stage;step_id;step;description;touchpoints;departments;thoughts;questions;motivations;feeling:koper;feeling:cadeau-koper;pain_points;opportunities;next`,
    );
    expect(cells(semicolon, ';')).toEqual(cells(csv));
  });
});

describe('importCsv', () => {
  it('round-trips: the CSV of the imported map is the CSV it came from', () => {
    const csv = renderCsv(richDutchMap());
    const imported = importCsv(csv, { title: 'Schoenen', language: 'nl' });
    expect(imported.problems).toEqual([]);
    if (!imported.map) throw new Error('no map');
    expect(renderCsv(imported.map)).toBe(csv);
    // Also without the byte order mark, and with ; between cells.
    expect(renderCsv(importCsv(csv.slice(1)).map ?? richDutchMap())).toBe(csv);
    const semicolon = renderCsv(richDutchMap(), { delimiter: ';' });
    expect(renderCsv(importCsv(semicolon).map ?? richDutchMap())).toBe(csv);
  });

  it('rebuilds stages, steps, touchpoints, departments, lanes, feelings and flow', () => {
    const original = richDutchMap();
    const { map } = importCsv(renderCsv(original), { title: 'Schoenen kopen', language: 'nl' });
    if (!map) throw new Error('no map');
    expect(map).toMatchObject({
      id: 'schoenen-kopen',
      title: 'Schoenen kopen',
      language: 'nl',
      style: 'current-state',
    });
    expect(map.stages.map((s) => s.id)).toEqual(original.stages.map((s) => s.id));
    expect(map.stages.map((s) => s.name)).toEqual(original.stages.map((s) => s.name));
    expect(map.stages.flatMap((s) => s.steps.map((step) => step.id))).toEqual(
      original.stages.flatMap((s) => s.steps.map((step) => step.id)),
    );
    expect(map.personas).toEqual([
      { id: 'koper', name: 'Koper' },
      { id: 'cadeau-koper', name: 'Cadeau koper' },
    ]);
    expect(map.touchpoints?.find((t) => t.id === 'lp')).toEqual({
      id: 'lp',
      name: 'Landingspagina (actie)',
      channel: 'web',
      mode: 'online',
      department: 'e-shop',
    });
    expect(map.departments).toEqual([
      { id: 'marketing', name: 'Marketing' },
      { id: 'e-shop', name: 'E-shopbeheer' },
      { id: 'logistiek', name: 'Logistiek' },
      { id: 'cs', name: 'Klantenservice' },
    ]);
    const first = map.stages[0]?.steps[0];
    expect(first?.thoughts).toEqual(['Mooie schoenen!', { text: 'Zijn ze duurzaam?', knownBy: 'observed' }]);
    expect(first?.feelings).toEqual({ koper: 1, 'cadeau-koper': 0.5 });
    expect(first?.description).toBe('Op Instagram,\nin de avond');
    expect(map.stages[1]?.steps[0]?.next).toEqual(['rekent-af', 'bewaart-winkelwagen']);
    expect(map.stages[4]?.steps[0]?.next).toEqual([]);
    expect(map.stages[5]?.steps).toEqual([]);
  });

  it('reads a hand-made Dutch sheet with ;, a decimal comma and Dutch markers', () => {
    const text = [
      'Stage;Step;feeling:klant;thoughts',
      'Overweging;Ziet advertentie;1,5;"[waargenomen] Mooi\n[voorgesteld] Korting"',
      'Overweging;Ziet advertentie;-1;',
      'Aankoop;Betaalt met iDEAL;;',
    ].join('\r\n');
    const { map, problems } = importCsv(text, { language: 'nl' });
    expect(problems).toEqual([]);
    expect(map?.title).toBe('Geïmporteerde klantreis');
    expect(map?.stages.map((s) => [s.id, s.steps.map((step) => step.id)])).toEqual([
      ['overweging', ['ziet-advertentie', 'ziet-advertentie-2']],
      ['aankoop', ['betaalt-met-ideal']],
    ]);
    expect(map?.stages[0]?.steps[0]?.feelings).toEqual({ klant: 1.5 });
    expect(map?.stages[0]?.steps[0]?.thoughts).toEqual([
      { text: 'Mooi', knownBy: 'observed' },
      { text: 'Korting', knownBy: 'proposed' },
    ]);
  });

  it('names the CSV line and column of a bad cell, counting line breaks inside quoted cells', () => {
    const text = [
      'stage,step,feeling:klant,next',
      'Fase,"Stap een\nover twee regels",1,',
      'Fase,Stap twee,heel blij,',
    ].join('\n');
    const { map, problems } = importCsv(text);
    expect(map).toBeUndefined();
    expect(problems).toEqual([
      {
        severity: 'error',
        path: ['stages', 0, 'steps', 1, 'feelings', 'klant'],
        code: 'csv-bad-feeling',
        message: 'feeling of "klant" must be a number from -2 to 2, got "heel blij"',
        line: 4,
        column: 3,
      },
    ]);
  });

  it('puts validation problems, such as an unknown next step, on their line and column', () => {
    const text = ['stage,step,next', 'Fase,Stap een,', 'Fase,Stap twee,"stap-een\nstap-drie"'].join('\n');
    const { map, problems } = importCsv(text);
    expect(map).toBeUndefined();
    const problem = problems.find((p) => p.severity === 'error');
    expect(problem).toMatchObject({ path: ['stages', 0, 'steps', 1, 'next', 1], line: 3, column: 3 });
    expect(problem?.message).toContain('stap-drie');
  });

  it('reports missing columns, unknown columns and rows without a stage', () => {
    expect(importCsv('name,colour\nA,B').problems.map((p) => p.code)).toEqual([
      'csv-unknown-column',
      'csv-unknown-column',
      'csv-missing-column',
      'csv-missing-column',
    ]);
    const noStage = importCsv('stage,step,colour\nFase,Stap,rood\n,Stap zonder fase,blauw');
    expect(noStage.problems).toMatchObject([
      { severity: 'warning', code: 'csv-unknown-column', line: 1, column: 3 },
      { severity: 'error', code: 'csv-no-stage', line: 3, column: 1 },
    ]);
    expect(importCsv('stage,step\n"Fase,Stap').problems[0]?.code).toBe('csv-syntax');
  });
});
