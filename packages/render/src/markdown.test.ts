import type { JourneyMap } from '@touchline/core';
import { describe, expect, it } from 'vitest';
import { escapeCell, renderMarkdown } from './markdown.ts';
import { dutchMap } from './test-maps.ts';

describe('renderMarkdown', () => {
  const map = dutchMap();
  const markdown = renderMarkdown(map);

  it('has a heading per stage and per step, in order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## ') || line.startsWith('### '));
    expect(headings).toEqual([
      '## Persona’s',
      '## Overweging',
      '### Klikt op advertentie',
      '### Bekijkt de webshop',
      '## Dienst na verkoop',
      '### Rekent af',
      '## Ideeën',
      '### Wacht op pakket; "spannend"',
      '## Geïnteresseerd',
      '### Belt de hotline #1',
      '## Café',
      '### Drinkt koffie',
      '## ĳs',
      '### Eet ĳs: lekker',
    ]);
  });

  it('writes lanes with Dutch labels, knownBy, objections and KPIs', () => {
    expect(markdown).toContain('**Stijl:** huidige situatie');
    expect(markdown).toContain('- Zijn ze er in mijn maat? _(waargenomen)_');
    expect(markdown).toContain('- Te duur? → oplossing: Kortingscode');
    expect(markdown).toContain('| ctr | 0.02 | 0.015 |  |');
    expect(markdown).toContain('- Koper: +1');
    expect(markdown).toContain('- Twijfelaar: -2');
    expect(markdown).toContain('- Advertentie (display, online)');
    expect(markdown).toContain('**interview-1** (interview): “Ik klik alleen op korting”');
    // Branches name their targets; an explicit end says so.
    expect(markdown).toMatch(
      /### Bekijkt de webshop[\s\S]*\*\*Volgende stappen\*\*\n\n- Rekent af\n- Klikt op advertentie/,
    );
    expect(markdown).toContain('- _de reis eindigt hier_');
    // A multi-line lane item stays one list item.
    expect(markdown).toContain('- Wanneer komt het? Morgen?');
  });

  it('uses English labels for an English map', () => {
    const english: JourneyMap = { ...map, language: 'en' };
    expect(renderMarkdown(english)).toContain('**Pain points**');
  });
});

describe('escapeCell', () => {
  it('escapes pipes and line breaks', () => {
    expect(escapeCell('a | b\nc')).toBe('a \\| b<br>c');
  });
});
