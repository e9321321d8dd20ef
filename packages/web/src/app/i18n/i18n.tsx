/**
 * The interface's language: a dictionary per language (`en`, `nl`), chosen by the person (kept in
 * localStorage) or else by the browser. `useI18n()` gives the dictionary `t` and the language;
 * every visible string of the app comes from `t`. The map's own language is the map's.
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { en, type Messages } from './en.ts';
import { preferredLanguage, type UiLanguage } from './languages.ts';
import { nl } from './nl.ts';

export const DICTIONARIES: Record<UiLanguage, Messages> = { en, nl };
const STORAGE_KEY = 'touchline.language';

interface I18nValue {
  language: UiLanguage;
  t: Messages;
  setLanguage(language: UiLanguage): void;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<UiLanguage>(() =>
    preferredLanguage(storedLanguage(), navigator.languages ?? [navigator.language]),
  );

  useEffect(() => {
    document.documentElement.lang = language;
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
  }, [language]);

  const value = useMemo(() => ({ language, t: DICTIONARIES[language], setLanguage }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}

/** Sets the document's title to the page's, in the interface's language. */
export function useTitle(page: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t.app.pageTitle(page);
  }, [t, page]);
}
