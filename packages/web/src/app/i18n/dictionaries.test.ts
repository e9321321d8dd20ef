import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { preferredLanguage } from './languages.ts';
import { nl } from './nl.ts';

type Leaf = string | ((...args: never[]) => string);

/** Every text of a dictionary by its dotted key; functions called with sample values. */
function leaves(dictionary: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(dictionary)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else if (typeof value === 'function') {
      const sample = Array.from({ length: value.length }, (_, i) => (i % 2 === 0 ? 3 : 'X'));
      found.set(path, String((value as (...args: unknown[]) => Leaf)(...sample)));
    } else if (value && typeof value === 'object') {
      for (const [inner, text] of leaves(value, path)) found.set(inner, text);
    }
  }
  return found;
}

/** Texts that are the same in both languages on purpose: names, file formats, numbers. */
const SAME_IN_BOTH = [
  'app.name',
  'app.pageTitle',
  'analytics.filters',
  'analytics.durations.seconds',
  'analytics.durations.minutes',
  'analytics.durations.days',
  'keys.scopes.ingest',
  'keys.status',
  'mapPage.formats.pdf',
  'mapPage.formats.png',
  'mapPage.formats.svg',
  'mapPage.formats.md',
  'mapPage.formats.csv',
  'mapPage.formats.yaml',
  'mapPage.styles.service-blueprint',
  'mapView.level',
];

describe('the dictionaries', () => {
  const english = leaves(en);
  const dutch = leaves(nl);

  it('have the same keys', () => {
    expect([...dutch.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('say every text in Dutch, but for names and formats', () => {
    const untranslated = [...english].filter(([key, text]) => dutch.get(key) === text).map(([key]) => key);
    expect(untranslated.sort()).toEqual([...SAME_IN_BOTH].sort());
  });

  it('have no empty texts', () => {
    for (const [key, text] of [...english, ...dutch])
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });
});

describe('preferredLanguage', () => {
  it.each([
    [null, ['nl-NL', 'en'], 'nl'],
    [null, ['de-DE', 'nl-BE'], 'nl'],
    [null, ['de-DE'], 'en'],
    [null, [], 'en'],
    ['en', ['nl-NL'], 'en'],
    ['nl', ['en-US'], 'nl'],
    ['fr', ['nl'], 'nl'],
  ] as const)('stored %s, browser %j -> %s', (stored, browser, expected) => {
    expect(preferredLanguage(stored, browser)).toBe(expected);
  });
});
