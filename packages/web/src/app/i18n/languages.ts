/** The languages of the interface (the map's own language is separate: it comes from the map). */
export const UI_LANGUAGES = ['en', 'nl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language's name in itself, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', nl: 'Nederlands' };

/** The first of the browser's languages the interface speaks; English otherwise. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): UiLanguage {
  if (stored === 'en' || stored === 'nl') return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'nl') return base;
  }
  return 'en';
}
