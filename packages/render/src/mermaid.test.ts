import { describe, expect, it } from 'vitest';
import { mermaidScore, mermaidText, renderMermaid } from './mermaid.ts';
import { richDutchMap } from './text-maps.ts';

describe('mermaidScore', () => {
  it.each([
    [-2, 1],
    [-1, 2],
    [-0.5, 2],
    [-0.4, 3],
    [0, 3],
    [0.5, 4],
    [1, 4],
    [1.5, 5],
    [2, 5],
    [undefined, 3],
  ])('feeling %s scores %i', (feeling, score) => {
    expect(mermaidScore(feeling)).toBe(score);
  });
});

describe('mermaidText', () => {
  it('takes out what ends a name in the journey syntax', () => {
    expect(mermaidText('Bewaart winkelwagen: later; #2')).toBe('Bewaart winkelwagen - later, ＃2');
    expect(mermaidText('Op Instagram,\nin de avond')).toBe('Op Instagram, in de avond');
    expect(mermaidText(' \n ')).toBe('-');
  });
});

describe('renderMermaid', () => {
  const map = richDutchMap();
  const text = renderMermaid(map);
  const lines = text.trimEnd().split('\n');

  it('writes a section per stage and a task per step with a score from 1 to 5', () => {
    expect(lines[0]).toBe('journey');
    expect(lines[1]).toBe('    title Schoenen kopen - één klantreis');
    const sections = lines.filter((l) => l.startsWith('    section '));
    expect(sections).toEqual([
      '    section Overweging',
      '    section Ideeën',
      '    section Geïnteresseerd',
      '    section Café',
      '    section Dienst na verkoop',
      '    section ĳverige ambassadeur',
    ]);
    const tasks = lines.filter((l) => l.startsWith('      '));
    expect(tasks).toHaveLength(7);
    for (const task of tasks) {
      // name: score: actors, with no other colon, semicolon or hash to confuse the lexer.
      const parts = task.trim().split(':');
      expect(parts).toHaveLength(3);
      expect(Number(parts[1])).toBeGreaterThanOrEqual(1);
      expect(Number(parts[1])).toBeLessThanOrEqual(5);
      expect(task).not.toMatch(/[;#]/);
    }
  });

  it("scores with the first persona's feeling and names the persona and the step's departments", () => {
    expect(lines).toContain('      Ziet advertentie: 4: Schoenenkoper, Marketing');
    // Listed department first, then the owners of the step's touchpoints.
    expect(lines).toContain(
      '      Klikt door naar landingspagina: 5: Schoenenkoper, Marketing, E-shopbeheer',
    );
    expect(lines).toContain('      Bewaart winkelwagen - later, ＃2: 2: Schoenenkoper');
    expect(lines).toContain('      Belt de hotline: 1: Schoenenkoper, Klantenservice, Logistiek');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('keeps a task whose name starts with a keyword from being read as one', () => {
    const titled = richDutchMap();
    const step = titled.stages[0]?.steps[0];
    if (step) step.name = 'Title page: bekeken';
    expect(renderMermaid(titled)).toContain('      \u200BTitle page - bekeken: 4:');
  });
});
