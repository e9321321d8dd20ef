import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatRelative } from './format.ts';

const NOW = Date.UTC(2026, 2, 12, 14, 5);
const HOUR = 3_600_000;

describe('formatRelative', () => {
  it.each([
    ['en', NOW - 3 * HOUR, '3 hours ago'],
    ['nl', NOW - 3 * HOUR, '3 uur geleden'],
    ['en', NOW - 20_000, 'just now'],
    ['nl', NOW + 20_000, 'zojuist'],
    ['en', NOW - 25 * HOUR, 'yesterday'],
    ['nl', NOW - 25 * HOUR, 'gisteren'],
    ['en', NOW + 7 * 24 * HOUR, 'next week'],
    ['nl', NOW + 14 * 24 * HOUR, 'over 2 weken'],
    ['en', NOW - 400 * 24 * HOUR, 'last year'],
  ] as const)('%s: %s -> %s', (language, at, text) => {
    expect(formatRelative(language, at, NOW)).toBe(text);
  });
});

describe('formatDate and formatNumber', () => {
  it('follow the language', () => {
    expect(formatDate('en', NOW)).toBe('12 Mar 2026');
    expect(formatDate('nl', NOW)).toBe('12 mrt 2026');
    expect(formatNumber('en', 12345.5)).toBe('12,345.5');
    expect(formatNumber('nl', 12345.5)).toBe('12.345,5');
  });
});
