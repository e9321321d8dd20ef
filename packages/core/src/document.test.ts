import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMapText, stringifyMap, stringifyMapFile } from './document.ts';
import { formatProblem } from './problems.ts';
import type { JourneyMap } from './schema.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** A small valid map; each error case below breaks one thing in it. */
const VALID = `schemaVersion: 2
id: shoes
title: Buying shoes
language: en
style: current-state
personas:
  - id: buyer
    name: Shoe buyer
departments:
  - id: marketing
    name: Marketing
touchpoints:
  - id: ad
    name: Ad
    channel: display
    mode: online
    department: marketing
stages:
  - id: awareness
    name: Awareness
    kpis:
      - kpi: cpm
        target: 5
    steps:
      - id: wants-shoes
        name: Wants shoes
        touchpoints: [ad]
        feelings: { buyer: 1 }
      - id: clicks-ad
        name: Clicks an ad
        next: [wants-shoes]
        thoughts:
          - text: Nice shoes
            knownBy: observed
            evidence: [talk]
        evidence:
          - id: talk
            source: interview
            date: 2026-03-14
`;

function problemsOf(text: string): string[] {
  const result = loadMapText(text, 'map.yaml');
  expect(result.ok).toBe(false);
  return result.problems.map(formatProblem);
}

/** Replaces the first occurrence of `from` in the valid map, failing loudly if it is not there. */
function breaking(from: string, to: string): string {
  expect(VALID).toContain(from);
  return VALID.replace(from, to);
}

describe('loadMapText', () => {
  it('loads a valid map with no problems', () => {
    const result = loadMapText(VALID, 'map.yaml');
    expect(result.problems).toEqual([]);
    expect(result.ok && result.file.map.stages[0]?.steps).toHaveLength(2);
  });

  // Each case: a mistake, and the exact line the loader must print for it.
  it.each([
    [
      'a YAML syntax error',
      breaking('title: Buying shoes', 'title: [Buying shoes'),
      /^map\.yaml:\d+:\d+: .*(flow|sequence|\])/i,
    ],
    [
      'a duplicate key',
      breaking('language: en', 'language: en\nlanguage: nl'),
      /^map\.yaml:5:1: Map keys must be unique/,
    ],
    [
      'an unknown value of an enum',
      breaking('style: current-state', 'style: current'),
      /^map\.yaml:5:8: style: must be one of "current-state", .*; got "current"$/,
    ],
    [
      'a misspelt field',
      breaking('    name: Awareness', '    name: Awareness\n    custmerGoal: x'),
      /^map\.yaml:21:5: stages\[0\]\.custmerGoal: unknown field "custmerGoal" \(did you mean "customerGoal"\?\)$/,
    ],
    [
      'a missing required field',
      breaking('        name: Wants shoes\n', ''),
      /^map\.yaml:25:9: stages\[0\]\.steps\[0\]\.name: required field is missing$/,
    ],
    [
      'an empty value',
      breaking('        name: Clicks an ad', '        name:'),
      /^map\.yaml:30:14: stages\[0\]\.steps\[1\]\.name: expected a string, got null \(empty\)$/,
    ],
    [
      'a wrong type',
      breaking('        target: 5', '        target: five'),
      /^map\.yaml:23:17: stages\[0\]\.kpis\[0\]\.target: expected a number, got "five"$/,
    ],
    [
      'an unknown step in next',
      breaking('next: [wants-shoes]', 'next: [pay]'),
      /^map\.yaml:31:16: stages\[0\]\.steps\[1\]\.next\[0\]: unknown step "pay" \(known: wants-shoes, clicks-ad\)$/,
    ],
    [
      'an unknown department',
      breaking('    department: marketing', '    department: sales'),
      /^map\.yaml:17:17: touchpoints\[0\]\.department: unknown department "sales" \(known: marketing\)$/,
    ],
    [
      'an unknown touchpoint',
      breaking('touchpoints: [ad]', 'touchpoints: [banner]'),
      /^map\.yaml:27:23: stages\[0\]\.steps\[0\]\.touchpoints\[0\]: unknown touchpoint "banner"/,
    ],
    [
      'an id that is not a slug',
      breaking('- id: clicks-ad', '- id: Clicks Ad'),
      /^map\.yaml:29:13: stages\[0\]\.steps\[1\]\.id: must be a slug/,
    ],
    [
      'a duplicate id',
      breaking('- id: clicks-ad', '- id: wants-shoes'),
      /^map\.yaml:29:13: stages\[0\]\.steps\[1\]\.id: duplicate step id "wants-shoes" \(first used at stages\[0\]\.steps\[0\]\.id\)$/,
    ],
    [
      'a feeling out of range',
      breaking('{ buyer: 1 }', '{ buyer: 7 }'),
      /^map\.yaml:28:28: stages\[0\]\.steps\[0\]\.feelings\.buyer: must be at most 2, got 7$/,
    ],
    [
      'a feeling for an unknown persona',
      breaking('{ buyer: 1 }', '{ ghost: 1 }'),
      /^map\.yaml:28:21: stages\[0\]\.steps\[0\]\.feelings\.ghost: unknown persona "ghost"/,
    ],
    [
      'an unknown KPI',
      breaking('kpi: cpm', 'kpi: reach'),
      /^map\.yaml:22:14: stages\[0\]\.kpis\[0\]\.kpi: must be one of "cpm", /,
    ],
    [
      'a bad date',
      breaking('date: 2026-03-14', 'date: 14-03-2026'),
      /^map\.yaml:39:19: stages\[0\]\.steps\[1\]\.evidence\[0\]\.date: must be a date as YYYY-MM-DD/,
    ],
    [
      'an unknown evidence reference',
      breaking('evidence: [talk]', 'evidence: [survey]'),
      /^map\.yaml:35:24: stages\[0\]\.steps\[1\]\.thoughts\[0\]\.evidence\[0\]: unknown evidence on this step "survey"/,
    ],
    [
      'a wrong schema version',
      breaking('schemaVersion: 2', 'schemaVersion: 9'),
      /^map\.yaml:1:16: schemaVersion: must be 2, got 9$/,
    ],
    [
      'a list where an object belongs',
      breaking('    name: Shoe buyer', '    name: [Shoe, buyer]'),
      /^map\.yaml:8:11: personas\[0\]\.name: expected a string, got a list$/,
    ],
  ])('reports %s with file, line, column and field path', (_kind, text, expected) => {
    const problems = problemsOf(text);
    expect(
      problems.some((line) => expected.test(line)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports every problem at once, in file order', () => {
    const text = breaking('style: current-state', 'style: current')
      .replace('department: marketing', 'department: sales')
      .replace('next: [wants-shoes]', 'next: [pay]');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(3);
    const lines = problems.map((p) => Number(p.split(':')[1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('reads JSON files with positions too', () => {
    const map = loadMapText(VALID, 'map.yaml');
    if (!map.ok) throw new Error('fixture must be valid');
    const json = stringifyMap(map.file.map, 'json').replace('"current-state"', '"current"');
    const problems = problemsOf(json);
    expect(problems[0]).toMatch(/^map\.yaml:6:12: style: must be one of/);
  });

  it('says so when the file is empty', () => {
    expect(problemsOf('# nothing here\n')).toEqual(['map.yaml:1:1: the file is empty']);
  });
});

describe('round trip', () => {
  it('saves an unchanged YAML file byte for byte, comments included', () => {
    const text = fixture('v2.yaml');
    const result = loadMapText(text, 'v2.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(stringifyMapFile(result.file)).toBe(text);
  });

  it('keeps comments on the nodes that did not change when saving an edited map', () => {
    const result = loadMapText(fixture('v2.yaml'), 'v2.yaml');
    if (!result.ok) throw new Error('fixture must be valid');
    const edited: JourneyMap = structuredClone(result.file.map);
    edited.title = 'Buying running shoes';
    edited.stages[0]?.steps.push({ id: 'compares', name: 'Compares prices' });
    const saved = stringifyMapFile(result.file, edited);
    expect(saved).toContain('# The current format (schemaVersion 2).');
    expect(saved).toContain('# Awareness comes first.');
    expect(saved).toContain('title: Buying running shoes');
    const reloaded = loadMapText(saved, 'v2.yaml');
    expect(reloaded.ok && reloaded.file.map).toEqual(edited);
  });

  it.each(['yaml', 'json'] as const)('writes and reads %s without loss', (format) => {
    const result = loadMapText(fixture('v2.yaml'), 'v2.yaml');
    if (!result.ok) throw new Error('fixture must be valid');
    const again = loadMapText(stringifyMap(result.file.map, format), `map.${format}`);
    expect(again.ok && again.file.map).toEqual(result.file.map);
  });
});

describe('migrations', () => {
  it('loads a version 1 file into the current model', () => {
    const result = loadMapText(fixture('v1.yaml'), 'v1.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const { map, migratedFrom } = result.file;
    expect(migratedFrom).toBe(1);
    expect(map.schemaVersion).toBe(2);
    expect(map.personas).toEqual([
      { id: 'iemand-die-schoenen-wil-kopen', name: 'Iemand die schoenen wil kopen' },
    ]);
    expect(map.stages.map((s) => s.id)).toEqual(['bewustzijn', 'service']);
    const [wants, clicks] = map.stages[0]?.steps ?? [];
    expect(wants?.id).toBe('wil-schoenen-kopen');
    // Emotion 1..5 becomes feeling -2..+2.
    expect(wants?.feelings).toEqual({ 'iemand-die-schoenen-wil-kopen': 1 });
    expect(clicks?.touchpoints).toEqual(['advertentie']);
    const hotline = map.stages[1]?.steps[0];
    expect(hotline?.feelings).toEqual({ 'iemand-die-schoenen-wil-kopen': -2 });
    // A touchpoint named only on a step becomes a touchpoint of its own.
    expect(hotline?.touchpoints).toEqual(['hotline', 'retourlabel']);
    expect(map.touchpoints?.find((t) => t.id === 'hotline')).toMatchObject({
      mode: 'offline',
      department: 'klantenservice',
    });
    expect(map.touchpoints?.find((t) => t.id === 'retourlabel')).toMatchObject({ channel: 'other' });
    expect(hotline?.departments).toEqual(['klantenservice']);
  });

  it('loads the current version fixture unchanged', () => {
    const result = loadMapText(fixture('v2.yaml'), 'v2.yaml');
    expect(result.problems).toEqual([]);
    expect(result.ok && result.file.migratedFrom).toBeUndefined();
  });

  it('reports problems in a migrated file by field path', () => {
    const broken = fixture('v1.yaml').replace('channel: display', 'channel: billboard');
    const problems = problemsOf(broken);
    expect(problems.join('\n')).toContain('touchpoints[0].channel: must be one of');
  });
});
