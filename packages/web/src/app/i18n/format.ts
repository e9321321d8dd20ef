/** Dates and numbers in the interface's language. */
import { en } from './en.ts';
import type { UiLanguage } from './languages.ts';
import { nl } from './nl.ts';

/** The locale of each interface language, for Intl. */
export const LOCALES: Record<UiLanguage, string> = { en: 'en-GB', nl: 'nl-NL' };

/** `12 Mar 2026, 14:05` / `12 mrt 2026, 14:05`. */
export function formatDateTime(language: UiLanguage, epochMs: number): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(
    epochMs,
  );
}

/** `12 Mar 2026` / `12 mrt 2026`. */
export function formatDate(language: UiLanguage, epochMs: number): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(epochMs);
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * How long ago (or from now) a moment is, in the largest whole unit: `3 hours ago` / `3 uur
 * geleden`; within a minute, `just now` / `zojuist`.
 */
export function formatRelative(language: UiLanguage, epochMs: number, now: number): string {
  const format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  const difference = epochMs - now;
  for (const [unit, size] of STEPS) {
    if (Math.abs(difference) >= size) return format.format(Math.trunc(difference / size), unit);
  }
  return { en, nl }[language].app.justNow;
}

export function formatNumber(language: UiLanguage, value: number): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}
