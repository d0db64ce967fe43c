/**
 * The pane's language, as React context: Vietnamese by default, English after the switch.
 * The choice lives only in memory (and on `<html lang>` for screen readers), so nothing about
 * the user is stored.
 */
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { stringsFor } from './i18n';
import type { Lang, Strings } from './i18n';

interface LanguageState {
  readonly lang: Lang;
  readonly t: Strings;
  readonly setLang: (lang: Lang) => void;
}

const LanguageContext = createContext<LanguageState>({ lang: 'vi', t: stringsFor('vi'), setLang: () => undefined });

/** Holds the language for everything below it. */
export function LanguageProvider({ initial = 'vi', children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initial);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, t: stringsFor(lang), setLang }), [lang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The strings of the current language. */
export function useStrings(): Strings {
  return useContext(LanguageContext).t;
}

/** The current language and its setter (for the switch). */
export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
